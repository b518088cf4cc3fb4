"""PDF reader: pypdfium2 for text and ruled tables (fast); pdfplumber only to tell an
empty page tree from damage when pdfium refuses a file.

Per page the text comes from pdfium in one call, with one baseline/extent
lookup per line; lines are put in reading order (top to bottom), running
headers/footers and bare page numbers are dropped, words hyphenated across
lines are joined, and hard-wrapped lines are merged into one block per
paragraph or list item (a limb running over a page break stays one block,
paged where it starts). Ruled tables (action logs), looked for only on pages
that draw enough paths, become table_cell blocks (see ``pdftables.py``).
Pages are closed as soon as they are read, so big files stream.
"""

from __future__ import annotations

import ctypes
import io
import json
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from minutes.errors import ReadError
from minutes.pipeline.readers.build import TextBuilder, squash
from minutes.pipeline.readers.html import make_document
from minutes.pipeline.readers.meta import find_meeting
from minutes.pipeline.readers.pdftables import Grid, find_grids
from minutes.records import Document, PageSpan

_DATA = Path(__file__).parent / "data" / "pdf.json"
BLANK_GAP = 1.3  # a baseline gap this many times the usual line spacing is a paragraph break
MAX_SPACING = 1.6  # line spacing is at most this many times the body font size
LOOSE_BOX = 1.12  # a loose character box is about this many times the font size
TABLE_PATHS = 6  # pages drawing at least this many path objects may hold a ruled table
EDGE_LINES = 3  # header/footer candidates: this many lines at the top and the bottom
_PATH_TYPES = (2, 5)  # FPDF_PAGEOBJ_PATH, FPDF_PAGEOBJ_FORM (forms may hold the rules)
_HYPHENS = "-\u00ad\u2010\x02\ufffe"
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?$",
                          re.IGNORECASE)
_ENUM = re.compile(
    r"^(?:[•·▪◦●○■□➢►\-–*o]\s|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,6}|[A-Z])[.)]\s|"
    r"\(\d{1,3}\)|\([a-zA-Z]\)|\([ivxIVX]{1,6}\)|\d{1,3}\.\d{1,3}\.?\s)")
_SENTENCE_END = re.compile(r"[.:;!?][\"'”’)]*$")


@cache
def _words() -> dict:
    return json.loads(_DATA.read_text(encoding="utf-8"))


@cache
def _openers() -> re.Pattern[str]:
    """A line opening with RESOLVED/ACTION... and going on (a lone "ACTION" at a line
    start is more often a tag trailing the paragraph than a new one)."""
    words = sorted(_words()["block_openers"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")(?:\b|\s)\W*\w")


@dataclass
class Line:
    """One visual line of a page: text, left/right edge, baseline, font size."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    page: int
    y_end: float = 0.0  # baseline of the last character (pdfium joins hyphenated lines)

    def __post_init__(self) -> None:
        if not self.y_end:
            self.y_end = self.y


@dataclass
class Table:
    """A ruled table pdfplumber found, placed in the page's reading order at ``y``."""

    rows: list[list[str | None]]
    y: float
    page: int


@dataclass
class _Page:
    number: int
    items: list[Line | Table] = field(default_factory=list)
    width: float = 0.0


def _doubled(token: str) -> bool:
    core = token.rstrip(".,;:!?)")
    return len(core) >= 2 and len(core) % 2 == 0 and core[0::2] == core[1::2]


def _undouble(token: str) -> str:
    core = token.rstrip(".,;:!?)")
    return core[0::2] + token[len(core):]


def _dedouble(text: str) -> str:
    """'CCHHIICCAAGGOO' -> 'CHICAGO' (fake-bold text drawn twice).

    Long doubled words are always mended; short ones ("22", "::") only when most
    of the line is doubled.
    """
    if not _DOUBLED_HINT.search(text):
        return text
    tokens = text.split()
    doubled = [t for t in tokens if _doubled(t)]
    if not doubled:
        return text
    most = len(doubled) * 10 >= len(tokens) * 6 and sum(map(len, doubled)) >= 8
    return " ".join(_undouble(t) if _doubled(t) and (most or (len(t) >= 6 and not t.isdigit()))
                    else t for t in tokens)


_DOUBLED_HINT = re.compile(r"(\S)\1(\S)\2(\S)\3")
_PUA_BULLET = re.compile(r"^[\uf000-\uf0ff](?=\s)")


def _page_lines(textpage, number: int) -> list[Line]:
    """The page's lines with geometry: one text call, one origin/box lookup per line end."""
    import pypdfium2.raw as raw

    text = textpage.get_text_range()
    count = textpage.count_chars()
    x, y = ctypes.c_double(), ctypes.c_double()
    lines: list[Line] = []
    pos = 0
    for raw_line in re.split(r"\r\n|\r|\n", text):
        stripped = raw_line.strip()
        if stripped:
            i = pos + len(raw_line) - len(raw_line.lstrip())
            j = pos + len(raw_line.rstrip()) - 1
            if j < count:
                raw.FPDFText_GetCharOrigin(textpage.raw, i, x, y)
                x0, y0 = x.value, y.value
                raw.FPDFText_GetCharOrigin(textpage.raw, j, x, y)
                # the loose box spans the font's ascent..descent: a size that survives text
                # matrices scaling a 1-point font (pdfium's font size is then 1)
                _, low, right, high = textpage.get_charbox(j, loose=True)
                size = (high - low) / LOOSE_BOX or 10.0
                clean = _PUA_BULLET.sub("•", _dedouble(squash(stripped)))
                lines.append(Line(clean, x0, right, y0, size, number,
                                  y_end=y.value))
        pos += len(raw_line) + (2 if text.startswith("\r\n", pos + len(raw_line)) else 1)
    return lines


def _reading_order(lines: list[Line]) -> list[Line]:
    """Top to bottom; pieces sharing a baseline become one line, left to right."""
    lines = sorted(lines, key=lambda ln: (-ln.y, ln.x0))
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev and abs(prev.y - ln.y) < 0.35 * min(prev.size, ln.size) and ln.x0 >= prev.x1 - 1:
            out[-1] = Line(f"{prev.text} {ln.text}", prev.x0, ln.x1, prev.y,
                           max(prev.size, ln.size), prev.page, y_end=min(prev.y_end, ln.y_end))
        else:
            out.append(ln)
    return out


def _count_paths(page) -> int:
    """How many path objects the page draws (stops counting at TABLE_PATHS)."""
    import pypdfium2.raw as raw

    n = 0
    for k in range(raw.FPDFPage_CountObjects(page.raw)):
        if raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, k)) in _PATH_TYPES:
            n += 1
            if n >= TABLE_PATHS:
                break
    return n


def _open(data: bytes, source: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
    if "password" in msg.lower():
        raise ReadError(source, "is encrypted (password-protected); minutes cannot read it")
    if _has_no_pages(data):
        raise ReadError(source, "has no pages")
    detail = re.sub(r"^Failed to load document\s*", "", msg).strip(" .()")
    if not detail or detail.endswith("Success"):  # pdfium failed without saying why
        detail = "damaged or truncated"
    raise ReadError(source, f"is not a readable PDF ({detail})")


def _has_no_pages(data: bytes) -> bool:
    """pdfium refuses an empty page tree; pdfminer can tell that case from damage."""
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return len(pdf.pages) == 0
    except Exception:  # any parser failure means damage, not an empty page tree
        return False


def read_pages(data: bytes, source: str) -> list[_Page]:
    """Every page's lines (and tables) in reading order; pages are closed as they go."""
    pdf = _open(data, source)
    pages: list[_Page] = []
    try:
        n = len(pdf)
        if n == 0:
            raise ReadError(source, "has no pages")
        for index in range(n):
            page = pdf[index]
            width = page.get_width()
            try:
                textpage = page.get_textpage()
                try:
                    lines = _page_lines(textpage, index + 1)
                    items: list[Line | Table] = list(_reading_order(lines))
                    if lines and _count_paths(page) >= TABLE_PATHS:
                        items = _place_tables(items, find_grids(page, textpage), index + 1)
                finally:
                    textpage.close()
            finally:
                page.close()
            pages.append(_Page(index + 1, items, width))
    finally:
        pdf.close()
    if not any(p.items for p in pages):
        raise ReadError(source, "has no text layer (scanned?); OCR it first")
    return pages


def _place_tables(items: list[Line | Table], grids: list[Grid], number: int
                  ) -> list[Line | Table]:
    """Replace the lines inside ruled tables by the tables themselves."""
    found = [g for g in grids if sum(1 for row in g.rows for c in row if c and c.strip()) >= 2]
    if not found:
        return items
    kept: list[Line | Table] = []
    for item in items:
        inside = isinstance(item, Line) and any(
            x0 - 2 <= item.x0 and item.x1 <= x1 + 2 and y0 - 2 <= item.y <= y1 + 2
            for x0, y0, x1, y1 in (g.bbox for g in found))
        if not inside:
            kept.append(item)
    kept += [Table(g.rows, g.bbox[3], number) for g in found]
    return sorted(kept, key=lambda it: -it.y)


def _edge_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def drop_running_lines(pages: list[_Page]) -> None:
    """Remove running headers/footers (repeated at the page edges) and bare page numbers."""
    edges: list[set[int]] = []
    seen: Counter[str] = Counter()
    for p in pages:
        lines = [i for i, it in enumerate(p.items) if isinstance(it, Line)]
        idx = set(lines[:EDGE_LINES] + lines[-EDGE_LINES:])
        edges.append(idx)
        seen.update({_edge_key(p.items[i].text) for i in idx})  # type: ignore[union-attr]
    with_text = sum(1 for p in pages if p.items)
    need = max(2, (with_text + 1) // 2)
    for p, idx in zip(pages, edges, strict=True):
        drop = set()
        for i in idx:
            text = p.items[i].text  # type: ignore[union-attr]
            if _PAGE_NUMBER.match(text) or (with_text >= 2 and seen[_edge_key(text)] >= need):
                drop.add(i)
        p.items = [it for i, it in enumerate(p.items) if i not in drop]
        # a second page number (e.g. of an enclosed paper) can sit inside the dropped footer
        while p.items and isinstance(p.items[-1], Line) and _PAGE_NUMBER.match(p.items[-1].text):
            p.items.pop()
        while p.items and isinstance(p.items[0], Line) and _PAGE_NUMBER.match(p.items[0].text):
            p.items.pop(0)


def _join(left: str, right: str, hyphenated: frozenset[str] = frozenset()) -> str:
    """Join two wrapped lines, mending a word hyphenated across the break.

    The hyphen goes ("imple-" + "mented") before a lower-case letter, unless the
    document writes the word with a hyphen elsewhere ("father-inclusive") or its
    first part is a usual hyphen prefix ("co-", "well-").
    """
    if left and left[-1] in _HYPHENS and len(left) > 1 and left[-2].isalpha():
        word = re.search(r"(\w+)[" + _HYPHENS + r"]$", left)
        stem = word.group(1).lower() if word else ""
        nxt = re.match(r"\w+", right)
        whole = f"{stem}-{nxt.group(0).lower()}" if nxt else ""
        if (right[:1].islower() and stem not in _words()["hyphen_prefixes"]
                and whole not in hyphenated):
            return left[:-1] + right
        return left[:-1] + "-" + right
    return f"{left} {right}"


def _mend_inline(text: str, hyphenated: frozenset[str] = frozenset()) -> str:
    """pdfium marks hyphens it joined across lines with U+FFFE/U+0002: mend those words."""
    if "\ufffe" not in text and "\x02" not in text:
        return text
    out = re.sub(r"(\w+)[\ufffe\x02](\w+)",
                 lambda m: _join(m.group(1) + "-", m.group(2), hyphenated), text)
    return out.replace("\ufffe", "-").replace("\x02", "-")


def hyphenated_words(pages: list[_Page]) -> frozenset[str]:
    """Words the document writes with a hyphen inside a line ("father-inclusive")."""
    found: set[str] = set()
    for p in pages:
        for it in p.items:
            if isinstance(it, Line) and "-" in it.text:
                found.update(m.group(0).lower() for m in re.finditer(r"\b\w+-\w+\b", it.text))
    return frozenset(found)


def _starts_block(line: Line) -> bool:
    return bool(_ENUM.match(line.text) or _openers().match(line.text))


@dataclass
class _Para:
    lines: list[Line]
    kind: str

    @property
    def page(self) -> int:
        return self.lines[0].page


def _line_gaps(lines: list[Line]) -> list[float]:
    """Baseline distances between consecutive lines (no column jumps or page-size gaps)."""
    return [a.y_end - b.y for a, b in zip(lines, lines[1:], strict=False)
            if 0 < a.y_end - b.y < 4 * a.size]


def line_spacing(pages: list[_Page], body: float) -> float:
    """The document's usual line spacing: a low quantile of line gaps (most gaps are
    within paragraphs), capped for documents made only of one-line paragraphs."""
    gaps = sorted(g for p in pages for g in _line_gaps(
        [it for it in p.items if isinstance(it, Line)]))
    if len(gaps) < 3:
        return 0.0
    return min(gaps[len(gaps) // 5], MAX_SPACING * body)


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


def paragraphs(pages: list[_Page]) -> list[_Para | Table]:
    """Merge hard-wrapped lines into paragraphs; tables pass through."""
    out: list[_Para | Table] = []
    current: _Para | None = None
    body = statistics.median([it.size for p in pages for it in p.items if isinstance(it, Line)]
                             or [10.0])
    spacing = line_spacing(pages, body)
    for p in pages:
        lines = [it for it in p.items if isinstance(it, Line)]
        right, width = _page_frame(lines, p.width)
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
                    new = blank or short or resized or gap <= 0
            if new:
                kind = "list_item" if _ENUM.match(item.text) else "paragraph"
                current = _Para([item], kind)
                out.append(current)
            else:
                current.lines.append(item)  # type: ignore[union-attr]
            prev = item
    for para in out:
        if isinstance(para, _Para) and len(para.lines) == 1 and para.kind == "paragraph":
            ln = para.lines[0]
            if ln.size > 1.15 * body and len(ln.text) < 150:
                para.kind = "heading"
    return out


def read_pdf(data: bytes, source: str) -> Document:
    """Read a born-digital PDF into paged, paragraph-sized blocks."""
    pages = read_pages(data, source)
    drop_running_lines(pages)
    vocab = hyphenated_words(pages)
    for p in pages:
        for it in p.items:
            if isinstance(it, Line):
                it.text = _mend_inline(it.text, vocab)
    out = TextBuilder()
    first_at: dict[int, int] = {}
    tables = 0
    for part in paragraphs(pages):
        if isinstance(part, Table):
            for r, row in enumerate(part.rows):
                for c, cell in enumerate(row):
                    text = _mend_inline(_cell_text(cell, vocab), vocab)
                    block = out.add(text, "table_cell", page=part.page, table=tables, row=r,
                                    col=c)
                    if block is not None:
                        first_at.setdefault(part.page, block.start)
            tables += 1
            continue
        text = part.lines[0].text
        offsets = {part.lines[0].page: 0}
        for ln in part.lines[1:]:
            joined = _join(text, ln.text, vocab)
            offsets.setdefault(ln.page, len(joined) - len(ln.text))
            text = joined
        block = out.add(text, part.kind, page=part.page)  # type: ignore[arg-type]
        if block is not None:
            for page, off in offsets.items():
                first_at.setdefault(page, min(block.start + off, block.end))
    full = out.text()
    starts = sorted(first_at.items())
    spans = []
    for k, (number, start) in enumerate(starts):
        end = starts[k + 1][1] if k + 1 < len(starts) else len(full)
        while end > start and full[end - 1] in " \n":
            end -= 1
        spans.append(PageSpan(number, start, end))
    texts = [full[b.start : b.end] for b in out.blocks[:60]]
    meeting = find_meeting(texts)
    doc = make_document(source, data, "pdf", out, title=texts[0] if texts and len(texts[0]) < 200
                        else None, committee=meeting.committee, meeting_date=meeting.meeting_date)
    doc.pages = spans
    return doc


def _cell_text(cell: str | None, vocab: frozenset[str]) -> str:
    if not cell:
        return ""
    parts = [_dedouble(squash(p)) for p in re.split(r"\r\n|\r|\n", cell) if squash(p)]
    if not parts:
        return ""
    text = parts[0]
    for p in parts[1:]:
        text = _join(text, p, vocab)
    return text
