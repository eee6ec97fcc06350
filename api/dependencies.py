"""What routers are handed, as typed aliases: `session: SessionDep` instead of
`session: Session = Depends(...)` repeated in every signature. Everything comes from the
app that serves the request (create_app), never from process-wide state."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from bot.channels import WebChannel
from bot.infrastructure.config import Settings
from bot.infrastructure.db import transaction
from bot.runtime.chat_service import ChatService
from bot.runtime.context import AppContext
from bot.runtime.engine import DialogueEngine
from bot.sms.service import SmsService
from bot.staff.console import ConsoleService


def app_context(request: Request) -> AppContext:
    return request.app.state.context


def app_settings(request: Request) -> Settings:
    """The settings this app was built with (create_app), not the process-wide ones."""
    return app_context(request).settings


def get_engine(request: Request) -> DialogueEngine:
    return request.app.state.engine


def get_chat(request: Request) -> ChatService:
    return request.app.state.chat


def get_sms(request: Request) -> SmsService:
    return request.app.state.sms


def get_console(request: Request) -> ConsoleService:
    return request.app.state.console


def web_channel(request: Request) -> WebChannel:
    return app_context(request).channels.get(WebChannel)


def database_session(request: Request) -> Iterator[Session]:
    """The request's one transaction. A plain function, so FastAPI opens and commits it
    in a worker thread; routers run their queries on it with `run_blocking`."""
    with transaction(app_context(request).sessions) as session:
        yield session


ContextDep = Annotated[AppContext, Depends(app_context)]
SettingsDep = Annotated[Settings, Depends(app_settings)]
EngineDep = Annotated[DialogueEngine, Depends(get_engine)]
ChatDep = Annotated[ChatService, Depends(get_chat)]
SmsDep = Annotated[SmsService, Depends(get_sms)]
ConsoleDep = Annotated[ConsoleService, Depends(get_console)]
WebDep = Annotated[WebChannel, Depends(web_channel)]
# Committed when the route returns and before the response is sent (scope "function"):
# a client that follows a redirect at once finds what the request wrote.
SessionDep = Annotated[Session, Depends(database_session, scope="function")]
