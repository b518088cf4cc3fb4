"""Plain-text reader: one block per non-blank line, offsets into the text as given."""

from __future__ import annotations

import hashlib

from minutes.errors import ReadError
from minutes.pipeline.readers.build import ENUMERATOR
from minutes.pipeline.readers.meta import find_meeting
from minutes.records import Block, Document


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 (BOM allowed, or UTF-16 with its BOM) to str; else a one-line ReadError."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(source, f"is not UTF-8 text (bad byte at offset {exc.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def lines_to_blocks(text: str) -> list[Block]:
    """One paragraph or list-item block per non-blank line."""
    blocks: list[Block] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            kind = "list_item" if ENUMERATOR.match(line) else "paragraph"
            blocks.append(Block(kind=kind, start=start, end=start + len(stripped)))
        pos += len(line) + 1
    return blocks


def read_text(data: bytes, source: str) -> Document:
    """Read a plain-text document."""
    text = decode_text(data, source)
    if not text.strip():
        raise ReadError(source, "is empty (no text to extract)")
    blocks = lines_to_blocks(text)
    meeting = find_meeting([text[b.start : b.end] for b in blocks])
    first = text[blocks[0].start : blocks[0].end]
    return Document(
        source=source,
        format="text",
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        blocks=blocks,
        title=first if len(first) <= 200 else None,
        committee=meeting.committee,
        meeting_date=meeting.meeting_date,
    )
