"""Error responses that every route shares.

A client must never see a 500: bad input is a readable 422, and anything the engine
cannot do becomes a 503 that tells a worried patient which number to call instead.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from api.staff_auth import BadCsrfToken, LoginRequired, NotAllowed
from bot.infrastructure.config import Settings
from bot.runtime.chat_service import outage_body
from bot.runtime.engine import EngineUnavailable
from bot.staff.console import NotFound

logger = logging.getLogger(__name__)


def _describe(errors: list[dict]) -> str:
    parts = []
    for err in errors:
        if err.get("type") == "json_invalid":
            parts.append("body: not valid JSON")
            continue
        location = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        parts.append(f"{location}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


def install_error_handlers(app: FastAPI, settings: Settings) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        # Only field locations and messages: echoing input back could repeat health details.
        errors = [
            {"loc": e.get("loc"), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()
        ]
        return JSONResponse(
            status_code=422, content={"detail": errors, "message": _describe(errors)}
        )

    @app.exception_handler(HTTPException)
    async def _http(_: Request, exc: HTTPException) -> JSONResponse:
        if exc.status_code == 400:
            # FastAPI's only 400 is a body it could not decode (e.g. invalid UTF-8); the
            # contract calls every bad input a 422.
            return JSONResponse(
                status_code=422,
                content={"detail": "invalid body", "message": "body: not valid UTF-8 JSON"},
            )
        return JSONResponse(
            status_code=exc.status_code,
            content={"detail": exc.detail, "message": str(exc.detail)},
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(LoginRequired)
    async def _login(_: Request, exc: LoginRequired) -> Response:
        if exc.is_page:
            return RedirectResponse("/staff/login", status_code=303)
        return JSONResponse(status_code=401, content={"detail": "login required"})

    @app.exception_handler(NotAllowed)
    async def _forbidden(_: Request, exc: NotAllowed) -> JSONResponse:
        return JSONResponse(status_code=403, content={"detail": "admins only"})

    @app.exception_handler(BadCsrfToken)
    async def _csrf(_: Request, exc: BadCsrfToken) -> JSONResponse:
        return JSONResponse(
            status_code=403,
            content={"detail": "invalid CSRF token", "message": "Reload the page and try again."},
        )

    @app.exception_handler(NotFound)
    async def _not_found(_: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse(status_code=404, content={"detail": "no such conversation"})

    @app.exception_handler(EngineUnavailable)
    async def _unavailable(_: Request, exc: EngineUnavailable) -> JSONResponse:
        return JSONResponse(status_code=503, content=outage_body(settings))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        logger.error("unhandled error", extra={"error_type": type(exc).__name__})
        return JSONResponse(status_code=503, content=outage_body(settings))
