"""The staff console in Chromium: log in, run a call session, search the directory, and
answer a web user who asked for a person, whose own page then shows the reply."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest

from bot.infrastructure.config import Settings
from tests.browser_checks import CONTRAST_SCRIPT, LABEL_SCRIPT
from tests.model.test_staff import PASSWORD, add_user


@pytest.fixture()
def console(browser: object, live_server: str, sqlite_settings: Settings) -> Iterator[object]:
    username = f"browser-{uuid.uuid4().hex[:8]}"
    add_user(sqlite_settings, username)
    context = browser.new_context(base_url=live_server)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto("/staff")
    assert page.url.endswith("/staff/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_selector("text=Signed in as")
    yield page
    context.close()


def test_call_session_in_the_browser(console: object) -> None:
    page = console
    page.get_by_role("button", name="Start a call session").click()  # type: ignore[attr-defined]
    page.wait_for_selector("text=Where would you like to start?")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Insurance").click()  # type: ignore[attr-defined]
    page.wait_for_selector(".entry.latest >> text=Step 2, check your insurance")  # type: ignore[attr-defined]
    page.get_by_label("What the caller said").fill("what records do I need")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Send to the guide").click()  # type: ignore[attr-defined]
    page.wait_for_selector(".entry.latest >> text=pathology report")  # type: ignore[attr-defined]
    steps = page.locator(".checklist").first.inner_text()  # type: ignore[attr-defined]
    assert "Gather your medical records: in progress" in steps
    page.get_by_label("ZIP code").fill("10065")  # type: ignore[attr-defined]
    page.get_by_label("Cancer type (optional)").select_option("lymphoma")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Search").click()  # type: ignore[attr-defined]
    first = page.locator("#directory-results li").first  # type: ignore[attr-defined]
    first.wait_for()
    assert "Memorial" in first.inner_text() and "Call (" in first.inner_text()


def test_staff_reply_shows_on_the_patient_page(
    console: object, browser: object, live_server: str
) -> None:
    patient_context = browser.new_context(base_url=live_server)  # type: ignore[attr-defined]
    patient = patient_context.new_page()
    patient.goto("/")
    patient.locator(".msg.bot").nth(1).wait_for()
    patient.fill("#message", "I want to talk to a person")
    patient.press("#message", "Enter")
    patient.wait_for_selector("text=Your reference code is")
    last = patient.locator(".msg.bot").last.inner_text()
    code = re.search(r"reference code is ([A-Z2-9]{2}-[A-Z2-9]{3})", last).group(1)

    staff = console
    staff.reload()  # type: ignore[attr-defined]
    assert code in staff.locator("table").inner_text()  # type: ignore[attr-defined]
    staff.get_by_label("Code the person reads out").fill(code)  # type: ignore[attr-defined]
    staff.get_by_role("button", name="Open", exact=True).click()  # type: ignore[attr-defined]
    staff.wait_for_selector("text=I want to talk to a person")  # type: ignore[attr-defined]
    staff.get_by_label(re.compile("Reply to this person")).fill("Hi, this is Dana. I can help.")  # type: ignore[attr-defined]
    staff.get_by_role("button", name="Send reply").click()  # type: ignore[attr-defined]
    staff.wait_for_selector("text=Reply sent.")  # type: ignore[attr-defined]

    reply = patient.locator(".msg.staff")
    reply.wait_for(timeout=15_000)
    assert reply.inner_text() == "From our team: Hi, this is Dana. I can help."
    patient_context.close()


def test_console_pages_are_labelled_and_readable(console: object) -> None:
    page = console
    page.get_by_role("button", name="Start a call session").click()  # type: ignore[attr-defined]
    page.wait_for_selector("text=Where would you like to start?")  # type: ignore[attr-defined]
    conversation = page.url  # type: ignore[attr-defined]
    for url in ("/staff", conversation):
        page.goto(url)  # type: ignore[attr-defined]
        controls = page.evaluate(LABEL_SCRIPT)  # type: ignore[attr-defined]
        assert controls and all(c["name"] for c in controls), controls
        low = [c for c in page.evaluate(CONTRAST_SCRIPT) if c["ratio"] < 4.5]  # type: ignore[attr-defined]
        assert low == [], (url, low)
