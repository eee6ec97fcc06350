"""A throw-away SQLite file with the application's tables, for the tests whose subject
is a transaction (what is written together, what a failure rolls back): in-process, no
server and no migrations run."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.infrastructure.db import SessionFactory, engine_for, session_factory
from bot.infrastructure.models import Base
from bot.sms import models as sms_models
from bot.staff import models as staff_models

# Imported for their tables.
assert sms_models and staff_models


@pytest.fixture()
def sessions(tmp_path: Path) -> SessionFactory:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    Base.metadata.create_all(engine_for(url))
    return session_factory(url)
