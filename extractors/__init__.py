"""Extractors: a ``Document`` in, register ``Entry`` records out.

Pure: no database, no network. ``extract`` is the one entry point.
"""

from __future__ import annotations

from datetime import date

from minutes.records import Document, Entry


def extract(doc: Document, *, meeting_date: date | None = None) -> list[Entry]:
    """Find the decisions, recommendations and actions in ``doc``.

    ``meeting_date`` overrides the date found in the document; relative due
    dates count from it.
    """
    raise NotImplementedError  # filled in by the extraction work
