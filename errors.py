"""The project's one small exception tree.

Every error a user can cause (bad file, bad URL, bad reference) is a
``MinutesError`` whose ``str()`` is one plain line naming the thing and the
problem; the CLI prints that line and never a traceback.
"""

from __future__ import annotations


class MinutesError(Exception):
    """Base class: something the user can act on, described in one line."""


class ReadError(MinutesError):
    """A document could not be read into text (missing, unreadable, corrupt, empty)."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class UnsupportedFormat(ReadError):
    """The bytes are not a format we read (text, HTML, ModernGov XML, PDF)."""


class FetchError(MinutesError):
    """A URL could not be fetched (after retries), with the status if any."""

    def __init__(self, url: str, problem: str, status: int | None = None) -> None:
        self.url = url
        self.status = status
        self.problem = problem
        super().__init__(f"{url}: {problem}")


class StoreError(MinutesError):
    """The register refused an operation (unknown reference, bad status, bad URL)."""
