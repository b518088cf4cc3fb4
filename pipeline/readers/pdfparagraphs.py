"""Hard-wrapped PDF lines into paragraphs: hyphenation mended, enumerators and
RESOLVED/ACTION openers start blocks, blank gaps and short sentence ends close
them, and a paragraph runs on over a page break unless it had ended.
"""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from minutes.pipeline.readers.pdflines import Line, PageText, Table

_DATA = Path(__file__).parent / "data" / "pdf.json"
BLANK_GAP = 1.3  # a baseline gap this many times the usual line spacing is a paragraph break
MAX_SPACING = 1.6  # line spacing is at most this many times the body font size
HYPHENS = "-\u00ad\u2010\x02\ufffe"
ENUM = re.compile(
    r"^(?:[•·▪◦●○■□➢►\-–*o]\s|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,6}|[A-Z])[.)]\s|"
    r"\(\d{1,3}\)|\([a-zA-Z]\)|\([ivxIVX]{1,6}\)|\d{1,3}\.\d{1,3}\.?\s)")
_SENTENCE_END = re.compile(r"[.:;!?][\"'”’)]*$")
EARLY_BREAK = 0.3  # a line ending this far (share of the frame) short of the margin was cut
# A line ending like this goes on, however short ("Mrs A Beer (Chief" / "Executive), ...").
_RUNS_ON = re.compile(r"(?:[,;(&/–—-]|\b(?:and|or|of|the|a|an|to|for|in|on|at|by|with|from))$",
                      re.IGNORECASE)


@cache
def _words() -> dict:
    return json.loads(_DATA.read_text(encoding="utf-8"))


@cache
def _openers() -> re.Pattern[str]:
    """A line opening with RESOLVED/ACTION... and going on (a lone "ACTION" at a line
    start is more often a tag trailing the paragraph than a new one)."""
    words = sorted(_words()["block_openers"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")(?:\b|\s)\W*\w")


def join_lines(left: str, right: str, hyphenated: frozenset[str] = frozenset()) -> str:
    """Join two wrapped lines, mending a word hyphenated across the break.

    The hyphen goes ("imple-" + "mented") before a lower-case letter, unless the
    document writes the word with a hyphen elsewhere ("father-inclusive") or its
    first part is a usual hyphen prefix ("co-", "well-").
    """
    if left and left[-1] in HYPHENS and len(left) > 1 and left[-2].isalpha():
        word = re.search(r"(\w+)[" + HYPHENS + r"]$", left)
        stem = word.group(1).lower() if word else ""
        nxt = re.match(r"\w+", right)
        whole = f"{stem}-{nxt.group(0).lower()}" if nxt else ""
        if (right[:1].islower() and stem not in _words()["hyphen_prefixes"]
                and whole not in hyphenated):
            return left[:-1] + right
        return left[:-1] + "-" + right
    return f"{left} {right}"


def mend_inline(text: str, hyphenated: frozenset[str] = frozenset()) -> str:
    """pdfium marks hyphens it joined across lines with U+FFFE/U+0002: mend those words."""
    if "\ufffe" not in text and "\x02" not in text:
        return text
    out = re.sub(r"(\w+)[\ufffe\x02](\w+)",
                 lambda m: join_lines(m.group(1) + "-", m.group(2), hyphenated), text)
    return out.replace("\ufffe", "-").replace("\x02", "-")


def hyphenated_words(pages: list[PageText]) -> frozenset[str]:
    """Words the document writes with a hyphen inside a line ("father-inclusive")."""
    found: set[str] = set()
    for p in pages:
        for it in p.items:
            if isinstance(it, Line) and "-" in it.text:
                found.update(m.group(0).lower() for m in re.finditer(r"\b\w+-\w+\b", it.text))
    return frozenset(found)


def _starts_block(line: Line) -> bool:
    return bool(ENUM.match(line.text) or _openers().match(line.text))


@dataclass
class Paragraph:
    """Lines merged into one block (its page is the page it starts on)."""

    lines: list[Line]
    kind: str

    @property
    def page(self) -> int:
        return self.lines[0].page


def _line_gaps(lines: list[Line]) -> list[float]:
    """Baseline distances between consecutive lines (no column jumps or page-size gaps)."""
    return [a.y_end - b.y for a, b in zip(lines, lines[1:], strict=False)
            if 0 < a.y_end - b.y < 4 * a.size]


def line_spacing(pages: list[PageText], body: float) -> float:
    """The document's usual line spacing: a low quantile of line gaps (most gaps are
    within paragraphs), capped for documents made only of one-line paragraphs."""
    gaps = sorted(g for p in pages for g in _line_gaps(p.lines()))
    if len(gaps) < 3:
        return 0.0
    return min(gaps[len(gaps) // 5], MAX_SPACING * body)


def broken_early(last: Line, nxt: Line, right: float, width: float) -> bool:
    """Was ``last`` cut short on purpose (a heading or label line)? It stops well short of
    the margin with room for ``nxt``'s first word, does not run on with a comma or a
    linking word, and ``nxt`` does not carry on (in lower case, or with a bracket)."""
    room = right - last.x1
    if (room <= EARLY_BREAK * width or _RUNS_ON.search(last.text)
            or nxt.text[:1].islower() or nxt.text[:1] == "("):
        return False
    char = (last.x1 - last.x0) / max(len(last.text), 1)
    word = nxt.text.split()[0] if nxt.text.split() else ""
    return room > (len(word) + 1) * char


def _page_frame(lines: list[Line], page_width: float) -> tuple[float, float]:
    """Right edge of the page's text frame and its width.

    The frame's right edge mirrors the left margin (when the page is known), so
    a page of short lines is still seen as short lines.
    """
    rights = sorted(ln.x1 for ln in lines)
    right = rights[int(len(rights) * 0.9)] if rights else 0.0
    left = min((ln.x0 for ln in lines), default=0.0)
    if page_width > left:
        right = max(right, page_width - left)
    return right, max(right - left, 1.0)


def paragraphs(pages: list[PageText]) -> list[Paragraph | Table]:
    """Merge hard-wrapped lines into paragraphs; tables pass through."""
    out: list[Paragraph | Table] = []
    current: Paragraph | None = None
    body = statistics.median([it.size for p in pages for it in p.items if isinstance(it, Line)]
                             or [10.0])
    spacing = line_spacing(pages, body)
    for p in pages:
        right, width = _page_frame(p.lines(), p.width)
        prev: Line | None = None
        for item in p.items:
            if isinstance(item, Table):
                out.append(item)
                current, prev = None, None
                continue
            last = current.lines[-1] if current else None
            new = current is None or _starts_block(item)
            if not new and last is not None:
                ends = bool(_SENTENCE_END.search(last.text))
                if prev is None:  # first line of a page: continue a limb unless it had ended
                    new = ends
                else:
                    gap = prev.y_end - item.y
                    blank = gap > BLANK_GAP * (spacing or MAX_SPACING * item.size)
                    short = ends and last.x1 < right - 0.15 * width
                    resized = abs(item.size - last.size) > 0.15 * body
                    new = (blank or short or resized or gap <= 0
                           or broken_early(last, item, right, width))
            if new:
                kind = "list_item" if ENUM.match(item.text) else "paragraph"
                current = Paragraph([item], kind)
                out.append(current)
            else:
                current.lines.append(item)  # type: ignore[union-attr]
            prev = item
    for para in out:
        if isinstance(para, Paragraph) and len(para.lines) == 1 and para.kind == "paragraph":
            ln = para.lines[0]
            if ln.size > 1.15 * body and len(ln.text) < 150:
                para.kind = "heading"
    return out
