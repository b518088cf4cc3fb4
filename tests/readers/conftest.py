"""Fixtures for the reader tests: the hand-written pages in tests/fixtures/readers/."""

from __future__ import annotations

import pytest

from .helpers import FIXTURES


@pytest.fixture
def fixture_bytes():
    """Bytes of a fixture file by name."""
    def load(name: str) -> bytes:
        return (FIXTURES / name).read_bytes()
    return load
