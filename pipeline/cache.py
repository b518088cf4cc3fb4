"""A local response cache keyed by URL, so re-runs fetch and re-extract only what changed.

ModernGov sends no ETag or Last-Modified, so "changed" means "the body's SHA-256
differs from the one cached last time". The index is a small SQLite file; bodies
are stored once each under ``bodies/`` by their hash (content-addressed), so a
document served at two addresses costs one file.

The default folder is ``$MINUTES_CACHE_DIR`` or ``~/.cache/minutes-register``.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from minutes.errors import MinutesError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    url TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    status INTEGER NOT NULL,
    media_type TEXT,
    fetched_at REAL NOT NULL,
    checked_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS notes (
    url TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (url, kind)
)
"""


class CacheError(MinutesError):
    """The cache folder cannot be used (not writable, corrupt index)."""


def default_cache_dir() -> Path:
    """``$MINUTES_CACHE_DIR`` if set, else ``~/.cache/minutes-register``."""
    env = os.environ.get("MINUTES_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    return Path("~/.cache/minutes-register").expanduser()


@dataclass(frozen=True)
class CachedResponse:
    """What the cache knows about one URL."""

    url: str
    sha256: str
    status: int
    media_type: str | None
    fetched_at: float  # when this body was first stored (unix time)
    checked_at: float  # when the URL was last fetched over the network


class ResponseCache:
    """URL -> (sha256, status, media type, times) index with content-addressed bodies."""

    def __init__(self, directory: str | Path | None = None) -> None:
        self.directory = Path(directory).expanduser() if directory else default_cache_dir()
        self._bodies = self.directory / "bodies"
        try:
            self._bodies.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                self.directory / "index.sqlite3", check_same_thread=False, isolation_level=None
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # a cache: speed over durability
            self._db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"{self.directory}: cannot use as a cache folder ({exc})") from None
        self._lock = threading.Lock()

    def lookup(self, url: str) -> CachedResponse | None:
        """The cached record for ``url``, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT url, sha256, status, media_type, fetched_at, checked_at"
                " FROM responses WHERE url = ?",
                (url,),
            ).fetchone()
        return CachedResponse(*row) if row else None

    def body(self, sha256: str) -> bytes | None:
        """The stored body with this hash, or None if it has gone missing."""
        try:
            return self._body_path(sha256).read_bytes()
        except OSError:
            return None

    def get(self, url: str) -> tuple[CachedResponse, bytes] | None:
        """Record and body for ``url`` if both are present."""
        record = self.lookup(url)
        if record is None:
            return None
        data = self.body(record.sha256)
        return (record, data) if data is not None else None

    def store(
        self, url: str, content: bytes, sha256: str, status: int, media_type: str | None
    ) -> CachedResponse:
        """Record a fresh network response for ``url``; returns the new record."""
        path = self._body_path(sha256)
        now = time.time()
        try:
            if not path.exists():
                path.parent.mkdir(exist_ok=True)
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(content)
                tmp.replace(path)
        except OSError as exc:
            raise CacheError(f"{self.directory}: cannot write to the cache ({exc})") from None
        previous = self.lookup(url)
        fetched_at = previous.fetched_at if previous and previous.sha256 == sha256 else now
        with self._lock:
            self._db.execute(
                "INSERT INTO responses (url, sha256, status, media_type, fetched_at, checked_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET"
                " sha256=excluded.sha256, status=excluded.status,"
                " media_type=excluded.media_type, fetched_at=excluded.fetched_at,"
                " checked_at=excluded.checked_at",
                (url, sha256, status, media_type, fetched_at, now),
            )
        return CachedResponse(url, sha256, status, media_type, fetched_at, now)

    def note(self, url: str, sha256: str, kind: str) -> str | None:
        """What was noted about this exact body of ``url`` (e.g. a meeting's link list)."""
        with self._lock:
            row = self._db.execute(
                "SELECT value FROM notes WHERE url = ? AND kind = ? AND sha256 = ?",
                (url, kind, sha256),
            ).fetchone()
        return row[0] if row else None

    def put_note(self, url: str, sha256: str, kind: str, value: str) -> None:
        """Note something derived from this body of ``url``; a new body replaces it."""
        with self._lock:
            self._db.execute(
                "INSERT INTO notes (url, sha256, kind, value) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(url, kind) DO UPDATE SET sha256=excluded.sha256,"
                " value=excluded.value",
                (url, sha256, kind, value),
            )

    def forget(self, url: str) -> None:
        """Drop ``url`` from the index (its body stays for other URLs)."""
        with self._lock:
            self._db.execute("DELETE FROM responses WHERE url = ?", (url,))
            self._db.execute("DELETE FROM notes WHERE url = ?", (url,))

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _body_path(self, sha256: str) -> Path:
        return self._bodies / sha256[:2] / sha256
