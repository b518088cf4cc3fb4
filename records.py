"""Typed records passed between stages: Document (reader -> extractor) and Entry
(extractor -> register).

Invariants every reader keeps:
- ``Document.text`` is the document's extracted text. Each ``Block`` is a span
  ``text[start:end]`` holding no newline; blocks are in reading order and are
  separated in ``text`` by "\n" (a blank line, "\n\n", between sections/pages is
  allowed). Offsets everywhere are character offsets into ``Document.text``.
- ``pages`` covers the text of paged formats (PDF); page numbers start at 1.
  For unpaged formats it is empty and ``page_at`` returns None.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "table_cell"]
EntryKind = Literal["decision", "recommendation", "action"]
Status = Literal["open", "done"]


@dataclass(frozen=True)
class Block:
    """One heading, paragraph, list item or table cell of a document."""

    kind: BlockKind
    start: int
    end: int
    page: int | None = None
    level: int = 0  # heading level, or list nesting depth (0 = top)
    section: str | None = None  # enclosing labelled block, e.g. "Decision", "Minutes"
    item: str | None = None  # agenda item / minute number the block belongs to
    table: int | None = None  # for table cells: table index, row, column
    row: int | None = None
    col: int | None = None


@dataclass(frozen=True)
class PageSpan:
    """Where page ``number`` lies in ``Document.text``."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class AgendaItem:
    """An agenda item or minute of a meeting, as the document numbers it."""

    number: str | None
    title: str | None
    start: int = 0
    end: int = 0
    restricted: bool = False
    moderngov_id: str | None = None


@dataclass(frozen=True)
class Link:
    """A document the page links to (a report, the printed minutes ...)."""

    url: str
    title: str | None = None
    item: str | None = None  # agenda item number it belongs to
    restricted: bool = False


@dataclass
class Document:
    """A read document: its text, structure and what it says about its meeting."""

    source: str
    format: str  # "text", "html", "moderngov-xml", "pdf"
    text: str
    sha256: str
    blocks: list[Block] = field(default_factory=list)
    pages: list[PageSpan] = field(default_factory=list)
    title: str | None = None
    body: str | None = None  # council / public body
    committee: str | None = None
    meeting_date: date | None = None
    items: list[AgendaItem] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # e.g. moderngov_meeting_id

    def page_at(self, offset: int) -> int | None:
        """The page number holding character ``offset``, or None if unpaged."""
        if not self.pages:
            return None
        starts = [p.start for p in self.pages]
        i = bisect.bisect_right(starts, offset) - 1
        return self.pages[max(i, 0)].number

    def block_at(self, offset: int) -> Block | None:
        """The block holding character ``offset``."""
        starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset <= self.blocks[i].end:
            return self.blocks[i]
        return None

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


@dataclass
class Entry:
    """One register entry found in a document, with the exact place it came from."""

    kind: EntryKind
    text: str
    actionable: bool
    owner: str | None = None
    due_text: str | None = None
    due_date: date | None = None
    status: Status | None = None
    start: int = 0  # char offsets of the quote in Document.text
    end: int = 0
    page: int | None = None
    item: str | None = None  # agenda item / minute number
    rule: str = ""  # the pattern or rule that produced it (for --explain)
    why: dict[str, str] = field(default_factory=dict)  # owner/date reasons (for --explain)

    def to_json(self, source: str, meeting_date: date | None = None) -> dict[str, object]:
        """The spec's JSON Lines shape."""
        return {
            "kind": self.kind,
            "text": self.text,
            "actionable": self.actionable,
            "owner": self.owner,
            "due_text": self.due_text,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "status": self.status,
            "source": source,
            "location": {"page": self.page, "start": self.start, "end": self.end,
                         "item": self.item},
            "meeting_date": meeting_date.isoformat() if meeting_date else None,
        }
