"""spaCy-based language work: the vocabulary matcher and the Rasa components using it."""
