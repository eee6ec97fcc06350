"""The five-part journey as pages a user pulls one at a time.

Which step and page someone is on lives in conversation slots; this module turns those
slots plus the content in `content/en/journey.yml` into the next replies, so the Rasa
actions only read and write slots.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.content import message, texts
from bot.guidance.replies import Button, Reply
from bot.vocabulary.index import label_of
from bot.vocabulary.terms import record_items


def _steps() -> dict[str, Any]:
    return texts("journey.yml")["steps"]


# The journey is defined once, in content/en/journey.yml: its steps in order, and the
# intent that opens each (tests/unit/test_dialogue_data.py checks the domain agrees).
STEPS: tuple[str, ...] = tuple(_steps())
STEP_INTENTS = {f"step_{step}": step for step in STEPS}


def step_pages(step: str) -> list[dict[str, Any]]:
    return list(_steps()[step]["pages"])


def _button_text(key: str, **values: str) -> str:
    return texts("journey.yml")["buttons"][key].format(**values)


def title(step: str) -> str:
    return _steps()[step]["title"]


def next_step(after: str | None, done: list[str]) -> str | None:
    """The first step not yet done after `after` (never `after` itself), wrapping round."""
    order = list(STEPS)
    if after in order:
        start = order.index(after) + 1
        order = order[start:] + order[: start - 1]
    return next((step for step in order if step not in done), None)


def step_button(step: str) -> Button:
    return Button(_button_text("next_step", title=title(step)), f"/step_{step}")


def standard_buttons(current: str | None, done: list[str]) -> tuple[Button, ...]:
    """Next step (if any), my plan, a person: offered under every step reply."""
    buttons = []
    upcoming = next_step(current, done)
    if upcoming:
        buttons.append(step_button(upcoming))
    buttons.append(Button(_button_text("my_plan"), "/my_plan"))
    buttons.append(Button(_button_text("person"), "/talk_to_person"))
    return tuple(buttons)


def start_buttons() -> tuple[Button, ...]:
    """For someone not ready for details yet: start the guided steps, or a person."""
    return (
        Button(_button_text("start"), "/want_second_opinion"),
        Button(_button_text("person"), "/talk_to_person"),
    )


def _short_label(item_id: str) -> str:
    return label_of("record_item", item_id)


def _missing_records(gathered: list[str]) -> list[str]:
    return [r.id for r in record_items() if r.id not in gathered]


def _record_buttons(item_ids: list[str]) -> tuple[Button, ...]:
    return tuple(
        Button(
            _button_text("have_record", item=_short_label(i)),
            f'/record_gathered{{"record_item":"{i}"}}',
        )
        for i in item_ids
    )


def records_checklist(gathered: list[str]) -> list[Reply]:
    """The tick-off list of records, with buttons for the first ones still missing."""
    lines = [message("checklist_intro")]
    lines += [f"[{'x' if r.id in gathered else ' '}] {_short_label(r.id)}" for r in record_items()]
    buttons = _record_buttons(_missing_records(gathered)[:3])
    return [Reply("\n".join(lines), buttons), Reply(message("checklist_outro"))]


@dataclass
class StepState:
    """The journey slots of one conversation."""

    current_step: str | None = None
    step_page: int = 0
    steps_done: list[str] = field(default_factory=list)
    records_gathered: list[str] = field(default_factory=list)
    insurance_kind: str | None = None

    def slot_updates(self) -> dict[str, Any]:
        return {
            "current_step": self.current_step,
            "step_page": float(self.step_page),
            "steps_done": list(self.steps_done),
        }


def _page_text(content: dict[str, Any], insurance_kind: str | None) -> str:
    """A text page's words, tailored when the page varies by insurance kind."""
    if "by_insurance" in content:
        variants = content["by_insurance"]
        return str(variants.get(insurance_kind or "unknown", variants["unknown"]))
    return str(content["text"])


def page_text(step: str, page: int, insurance_kind: str | None) -> str:
    """The text of one page (the checklist page reads as its outro line)."""
    content = step_pages(step)[page]
    if content.get("checklist"):
        return message("checklist_outro")
    return _page_text(content, insurance_kind)


def valid_page(step: str | None, requested: list[str]) -> int:
    """The page a button asked for, if it exists in `step`; else the first."""
    if step is None or not requested:
        return 0
    pages = [str(i) for i in range(len(step_pages(step)))]
    return int(requested[0]) if requested[0] in pages else 0


def page_button(step: str, page: int) -> Button:
    """Opens `step` at `page`: how a topic answer offers the page that goes deeper."""
    return Button(_button_text("more_on", title=title(step)), f'/step_{step}{{"page":"{page}"}}')


def _page_replies(page: dict[str, Any], state: StepState) -> list[Reply]:
    if page.get("checklist"):
        return records_checklist(state.records_gathered)
    return [Reply(_page_text(page, state.insurance_kind))]


def show(state: StepState, step: str | None, advance: bool, page: int = 0) -> list[Reply]:
    """Replies for opening `step` at `page` (its first by default), or (advance) the next
    page of the current step. Reaching a step's last page marks it done."""
    if advance and state.current_step:
        step, page = state.current_step, state.step_page + 1
    elif advance:
        # "More" before any step is open starts the first step not yet done.
        step = next_step(None, state.steps_done)
    if step is None:
        return [menu_reply(state.steps_done)]
    pages = _steps()[step]["pages"]
    if page >= len(pages):
        step = next_step(step, state.steps_done) or step
        page = 0
        pages = _steps()[step]["pages"]
    state.current_step, state.step_page = step, page
    replies = _page_replies(pages[page], state)
    last = page == len(pages) - 1
    if last and step not in state.steps_done:
        state.steps_done.append(step)
    buttons = standard_buttons(step, state.steps_done)
    if not last:
        buttons = (Button(_button_text("more"), "/more"),) + buttons[:2]
    final = replies[-1]
    replies[-1] = Reply(final.text, final.buttons or buttons)
    return replies


def menu_reply(done: list[str], intro: str | None = None) -> Reply:
    text = intro or message("menu_intro")
    return Reply(
        text,
        tuple(step_button(step) for step in STEPS if step not in done)
        + (
            Button(_button_text("search"), "/find_care"),
            Button(_button_text("my_plan"), "/my_plan"),
        ),
    )


def mark_done(state: StepState) -> list[Reply]:
    """The user says they finished the step they are on."""
    if state.current_step is None:
        return [Reply(message("no_current_step"), tuple(step_button(s) for s in STEPS))]
    if state.current_step not in state.steps_done:
        state.steps_done.append(state.current_step)
    done_text = message("step_marked_done", title=title(state.current_step))
    if all(step in state.steps_done for step in STEPS):
        return [
            Reply(done_text),
            Reply(message("all_steps_done"), standard_buttons(None, state.steps_done)),
        ]
    return [Reply(done_text, standard_buttons(state.current_step, state.steps_done))]


def note_records(state: StepState, items: list[str]) -> list[Reply]:
    """Ticks records off the checklist and says what is still missing."""
    known = [i for i in items if i in {r.id for r in record_items()}]
    if not known:
        buttons = _record_buttons(_missing_records(state.records_gathered)[:3])
        return [Reply(message("record_unknown"), buttons)]
    for item in known:
        if item not in state.records_gathered:
            state.records_gathered.append(item)
    missing = _missing_records(state.records_gathered)
    both = f" {message('and_word')} "
    noted = message("record_noted", item=both.join(_short_label(i) for i in known))
    if not missing:
        done_text = f"{noted} {message('records_complete')}"
        return [Reply(done_text, standard_buttons("records", state.steps_done))]
    left = message("records_left", items=", ".join(_short_label(m) for m in missing))
    buttons = _record_buttons(missing[:2]) + (Button(_button_text("my_plan"), "/my_plan"),)
    return [Reply(f"{noted} {left}", buttons)]
