"""Liveness and readiness, for process supervisors and load balancers."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from api.dependencies import get_engine, get_settings
from bot.config import Settings
from bot.db import database_answers, run_blocking
from bot.engine import DialogueEngine

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """200 for as long as the process can answer at all."""
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(
    engine: DialogueEngine = Depends(get_engine), settings: Settings = Depends(get_settings)
) -> JSONResponse:
    """200 only once the model is loaded and the database answers; 503 before that."""
    database_ok = await run_blocking(database_answers, settings.database_url)
    checks = {
        "model": "loaded" if engine.ready else ("failed" if engine.load_error else "loading"),
        "database": "ok" if database_ok else "unreachable",
    }
    ready = engine.ready and database_ok
    return JSONResponse(
        status_code=200 if ready else 503,
        content={"status": "ready" if ready else "not ready", "checks": checks},
    )
