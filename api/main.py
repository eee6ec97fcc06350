"""create_app(): the one FastAPI application behind every channel.

The dialogue model loads in the background at start-up so /healthz answers at once and
/readyz reports progress; requests that need the engine get a 503 until it is ready.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from api.errors import install_error_handlers
from api.middleware import BodySizeLimitMiddleware, NoStoreMiddleware, RequestContextMiddleware
from api.routers import chat, directory, health, sms, staff, web
from bot.channels import CallChannel, ChannelRegistry, SmsChannel, WebChannel
from bot.infrastructure.config import Settings, get_settings
from bot.infrastructure.db import session_factory
from bot.runtime.chat_service import ChatService
from bot.runtime.context import AppContext
from bot.runtime.engine import DialogueEngine
from bot.runtime.training import model_path
from bot.sms.outbound import OutboundSms, outbound_from_settings
from bot.sms.service import SmsService
from bot.staff.console import ConsoleService

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 16 * 1024
# Paths whose responses can hold a transcript or a patient's details.
PRIVATE_PATHS = ("/staff", "/api/v1/chat", "/sms")


def build_context(settings: Settings, outbound: OutboundSms | None = None) -> AppContext:
    """What the app's services, routers and actions share: its settings, sessions on the
    one engine for its database, and the channels it serves (each adapter once; a new
    channel is registered here and listed in bot.channels.registry.ADAPTERS)."""
    sessions = session_factory(settings.database_url)
    channels = ChannelRegistry(
        WebChannel(),
        SmsChannel(outbound or outbound_from_settings(settings), sessions),
        CallChannel(),
    )
    return AppContext(settings, sessions, channels)


def create_app(
    settings: Settings | None = None,
    engine: DialogueEngine | None = None,
    outbound: OutboundSms | None = None,
) -> FastAPI:
    settings = settings or get_settings()
    engine = engine or DialogueEngine(
        model_path(), settings.tracker_store_url, settings.lock_store_url
    )

    async def load_and_announce() -> None:
        await engine.load()
        if engine.ready:
            print(f"Ready: http://{settings.host}:{settings.port}/", flush=True)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        loading = None if engine.ready else asyncio.create_task(load_and_announce())
        yield
        if loading is not None and not loading.done():
            loading.cancel()

    app = FastAPI(
        title="Second Opinion Navigator",
        version="0.1.0",
        description="A guide for people with cancer who want a second opinion.",
        lifespan=lifespan,
    )
    context = build_context(settings, outbound)
    app.state.context = context
    app.state.engine = engine
    app.state.chat = ChatService(engine, settings.engine_timeout_seconds, context)
    sms_turn_seconds = min(settings.engine_timeout_seconds, settings.sms_reply_seconds)
    app.state.sms = SmsService(ChatService(engine, sms_turn_seconds, context), context)
    app.state.console = ConsoleService(engine, app.state.chat, context)
    if settings.sms_allow_unsigned:
        logger.warning(
            "SMS_ALLOW_UNSIGNED is on: /sms/twilio accepts UNSIGNED webhooks. "
            "Anyone can post as any phone number. Use this for local development only."
        )
    install_error_handlers(app, settings)
    app.include_router(health.router)
    app.include_router(chat.router)
    app.include_router(directory.router)
    app.include_router(sms.router)
    app.include_router(web.router)
    app.include_router(staff.router)
    app.mount("/static", StaticFiles(directory=web.STATIC_DIR), name="static")
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(NoStoreMiddleware, prefixes=PRIVATE_PATHS)
    app.add_middleware(RequestContextMiddleware)
    return app


def app_factory() -> FastAPI:
    """The entry point uvicorn imports in each worker process."""
    from bot.infrastructure.logging_setup import configure_logging

    settings = get_settings()
    configure_logging(settings.log_level)
    return create_app(settings)
