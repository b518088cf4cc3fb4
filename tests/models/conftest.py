"""Register fixtures: every store test runs on a SQLite file and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from minutes.models.store import Register


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """An empty database URL: a SQLite file under tmp_path, or the PostgreSQL test database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'register.db'}"
    return request.getfixturevalue("postgres_clean_url")


@pytest.fixture
def register(db_url: str) -> Iterator[Register]:
    reg = Register.open(db_url)
    yield reg
    reg.close()
