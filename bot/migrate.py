"""Runs the Alembic history against any configured database URL.

Alembic is driven from code so that the same call serves `navigator db upgrade`,
start-up and the tests, each with its own URL.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from bot.paths import PROJECT_ROOT


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(PROJECT_ROOT / "bot" / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url)
    return config


def upgrade(database_url: str) -> None:
    """Brings the schema to the newest revision; a no-op when already there."""
    command.upgrade(alembic_config(database_url), "head")
