"""Settings from the environment, validated once at start-up.

Every tunable of the service is here so that a bad value stops the process with a clear
message before any patient talks to it, rather than failing mid-conversation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from pydantic import BaseSettings, Field, SecretStr, ValidationError, root_validator, validator
from pydantic.fields import ModelField
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.infrastructure.paths import VAR_DIR

DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'navigator.db'}"
DEFAULT_TRACKER_STORE_URL = f"sqlite:///{VAR_DIR / 'tracker.db'}"


# The default help line: the American Cancer Society's (docs/content-sources.md).
DEFAULT_HELP_LINE_NAME = "American Cancer Society helpline"
DEFAULT_HELP_LINE_HOURS = "24 hours a day, 7 days a week"


class ConfigError(RuntimeError):
    """A setting from the environment is missing or malformed."""


class Settings(BaseSettings):
    """All runtime settings; each field maps to the upper-case environment variable."""

    database_url: str = DEFAULT_DATABASE_URL
    tracker_store_url: str = DEFAULT_TRACKER_STORE_URL
    lock_store_url: str = ""
    help_line_phone: str = "1-800-227-2345"
    help_line_name: str = DEFAULT_HELP_LINE_NAME
    help_line_hours: str = DEFAULT_HELP_LINE_HOURS
    # A line for Spanish speakers, if the deployment has one; otherwise Spanish replies
    # give the line above, and say interpreters can be asked for only when
    # HELP_LINE_INTERPRETERS says that line has them.
    help_line_phone_es: str = ""
    help_line_name_es: str = ""
    help_line_hours_es: str = ""
    help_line_interpreters: bool = False
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    workers: int = Field(1, ge=1, le=16)
    # Addresses of the reverse proxies whose X-Forwarded-For names the client (e.g.
    # "127.0.0.1" for nginx on the same machine). Empty: the header is ignored, so a
    # client cannot pick its own address to get around the login limits.
    forwarded_allow_ips: str = ""
    engine_timeout_seconds: float = Field(10.0, gt=0, le=120)
    log_level: str = "INFO"
    # SMS (Twilio). Unset token: every webhook gets 403, as no signature can be checked.
    twilio_auth_token: SecretStr = SecretStr("")
    # The address Twilio posts to (e.g. https://navigator.example.org), when a proxy
    # makes it differ from what the app sees; the signature covers the full URL.
    public_base_url: str = ""
    # Local development only: accept unsigned webhooks (logged loudly at start-up).
    sms_allow_unsigned: bool = False
    # Key for the keyed hash that stands in for a phone number everywhere it is stored.
    phone_hash_key: SecretStr = SecretStr("")
    # Twilio gives up after 15 s; answer (or apologise) well before that.
    sms_reply_seconds: float = Field(10.0, gt=0, le=13)
    # Staff replies to texting patients: "fake" keeps them in memory (development and
    # tests); "twilio" sends them with the account below.
    sms_outbound: str = Field("fake", regex=r"^(fake|twilio)$")
    twilio_account_sid: str = Field("", regex=r"^(|AC[0-9a-fA-F]{32})$")
    twilio_from_number: str = Field("", regex=r"^(|\+[1-9]\d{6,14})$")
    # Staff console. The cookie is Secure unless turned off for plain-HTTP development.
    staff_cookie_secure: bool = True
    staff_session_hours: float = Field(8.0, gt=0, le=24)
    staff_login_max_failures: int = Field(5, ge=2, le=20)
    staff_lockout_minutes: int = Field(15, ge=1, le=1440)
    # Failed logins from one client address (any usernames) per lock-out window.
    staff_login_address_limit: int = Field(20, ge=3, le=1000)

    class Config:
        env_file = None
        case_sensitive = False

    @validator("database_url", "tracker_store_url")
    def _must_be_sql_url(cls, value: str) -> str:
        try:
            url = make_url(value)
        except ArgumentError as exc:
            raise ValueError(f"not a database URL: {exc}") from exc
        if url.get_backend_name() not in {"sqlite", "postgresql"}:
            raise ValueError("only sqlite:// and postgresql:// URLs are supported")
        return value

    @validator("lock_store_url")
    def _must_be_redis_url(cls, value: str) -> str:
        if value and not value.startswith(("redis://", "rediss://")):
            raise ValueError("must be empty or a redis:// URL")
        return value

    @validator("workers")
    def _many_workers_need_shared_lock(cls, value: int, values: dict) -> int:
        if value > 1 and not values.get("lock_store_url"):
            raise ValueError(
                "WORKERS > 1 needs LOCK_STORE_URL=redis://... so that two workers never "
                "advance the same conversation at once"
            )
        return value

    @validator("help_line_phone", "help_line_phone_es")
    def _phone_has_digits(cls, value: str, field: ModelField) -> str:
        if not value and field.name == "help_line_phone_es":
            return value
        digits = [c for c in value if c.isdigit()]
        if len(digits) < 3:
            raise ValueError("must be a phone number a patient can dial")
        return value

    @validator("log_level")
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError("must be DEBUG, INFO, WARNING or ERROR")
        return level

    @validator("public_base_url")
    def _base_url(cls, value: str) -> str:
        if value and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", value):
            raise ValueError("must be an http(s) URL such as https://navigator.example.org")
        return value.rstrip("/")

    @root_validator(skip_on_failure=True)
    def _sms_needs_hash_key(cls, values: dict) -> dict:
        sms_on = values["twilio_auth_token"].get_secret_value() or values["sms_allow_unsigned"]
        if sms_on and len(values["phone_hash_key"].get_secret_value()) < 16:
            raise ValueError(
                "SMS is enabled (TWILIO_AUTH_TOKEN or SMS_ALLOW_UNSIGNED), so PHONE_HASH_KEY "
                "must be set to a secret of at least 16 characters"
            )
        return values

    @root_validator(skip_on_failure=True)
    def _twilio_outbound_needs_account(cls, values: dict) -> dict:
        if values["sms_outbound"] == "twilio" and not (
            values["twilio_account_sid"]
            and values["twilio_from_number"]
            and values["twilio_auth_token"].get_secret_value()
        ):
            raise ValueError(
                "SMS_OUTBOUND=twilio needs TWILIO_ACCOUNT_SID, TWILIO_FROM_NUMBER and "
                "TWILIO_AUTH_TOKEN"
            )
        return values

    @property
    def sms_enabled(self) -> bool:
        return bool(self.twilio_auth_token.get_secret_value() or self.sms_allow_unsigned)


def _describe(err: Mapping[str, Any]) -> str:
    names = [str(p).upper() for p in err["loc"] if p != "__root__"]
    return f"{'.'.join(names)}: {err['msg']}" if names else str(err["msg"])


def load_settings() -> Settings:
    """Reads the environment, turning pydantic's report into one readable error."""
    try:
        return Settings()  # type: ignore[call-arg]  # the fields come from the environment
    except ValidationError as exc:
        problems = "; ".join(_describe(err) for err in exc.errors())
        raise ConfigError(f"Invalid configuration: {problems}") from exc


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return load_settings()
