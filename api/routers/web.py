"""GET /: the patient chat page. Static HTML, CSS and JS, served by the app itself (no
build step, no CDN), with a content security policy that allows no inline script. Its
words are the catalogue's (web.yml) in the page's language, with a link to the other."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from api.dependencies import SettingsDep
from bot.content import DEFAULT_LOCALE, locales, texts
from bot.guidance.help_line import help_line
from bot.infrastructure.paths import PROJECT_ROOT

WEB_DIR = PROJECT_ROOT / "api" / "web"
STATIC_DIR = WEB_DIR / "static"
templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))

router = APIRouter(include_in_schema=False)

PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def page_locale(request: Request) -> str:
    """The page's language: `?lang=es` (the page's own switch), else the browser's first
    language we speak (Accept-Language), else English."""
    asked = request.query_params.get("lang")
    if asked in locales():
        return str(asked)
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in locales():
            return code
    return DEFAULT_LOCALE


@router.get("/", response_class=HTMLResponse)
async def chat_page(request: Request, settings: SettingsDep) -> HTMLResponse:
    locale = page_locale(request)
    return templates.TemplateResponse(
        request,
        "index.html",
        {
            "locale": locale,
            "other_locale": next(code for code in locales() if code != locale),
            "words": texts("web.yml", locale),
            "help_line": help_line(settings, locale),
        },
        headers=PAGE_HEADERS,
    )
