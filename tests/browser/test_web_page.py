"""The patient chat page in a real browser (Debian's Chromium via Playwright) against the
real app and trained model."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser_checks import CONTRAST_SCRIPT, LABEL_SCRIPT

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture()
def page(browser: object, live_server: str) -> Iterator[object]:
    context = browser.new_context(base_url=live_server)  # type: ignore[attr-defined]
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    page.goto("/")
    page.locator(".msg.bot").nth(1).wait_for()
    yield page
    context.close()


def bot_texts(page: object) -> list[str]:
    return page.locator(".msg.bot").all_text_contents()  # type: ignore[attr-defined]


def send(page: object, text: str) -> None:
    before = page.locator(".msg.bot").count()  # type: ignore[attr-defined]
    page.fill("#message", text)  # type: ignore[attr-defined]
    page.press("#message", "Enter")  # type: ignore[attr-defined]
    page.locator(".msg.bot").nth(before).wait_for()  # type: ignore[attr-defined]
    page.wait_for_selector("#typing", state="hidden")  # type: ignore[attr-defined]


def test_page_greets_and_always_shows_disclaimer_and_help_line(page: object) -> None:
    notice = page.locator(".notice").inner_text()  # type: ignore[attr-defined]
    assert "not a doctor" in notice and "911" in notice and "988" in notice
    assert "1-800-227-2345" in notice
    assert "Second Opinion Navigator" in bot_texts(page)[1]
    log = page.locator("#log")  # type: ignore[attr-defined]
    assert log.get_attribute("role") == "log" and log.get_attribute("aria-live") == "polite"


def test_send_a_message_and_see_the_reply(page: object) -> None:
    send(page, "what records do I need")
    assert page.locator(".msg.user").last.inner_text() == "what records do I need"  # type: ignore[attr-defined]
    assert "pathology report" in " ".join(bot_texts(page)[-2:])  # the answer, on the first reply


def test_each_message_carries_its_own_id_for_safe_retries(page: object) -> None:
    """The server answers a repeated id once (tests/faults); the page must send one."""
    import json

    sent: list[dict] = []
    page.on(  # type: ignore[attr-defined]
        "request",
        lambda r: sent.append(json.loads(r.post_data)) if r.url.endswith("/api/v1/chat") else None,
    )
    send(page, "what records do I need")
    send(page, "how do I get my scans")
    ids = [body.get("message_id") for body in sent]
    assert len(ids) == 2 and all(ids) and ids[0] != ids[1]


def test_quick_reply_sends_its_choice(page: object) -> None:
    page.get_by_role("button", name="Insurance").click()  # type: ignore[attr-defined]
    page.wait_for_selector("text=Step 2, check your insurance")  # type: ignore[attr-defined]
    assert page.locator(".msg.user").last.inner_text() == "Insurance"  # type: ignore[attr-defined]


def test_typing_indicator_shows_while_waiting(page: object) -> None:
    page.evaluate(  # type: ignore[attr-defined]
        """() => { window.typingSeen = false;
        new MutationObserver(() => { if (!document.getElementById('typing').hidden)
          window.typingSeen = true; }).observe(document.getElementById('typing'),
          { attributes: true }); }"""
    )
    send(page, "hello")
    assert page.evaluate("window.typingSeen") is True  # type: ignore[attr-defined]
    assert page.locator("#typing").is_hidden()  # type: ignore[attr-defined]


def test_reload_keeps_the_conversation(page: object) -> None:
    page.get_by_role("button", name="Records").click()  # type: ignore[attr-defined]
    page.wait_for_selector("text=Step 3, gather your records")  # type: ignore[attr-defined]
    send(page, "my plan")
    before = page.locator(".msg").all_text_contents()  # type: ignore[attr-defined]
    page.reload()  # type: ignore[attr-defined]
    page.locator(".msg").nth(len(before) - 1).wait_for()  # type: ignore[attr-defined]
    assert page.locator(".msg").all_text_contents() == before  # type: ignore[attr-defined]
    assert page.locator(".quick-replies button").count() > 0  # type: ignore[attr-defined]


def test_start_over_forgets_the_conversation(page: object) -> None:
    send(page, "my plan")
    old = page.evaluate("localStorage.getItem('navigator.session')")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Start over").click()  # type: ignore[attr-defined]
    page.locator(".msg.bot").nth(1).wait_for()  # type: ignore[attr-defined]
    assert page.locator(".msg.user").count() == 0  # type: ignore[attr-defined]
    assert page.evaluate("localStorage.getItem('navigator.session')") != old  # type: ignore[attr-defined]


def test_hostile_text_shows_as_literal_text(page: object) -> None:
    send(page, HOSTILE)
    assert page.locator(".msg.user").last.inner_text() == HOSTILE  # type: ignore[attr-defined]
    # The bot repeats a cancer type it does not know in the person's own words, so the
    # same text comes back in a bot message too.
    send(page, "I want a second opinion")
    send(page, f"{HOSTILE} carcinoma")
    send(page, "skip")
    send(page, "skip")
    send(page, "skip")
    send(page, "my plan")
    assert any(HOSTILE in text for text in bot_texts(page))
    assert page.locator("#log img").count() == 0  # type: ignore[attr-defined]
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_keyboard_alone_can_chat_and_pick_a_quick_reply(page: object) -> None:
    page.evaluate("document.activeElement.blur()")  # type: ignore[attr-defined]
    for _ in range(20):
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        if page.evaluate("document.activeElement.id") == "message":  # type: ignore[attr-defined]
            break
    assert page.evaluate("document.activeElement.id") == "message"  # type: ignore[attr-defined]
    page.keyboard.type("find a hospital for lymphoma near 10065")  # type: ignore[attr-defined]
    before = page.locator(".msg.bot").count()  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.locator(".msg.bot").nth(before).wait_for()  # type: ignore[attr-defined]
    page.wait_for_selector("#typing", state="hidden")  # type: ignore[attr-defined]
    for _ in range(8):
        page.keyboard.press("Shift+Tab")  # type: ignore[attr-defined]
        if page.evaluate("document.activeElement.textContent") == "More results":  # type: ignore[attr-defined]
            break
    assert page.evaluate("document.activeElement.textContent") == "More results"  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_selector("text=More places near 10065")  # type: ignore[attr-defined]


def test_every_control_is_labelled(page: object) -> None:
    controls = page.evaluate(LABEL_SCRIPT)  # type: ignore[attr-defined]
    assert len(controls) >= 5
    assert all(c["name"] for c in controls), controls


def test_colour_contrast_meets_wcag_aa(page: object) -> None:
    send(page, "find a hospital for lymphoma near 10065")
    page.evaluate(  # type: ignore[attr-defined]
        "() => { window.fetch = () => Promise.reject(new Error('offline')); }"
    )
    send(page, "are you there")  # shows the error style too
    page.evaluate("() => { document.getElementById('typing').hidden = false; }")  # type: ignore[attr-defined]
    checked = page.evaluate(CONTRAST_SCRIPT)  # type: ignore[attr-defined]
    assert len(checked) > 10
    low = [c for c in checked if c["ratio"] < 4.5]
    assert low == [], low


def test_layout_works_on_a_phone(browser: object, live_server: str) -> None:
    context = browser.new_context(  # type: ignore[attr-defined]
        base_url=live_server, viewport={"width": 360, "height": 740}, is_mobile=True
    )
    page = context.new_page()
    page.goto("/")
    page.locator(".msg.bot").nth(1).wait_for()
    send(page, "find a hospital for lung cancer near 60612")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    for selector in ("#message", "#send", ".notice"):
        box = page.locator(selector).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert box["y"] >= 0 and box["y"] + box["height"] <= 740
    if os.environ.get("SCREENSHOT_DIR"):
        page.screenshot(path=str(Path(os.environ["SCREENSHOT_DIR"]) / "chat-page-phone.png"))
    context.close()


def test_results_are_cards_with_call_and_directions_links(page: object) -> None:
    send(page, "find a hospital for lung cancer near 60612")
    page.wait_for_selector("ul.results li.card")  # type: ignore[attr-defined]
    cards = page.locator("ul.results li.card")  # type: ignore[attr-defined]
    assert cards.count() == 3
    assert page.locator("ul.results").get_attribute("aria-label") == "Places to call"  # type: ignore[attr-defined]
    first = cards.nth(0)
    assert first.locator("h3").inner_text() == "Northwestern Memorial Hospital"
    assert "miles away" in first.locator(".distance").inner_text()
    assert "NCI Comprehensive Cancer Center" in first.locator(".badges").inner_text()
    assert "Chicago" in first.locator(".address").inner_text()
    call = first.locator('a[href^="tel:"]')
    assert call.get_attribute("href") == "tel:+13129262000"
    assert call.get_attribute("aria-label") == "Call Northwestern Memorial Hospital, (312) 926-2000"
    directions = first.locator('a[href^="https://www.google.com/maps/dir/"]')
    assert directions.get_attribute("target") == "_blank"
    assert "Directions to Northwestern Memorial Hospital" in directions.get_attribute("aria-label")
    # By keyboard: the links are reachable with Tab from the first card's heading area.
    call.focus()
    assert page.evaluate("document.activeElement.getAttribute('href')") == "tel:+13129262000"  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement.textContent") == "Directions"  # type: ignore[attr-defined]
    # The cards survive a reload (they come back from the history).
    page.reload()  # type: ignore[attr-defined]
    page.wait_for_selector("ul.results li.card")  # type: ignore[attr-defined]
    assert page.locator("ul.results li.card").count() == 3  # type: ignore[attr-defined]


def test_the_page_in_spanish_and_its_language_switch(browser: object, live_server: str) -> None:
    """`?lang=es` (or a browser that prefers Spanish) shows the page in Spanish, with
    `lang` on the document and on each message, and a link to the English page."""
    import json

    from bot.content import message, responses, texts

    context = browser.new_context(base_url=live_server, locale="es-US")  # type: ignore[attr-defined]
    page = context.new_page()
    sent: list[dict] = []
    page.on(
        "request",
        lambda r: sent.append(json.loads(r.post_data)) if r.url.endswith("/api/v1/chat") else None,
    )
    page.goto("/")
    page.locator(".msg.bot").nth(1).wait_for()
    words = texts("web.yml", "es")
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.get_attribute("#message", "placeholder") == words["placeholder"]
    assert words["notice_guide"] in page.locator(".notice").inner_text()
    shown = bot_texts(page)
    assert shown[0] == message("disclaimer", "es")
    assert shown[1] in {r["text"] for r in responses("es")["utter_greet"]}
    send(page, "ok")
    assert bot_texts(page)[-1] in {r["text"] for r in responses("es")["utter_what_next"]}
    assert sent and all(body["lang"] == "es" for body in sent)
    page.click("#switch-language")
    page.wait_for_url("**/?lang=en")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.get_attribute("#message", "placeholder") == texts("web.yml", "en")["placeholder"]
    context.close()
