"""Runs the Alembic history against any configured database URL.

Alembic is driven from code so that the same call serves `navigator db upgrade`,
start-up and the tests, each with its own URL.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", database_url)
    return config


def upgrade(database_url: str) -> None:
    """Brings the schema to the newest revision; a no-op when already there."""
    command.upgrade(alembic_config(database_url), "head")
