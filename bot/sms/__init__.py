"""The text-message channel: Twilio's webhook in, TwiML out, over the same ChatService."""
