"""The application context: what `create_app` was built with (its settings, the
session factory every transaction on the app database is opened from, and the channels
it serves), for the code Rasa calls back into (custom actions, the response generator),
which cannot be handed it as an argument.

The chat service sets it around every turn (a context variable, so concurrent turns of
apps built with different settings never see each other's); nothing under `bot/` or
`actions/` reads settings from the environment or a process-wide cache.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from bot.channels import ChannelRegistry
from bot.infrastructure.config import Settings
from bot.infrastructure.db import SessionFactory


@dataclass(frozen=True)
class AppContext:
    settings: Settings
    # Every transaction on the application database is opened from this (bot.infrastructure.db).
    sessions: SessionFactory
    channels: ChannelRegistry


_CURRENT: ContextVar[AppContext] = ContextVar("navigator_app_context")


@contextmanager
def using(context: AppContext) -> Iterator[None]:
    """Runs the block (a dialogue turn) with this context."""
    token = _CURRENT.set(context)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def current() -> AppContext:
    """The context of the turn being run; an error outside one, where there is no app
    whose settings could be meant."""
    try:
        return _CURRENT.get()
    except LookupError as exc:
        raise RuntimeError("no application context: turns run through ChatService") from exc
