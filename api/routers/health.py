"""Liveness and readiness, for process supervisors and load balancers."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.dependencies import ContextDep, EngineDep
from bot.infrastructure.db import database_answers, run_blocking
from bot.runtime.engine import STORE_CHECK_SECONDS

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """200 for as long as the process can answer at all."""
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(engine: EngineDep, context: ContextDep) -> JSONResponse:
    """200 only once the model is loaded and every store a turn needs answers (the app
    database, the conversation store and the lock store); 503 otherwise. Each check is
    bounded, so a store that hangs makes this a quick 503, never a hang."""
    try:
        database_ok = await asyncio.wait_for(
            run_blocking(database_answers, context.sessions), STORE_CHECK_SECONDS
        )
    except asyncio.TimeoutError:
        database_ok = False
    checks = {
        "model": "loaded" if engine.ready else ("failed" if engine.load_error else "loading"),
        "database": "ok" if database_ok else "unreachable",
        **await engine.store_checks(),
    }
    ready = all(value in ("ok", "loaded") for value in checks.values())
    return JSONResponse(
        status_code=200 if ready else 503,
        content={"status": "ready" if ready else "not ready", "checks": checks},
    )
