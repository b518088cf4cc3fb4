"""'At the next meeting' takes the date the minutes give for it, and only then."""

from __future__ import annotations

from datetime import date

from minutes.extractors import extract
from minutes.pipeline.readers.text import read_text

MINUTES = """\
Harbour Board - 9 January 2024
4. Moorings Review
The Harbour Master agreed to bring the revised moorings charges to the next meeting.
5. Date of next meeting
The next meeting will be held on Tuesday 30 January 2024 at 7pm.
"""


def _due(text: str) -> list[tuple[str | None, date | None]]:
    doc = read_text(text.encode(), "harbour.txt")
    return [(e.due_text, e.due_date) for e in extract(doc, meeting_date=date(2024, 1, 9))]


def test_next_meeting_takes_the_date_the_minutes_give() -> None:
    assert _due(MINUTES) == [("to the next meeting", date(2024, 1, 30))]


def test_next_meeting_without_a_stated_date_has_none() -> None:
    without = "\n".join(line for line in MINUTES.splitlines() if "will be held" not in line)
    assert _due(without) == [("to the next meeting", None)]
