"""Configuration is validated once, with errors that name the variable to fix."""

from __future__ import annotations

import pytest

from bot.infrastructure.config import ConfigError, load_settings


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("PORT", "0"),
        ("PORT", "http"),
        ("DATABASE_URL", "mysql://x@y/z"),
        ("DATABASE_URL", "not a url"),
        ("TRACKER_STORE_URL", "mongodb://x"),
        ("ENGINE_TIMEOUT_SECONDS", "-1"),
        ("HELP_LINE_PHONE", "call us"),
        ("LOG_LEVEL", "chatty"),
        ("LOCK_STORE_URL", "memcached://x"),
        ("PUBLIC_BASE_URL", "navigator.example.org"),
        ("SMS_REPLY_SECONDS", "20"),
    ],
)
def test_bad_value_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError, match=variable):
        load_settings()


def test_several_workers_need_a_shared_lock_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKERS", "2")
    with pytest.raises(ConfigError, match="LOCK_STORE_URL"):
        load_settings()
    monkeypatch.setenv("LOCK_STORE_URL", "redis://127.0.0.1:6379/0")
    assert load_settings().workers == 2


def test_sms_needs_a_phone_hash_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", "token")
    monkeypatch.setenv("PHONE_HASH_KEY", "short")
    with pytest.raises(ConfigError, match="PHONE_HASH_KEY"):
        load_settings()
    monkeypatch.delenv("TWILIO_AUTH_TOKEN")
    monkeypatch.setenv("SMS_ALLOW_UNSIGNED", "true")
    with pytest.raises(ConfigError, match="PHONE_HASH_KEY"):
        load_settings()
    monkeypatch.setenv("PHONE_HASH_KEY", "a-long-enough-secret-key")
    assert load_settings().sms_enabled


def test_secrets_never_show_in_the_settings_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", "token-value-123")
    monkeypatch.setenv("PHONE_HASH_KEY", "hash-key-value-456")
    shown = repr(load_settings())
    assert "token-value-123" not in shown and "hash-key-value-456" not in shown


def test_defaults_are_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HOST", "PORT", "HELP_LINE_PHONE", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    settings = load_settings()
    assert settings.host == "127.0.0.1" and settings.port == 8000
    assert settings.database_url.startswith("sqlite:///")
    assert settings.help_line_phone == "1-800-227-2345"
