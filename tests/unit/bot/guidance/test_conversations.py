"""Handoff requests inside the caller's transaction: idempotent, reopened after a close,
and a reference code drawn again when another conversation already has it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.guidance import conversations
from bot.infrastructure.db import SessionFactory, transaction


def test_a_repeated_request_keeps_its_code_and_a_closed_one_reopens(
    sessions: SessionFactory,
) -> None:
    with transaction(sessions) as session:
        code = conversations.mark_handoff_requested(session, session_key="web-a", channel="web")
        again = conversations.mark_handoff_requested(session, session_key="web-a", channel="web")
    assert again == code and conversations.normalise_code(code.replace("-", "")) == code
    with transaction(sessions) as session:
        conversations.close_handoff(session, session_key="web-a")
        assert not conversations.handoff_requested(session, session_key="web-a")
        conversations.mark_handoff_requested(session, session_key="web-a", channel="web")
        assert conversations.handoff_requested(session, session_key="web-a")


def test_a_code_another_conversation_has_is_drawn_again(
    sessions: SessionFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    draws: Iterator[str] = iter(["AB-CDE", "AB-CDE", "FG-HJK"])
    monkeypatch.setattr(conversations, "new_reference_code", lambda: next(draws))
    with transaction(sessions) as session:
        first = conversations.mark_handoff_requested(session, session_key="web-a", channel="web")
        second = conversations.mark_handoff_requested(session, session_key="sms-b", channel="sms")
    assert (first, second) == ("AB-CDE", "FG-HJK")
