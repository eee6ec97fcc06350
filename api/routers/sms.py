"""POST /sms/twilio: Twilio's inbound-message webhook, a thin adapter over SmsService."""

from __future__ import annotations

import logging
import re

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from twilio.twiml.messaging_response import MessagingResponse

from api.dependencies import SettingsDep, SmsDep
from bot.sms.service import InboundSms
from bot.sms.signature import is_signed_by_twilio, signed_url

logger = logging.getLogger(__name__)
router = APIRouter(tags=["sms"])

MESSAGE_SID = re.compile(r"^[A-Z]{2}[0-9a-f]{32}\Z")
MAX_BODY_CHARS = 1600  # Twilio's own limit for one message


def twiml(messages: list[str]) -> Response:
    """`<Response/>` with one `<Message>` per text; none at all sends nothing."""
    response = MessagingResponse()
    for text in messages:
        response.message(text)
    return Response(content=str(response), media_type="application/xml")


@router.post(
    "/sms/twilio",
    response_class=Response,
    responses={
        200: {"content": {"application/xml": {}}, "description": "TwiML reply"},
        403: {"description": "Missing or invalid X-Twilio-Signature"},
        422: {"description": "Signed, but without MessageSid or From"},
    },
)
async def twilio_webhook(request: Request, settings: SettingsDep, sms: SmsDep) -> Response:
    """Form-encoded MessageSid, From, Body (and any other fields Twilio adds) in; TwiML
    out, within Twilio's 15-second limit."""
    form = await request.form()
    fields = form.multi_items()
    url = signed_url(settings, str(request.url), request.url.path, request.url.query)
    signed = is_signed_by_twilio(settings, url, fields, request.headers.get("X-Twilio-Signature"))
    if not (signed or settings.sms_allow_unsigned):
        logger.warning("SMS webhook refused: missing or invalid signature")
        return JSONResponse(status_code=403, content={"detail": "invalid signature"})
    values = {name: value for name, value in fields if isinstance(value, str)}
    sid = values.get("MessageSid", "")
    sender = values.get("From", "")
    if not MESSAGE_SID.match(sid) or not sender.strip():
        return JSONResponse(
            status_code=422,
            content={"detail": "MessageSid and From are required", "message": "bad webhook"},
        )
    body = values.get("Body", "")[:MAX_BODY_CHARS]
    return twiml(await sms.handle(InboundSms(message_sid=sid, sender=sender, body=body)))
