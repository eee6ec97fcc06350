"""A login attempt is one transaction: its address count, the account's count, the new
session and the audit entry are written together, and a step that fails takes all of
them back."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.infrastructure.config import Settings
from bot.infrastructure.db import SessionFactory, transaction
from bot.staff import login
from bot.staff.accounts import create_user
from bot.staff.login import LoginAttempt, attempt_login
from bot.staff.models import AuditEntry, LoginThrottle, StaffSession, StaffUser

PASSWORD = "correct-horse-battery"
ADDRESS = "203.0.113.9"


@pytest.fixture()
def settings() -> Settings:
    return Settings(staff_login_address_limit=20)


@pytest.fixture()
def sessions(sessions: SessionFactory) -> SessionFactory:
    with transaction(sessions) as session:
        create_user(session, username="dana", password=PASSWORD)
    return sessions


def attempt(sessions: SessionFactory, settings: Settings, password: str) -> LoginAttempt:
    with transaction(sessions) as session:
        return attempt_login(
            session, settings=settings, username="Dana", password=password, address=ADDRESS
        )


def written(sessions: SessionFactory) -> dict[str, object]:
    """What the attempts left behind."""
    with transaction(sessions) as session:
        count = {
            table.__tablename__: session.execute(select(func.count()).select_from(table)).scalar()
            for table in (AuditEntry, LoginThrottle, StaffSession)
        }
        user = session.execute(select(StaffUser)).scalar_one()
        actions = session.execute(select(AuditEntry.action)).scalars().all()
        return {**count, "failed_logins": user.failed_logins, "actions": actions}


def test_a_login_writes_its_count_session_and_audit_entry_together(
    sessions: SessionFactory, settings: Settings
) -> None:
    assert attempt(sessions, settings, PASSWORD).token
    assert written(sessions) == {
        "audit_log": 1,
        "login_throttle": 1,
        "staff_sessions": 1,
        "failed_logins": 0,
        "actions": ["login"],
    }


def test_a_wrong_password_is_counted_and_audited(
    sessions: SessionFactory, settings: Settings
) -> None:
    assert attempt(sessions, settings, "wrong-password").token is None
    assert written(sessions) == {
        "audit_log": 1,
        "login_throttle": 1,
        "staff_sessions": 0,
        "failed_logins": 1,
        "actions": ["login_failed"],
    }


def test_a_login_whose_session_cannot_be_opened_leaves_nothing(
    sessions: SessionFactory, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the session could not be stored")

    monkeypatch.setattr(login.sessions, "start", broken)
    with pytest.raises(RuntimeError):
        attempt(sessions, settings, PASSWORD)
    # Not the address's count, the account's, nor an audit entry for a login that
    # never happened.
    assert written(sessions) == {
        "audit_log": 0,
        "login_throttle": 0,
        "staff_sessions": 0,
        "failed_logins": 0,
        "actions": [],
    }


def test_a_failure_that_cannot_be_audited_is_not_counted_either(
    sessions: SessionFactory, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the audit log is unavailable")

    monkeypatch.setattr(login.audit, "record", broken)
    with pytest.raises(RuntimeError):
        attempt(sessions, settings, "wrong-password")
    assert written(sessions)["failed_logins"] == 0
    assert written(sessions)["login_throttle"] == 0


def test_log_out_ends_the_session_and_audits_it_together(
    sessions: SessionFactory, settings: Settings
) -> None:
    token = attempt(sessions, settings, PASSWORD).token
    with transaction(sessions) as session:
        login.log_out(session, token=token, username="dana")
    assert written(sessions)["staff_sessions"] == 0
    assert written(sessions)["actions"] == ["login", "logout"]
