"""The staff console against the real app, model and database: access control on every
route, a call session through the insurance and records steps, the handoff queue end to
end (web and SMS through the local outbox), and the audit log."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from twilio.request_validator import RequestValidator

from api.main import create_app
from bot.infrastructure.clock import utcnow
from bot.infrastructure.config import Settings
from bot.infrastructure.db import session_scope
from bot.runtime.engine import DialogueEngine
from bot.sms.identity import phone_hash
from bot.sms.models import SmsSender
from bot.sms.outbound import Outbox
from bot.staff.accounts import AccountError, LoginResult, authenticate, create_user

PASSWORD = "correct-horse-battery"
BASE = "https://testserver"


def new_username(prefix: str = "staff") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def add_user(settings: Settings, username: str, role: str = "staff") -> None:
    with session_scope(settings.database_url) as session:
        create_user(session, username=username, password=PASSWORD, role=role)


@pytest.fixture(scope="module")
def outbox() -> Outbox:
    return Outbox()


@pytest.fixture(scope="module")
def app_client(
    engine: DialogueEngine, sqlite_settings: Settings, outbox: Outbox
) -> Iterator[TestClient]:
    with TestClient(create_app(sqlite_settings, engine, outbox), base_url=BASE) as client:
        yield client


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def log_in(client: TestClient, username: str, password: str = PASSWORD) -> object:
    form = client.get("/staff/login")
    return client.post(
        "/staff/login",
        data={"username": username, "password": password, "csrf_token": csrf_of(form.text)},
        follow_redirects=False,
    )


@pytest.fixture()
def staff(
    engine: DialogueEngine, sqlite_settings: Settings, outbox: Outbox
) -> Iterator[tuple[TestClient, str]]:
    """A signed-in staff member in their own browser-like client: (client, CSRF token)."""
    username = new_username()
    add_user(sqlite_settings, username)
    with TestClient(create_app(sqlite_settings, engine, outbox), base_url=BASE) as client:
        assert log_in(client, username).status_code == 303  # type: ignore[attr-defined]
        yield client, csrf_of(client.get("/staff").text)


def visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'")


# ---------------------------------------------------------------- access control


def staff_routes(client: TestClient) -> list[tuple[str, str]]:
    routes = []
    for route in client.app.routes:  # type: ignore[attr-defined]
        path = getattr(route, "path", "")
        if path.startswith("/staff") and path != "/staff/login":
            for method in sorted(route.methods):  # type: ignore[attr-defined]
                routes.append((method, path))
    return routes


def test_every_staff_route_needs_a_login(app_client: TestClient, sqlite_settings: Settings) -> None:
    reply = app_client.post(
        "/api/v1/chat", json={"session_id": "guard-web", "text": "I want to talk to a person"}
    )
    code = code_in(reply.json()["replies"][-1]["text"])
    routes = staff_routes(app_client)
    assert len(routes) >= 9
    for method, path in routes:
        url = path.replace("{key}", "guard-web")
        response = app_client.request(
            method, url, params={"code": code}, data={"text": "x"}, follow_redirects=False
        )
        if method == "GET":
            assert response.status_code == 303, (method, path)
            assert response.headers["location"] == "/staff/login"
        else:
            assert response.status_code == 401, (method, path)
        assert "talk to a person" not in response.text and code not in response.text


def test_a_forged_or_expired_session_cookie_is_no_login(app_client: TestClient) -> None:
    app_client.cookies.set(
        "navigator_staff", "not-a-real-token", domain="testserver", path="/staff"
    )
    response = app_client.get("/staff", follow_redirects=False)
    assert response.status_code == 303
    app_client.cookies.clear()


def test_login_sets_a_secure_httponly_samesite_cookie(
    app_client: TestClient, sqlite_settings: Settings
) -> None:
    username = new_username()
    add_user(sqlite_settings, username)
    response = log_in(app_client, username)
    assert response.status_code == 303  # type: ignore[attr-defined]
    cookie = response.headers["set-cookie"]  # type: ignore[attr-defined]
    for flag in ("HttpOnly", "Secure", "SameSite=strict", "Path=/staff"):
        assert flag in cookie
    assert app_client.get("/staff").status_code == 200
    csrf = csrf_of(app_client.get("/staff").text)
    out = app_client.post("/staff/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/staff/login"
    assert app_client.get("/staff", follow_redirects=False).status_code == 303


def test_logout_ends_the_session_on_the_server(
    staff: tuple[TestClient, str], app_client: TestClient
) -> None:
    client, csrf = staff
    token = client.cookies.get("navigator_staff")
    client.post("/staff/logout", data={"csrf_token": csrf})
    app_client.cookies.set("navigator_staff", token, domain="testserver", path="/staff")
    assert app_client.get("/staff", follow_redirects=False).status_code == 303
    app_client.cookies.clear()


def test_form_posts_need_the_csrf_token(staff: tuple[TestClient, str]) -> None:
    client, csrf = staff
    assert client.post("/staff/calls", data={}).status_code == 403
    assert client.post("/staff/calls", data={"csrf_token": csrf[::-1]}).status_code == 403
    assert client.post("/staff/logout", data={}).status_code == 403
    assert client.get("/staff").status_code == 200  # still signed in


def test_login_form_needs_its_own_token(app_client: TestClient, sqlite_settings: Settings) -> None:
    username = new_username()
    add_user(sqlite_settings, username)
    response = app_client.post(
        "/staff/login", data={"username": username, "password": PASSWORD, "csrf_token": "x"}
    )
    assert response.status_code == 403


def test_failed_logins_are_slowed_down(app_client: TestClient, sqlite_settings: Settings) -> None:
    username = new_username()
    add_user(sqlite_settings, username)
    assert log_in(app_client, username, "wrong-password-1").status_code == 401  # type: ignore[attr-defined]
    assert log_in(app_client, username, "wrong-password-2").status_code == 401  # type: ignore[attr-defined]
    third = log_in(app_client, username, "wrong-password-3")
    assert third.status_code == 429 and third.headers["retry-after"] == "2"  # type: ignore[attr-defined]
    # Even the right password waits its turn.
    early = log_in(app_client, username)
    assert early.status_code == 429  # type: ignore[attr-defined]
    assert "navigator_staff" not in early.headers.get("set-cookie", "")  # type: ignore[attr-defined]


def test_one_address_guessing_many_usernames_is_stopped(
    engine: DialogueEngine, sqlite_settings: Settings, outbox: Outbox
) -> None:
    username = new_username()
    add_user(sqlite_settings, username)
    settings = sqlite_settings.copy(update={"staff_login_address_limit": 3})
    app = create_app(settings, engine, outbox)
    with TestClient(app, base_url=BASE, client=("203.0.113.9", 4000)) as guesser:
        for attempt in range(3):
            wrong = log_in(guesser, new_username("nobody"), f"guess-{attempt}-password")
            assert wrong.status_code == 401  # type: ignore[attr-defined]
        blocked = log_in(guesser, username)  # even a real account's right password
        assert blocked.status_code == 429  # type: ignore[attr-defined]
        assert int(blocked.headers["retry-after"]) > 800  # type: ignore[attr-defined]
        assert "from this network" in blocked.text  # type: ignore[attr-defined]
    with TestClient(app, base_url=BASE, client=("198.51.100.7", 4000)) as colleague:
        assert log_in(colleague, username).status_code == 303  # type: ignore[attr-defined]


def test_failed_logins_then_lock_the_account(sqlite_settings: Settings) -> None:
    username = new_username()
    add_user(sqlite_settings, username)
    lockout = timedelta(minutes=15)

    def attempt(password: str, at: datetime) -> LoginResult:
        with session_scope(sqlite_settings.database_url) as session:
            return authenticate(
                session,
                username=username,
                password=password,
                max_failures=5,
                lockout=lockout,
                now=at,
            )

    now = utcnow()
    waits = []
    for number in range(5):
        result = attempt(f"wrong-{number}", now)
        waits.append(result.retry_after)
        now += timedelta(seconds=result.retry_after)
    assert waits == [0, 0, 2, 4, 900] and result.locked
    locked = attempt(PASSWORD, now - timedelta(seconds=1))
    assert locked.identity is None and locked.locked
    after = attempt(PASSWORD, now + timedelta(seconds=1))
    assert after.identity is not None and after.identity.username == username


def test_accounts_need_a_valid_name_and_a_long_password(sqlite_settings: Settings) -> None:
    def create(username: str, password: str) -> None:
        with session_scope(sqlite_settings.database_url) as session:
            create_user(session, username=username, password=password)

    with pytest.raises(AccountError, match="password"):
        create(new_username(), "short")
    with pytest.raises(AccountError, match="username"):
        create("Robert'); DROP TABLE staff_users;--", PASSWORD)
    name = new_username()
    create(name, PASSWORD)
    with pytest.raises(AccountError, match="already exists"):
        create(name.upper(), PASSWORD)


# ---------------------------------------------------------------- call session


def say(client: TestClient, csrf: str, key: str, text: str) -> str:
    response = client.post(
        f"/staff/conversations/{key}/say", data={"csrf_token": csrf, "text": text}
    )
    assert response.status_code == 200, response.text
    return visible_text(response.text)


def script(page: str) -> str:
    """The replies to read aloud now."""
    return " ".join(
        re.findall(
            r"Read aloud (.*?)(?= Read aloud | Suggested next | What the caller said )", page
        )
    )


def test_a_call_session_through_insurance_and_records(staff: tuple[TestClient, str]) -> None:
    client, csrf = staff
    started = client.post("/staff/calls", data={"csrf_token": csrf}, follow_redirects=False)
    key = started.headers["location"].rsplit("/", 1)[1]
    opening = visible_text(client.get(f"/staff/conversations/{key}").text)
    assert "Where would you like to start?" in opening and "Get started" in opening
    page = say(client, csrf, key, "my mother wants a second opinion")
    assert "What type of cancer is it?" in script(page)
    assert "ZIP code" in script(say(client, csrf, key, "breast cancer"))
    assert "health insurance" in script(say(client, csrf, key, "33612"))
    page = say(client, csrf, key, '/inform{"insurance_kind":"medicare"}')  # a suggestion click
    assert "Caller Medicare" in page  # shown as the button the staff member clicked
    say(client, csrf, key, "no")
    assert "Step 2, check your insurance" in script(say(client, csrf, key, "what about insurance"))
    say(client, csrf, key, "more")
    assert "You have Medicare. Part B" in script(say(client, csrf, key, "more"))
    say(client, csrf, key, "more")
    page = say(client, csrf, key, "what records does she need")
    assert "pathology report" in script(page)  # the answer itself, not the step's first page
    page = say(client, csrf, key, "we have her pathology report and the scans")
    assert "Still to get" in script(page)
    assert "Check your insurance: done" in page
    assert "Gather your medical records: in progress" in page
    assert "pathology reports: have it" in page and "lab results: still to get" in page
    assert "Your plan so far" in page and "breast cancer" in page and "Medicare" in page
    assert 'id="directory-search"' in client.get(f"/staff/conversations/{key}").text


def test_a_call_session_asking_for_a_person_stays_out_of_the_queue(
    staff: tuple[TestClient, str],
) -> None:
    client, csrf = staff
    started = client.post("/staff/calls", data={"csrf_token": csrf}, follow_redirects=False)
    key = started.headers["location"].rsplit("/", 1)[1]
    page = say(client, csrf, key, "can I talk to a real person")
    code = code_in(page)
    assert code not in visible_text(client.get("/staff").text)


def test_call_session_input_is_checked(staff: tuple[TestClient, str]) -> None:
    client, csrf = staff
    key = (
        client.post("/staff/calls", data={"csrf_token": csrf}, follow_redirects=False)
        .headers["location"]
        .rsplit("/", 1)[1]
    )
    assert (
        client.post(
            f"/staff/conversations/{key}/say", data={"csrf_token": csrf, "text": ""}
        ).status_code
        == 422
    )
    assert (
        client.post(
            f"/staff/conversations/{key}/say", data={"csrf_token": csrf, "text": "x" * 2001}
        ).status_code
        == 422
    )
    assert client.get("/staff/conversations/no-such-conversation").status_code == 404
    assert client.get("/staff/conversations/bad%20key!").status_code == 422


# ---------------------------------------------------------------- handoff queue


def code_in(text: str) -> str:
    found = re.search(r"reference code is ([A-Z2-9]{2}-[A-Z2-9]{3})", text)
    assert found, text
    return found.group(1)


def test_web_handoff_reaches_staff_and_the_reply_reaches_the_page(
    staff: tuple[TestClient, str],
) -> None:
    client, csrf = staff
    session = f"web-{uuid.uuid4().hex[:12]}"
    client.post("/api/v1/chat", json={"session_id": session, "text": "hi"})
    replies = client.post(
        "/api/v1/chat", json={"session_id": session, "text": "I want to talk to a person"}
    ).json()["replies"]
    code = code_in(replies[-1]["text"])
    queue = visible_text(client.get("/staff").text)
    assert f"{code} web" in queue and re.search(rf"{code} web [\d: -]+ Waiting for a reply", queue)
    opened = client.get(f"/staff/find?code={code.lower().replace('-', ' ')}")
    assert opened.url.path == f"/staff/conversations/{session}"
    assert "I want to talk to a person" in visible_text(opened.text)
    sent = client.post(
        f"/staff/conversations/{session}/reply",
        data={"csrf_token": csrf, "text": "Hi, this is Dana from the Navigator team."},
    )
    assert "Reply sent." in sent.text
    history = client.get(f"/api/v1/chat/{session}/history").json()["messages"]
    assert history[-1] == {
        "role": "bot",
        "text": "Hi, this is Dana from the Navigator team.",
        "buttons": [],
        "from_staff": True,
    }
    assert re.search(rf"{code} web [\d: -]+ Answered", visible_text(client.get("/staff").text))
    client.post("/api/v1/chat", json={"session_id": session, "text": "thank you!"})
    assert re.search(
        rf"{code} web [\d: -]+ Waiting for a reply", visible_text(client.get("/staff").text)
    )
    closed = client.post(f"/staff/conversations/{session}/close", data={"csrf_token": csrf})
    assert "Request marked as handled." in closed.text and code not in visible_text(closed.text)


def test_unknown_or_malformed_codes_open_nothing(staff: tuple[TestClient, str]) -> None:
    client, _ = staff
    assert "No conversation has that code" in client.get("/staff/find?code=ZZ-ZZZ").text
    assert "A code looks like" in client.get("/staff/find?code=' OR 1=1 --").text


def sms(client: TestClient, sender: str, body: str) -> str:
    params = {"MessageSid": f"SM{uuid.uuid4().hex}", "From": sender, "Body": body}
    url = "https://testserver/sms/twilio"
    signature = RequestValidator("test-twilio-auth-token").compute_signature(url, params)
    response = client.post("/sms/twilio", data=params, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 200
    return response.text


def test_sms_handoff_reply_is_texted_through_the_outbox(
    staff: tuple[TestClient, str], outbox: Outbox, sqlite_settings: Settings
) -> None:
    client, csrf = staff
    number = f"+1617555{uuid.uuid4().int % 10_000:04d}"
    code = code_in(sms(client, number, "can I talk to a real person"))
    opened = client.get(f"/staff/find?code={code}")
    key = opened.url.path.rsplit("/", 1)[1]
    assert key.startswith("sms-") and number not in opened.text
    client.post(
        f"/staff/conversations/{key}/reply",
        data={"csrf_token": csrf, "text": "Hi, it's Dana. When is a good time to call?"},
    )
    assert outbox.sent[-1] == (
        number,
        "From the Navigator team: Hi, it's Dana. When is a good time to call?",
    )
    # STOP means nothing more is sent, by staff either.
    sms(client, number, "STOP")
    refused = client.post(
        f"/staff/conversations/{key}/reply", data={"csrf_token": csrf, "text": "Still there?"}
    )
    assert "Not sent" in refused.text and outbox.sent[-1][1].endswith("good time to call?")
    client.post(f"/staff/conversations/{key}/close", data={"csrf_token": csrf})
    hashed = phone_hash(number, sqlite_settings.phone_hash_key.get_secret_value())
    with session_scope(sqlite_settings.database_url) as session:
        held = session.execute(select(SmsSender.reply_to).where(SmsSender.phone_hash == hashed))
        assert held.scalar_one() is None  # the number is gone once the request is closed


# ---------------------------------------------------------------- audit log


def test_audit_log_records_who_opened_and_replied(
    staff: tuple[TestClient, str], sqlite_settings: Settings, engine: DialogueEngine, outbox: Outbox
) -> None:
    client, csrf = staff
    session = f"web-{uuid.uuid4().hex[:12]}"
    code = code_in(
        client.post(
            "/api/v1/chat", json={"session_id": session, "text": "talk to a person please"}
        ).json()["replies"][-1]["text"]
    )
    client.get(f"/staff/find?code={code}")
    client.post(
        f"/staff/conversations/{session}/reply", data={"csrf_token": csrf, "text": "Hello!"}
    )
    assert client.get("/staff/audit").status_code == 403  # staff, not admin

    admin = new_username("admin")
    add_user(sqlite_settings, admin, "admin")
    with TestClient(create_app(sqlite_settings, engine, outbox), base_url=BASE) as admin_client:
        log_in(admin_client, admin)
        page = visible_text(admin_client.get(f"/staff/audit?conversation={session}").text)
    me = client.get("/staff").text
    username = re.search(r"Signed in as ([\w.-]+)", me).group(1)
    for action in ("find_by_code", "open_conversation", "reply"):
        assert re.search(rf"{username} {action} {session}", page), action
    assert "Hello!" not in page  # what was said never enters the audit log


def test_hostile_text_shows_escaped_in_the_console(staff: tuple[TestClient, str]) -> None:
    client, _ = staff
    session = f"web-{uuid.uuid4().hex[:12]}"
    hostile = "<img src=x onerror=alert(1)>"
    client.post("/api/v1/chat", json={"session_id": session, "text": hostile})
    client.post("/api/v1/chat", json={"session_id": session, "text": "talk to a person"})
    page = client.get(f"/staff/conversations/{session}")
    assert hostile not in page.text and "&lt;img src=x onerror=alert(1)&gt;" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_a_spanish_call_reads_a_spanish_script_and_the_queue_shows_the_language(
    staff: tuple[TestClient, str],
) -> None:
    client, csrf = staff
    started = client.post(
        "/staff/calls", data={"csrf_token": csrf, "lang": "es"}, follow_redirects=False
    )
    key = started.headers["location"].rsplit("/", 1)[1]
    opening = visible_text(client.get(f"/staff/conversations/{key}").text)
    assert "Language: Spanish" in opening and "segunda opinión" in opening
    answer = client.post(
        f"/staff/conversations/{key}/say",
        data={"csrf_token": csrf, "text": "quiere saber si Medicare paga", "lang": "es"},
    )
    assert "Medicare" in script(visible_text(answer.text))
    assert "Language: Spanish" in visible_text(answer.text)
    session = f"web-{uuid.uuid4().hex[:12]}"
    client.post("/api/v1/chat", json={"session_id": session, "text": "hola"})
    replies = client.post(
        "/api/v1/chat", json={"session_id": session, "text": "quiero hablar con una persona"}
    ).json()["replies"]
    found = re.search(r"código de caso es ([A-Z2-9]{2}-[A-Z2-9]{3})", replies[-1]["text"])
    assert found, replies[-1]["text"]
    queue = visible_text(client.get("/staff").text)
    assert re.search(rf"{found.group(1)} web [\d: -]+ Waiting for a reply Spanish", queue)
    assert "Language: Spanish" in visible_text(client.get(f"/staff/conversations/{session}").text)


def test_a_call_language_must_be_one_the_guide_speaks(staff: tuple[TestClient, str]) -> None:
    client, csrf = staff
    assert client.post("/staff/calls", data={"csrf_token": csrf, "lang": "fr"}).status_code == 422
