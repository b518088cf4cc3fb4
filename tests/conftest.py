"""Shared fixtures: a real PostgreSQL database for the whole test session.

``postgres_url`` creates a uniquely named database on 127.0.0.1:5432 (user
postgres) and drops it at the end; ``postgres_clean_url`` empties it for one test.
If the server is not reachable the tests FAIL, unless MINUTES_SKIP_POSTGRES=1.
MINUTES_PG_HOST / MINUTES_PG_PORT point the fixture at another server.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

PG_HOST = os.environ.get("MINUTES_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("MINUTES_PG_PORT", "5432"))


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[object]:
    """An autocommit psycopg connection to the server's ``postgres`` database."""
    if os.environ.get("MINUTES_SKIP_POSTGRES") == "1":
        pytest.skip("PostgreSQL tests skipped (MINUTES_SKIP_POSTGRES=1)")
    import psycopg

    try:
        conn = psycopg.connect(host=PG_HOST, port=PG_PORT, user="postgres", dbname="postgres",
                               autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        pytest.fail(f"PostgreSQL at {PG_HOST}:{PG_PORT} is not reachable ({first}); "
                    "start it, or set MINUTES_SKIP_POSTGRES=1 to skip these tests",
                    pytrace=False)
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def postgres_url(postgres_admin) -> Iterator[str]:
    """SQLAlchemy URL of a fresh database, unique to this test session."""
    name = f"minutes_test_{uuid.uuid4().hex[:12]}"
    postgres_admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        postgres_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_clean_url(postgres_url: str) -> str:
    """The session database with an empty ``public`` schema (no tables, no data)."""
    import psycopg

    dsn = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    return postgres_url
