"""POST /api/v1/chat: the web chat channel, a thin adapter over ChatService."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Header, Path

from api.dependencies import ChatDep, WebDep
from api.schemas import (
    MESSAGE_ID_PATTERN,
    SESSION_ID_PATTERN,
    ChatRequest,
    ChatResponse,
    ErrorOut,
    HistoryItemOut,
    HistoryResponse,
    ReplyOut,
)

router = APIRouter(prefix="/api/v1/chat", tags=["chat"])

ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorOut, "description": "Body over 16 KB"},
    422: {"model": ErrorOut, "description": "Invalid session id or text"},
    503: {
        "model": ErrorOut,
        "description": "Dialogue engine unavailable; message names the help line",
    },
}


# exclude_none: a reply without a card has no "card" key (the schema has no null).
@router.post("", response_model=ChatResponse, response_model_exclude_none=True, responses=ERRORS)
async def chat(
    body: ChatRequest,
    chat_service: ChatDep,
    web: WebDep,
    idempotency_key: str | None = Header(None, regex=MESSAGE_ID_PATTERN, max_length=64),
) -> ChatResponse:
    """One user message in, the bot's replies out. Send a button's payload as `text` to
    select it. Give each message an id (`message_id`, or the `Idempotency-Key` header) to
    retry safely: a repeated id gets the first answer and never advances the
    conversation again. When both are given, `message_id` is the one used."""
    message_id = body.message_id or idempotency_key
    replies = await chat_service.turn(
        body.session_id, body.text, web.name, message_id, page_locale=body.lang
    )
    return ChatResponse(
        session_id=body.session_id, replies=[ReplyOut(**r) for r in web.render(replies)]
    )


@router.get(
    "/{session_id}/history",
    response_model=HistoryResponse,
    response_model_exclude_none=True,
    responses=ERRORS,
)
async def history(
    chat_service: ChatDep,
    session_id: str = Path(..., regex=SESSION_ID_PATTERN),
) -> HistoryResponse:
    """The conversation so far, so a reloaded page can show it again."""
    entries = await chat_service.history(session_id)
    return HistoryResponse(
        session_id=session_id, messages=[HistoryItemOut(**asdict(e)) for e in entries]
    )
