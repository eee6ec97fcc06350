"""Login, cookies and CSRF for the staff console: the HTTP side of bot.staff.sessions.

Every /staff route except the login form depends on `signed_in`, so no patient data is
reachable without a session: a page request is sent to the login form (303), anything
else gets 401."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, Form, Request
from fastapi.responses import Response

from api.dependencies import ContextDep
from bot.infrastructure.config import Settings
from bot.infrastructure.db import in_transaction
from bot.staff import sessions
from bot.staff.accounts import Identity
from bot.staff.sessions import SignedIn

SESSION_COOKIE = "navigator_staff"
LOGIN_CSRF_COOKIE = "navigator_login_csrf"


class LoginRequired(Exception):
    """No valid staff session; the handler redirects pages and answers 401 otherwise."""

    def __init__(self, is_page: bool) -> None:
        super().__init__("login required")
        self.is_page = is_page


class NotAllowed(Exception):
    """Signed in, but the role does not allow this (the audit log is admin-only)."""


class BadCsrfToken(Exception):
    """A form post without this session's CSRF token."""


async def signed_in(request: Request, context: ContextDep) -> SignedIn:
    """Its own short transaction, committed before the route runs: the route's use case
    then opens its own, and a request never holds two connections at once."""
    token = request.cookies.get(SESSION_COOKIE)
    found = await in_transaction(context.sessions, lambda s: sessions.lookup(s, token=token))
    if found is None:
        raise LoginRequired(is_page=request.method == "GET")
    return found


SignedInDep = Annotated[SignedIn, Depends(signed_in)]


async def admin_identity(login: SignedInDep) -> Identity:
    if not login.identity.is_admin:
        raise NotAllowed()
    return login.identity


async def csrf_checked(login: SignedInDep, csrf_token: str = Form("")) -> Identity:
    """For every form post: the token must match the one issued with this session."""
    if not secrets.compare_digest(csrf_token.encode(), login.csrf_token.encode()):
        raise BadCsrfToken()
    return login.identity


# A form post's signed-in staff member, its CSRF token checked; an admin, for the audit log.
StaffDep = Annotated[Identity, Depends(csrf_checked)]
AdminDep = Annotated[Identity, Depends(admin_identity)]


def _cookie_flags(settings: Settings) -> dict[str, Any]:
    """Every console cookie: script-proof, same-site only, Secure unless turned off."""
    return {"secure": settings.staff_cookie_secure, "httponly": True, "samesite": "strict"}


def set_session_cookie(response: Response, token: str, settings: Settings) -> None:
    max_age = int(timedelta(hours=settings.staff_session_hours).total_seconds())
    response.set_cookie(
        SESSION_COOKIE, token, max_age=max_age, path="/staff", **_cookie_flags(settings)
    )


def clear_session_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/staff", **_cookie_flags(settings))


def set_login_csrf(response: Response, token: str, settings: Settings) -> None:
    """Login has no session yet, so its form carries a double-submit token instead."""
    response.set_cookie(
        LOGIN_CSRF_COOKIE, token, max_age=3600, path="/staff/login", **_cookie_flags(settings)
    )


def login_csrf_ok(request: Request, submitted: str) -> bool:
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    return bool(expected) and secrets.compare_digest(expected.encode(), submitted.encode())
