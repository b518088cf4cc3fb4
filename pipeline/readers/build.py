"""Assemble ``Document.text`` and its blocks piece by piece, keeping offsets right."""

from __future__ import annotations

import hashlib
import re

from minutes.errors import ReadError
from minutes.records import Block, BlockKind, Document

# A line that opens with a bullet or an enumerator ("a)", "(ii)", "1.", "•") is a list item.
ENUMERATOR = re.compile(r"^\s*(?:[-*•·▪◦o]\s+|\(?[a-z0-9ivx]{1,4}[.)]\s+)", re.IGNORECASE)
_SPACE = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u2028\u2029\ufeff]+")


def squash(text: str) -> str:
    """Collapse every run of whitespace (``&nbsp;`` and zero-width spaces too) to one space."""
    return _SPACE.sub(" ", text).strip()


class TextBuilder:
    """Appends newline-free blocks to a text, keeping their offsets.

    Readers of formatted documents (HTML, XML, PDF) have already joined each
    paragraph into one block, so blocks are separated by a blank line by default:
    that tells consumers no block continues the one before (only plain text has
    hard-wrapped lines joined by a single "\\n"). ``sep="\\n"`` packs them tighter.
    """

    def __init__(self, sep: str = "\n\n") -> None:
        self.sep = sep
        self._parts: list[str] = []
        self._pos = 0
        self._gap = False
        self.blocks: list[Block] = []

    @property
    def pos(self) -> int:
        return self._pos

    def _write(self, s: str) -> None:
        self._parts.append(s)
        self._pos += len(s)

    def add(self, text: str, kind: BlockKind = "paragraph", **attrs: object) -> Block | None:
        """Append one block (whitespace squashed); empty text adds nothing."""
        text = squash(text)
        if not text:
            return None
        if kind == "paragraph" and ENUMERATOR.match(text):
            kind = "list_item"
        if self._pos:
            self._write("\n\n" if self._gap else self.sep)
        self._gap = False
        block = Block(kind=kind, start=self._pos, end=self._pos + len(text), **attrs)  # type: ignore[arg-type]
        self._write(text)
        self.blocks.append(block)
        return block

    def section_break(self) -> None:
        """Leave a blank line before the next block."""
        if self._pos:
            self._gap = True

    def text(self) -> str:
        return "".join(self._parts)


def make_document(source: str, data: bytes, fmt: str, out: TextBuilder, **fields: object
                  ) -> Document:
    """A Document from a filled builder; no text at all is a one-line ReadError."""
    if not out.blocks:
        raise ReadError(source, f"has no text to extract (empty {fmt.upper()} page)")
    return Document(source=source, format=fmt, text=out.text(),
                    sha256=hashlib.sha256(data).hexdigest(), blocks=out.blocks,
                    **fields)  # type: ignore[arg-type]
