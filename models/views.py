"""Plain read-only results of the store: what a save did, register rows, traces."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class SaveResult:
    """What ``Register.save_document`` did with one document."""

    status: str  # "new" | "changed" | "unchanged"
    document_id: int
    entries_added: int = 0
    entries_matched: int = 0
    entries_removed: int = 0
    refs: list[str] = field(default_factory=list)  # the saved entries' refs, in input order


@dataclass(frozen=True)
class EntryView:
    """One register row, with its meeting and first source."""

    ref: str
    kind: str
    text: str
    actionable: bool
    owner: str | None
    due_text: str | None
    due_date: date | None
    due_source: str | None
    status: str | None
    committee: str | None
    meeting_date: date | None
    item: str | None
    source: str | None
    page: int | None = None
    start: int | None = None
    end: int | None = None
    body: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "kind": self.kind,
            "text": self.text,
            "actionable": self.actionable,
            "owner": self.owner,
            "due_text": self.due_text,
            "due_date": _iso(self.due_date),
            "due_source": self.due_source,
            "status": self.status,
            "committee": self.committee,
            "meeting_date": _iso(self.meeting_date),
            "item": self.item,
            "source": self.source,
            "location": {"page": self.page, "start": self.start, "end": self.end},
        }


@dataclass(frozen=True)
class SourceView:
    """One place an entry was found, with the paragraph around the quote."""

    source: str
    format: str
    sha256: str
    ingested_at: datetime
    page: int | None
    start: int
    end: int
    quote: str
    paragraph: str
    rule: str
    current: bool  # True if this is the document's current version

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "sha256": self.sha256,
            "ingested_at": _iso(self.ingested_at),
            "current": self.current,
            "location": {"page": self.page, "start": self.start, "end": self.end},
            "quote": self.quote,
            "paragraph": self.paragraph,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class HistoryView:
    """One event of an entry's append-only history."""

    at: datetime
    event: str
    old_status: str | None
    new_status: str | None
    note: str | None
    by: str

    def to_json(self) -> dict[str, Any]:
        return {
            "at": _iso(self.at),
            "event": self.event,
            "old_status": self.old_status,
            "new_status": self.new_status,
            "note": self.note,
            "by": self.by,
        }


@dataclass(frozen=True)
class TraceView:
    """An entry, every source it was found in, and its full history."""

    entry: EntryView
    sources: list[SourceView]
    history: list[HistoryView]

    @property
    def ref(self) -> str:
        return self.entry.ref

    def to_json(self) -> dict[str, Any]:
        record = self.entry.to_json()
        record["sources"] = [s.to_json() for s in self.sources]
        record["history"] = [h.to_json() for h in self.history]
        return record
