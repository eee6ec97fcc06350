"""D8 and D13: a request for a person that cannot be saved says so and gives the phone
line (it said "Your reference code is None" and reached no one), and a texter's raw
number is wiped when they text STOP."""

from __future__ import annotations

import sqlite3
import uuid

from fastapi.testclient import TestClient
from sqlalchemy import select

from bot.infrastructure.config import Settings
from bot.infrastructure.db import session_scope
from bot.sms.identity import phone_hash
from bot.sms.models import SmsSender
from tests.conftest import say, texts
from tests.model.test_sms import new_number, post, webhook


def test_a_handoff_that_cannot_be_saved_sends_the_person_to_the_phone_line(
    client: TestClient, sqlite_settings: Settings
) -> None:
    session = f"faults-{uuid.uuid4().hex[:12]}"
    say(client, session, "hi")
    holder = sqlite3.connect(
        sqlite_settings.database_url.removeprefix("sqlite:///"), isolation_level=None
    )
    holder.execute("BEGIN EXCLUSIVE")  # the app database takes no writes
    try:
        reply = texts(say(client, session, "I want to talk to a real person please"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert sqlite_settings.help_line_phone in reply
    assert "None" not in reply and "reference code" not in reply
    assert "please call" in reply
    # Once the database is back, the same request reaches the team with a code.
    again = texts(say(client, session, "can I talk to someone"))
    assert "reference code is" in again and "None" not in again


def reply_to(database_url: str, number: str) -> str | None:
    hashed = phone_hash(number, "test-phone-hash-key-not-a-secret")
    with session_scope(database_url) as session:
        return session.execute(
            select(SmsSender.reply_to).where(SmsSender.phone_hash == hashed)
        ).scalar_one_or_none()


def test_stop_wipes_the_number_kept_for_an_open_handoff(
    client: TestClient, sqlite_settings: Settings
) -> None:
    number = new_number()
    post(client, webhook(number, "hi"))
    post(client, webhook(number, "I want to talk to a person"))
    # Documented: kept only while the request for a person is open, to text the reply.
    assert reply_to(sqlite_settings.database_url, number) is not None
    post(client, webhook(number, "STOP"))
    assert reply_to(sqlite_settings.database_url, number) is None


def test_an_sms_is_answered_in_time_while_the_app_database_is_locked(
    client: TestClient, sqlite_settings: Settings
) -> None:
    """D2: with the app's SQLite file write-locked, the MessageSid record waited 30 s,
    and Twilio gives up at 15 s. Now the whole webhook is bounded by SMS_REPLY_SECONDS
    and the person gets the apology with the help line."""
    import time

    number = new_number()
    holder = sqlite3.connect(
        sqlite_settings.database_url.removeprefix("sqlite:///"), isolation_level=None
    )
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        answer = post(client, webhook(number, "hi, I need help with my records"))
        seconds = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert answer.status_code == 200  # type: ignore[attr-defined]
    assert sqlite_settings.help_line_phone in answer.text  # type: ignore[attr-defined]
    assert seconds < sqlite_settings.sms_reply_seconds + 1
