"""Database engine and sessions: embedded SQLite by default, PostgreSQL by URL.

Callers on the event loop (actions, routers) must run these blocking calls in a worker
thread (see `run_blocking`), or one slow query would stall every conversation. Every
wait is bounded: a database that hangs or a SQLite file another process holds locked
makes a call fail within seconds, so a turn can fail cleanly inside its own time limit
instead of freezing. Migrations and the directory import run long statements on purpose
and use the unbounded engine.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")

# Connecting, waiting for SQLite's write lock, and one statement on a request's path.
CONNECT_TIMEOUT_SECONDS = 3
STATEMENT_TIMEOUT_SECONDS = 5


def create_db_engine(url: str, bounded: bool = True) -> Engine:
    """Builds an engine; for SQLite it creates the folder and turns on WAL so that
    readers never block the single writer."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        busy_seconds = STATEMENT_TIMEOUT_SECONDS if bounded else 60
        engine = create_engine(
            url, future=True, connect_args={"check_same_thread": False, "timeout": busy_seconds}
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(
        url,
        future=True,
        pool_pre_ping=True,
        pool_timeout=CONNECT_TIMEOUT_SECONDS,
        connect_args=postgres_timeouts() if bounded else {"connect_timeout": 10},
    )


def postgres_timeouts() -> dict[str, object]:
    """libpq settings that bound a connection attempt, each statement, each lock wait,
    and a peer that stops answering mid-query (TCP user timeout)."""
    statement_ms = STATEMENT_TIMEOUT_SECONDS * 1000
    return {
        "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        "options": f"-c statement_timeout={statement_ms} -c lock_timeout={statement_ms}",
        "tcp_user_timeout": statement_ms,
        "keepalives": 1,
        "keepalives_idle": 5,
        "keepalives_interval": 2,
        "keepalives_count": 2,
    }


@lru_cache(maxsize=8)
def engine_for(url: str, bounded: bool = True) -> Engine:
    """One engine (and connection pool) per URL for the life of the process; `bounded`
    False for migrations and imports, whose statements may run long."""
    return create_db_engine(url, bounded)


@contextmanager
def session_scope(url: str, bounded: bool = True) -> Iterator[Session]:
    """A transaction that commits on success and rolls back on any error."""
    factory = sessionmaker(bind=engine_for(url, bounded), future=True, expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def ensure_database(url: str) -> None:
    """Creates a PostgreSQL database named in `url` if it does not exist yet (a new
    cluster's tracker store); SQLite files are created on first use anyway."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or not parsed.database:
        return
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": parsed.database}
            ).first()
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    finally:
        admin.dispose()


def database_answers(url: str) -> bool:
    """True when a trivial query succeeds; used by readiness checks."""
    try:
        with engine_for(url).connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:
        return False


async def run_blocking(func: Callable[..., T], *args: object) -> T:
    """Runs blocking database work off the event loop."""
    return await asyncio.to_thread(func, *args)
