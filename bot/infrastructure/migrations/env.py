"""Alembic environment: the URL comes from the caller, never from an ini file."""

from alembic import context

from bot.infrastructure.db import engine_for
from bot.infrastructure.models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url")

with engine_for(url, bounded=False).connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
