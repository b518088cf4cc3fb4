"""Builders for invented council documents and entries (no dev-set text)."""

from __future__ import annotations

import hashlib
from datetime import date

from minutes.records import Block, Document, Entry


def make_doc(source: str, lines: list[str], *, committee: str | None = "Cabinet",
             meeting_date: date | None = date(2025, 1, 30), fmt: str = "text",
             **kw: object) -> Document:
    """A Document whose text is ``lines`` joined by newlines, one paragraph block each."""
    text = "\n".join(lines)
    blocks, pos = [], 0
    for line in lines:
        blocks.append(Block("paragraph", pos, pos + len(line)))
        pos += len(line) + 1
    return Document(source=source, format=fmt, text=text,
                    sha256=hashlib.sha256(text.encode()).hexdigest(), blocks=blocks,
                    committee=committee, meeting_date=meeting_date, **kw)


def entry_at(doc: Document, quote: str, kind: str = "action", *, actionable: bool = True,
             item: str | None = None, **kw: object) -> Entry:
    """An Entry whose offsets point at ``quote`` inside the document text."""
    start = doc.text.index(quote)
    return Entry(kind=kind, text=quote, actionable=actionable, start=start,
                 end=start + len(quote), item=item, rule="test-rule", **kw)
