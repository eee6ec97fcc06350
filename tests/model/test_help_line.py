"""The help line in the patient's language: a deployment's Spanish line when it has
one, otherwise the default line, with interpreters mentioned only when the deployment
says the line has them."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from bot.guidance.help_line import help_line
from bot.infrastructure.config import ConfigError, Settings, load_settings
from bot.runtime.engine import DialogueEngine
from tests.conftest import say, texts


def test_english_is_the_configured_line_as_written() -> None:
    line = help_line(Settings(), "en")
    assert (
        line.text
        == "American Cancer Society helpline at 1-800-227-2345 (24 hours a day, 7 days a week)"
    )
    assert line.dial == "18002272345"


def test_spanish_without_a_spanish_line_gives_the_default_line_in_spanish_words() -> None:
    line = help_line(Settings(), "es")
    assert line.phone == "1-800-227-2345"
    assert "24 horas" in line.hours and "hours" not in line.hours
    assert "intérprete" not in line.text


def test_interpreters_are_mentioned_only_when_the_deployment_says_so() -> None:
    assert "intérprete" in help_line(Settings(help_line_interpreters=True), "es").text
    assert "interpreter" not in help_line(Settings(help_line_interpreters=True), "en").text


def test_a_spanish_line_is_used_for_spanish_conversations() -> None:
    settings = Settings(
        help_line_phone_es="1-800-555-0199",
        help_line_name_es="la línea en español del hospital",
        help_line_hours_es="de lunes a viernes, de 8 a 6",
    )
    spanish = help_line(settings, "es")
    assert (spanish.phone, spanish.name, spanish.hours) == (
        "1-800-555-0199",
        "la línea en español del hospital",
        "de lunes a viernes, de 8 a 6",
    )
    assert help_line(settings, "en").phone == "1-800-227-2345"


def test_hours_a_deployment_wrote_are_shown_as_written() -> None:
    line = help_line(Settings(help_line_hours="weekdays 9 to 5 Eastern"), "es")
    assert line.hours == "weekdays 9 to 5 Eastern"


def test_a_spanish_line_must_be_a_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HELP_LINE_PHONE_ES", "llame")
    with pytest.raises(ConfigError, match="HELP_LINE_PHONE_ES"):
        load_settings()


def test_a_spanish_handoff_gives_the_help_line_in_spanish(client: TestClient) -> None:
    sid = f"hl-{uuid.uuid4().hex[:10]}"
    say(client, sid, "hola, mi mamá tiene cáncer de seno")
    answer = texts(say(client, sid, "quiero hablar con una persona"))
    assert "1-800-227-2345" in answer
    assert "las 24 horas" in answer and "24 hours a day" not in answer


def test_the_help_line_comes_from_the_app_that_runs_the_turn(
    engine: DialogueEngine, sqlite_settings: Settings
) -> None:
    """Responses and actions read the settings create_app was given (bot.runtime.context), not
    the environment: an app built with its own line answers with it."""
    settings = sqlite_settings.copy(update={"help_line_phone": "1-888-555-0142"})
    with TestClient(create_app(settings, engine)) as own:
        answer = texts(say(own, f"hl-{uuid.uuid4().hex[:10]}", "can I talk to a real person"))
    assert "1-888-555-0142" in answer and "1-800-227-2345" not in answer
