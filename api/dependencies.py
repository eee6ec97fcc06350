"""Shared objects for routers, taken from the app state set up in `create_app`."""

from __future__ import annotations

from fastapi import Request

from bot.chat_service import ChatService
from bot.config import Settings
from bot.engine import DialogueEngine
from bot.sms.service import SmsService
from bot.staff.console import ConsoleService


def app_settings(request: Request) -> Settings:
    """The settings this app was built with (create_app), not the process-wide ones."""
    return request.app.state.settings


def get_engine(request: Request) -> DialogueEngine:
    return request.app.state.engine


def get_chat(request: Request) -> ChatService:
    return request.app.state.chat


def get_sms(request: Request) -> SmsService:
    return request.app.state.sms


def get_console(request: Request) -> ConsoleService:
    return request.app.state.console
