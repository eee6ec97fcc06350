"""The SMS channel through the real app and the real `twilio` package: signatures,
carrier keywords, retries, splitting and a whole journey by text."""

from __future__ import annotations

import asyncio
import logging
import uuid
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from twilio.request_validator import RequestValidator

from api.main import create_app
from bot.channels import SmsChannel
from bot.infrastructure.config import Settings
from bot.infrastructure.db import engine_for
from bot.runtime.engine import DialogueEngine
from bot.sms.formatting import MAX_LENGTH, PREFERRED_LENGTH, split
from bot.sms.identity import phone_hash

URL = "http://testserver/sms/twilio"
TOKEN = "test-twilio-auth-token"


def new_number() -> str:
    """A number no other test has used: drawn from 8 million, not 10,000, since tests
    sharing the database opt numbers out (STOP), and a number drawn again would then
    get no reply."""
    draw = uuid.uuid4().int
    return f"+1312{200 + draw % 800:03d}{draw // 800 % 10_000:04d}"


def webhook(sender: str, body: str, sid: str | None = None, **extra: str) -> dict[str, str]:
    return {
        "MessageSid": sid or f"SM{uuid.uuid4().hex}",
        "AccountSid": f"AC{uuid.uuid4().hex}",
        "From": sender,
        "To": "+15005550006",
        "Body": body,
        "NumMedia": "0",
        **extra,
    }


def sign(params: dict[str, str], url: str = URL, token: str = TOKEN) -> str:
    return RequestValidator(token).compute_signature(url, params)


def post(client: TestClient, params: dict[str, str], signature: str | None = "sign") -> object:
    headers = {}
    if signature == "sign":
        headers["X-Twilio-Signature"] = sign(params)
    elif signature is not None:
        headers["X-Twilio-Signature"] = signature
    return client.post("/sms/twilio", data=params, headers=headers)


def messages(response: object) -> list[str]:
    assert response.status_code == 200, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"].startswith("application/xml")  # type: ignore[attr-defined]
    root = ElementTree.fromstring(response.content)  # type: ignore[attr-defined]
    assert root.tag == "Response"
    return [m.text or "" for m in root.findall("Message")]


def text_sms(client: TestClient, sender: str, body: str) -> str:
    return "\n".join(messages(post(client, webhook(sender, body))))


def test_signed_request_gets_twiml_and_continues_the_conversation(client: TestClient) -> None:
    number = new_number()
    first = messages(post(client, webhook(number, "hi")))
    assert "not a doctor" in first[0] and "Second Opinion Navigator" in first[1]
    assert first[-1].startswith("Reply 1 for Get started, 2 for Talk to my doctor")
    assert "What type of cancer" in text_sms(client, number, "1")
    assert "ZIP code" in text_sms(client, number, "lung cancer")


def test_unknown_fields_are_accepted(client: TestClient) -> None:
    params = webhook(new_number(), "hi", SmsStatus="received", ApiVersion="2010-04-01")
    assert messages(post(client, params))


@pytest.mark.parametrize(
    "signature",
    [None, "", "bm90IGEgc2lnbmF0dXJl", sign(webhook("+13125550100", "hi"))],
    ids=["missing", "empty", "forged", "another-request's"],
)
def test_forged_or_missing_signature_gets_403(client: TestClient, signature: str | None) -> None:
    response = post(client, webhook(new_number(), "hi"), signature=signature)
    assert response.status_code == 403  # type: ignore[attr-defined]


def test_tampered_body_or_wrong_token_gets_403(client: TestClient) -> None:
    params = webhook(new_number(), "hi")
    signature = sign(params)
    response = post(client, {**params, "Body": "STOP"}, signature=signature)
    assert response.status_code == 403  # type: ignore[attr-defined]
    response = post(client, params, signature=sign(params, token="someone-elses-token"))
    assert response.status_code == 403  # type: ignore[attr-defined]


def app_client(settings: Settings, engine: DialogueEngine, **changes: object) -> TestClient:
    return TestClient(create_app(settings.copy(update=changes), engine))


def test_public_base_url_is_what_the_signature_covers(
    engine: DialogueEngine, sqlite_settings: Settings
) -> None:
    public = "https://navigator.example.org/sms/twilio"
    with app_client(sqlite_settings, engine, public_base_url="https://navigator.example.org") as c:
        params = webhook(new_number(), "hi")
        assert messages(post(c, params, signature=sign(params, url=public)))
        params = webhook(new_number(), "hi")
        assert post(c, params, signature=sign(params)).status_code == 403  # type: ignore[attr-defined]


def test_without_a_token_every_webhook_gets_403(
    engine: DialogueEngine, sqlite_settings: Settings
) -> None:
    from pydantic import SecretStr

    with app_client(sqlite_settings, engine, twilio_auth_token=SecretStr("")) as c:
        params = webhook(new_number(), "hi")
        assert post(c, params, signature=sign(params, token="")).status_code == 403  # type: ignore[attr-defined]


def test_unsigned_mode_is_explicit_and_loud(
    engine: DialogueEngine, sqlite_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        with app_client(sqlite_settings, engine, sms_allow_unsigned=True) as c:
            assert messages(post(c, webhook(new_number(), "hi"), signature=None))
    assert any("UNSIGNED" in r.getMessage() for r in caplog.records)


def test_stop_silences_the_number_and_start_brings_it_back(client: TestClient) -> None:
    number = new_number()
    assert text_sms(client, number, "hi")
    assert messages(post(client, webhook(number, "STOP"))) == []
    assert messages(post(client, webhook(number, "find a hospital near 60612"))) == []
    assert messages(post(client, webhook(number, " stop "))) == []
    assert "Welcome back" in text_sms(client, number, "Start")
    # The conversation goes on where it was (a second greeting is worded differently).
    assert "second opinion" in text_sms(client, number, "hi").lower()


@pytest.mark.parametrize("word", ["STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"])
def test_every_opt_out_keyword_opts_out(client: TestClient, word: str) -> None:
    number = new_number()
    assert messages(post(client, webhook(number, word))) == []
    assert messages(post(client, webhook(number, "hi"))) == []
    assert "Welcome back" in text_sms(client, number, "UNSTOP")


@pytest.mark.parametrize("word", ["HELP", "info"])
def test_help_says_who_we_are_and_how_to_stop(client: TestClient, word: str) -> None:
    reply = text_sms(client, new_number(), word)
    assert "Second Opinion Navigator" in reply and "1-800-227-2345" in reply
    assert "Reply STOP to opt out" in reply and len(reply) <= PREFERRED_LENGTH


def test_help_still_answers_an_opted_out_number(client: TestClient) -> None:
    number = new_number()
    post(client, webhook(number, "STOP"))
    assert "Reply STOP to opt out" in text_sms(client, number, "HELP")


def test_a_retried_webhook_never_advances_the_conversation_twice(
    client: TestClient, engine: DialogueEngine, sqlite_settings: Settings
) -> None:
    number = new_number()
    post(client, webhook(number, "hi"))
    retried = webhook(number, "1")
    first = messages(post(client, retried))
    assert messages(post(client, retried)) == first
    # The record is in the database, so a restarted app answers the retry the same way.
    with TestClient(create_app(sqlite_settings, engine)) as restarted:
        assert messages(post(restarted, retried)) == first
    history = asyncio.run(engine.history(SmsChannel.session_key(phone_hash(number, key()))))
    assert [e.text for e in history if e.role == "user"] == ["hi", "/want_second_opinion"]


def key() -> str:
    from bot.infrastructure.config import get_settings

    return get_settings().phone_hash_key.get_secret_value()


def test_long_replies_split_into_sms_sized_messages(client: TestClient) -> None:
    number = new_number()
    sent = messages(post(client, webhook(number, "find a hospital for lung cancer near 60612")))
    assert len(sent) >= 3 and all(len(m) <= PREFERRED_LENGTH for m in sent)
    assert "Northwestern Memorial Hospital" in "\n".join(sent)
    assert "Reply 1 for More results" in sent[-1]
    more = "\n".join(messages(post(client, webhook(number, "1"))))
    assert "4. " in more


def test_splitting_prefers_sentences_and_never_exceeds_1600() -> None:
    sentence = "This sentence is exactly sixty characters long, more or less. "
    long_paragraph = sentence * 20
    one_huge_sentence = "word " * 500
    parts = split(["Short one.", long_paragraph.strip(), one_huge_sentence.strip()])
    assert all(len(p) <= MAX_LENGTH for p in parts)
    assert all(len(p) <= PREFERRED_LENGTH for p in parts[:-2])
    assert all(p.endswith(".") for p in parts[:-2])
    assert "".join(parts).replace(" ", "").replace("\n", "") == (
        "Short one." + long_paragraph + one_huge_sentence
    ).replace(" ", "")


def test_markdown_and_html_become_plain_text() -> None:
    from bot.guidance.replies import Button, Reply
    from bot.sms.formatting import to_sms

    sms = to_sms(
        [
            Reply(
                "**Call** [NCI](https://cancer.gov) <b>now</b> &amp; relax",
                (Button("Yes", "/affirm"),),
            )
        ]
    )
    assert sms.messages == ["Call NCI (https://cancer.gov) now & relax\n\nReply 1 for Yes."]
    assert sms.options == ["/affirm"]


def test_unicode_and_emoji_pass_through(client: TestClient) -> None:
    number = new_number()
    assert "Second Opinion Navigator" in text_sms(client, number, "hi there 👋😊")
    assert "ZIP code" in text_sms(client, number, "find a hospital for mamá, she has lymphoma 🙏")
    assert "Here are places within 25 miles of 10065" in text_sms(client, number, "10065 ¿sí?")
    assert "4. " in text_sms(client, number, "more results 🙂")
    assert text_sms(client, number, "🙏🙏🙏")  # no words at all still gets an answer


def test_crisis_by_text_gets_988_first(client: TestClient) -> None:
    reply = messages(post(client, webhook(new_number(), "I want to end my life 💔")))
    assert "988" in reply[0] and "911" in reply[0]


def test_a_full_journey_by_text(client: TestClient) -> None:
    number = new_number()
    assert "Get started" in text_sms(client, number, "hi")
    assert "type of cancer" in text_sms(client, number, "1")
    assert "ZIP code" in text_sms(client, number, "my mom has breast cancer")
    assert "health insurance" in text_sms(client, number, "33612")
    assert "date for surgery" in text_sms(client, number, "2")  # Medicare
    assert "Step 1" in text_sms(client, number, "no")
    assert "Step 2, check your insurance" in text_sms(client, number, "tell me about insurance")
    assert "prior authorization" in text_sms(client, number, "1")  # More
    assert "You have Medicare. Part B" in text_sms(client, number, "1")
    assert "Still to get" in text_sms(client, number, "we got her pathology report")
    plan = text_sms(client, number, "my plan")
    assert "breast cancer" in plan and "33612" in plan and "Medicare" in plan
    hospitals = text_sms(client, number, "find a hospital near me")
    assert "Moffitt" in hospitals and "Call (" in hospitals


def test_engine_down_gets_an_apology_with_the_help_line(sqlite_settings: Settings) -> None:
    from pathlib import Path

    broken = DialogueEngine(Path("/nonexistent/model.tar.gz"), sqlite_settings.tracker_store_url)
    with TestClient(create_app(sqlite_settings, broken)) as c:
        reply = "\n".join(messages(post(c, webhook(new_number(), "hi"))))
    assert "can't answer right now" in reply and "1-800-227-2345" in reply


def test_a_slow_engine_gets_the_apology_in_time(
    engine: DialogueEngine, sqlite_settings: Settings
) -> None:
    # A directory search waits on the database for milliseconds, far longer than this
    # bound allows. (The bound acts where a turn waits: database, locks, threads.)
    with app_client(sqlite_settings, engine, sms_reply_seconds=0.0001) as c:
        body = "find a hospital for lung cancer near 60612"
        reply = "\n".join(messages(post(c, webhook(new_number(), body))))
    assert "can't answer right now" in reply and "1-800-227-2345" in reply


def test_old_webhook_records_are_dropped(sqlite_settings: Settings) -> None:
    from datetime import timedelta

    from bot.infrastructure.clock import utcnow
    from bot.infrastructure.db import session_scope
    from bot.sms import store
    from bot.sms.models import SmsInbound

    url = sqlite_settings.database_url
    old_sid = f"SM{uuid.uuid4().hex}"
    with session_scope(url) as session:
        session.add(
            SmsInbound(
                message_sid=old_sid,
                phone_hash="h",
                received_at=utcnow() - timedelta(days=2),
                replies='["an old answer"]',
            )
        )
    with session_scope(url) as session:
        assert store.claim_message(session, message_sid=f"SM{uuid.uuid4().hex}", hashed="h") is None
    with session_scope(url) as session:
        assert session.get(SmsInbound, old_sid) is None


def test_no_phone_number_or_message_text_is_stored_or_logged(
    client: TestClient, sqlite_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    number = new_number()
    with caplog.at_level(logging.INFO):
        text_sms(client, number, "my name is Zelda Quixote and I have lymphoma")
    logged = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert number not in logged and number[1:] not in logged and "Zelda" not in logged
    with engine_for(sqlite_settings.database_url).connect() as connection:
        for table in ("sms_senders", "sms_inbound", "conversations"):
            dump = str(connection.execute(text(f"SELECT * FROM {table}")).fetchall())
            assert number[2:] not in dump


def test_the_twilio_sender_posts_the_message_through_the_twilio_library() -> None:
    import json

    from twilio.http import HttpClient
    from twilio.http.response import Response

    from bot.sms.outbound import TwilioOutbound

    class Recorder(HttpClient):
        """Twilio's own transport seam: captures the request the library built."""

        def __init__(self) -> None:
            super().__init__(logging.getLogger("twilio-recorder"), is_async=False)
            self.calls: list[tuple[str, str, dict]] = []

        def request(self, method, uri, params=None, data=None, headers=None, auth=None, **kw):  # type: ignore[no-untyped-def, override]
            self.calls.append((method, uri, dict(data or {})))
            body = {"sid": f"SM{'0' * 32}", "status": "queued", "body": data["Body"]}
            return Response(201, json.dumps(body))

    recorder = Recorder()
    account = f"AC{'1' * 32}"
    sender = TwilioOutbound(account, "token", "+15005550006", http_client=recorder)
    sender.send("+13125550100", "From the Navigator team: hello")
    method, uri, data = recorder.calls[0]
    assert method == "POST"
    assert uri == f"https://api.twilio.com/2010-04-01/Accounts/{account}/Messages.json"
    assert data == {
        "To": "+13125550100",
        "From": "+15005550006",
        "Body": "From the Navigator team: hello",
    }


def test_a_journey_by_text_in_spanish_stays_in_spanish(client: TestClient) -> None:
    number = new_number()
    assert "segunda opinión" in text_sms(client, number, "hola buenas tardes")
    noted = text_sms(client, number, "mi mamá tiene cáncer de seno y tiene medicare")
    assert "su mamá" in noted and "cáncer de seno" in noted
    answer = text_sms(client, number, "necesita una remision para la segunda opinion?")
    assert "Medicare" in answer and "referral" not in answer.lower()
    hospitals = text_sms(client, number, "busco un hospital de cancer cerca de 33612")
    assert "Moffitt" in hospitals and "Llame al (" in hospitals and "Call (" not in hospitals
    plan = text_sms(client, number, "mi plan")
    assert "cáncer de seno" in plan and "Medicare" in plan and "breast" not in plan
    person = text_sms(client, number, "quiero hablar con una persona")
    assert "1-800-227-2345" in person and "las 24 horas" in person
