"""D9: simultaneous guesses are each counted, and a client cannot pick its own address.

Checking the limit and counting the failure in separate steps let 12 of 30 simultaneous
wrong passwords be checked, with the account's count ending at 3; and from loopback a
rotating X-Forwarded-For header got around the per-address limit."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from pathlib import Path

import httpx

from bot.infrastructure.config import Settings
from bot.infrastructure.db import session_scope
from bot.staff.accounts import FREE_FAILURES
from bot.staff.login import LoginAttempt, attempt_login
from tests.model.test_staff import add_user, csrf_of
from tests.process.test_process import RunningStack, stack_env  # noqa: F401  (the process fixture)

SIMULTANEOUS = 30


def at_once(call: object, count: int) -> list[object]:
    start = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(i: int) -> None:
        start.wait()
        results[i] = call(i)  # type: ignore[operator]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def log_in(settings: Settings, username: str, password: str, address: str) -> LoginAttempt:
    """One attempt in its own transaction, as the login route runs it."""
    with session_scope(settings.database_url) as session:
        return attempt_login(
            session, settings=settings, username=username, password=password, address=address
        )


def test_simultaneous_wrong_passwords_are_each_counted(sqlite_settings: Settings) -> None:
    username = f"guessed-{uuid.uuid4().hex[:8]}"
    add_user(sqlite_settings, username)
    results = at_once(
        lambda i: log_in(sqlite_settings, username, f"wrong-{i}-password", f"10.9.0.{i}"),
        SIMULTANEOUS,
    )
    assert all(r.token is None for r in results)  # type: ignore[attr-defined]
    # Only the first FREE_FAILURES guesses come without a wait; every later one sees
    # the wait the one before it set, however close together they arrive.
    free = [r for r in results if r.retry_after == 0]  # type: ignore[attr-defined]
    assert len(free) == FREE_FAILURES


def test_simultaneous_guesses_from_one_address_stop_at_its_limit(
    sqlite_settings: Settings,
) -> None:
    limit = 5
    settings = sqlite_settings.copy(update={"staff_login_address_limit": limit})
    address = f"10.8.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"

    def guess(i: int) -> object:
        return log_in(settings, f"nobody-{i}-{uuid.uuid4().hex[:6]}", "guess-pass", address)

    results = at_once(guess, SIMULTANEOUS)
    let_through = [r for r in results if not r.address_blocked]  # type: ignore[attr-defined]
    assert len(let_through) == limit


def test_a_rotating_forwarded_for_header_does_not_reset_the_limit(
    stack_env: tuple[dict[str, str], int],  # noqa: F811
    tmp_path: Path,
) -> None:
    env, port = stack_env
    env.update(STAFF_LOGIN_ADDRESS_LIMIT="3", STAFF_COOKIE_SECURE="false")
    stack = RunningStack(env, port, tmp_path)
    try:
        stack.wait_ready()
        statuses = []
        with httpx.Client(base_url=stack.base, timeout=30) as browser:
            for attempt in range(6):
                form = browser.get("/staff/login")
                response = browser.post(
                    "/staff/login",
                    data={
                        "username": f"nobody-{attempt}",
                        "password": "guess-password",
                        "csrf_token": csrf_of(form.text),
                    },
                    headers={"X-Forwarded-For": f"198.51.100.{attempt + 1}"},
                )
                statuses.append(response.status_code)
        assert statuses == [401, 401, 401, 429, 429, 429]
    finally:
        stack.stop()
    database = env["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT COUNT(*) FROM login_throttle").fetchone()
    assert rows == (1,)  # one address, loopback: the header named none of them
