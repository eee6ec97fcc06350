"""The unit of work: one transaction that commits or rolls back as a whole, run off the
event loop, and an insert that leaves the transaction usable when the row exists."""

from __future__ import annotations

import asyncio
import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.infrastructure.db import SessionFactory, in_transaction, insert_if_absent, transaction
from bot.sms.models import SmsInbound


def rows(sessions: SessionFactory) -> int:
    with transaction(sessions) as session:
        return int(session.execute(select(func.count()).select_from(SmsInbound)).scalar())


def test_a_transaction_commits_everything_or_nothing(sessions: SessionFactory) -> None:
    with transaction(sessions) as session:
        assert insert_if_absent(session, SmsInbound, message_sid="a", phone_hash="h")
    with pytest.raises(RuntimeError), transaction(sessions) as session:
        insert_if_absent(session, SmsInbound, message_sid="b", phone_hash="h")
        raise RuntimeError("a later step fails")
    assert rows(sessions) == 1


def test_a_duplicate_insert_leaves_the_transaction_usable(sessions: SessionFactory) -> None:
    with transaction(sessions) as session:
        assert insert_if_absent(session, SmsInbound, message_sid="a", phone_hash="h")
        assert not insert_if_absent(session, SmsInbound, message_sid="a", phone_hash="other")
        assert session.get(SmsInbound, "a").phone_hash == "h"
        assert insert_if_absent(session, SmsInbound, message_sid="b", phone_hash="h")
    assert rows(sessions) == 2


def test_work_runs_in_a_worker_thread_and_commits(sessions: SessionFactory) -> None:
    def work(session: Session) -> int:
        insert_if_absent(session, SmsInbound, message_sid="a", phone_hash="h")
        return threading.get_ident()

    assert asyncio.run(in_transaction(sessions, work)) != threading.get_ident()
    assert rows(sessions) == 1
