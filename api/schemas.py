"""The public JSON contract of the web chat API (fixed: other work depends on it)."""

from __future__ import annotations

from pydantic import BaseModel, constr, validator

from bot.channels import reserved_prefixes

# The other channels' session ids ("sms-…", "call-…"): the web API may neither write
# into nor read their conversations.
SESSION_ID_PATTERN = rf"^(?!{'|'.join(reserved_prefixes())})[A-Za-z0-9_-]{{1,64}}\Z"


# Strict: pydantic v1 would otherwise turn `"text": false` or `5` into a string.
SessionId = constr(strict=True, regex=SESSION_ID_PATTERN, min_length=1, max_length=64)
MessageText = constr(strict=True, min_length=1, max_length=2000)
MESSAGE_ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}\Z"
MessageId = constr(strict=True, regex=MESSAGE_ID_PATTERN, min_length=1, max_length=64)
Lang = constr(strict=True, regex=r"^(en|es)\Z")


class ChatRequest(BaseModel):
    session_id: SessionId  # type: ignore[valid-type]
    text: MessageText  # type: ignore[valid-type]
    # The client's id for this message; a retry with the same id is answered once.
    message_id: MessageId | None = None  # type: ignore[valid-type]
    # The language the page is shown in ("en", "es"): the reply's language when the
    # message itself does not tell ("ok", a button).
    lang: Lang | None = None  # type: ignore[valid-type]

    @validator("message_id", "lang", pre=True)
    def _absent_not_null(cls, value: object) -> object:
        """Leave the field out for no value; the schema has no null (as for `card`)."""
        if value is None:
            raise ValueError("leave the field out instead of sending null")
        return value


class ButtonOut(BaseModel):
    title: str
    payload: str


class CardOut(BaseModel):
    """A directory result, for channels that draw it as a card (the web page)."""

    name: str
    distance: str
    badges: list[str] = []
    address: str | None = None
    phone: str | None = None
    tel: str | None = None
    directions: str | None = None
    state: str | None = None
    group: str | None = None
    for_only: str | None = None


class ReplyOut(BaseModel):
    text: str
    buttons: list[ButtonOut] = []
    card: CardOut | None = None


class ChatResponse(BaseModel):
    session_id: str
    replies: list[ReplyOut]


class HistoryItemOut(BaseModel):
    role: str
    text: str
    buttons: list[ButtonOut] = []
    from_staff: bool = False  # written by a staff member, not the bot
    card: CardOut | None = None


class HistoryResponse(BaseModel):
    session_id: str
    messages: list[HistoryItemOut]


class ErrorOut(BaseModel):
    detail: object
    message: str
