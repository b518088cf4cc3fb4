"""Due dates: find the words that set when something is due and pin them to a date."""

from __future__ import annotations

from datetime import date


def find_due(text: str, meeting_date: date | None) -> tuple[str | None, date | None, str]:
    """Return ``(due_text, due_date, why)`` for the passage ``text``.

    ``due_text`` is verbatim from ``text``; ``due_date`` follows the spec's
    rules, counted from ``meeting_date``; ``why`` is a short explanation.
    """
    return None, None, "no date phrase"  # interim: real rules land with the dates work
