"""Structured (JSON-lines) logging with a request id on every line.

Conversations hold health information, so log records carry ids, sizes and timings; the
message text, names and phone numbers never appear at INFO. Rasa's own loggers are held
at WARNING because they describe user messages at DEBUG/INFO.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import sys
from contextvars import ContextVar
from datetime import datetime, timezone

import structlog

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")

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
