"""Structured (JSON-lines) logging with a request id on every line.

Conversations hold health information, so log records carry ids, sizes and timings; the
message text, names and phone numbers never appear at INFO. Rasa's own loggers are held
at WARNING because they describe user messages at DEBUG/INFO, and even at WARNING some
quote the message (a text starting with "/" fails Rasa's intent syntax and is logged
whole). So redaction happens at the handler, for every logger and Python warning: while
a turn runs, its text is known (`turn_text`), and a record that quotes it is replaced;
phone numbers and e-mail addresses are masked in every record.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import re
import sys
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import datetime, timezone

import structlog

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")
_turn_text_var: ContextVar[str | None] = ContextVar("turn_text", default=None)

# A quoted stretch of the message this long is enough to hide the whole record.
QUOTE_WINDOW = 12
REDACTED = "[record withheld: it quoted a person's message]"
_PHONE = re.compile(r"\+?\d[\d\s().-]{7,}\d")
# No phone number anywhere has fewer digits; an address like 127.0.0.1 does.
PHONE_MIN_DIGITS = 7
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


@contextlib.contextmanager
def turn_text(text: str) -> Iterator[None]:
    """Marks `text` as the message being handled, so no log record can quote it."""
    token = _turn_text_var.set(text)
    try:
        yield
    finally:
        _turn_text_var.reset(token)


def _quotes(message: str, said: str) -> bool:
    for form in {said, json.dumps(said)[1:-1], json.dumps(json.dumps(said)[1:-1])[1:-1]}:
        if len(form) < QUOTE_WINDOW:
            if len(form.strip()) >= 4 and form in message:
                return True
            continue
        step = QUOTE_WINDOW // 2
        for start in range(0, len(form) - QUOTE_WINDOW + 1, step):
            if form[start : start + QUOTE_WINDOW] in message:
                return True
    return False


def _mask_number(found: re.Match[str]) -> str:
    digits = sum(c.isdigit() for c in found.group())
    return "[number]" if digits >= PHONE_MIN_DIGITS else found.group()


class RedactPersonalText(logging.Filter):
    """Installed on the handler, so it sees every record, whichever logger made it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        said = _turn_text_var.get()
        if said and _quotes(message, said):
            cleaned = REDACTED
        else:
            cleaned = _EMAIL.sub("[email]", _PHONE.sub(_mask_number, message))
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


_STANDARD_ATTRS = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "taskName",
    "color_message",
}

NOISY_LOGGERS = ("rasa", "rasa_sdk", "tensorflow", "absl", "sanic", "apscheduler", "uvicorn.access")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
            "request_id": request_id_var.get(),
        }
        payload.update({k: v for k, v in vars(record).items() if k not in _STANDARD_ATTRS})
        if record.exc_info:
            payload["exc_type"] = record.exc_info[0].__name__ if record.exc_info[0] else None
        return json.dumps(payload, default=str)


def configure_logging(level: str) -> None:
    # Importing numpy.distutils (TensorFlow does, while the model loads) resets the root
    # logger to WARNING through setuptools' distutils log; import it first so that
    # happens before our levels are set, not after.
    with contextlib.suppress(ImportError):
        importlib.import_module("numpy.distutils.log")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RedactPersonalText())
    # Rasa reports some parse failures as Python warnings, quoting the message: they go
    # through the same handler and its filter instead of straight to stderr.
    logging.captureWarnings(True)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLevelName(level)))
    quiet_rasa_structlog()
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True


def quiet_rasa_structlog() -> None:
    """Rasa 3.6 also logs through structlog, whose default prints every DEBUG event (slot
    values included) to stdout. Route it through stdlib logging at WARNING and above."""
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            structlog.processors.add_log_level,
            structlog.processors.JSONRenderer(),
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING),
        cache_logger_on_first_use=True,
    )
