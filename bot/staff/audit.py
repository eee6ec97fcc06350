"""The audit log: one row per staff action on the console. Message text never goes in:
the log says who opened or replied to which conversation, not what was said."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.infrastructure.clock import as_utc
from bot.staff.models import AuditEntry


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    username: str
    action: str
    conversation_key: str | None
    detail: str


def record(
    session: Session,
    *,
    username: str,
    action: str,
    conversation_key: str | None = None,
    detail: str = "",
) -> None:
    """Written in the transaction of the action it records: the two stand or fall
    together."""
    session.add(
        AuditEntry(
            username=username,
            action=action,
            conversation_key=conversation_key,
            detail=detail[:200],
        )
    )


def latest(
    session: Session, *, limit: int = 200, conversation_key: str | None = None
) -> list[AuditLine]:
    statement = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if conversation_key:
        statement = statement.where(AuditEntry.conversation_key == conversation_key)
    return [
        AuditLine(as_utc(e.at) or e.at, e.username, e.action, e.conversation_key, e.detail)
        for e in session.execute(statement).scalars()
    ]
