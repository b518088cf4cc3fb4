"""Status of an action: done when the source says it is complete, else open."""

from __future__ import annotations

import functools
import re

from minutes.extractors.resources import load_json


@functools.cache
def _pattern(key: str) -> re.Pattern[str]:
    return re.compile(load_json("status.json")[key], re.IGNORECASE)


def is_done(note: str | None) -> bool:
    """Whether a status cell or a trailing note reports the task complete."""
    if not note:
        return False
    return bool(_pattern("done").search(note.strip())) and not _pattern("not_done").search(note)


def is_status_value(value: str) -> bool:
    """"Complete", "Ongoing", "N/A": a status word filling an owner's place ("Action: Complete")."""
    return bool(_pattern("status_value").match(value))


def split_note(text: str) -> tuple[int, str | None]:
    """Length of ``text`` without a trailing status note ("Action completed"), and the note."""
    m = _pattern("note_markers").search(text)
    if m:
        return m.start(), (m.group("note") or m.group("inline")).strip()
    m = _pattern("note_sentence").search(text)
    if m and m.start() > 0:
        return m.start(), text[m.start():].strip()
    return len(text), None


def trailing_note(text: str, rest: str = "") -> str | None:
    """A status word closing an entry's ``text`` ("... Farm Shop.DONE", "... – completed,
    quotes circulated") or opening ``rest``, the words after it on its line; the entry's
    words stay as they are."""
    m = _pattern("note_trailer").search(text)
    if m and m.start() > 0:
        return m.group("trailer")
    m = _pattern("note_trailer").match(rest)
    return m.group("trailer") if m else None


def reports_done(text: str) -> bool:
    """"The Clerk had contacted the owners", "All vehicles had now been wrapped": a task
    reported in the perfect as done, with nothing still to come (anywhere in an entry;
    ``review.reports_done`` reads the opening of a row in a review of actions)."""
    return bool(_pattern("reported_done").search(text)) and not _pattern(
        "still_to_come").search(text)


def resolve(actionable: bool, structural: str | None, note: str | None) -> tuple[str | None, str]:
    """The entry's status and why."""
    if not actionable:
        return None, "not actionable"
    if structural in ("done", "open"):
        return structural, "status column"
    if is_done(note):
        return "done", f"note says complete: {note!r}"
    return "open", "no completion reported"
