"""Fixtures: a real HTTP server on 127.0.0.1 and fast, polite-but-quick fetchers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from minutes.pipeline.cache import ResponseCache
from minutes.pipeline.fetch import Fetcher
from tests.fetch.server import FixtureServer


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    srv = FixtureServer().start()
    yield srv
    srv.stop()


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def make_fetcher(cache_dir: Path) -> Iterator[Callable[..., Fetcher]]:
    """Fetchers with no rate limit, short timeouts and tiny backoffs (the suite stays fast)."""
    made: list[Fetcher] = []

    def make(**kwargs: object) -> Fetcher:
        options: dict[str, object] = {"max_rate": 0, "timeout": 0.5, "retries": 2,
                                      "backoff": 0.01, "max_backoff": 0.05}
        if kwargs.pop("cached", True):
            options["cache"] = ResponseCache(cache_dir)
        options.update(kwargs)
        fetcher = Fetcher(**options)  # type: ignore[arg-type]
        made.append(fetcher)
        return fetcher

    yield make
    for f in made:
        f.close()
