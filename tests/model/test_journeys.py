"""The five parts of the journey as conversations through POST /api/v1/chat, against the
real model: each can be completed, side questions mid-form resume the form, and "my
plan" reflects what the person did."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient

from tests.conftest import say, texts


def session() -> str:
    return f"journey-{uuid.uuid4().hex[:10]}"


def plan_text(client: TestClient, sid: str) -> str:
    return texts(say(client, sid, "/my_plan"))


def read_step(client: TestClient, sid: str, opener: str, pages: int) -> list[str]:
    """Opens a step as people ask for one, then pulls every page with "more"."""
    seen = [texts(say(client, sid, opener))]
    for _ in range(pages - 1):
        seen.append(texts(say(client, sid, "more")))
    return seen


def test_talk_to_your_doctor_can_be_completed(client: TestClient) -> None:
    sid = session()
    pages = read_step(client, sid, "walk me through talking to my doctor", 4)
    assert "doctors expect it" in pages[0]
    assert "You could say" in pages[2]
    assert "family member or friend" in pages[3]
    assert "Done: Talk to your doctor" in plan_text(client, sid)


def test_insurance_step_is_tailored_to_medicare(client: TestClient) -> None:
    sid = session()
    say(client, sid, "I have medicare")
    pages = read_step(client, sid, "tell me about insurance", 4)
    assert "Part B" in pages[2] and "third opinion" in pages[2]
    assert "list of approved specialists" in pages[3]
    plan = plan_text(client, sid)
    assert "Medicare" in plan and "Check your insurance" in plan


def test_insurance_step_without_insurance_points_to_financial_help(client: TestClient) -> None:
    sid = session()
    say(client, sid, "i dont have insurance")
    pages = read_step(client, sid, "/step_insurance", 3)
    assert "apply for Medicaid" in pages[2] and "payment plans" in pages[2]


def test_records_step_ends_in_a_checklist_that_can_be_ticked(client: TestClient) -> None:
    sid = session()
    pages = read_step(client, sid, "help me gather my records", 5)
    assert "30 days" in pages[3]
    assert "[ ] pathology reports" in pages[4]
    tick = texts(say(client, sid, "I have my pathology report"))
    assert "checked off pathology reports" in tick
    both = texts(say(client, sid, "got my lab results and the surgery notes"))
    assert "checked off lab results and surgery notes" in both
    checklist = read_step(client, sid, "/step_records", 5)[4]
    assert "[x] pathology reports" in checklist and "[x] lab results" in checklist
    plan = plan_text(client, sid)
    assert "Gather your medical records" in plan
    still_to_get = plan.split("Records still to get:")[1].split("\n")[0]
    assert "scans" in still_to_get and "pathology" not in still_to_get


def test_choose_a_specialist_offers_the_interview_questions(client: TestClient) -> None:
    sid = session()
    pages = read_step(client, sid, "take me through choosing a specialist", 6)
    assert "board certified" in pages[0]
    assert "Commission on Cancer" in pages[1] and "National Cancer Institute" in pages[1]
    assert "Are you board certified?" in pages[4]
    assert "success rate" in pages[5]
    assert "Choose a specialist" in plan_text(client, sid)


def test_find_and_schedule_covers_virtual_visits_and_what_to_bring(client: TestClient) -> None:
    sid = session()
    pages = read_step(client, sid, "/step_schedule", 4)
    assert "referral" in pages[0]
    assert "virtual second opinions" in pages[1]
    assert "written report" in pages[2]
    assert "insurance card" in pages[3]
    assert "Find and schedule" in plan_text(client, sid)


def test_next_step_button_never_points_at_the_current_step(client: TestClient) -> None:
    sid = session()
    for text in ("/step_schedule", "more", "more"):
        buttons = say(client, sid, text)[-1]["buttons"]
        assert buttons and all(b["payload"] != "/step_schedule" for b in buttons)


def test_every_step_reply_offers_buttons(client: TestClient) -> None:
    sid = session()
    for opener in ("/step_doctor", "more", "/step_specialist", "/my_plan", "thanks"):
        replies = say(client, sid, opener)
        assert replies[-1]["buttons"], f"no next step after {opener!r}"


def test_profile_form_collects_facts_and_resumes_after_side_questions(client: TestClient) -> None:
    sid = session()
    start = texts(say(client, sid, "I want a second opinion"))
    assert "What type of cancer" in start
    assert "ZIP code" in texts(say(client, sid, "my wife has NSCLC"))
    side = texts(say(client, sid, "what records do i need"))
    assert "pathology report" in side and "ZIP code" in side  # answered, then re-asked
    assert "health insurance" in texts(say(client, sid, "60612"))
    side = texts(say(client, sid, "show my plan"))
    assert "lung cancer" in side and "60612 (Chicago, IL)" in side and "health insurance" in side
    assert "already have a date" in texts(say(client, sid, "blue cross through my job"))
    done = texts(say(client, sid, "yes"))
    assert "already booked" in done
    plan = plan_text(client, sid)
    for fact in ("lung cancer", "Chicago, IL", "Blue Cross Blue Shield", "already scheduled"):
        assert fact in plan


def test_questions_in_the_form_can_be_skipped(client: TestClient) -> None:
    sid = session()
    say(client, sid, "where do i start with a second opinion")
    for _ in range(4):
        last = texts(say(client, sid, "skip"))
    assert "Step 1 is talking to your doctor" in last


def test_an_unknown_place_is_asked_again(client: TestClient) -> None:
    sid = session()
    say(client, sid, "I want a second opinion")
    say(client, sid, "breast cancer")
    again = texts(say(client, sid, "99999"))
    assert "couldn't find that place" in again and "ZIP code" in again


def test_stage_is_kept_when_volunteered_and_never_asked(client: TestClient) -> None:
    sid = session()
    replies = texts(say(client, sid, "I want a second opinion"))
    replies += texts(say(client, sid, "stage 2 breast cancer"))
    assert "stage" not in replies.lower().replace("stage 2", "")
    assert "stage 2" in plan_text(client, sid)


def test_long_emotional_first_message_is_acknowledged_first(client: TestClient) -> None:
    sid = session()
    replies = say(
        client,
        sid,
        "I just found out I have cancer and I can't stop crying. I'm so scared and "
        "overwhelmed, I don't even know what questions to ask or who to trust anymore.",
    )
    assert "not a doctor" in replies[0]["text"]  # the one-line disclaimer
    assert replies[1]["text"].startswith("I'm so sorry")
    assert any(b["payload"] == "/want_second_opinion" for b in replies[1]["buttons"])


def test_my_plan_names_the_cancer_in_the_persons_own_words(client: TestClient) -> None:
    sid = f"plan-{uuid.uuid4().hex[:8]}"
    said = texts(say(client, sid, "my daughter is 4 and has neuroblastoma, what should we do"))
    assert "neuroblastoma" in said
    plan = texts(say(client, sid, "my plan"))
    assert "childhood cancer (neuroblastoma)" in plan


def test_facts_alone_get_the_next_step(client: TestClient) -> None:
    sid = f"facts-{uuid.uuid4().hex[:8]}"
    reply = texts(say(client, sid, "my husband has lung cancer"))
    assert "lung cancer" in reply and "next step is: Talk to your doctor" in reply


def test_naming_insurance_tells_whether_it_pays_for_a_second_opinion(client: TestClient) -> None:
    """Insurance said in passing is used at once: whether that kind pays, and a step."""
    from bot.guidance.topics import catalogue

    replies = say(
        client, f"facts-{uuid.uuid4().hex[:8]}", "my husband has lung cancer and we have medicare"
    )
    said = texts(replies)
    assert "lung cancer" in said and "Medicare" in said
    assert catalogue()["insurance_covers_second_opinion"].by_insurance["medicare"] in said
    assert replies[-1]["buttons"]


def test_a_wish_with_a_question_gets_the_answer_and_a_plain_wish_starts_the_guide(
    client: TestClient,
) -> None:
    from bot.guidance.topics import catalogue

    asked = texts(
        say(client, f"wish-{uuid.uuid4().hex[:8]}", "i want a second opinion. is it even worth it?")
    )
    assert any(text in asked for text in catalogue()["why_second_opinion"].texts())
    assert "type of cancer" not in asked
    plain = texts(say(client, f"wish-{uuid.uuid4().hex[:8]}", "I want a second opinion"))
    assert "type of cancer" in plain
