"""/staff: the call-center console. Thin: every action is a ConsoleService call; this
file only turns forms into calls and results into pages."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.dependencies import ConsoleDep, SessionDep, SettingsDep
from api.routers.web import PAGE_HEADERS, templates
from api.staff_auth import (
    SESSION_COOKIE,
    AdminDep,
    SignedInDep,
    StaffDep,
    clear_session_cookie,
    login_csrf_ok,
    set_login_csrf,
    set_session_cookie,
)
from bot.channels import NotDelivered
from bot.content import load
from bot.guidance.conversations import normalise_code
from bot.infrastructure.config import Settings
from bot.infrastructure.db import run_blocking
from bot.staff import sessions
from bot.staff.login import attempt_login, log_out
from bot.vocabulary.terms import cancer_types

router = APIRouter(prefix="/staff", include_in_schema=False)

SessionKey = Path(..., regex=r"^[A-Za-z0-9_-]{1,64}\Z")
MessageText = Form(..., min_length=1, max_length=2000)
CallLanguage = Form("en", regex=r"^(en|es)\Z")
NOTICES = {
    "closed": "Request marked as handled.",
    "sent": "Reply sent.",
    "not_delivered": "Not sent: this person texted STOP, or their request was closed.",
    "no_match": "No conversation has that code. Check it with the caller.",
    "bad_code": "A code looks like K7-3F9.",
}


def page(request: Request, name: str, status_code: int = 200, **context: object) -> HTMLResponse:
    notice = NOTICES.get(request.query_params.get("notice", ""))
    return templates.TemplateResponse(
        request,
        name,
        {"notice": notice, "languages": load("locales.yml")["names"], **context},
        status_code=status_code,
        headers=PAGE_HEADERS,
    )


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def login_page(
    request: Request, settings: Settings, status_code: int = 200, error: str = ""
) -> HTMLResponse:
    token = secrets.token_urlsafe(24)
    response = page(
        request, "staff/login.html", status_code=status_code, csrf_token=token, error=error
    )
    set_login_csrf(response, token, settings)
    return response


@router.get("/login", response_class=HTMLResponse)
async def login_form(request: Request, settings: SettingsDep, session: SessionDep) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if await run_blocking(lambda: sessions.lookup(session, token=token)):
        return see_other("/staff")
    return login_page(request, settings)


@router.post("/login", response_class=HTMLResponse)
async def login(
    request: Request,
    settings: SettingsDep,
    session: SessionDep,
    username: str = Form("", max_length=100),
    password: str = Form("", max_length=200),
    csrf_token: str = Form(""),
) -> Response:
    """One transaction for the whole attempt (bot.staff.login), committed before the
    answer goes out, so the redirect's next request finds the new session."""

    def again(status: int, error: str, retry_after: int = 0) -> HTMLResponse:
        response = login_page(request, settings, status, error)
        if retry_after:
            response.headers["Retry-After"] = str(retry_after)
        return response

    if not login_csrf_ok(request, csrf_token):
        return again(403, "The form expired. Please try again.")
    address = request.client.host if request.client else "-"
    attempt = await run_blocking(
        lambda: attempt_login(
            session, settings=settings, username=username, password=password, address=address
        )
    )
    if attempt.address_blocked:
        return again(
            429,
            "Too many failed logins from this network. Please wait, then try again.",
            attempt.retry_after,
        )
    if attempt.locked:
        return again(
            429,
            "Too many failed logins: this account is locked for a while. "
            "Ask an admin if you need in sooner.",
            attempt.retry_after,
        )
    if attempt.token is None and attempt.retry_after:
        return again(
            429,
            f"Wrong username or password. Wait {attempt.retry_after} seconds, then try again.",
            attempt.retry_after,
        )
    if attempt.token is None:
        return again(401, "Wrong username or password.")
    response = see_other("/staff")
    set_session_cookie(response, attempt.token, settings)
    return response


@router.post("/logout")
async def logout(
    request: Request, staff: StaffDep, settings: SettingsDep, session: SessionDep
) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    await run_blocking(lambda: log_out(session, token=token, username=staff.username))
    response = see_other("/staff/login")
    clear_session_cookie(response, settings)
    return response


@router.get("", response_class=HTMLResponse)
async def dashboard(
    request: Request,
    login: SignedInDep,
    console: ConsoleDep,
) -> Response:
    return page(request, "staff/dashboard.html", login=login, queue=await console.queue())


@router.get("/find")
async def find_by_code(
    login: SignedInDep,
    console: ConsoleDep,
    code: str = Query("", max_length=20),
) -> Response:
    if normalise_code(code) is None:
        return see_other("/staff?notice=bad_code")
    found = await console.find(login.identity, code)
    if found is None:
        return see_other("/staff?notice=no_match")
    return see_other(f"/staff/conversations/{found.session_key}")


@router.post("/calls")
async def start_call(
    staff: StaffDep,
    console: ConsoleDep,
    lang: str = CallLanguage,
) -> Response:
    return see_other(f"/staff/conversations/{await console.start_call(staff, lang)}")


@router.get("/conversations/{key}", response_class=HTMLResponse)
async def conversation(
    request: Request,
    login: SignedInDep,
    console: ConsoleDep,
    key: str = SessionKey,
) -> Response:
    view = await console.view(login.identity, key)
    return page(
        request, "staff/conversation.html", login=login, view=view, cancer_types=cancer_types()
    )


@router.post("/conversations/{key}/say")
async def caller_said(
    staff: StaffDep,
    console: ConsoleDep,
    key: str = SessionKey,
    text: str = MessageText,
    lang: str = CallLanguage,
) -> Response:
    await console.call_turn(staff, key, text, lang)
    return see_other(f"/staff/conversations/{key}#script")


@router.post("/conversations/{key}/reply")
async def reply(
    staff: StaffDep,
    console: ConsoleDep,
    key: str = SessionKey,
    text: str = MessageText,
) -> Response:
    try:
        await console.reply(staff, key, text)
    except NotDelivered:
        return see_other(f"/staff/conversations/{key}?notice=not_delivered")
    return see_other(f"/staff/conversations/{key}?notice=sent")


@router.post("/conversations/{key}/close")
async def close(
    staff: StaffDep,
    console: ConsoleDep,
    key: str = SessionKey,
) -> Response:
    await console.close(staff, key)
    return see_other("/staff?notice=closed")


@router.get("/audit", response_class=HTMLResponse)
async def audit_log(
    request: Request,
    admin: AdminDep,
    login: SignedInDep,
    console: ConsoleDep,
    conversation: str = Query("", max_length=64, regex=r"^[A-Za-z0-9_-]*\Z"),
) -> Response:
    lines = await console.audit_log(admin, conversation or None)
    return page(request, "staff/audit.html", login=login, lines=lines, conversation=conversation)
