"""Database engine and sessions: embedded SQLite by default, PostgreSQL by URL.

Services take a `Session` and never commit: the edge that serves a use case (a router,
an action, a service method, a CLI command) opens one transaction for all of it, from
the session factory on the app context, so a use case's writes land together or not at
all. Callers on the event loop run that transaction in a worker thread
(`in_transaction`), or one slow query would stall every conversation. Every
wait is bounded: a database that hangs or a SQLite file another process holds locked
makes a call fail within seconds, so a turn can fail cleanly inside its own time limit
instead of freezing. Migrations and the directory import run long statements on purpose
and use the unbounded engine.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")
# What the app context holds: calling it gives a new, unstarted session.
SessionFactory = Callable[[], Session]

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


def session_factory(url: str, bounded: bool = True) -> SessionFactory:
    """Sessions on the process's one engine for `url`. Objects stay readable after the
    commit (`expire_on_commit=False`): services hand back what they read."""
    factory: SessionFactory = sessionmaker(
        bind=engine_for(url, bounded), future=True, expire_on_commit=False
    )
    return factory


@contextmanager
def transaction(sessions: SessionFactory) -> Iterator[Session]:
    """One transaction: commits when the block succeeds, rolls back on any error."""
    session = sessions()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def session_scope(url: str, bounded: bool = True) -> AbstractContextManager[Session]:
    """A transaction by URL, for the edges that have no app context: CLI commands, the
    directory import, tests."""
    return transaction(session_factory(url, bounded))


async def in_transaction(sessions: SessionFactory, work: Callable[[Session], T]) -> T:
    """Runs `work` in one transaction in a worker thread, off the event loop: the unit of
    work of one use case. Keep awaited work (a dialogue turn, a network call) out of it:
    a transaction held open across a turn would hold the locks the turn's own actions
    need."""

    def run() -> T:
        with transaction(sessions) as session:
            return work(session)

    return await asyncio.to_thread(run)


def insert_if_absent(session: Session, model: Any, **values: object) -> bool:
    """INSERT … ON CONFLICT DO NOTHING; True when the row is new. A duplicate key leaves
    the transaction usable (an IntegrityError would abort it on PostgreSQL, and SQLite
    cannot nest a savepoint inside pysqlite's transactions), so a caller can go on to
    read the existing row in the same transaction."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(model).values(**values).on_conflict_do_nothing()
    return bool(session.execute(statement).rowcount)


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


def database_answers(sessions: SessionFactory) -> bool:
    """True when a trivial query succeeds; used by readiness checks."""
    try:
        with transaction(sessions) as session:
            session.execute(text("SELECT 1"))
        return True
    except Exception:
        return False


async def run_blocking(func: Callable[..., T], *args: object) -> T:
    """Runs blocking work off the event loop: a query on a session a router was handed,
    or a call to another service (sending a text)."""
    return await asyncio.to_thread(func, *args)
