"""PDF reader: pypdfium2 for text (fast); pdfplumber for ruled tables, only on pages
pdfium says draw table rules, and to tell an empty page tree from damage.

Per page the text comes from pdfium in one call, with one baseline/extent
lookup per line; lines are put in reading order (top to bottom), running
headers/footers and bare page numbers are dropped, words hyphenated across
lines are joined, and hard-wrapped lines are merged into one block per
paragraph or list item (a limb running over a page break stays one block,
paged where it starts). Ruled tables (action logs), looked for only on pages
that draw enough rules, become table_cell blocks (see ``pdftables.py``); a table
running on at the top of the next page keeps its number and row count.
Pages are closed as soon as they are read, so big files stream. The line
extraction lives in ``pdflines.py``, the paragraph merging in ``pdfparagraphs.py``.
"""

from __future__ import annotations

import io
import re

from minutes.errors import ReadError
from minutes.pipeline.readers.build import TextBuilder, make_document, squash
from minutes.pipeline.readers.meta import find_meeting
from minutes.pipeline.readers.pdflines import (
    Line,
    PageText,
    Table,
    dedouble,
    page_lines,
    reading_order,
)
from minutes.pipeline.readers.pdfparagraphs import (
    hyphenated_words,
    join_lines,
    mend_inline,
    paragraphs,
)
from minutes.pipeline.readers.pdftables import Grid, find_grids, may_hold_table
from minutes.records import Document, PageSpan

LAYOUT_CELL = 500  # a "cell" holding more characters than this is a layout box
EDGE_SNAP = 4.0  # points: running lines sit at the same height on every page
EDGE_LINES = 3  # header/footer candidates: this many lines at the top and the bottom
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?$",
                          re.IGNORECASE)


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


def read_pages(data: bytes, source: str) -> list[PageText]:
    """Every page's lines (and tables) in reading order; pages are closed as they go."""
    import pypdfium2 as pdfium

    pdf = _open(data, source)
    pages: list[PageText] = []
    ruled: dict[int, float] = {}  # page index -> height, of pages that may hold tables
    try:
        n = len(pdf)
        if n == 0:
            raise ReadError(source, "has no pages")
        for index in range(n):
            try:
                page = pdf[index]
            except pdfium.PdfiumError:  # one damaged page: read the others
                continue
            width = page.get_width()
            try:
                textpage = page.get_textpage()
                try:
                    lines, turned = page_lines(textpage, index + 1)
                    items: list[Line | Table] = list(reading_order(lines))
                    if turned:  # reading coordinates run along the page's height
                        width = page.get_height()
                    elif lines and may_hold_table(page):
                        ruled[len(pages)] = page.get_height()
                finally:
                    textpage.close()
            finally:
                page.close()
            pages.append(PageText(index + 1, items, width))
    finally:
        pdf.close()
    _add_tables(data, pages, ruled)
    if not any(p.items for p in pages):
        raise ReadError(source, "has no text layer (scanned?); OCR it first")
    return pages


def _add_tables(data: bytes, pages: list[PageText], ruled: dict[int, float]) -> None:
    """Put the ruled tables pdfplumber finds on the ``ruled`` pages (indexes into
    ``pages``, with their heights) in place of the lines they cover."""
    numbers = {k: pages[k].number for k in ruled}
    grids = find_grids(data, {numbers[k] - 1: h for k, h in ruled.items()})
    widths: dict[int, set[int]] = {}  # page number -> its tables' column counts
    for k, number in sorted(numbers.items()):
        found = [g for g in grids.get(number - 1, []) if _is_data_table(g)]
        # one row is a table only as the rest of one on the page before (else a box)
        kept = [g for g in found
                if len(g.rows) > 1 or len(g.rows[0]) in widths.get(number - 1, ())]
        widths[number] = {len(g.rows[0]) for g in kept}
        pages[k].items = _place_tables(pages[k].items, kept, number)


def _is_data_table(grid: Grid) -> bool:
    """A grid of data (an action log, a risk register), not a layout box: two or more
    columns hold text, and no single cell holds most of it as one long passage."""
    filled = [(c, cell.strip()) for row in grid.rows for c, cell in enumerate(row)
              if cell and cell.strip()]
    if len({c for c, _ in filled}) < 2:
        return False
    longest = max(len(t) for _, t in filled)
    return longest <= LAYOUT_CELL or longest * 2 < sum(len(t) for _, t in filled)


def _place_tables(items: list[Line | Table], grids: list[Grid], number: int
                  ) -> list[Line | Table]:
    """Replace the lines inside ruled tables by the tables themselves."""
    found = [g for g in grids if _is_data_table(g)]
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


def _edge_text(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text.lower())


def _edges(page: PageText) -> list[Line]:
    """The page's first and last few lines: where running headers and footers sit."""
    lines = page.lines()
    return lines[:EDGE_LINES] + [ln for ln in lines[-EDGE_LINES:] if ln not in lines[:EDGE_LINES]]


def drop_running_lines(pages: list[PageText]) -> None:
    """Remove running headers/footers and bare page numbers.

    A running line repeats at the edge of most pages (digits ignored) at the same
    height; text that merely repeats moves with the flow and stays.
    """
    heights: dict[str, list[float]] = {}
    for p in pages:
        for ln in _edges(p):
            heights.setdefault(_edge_text(ln), []).append(ln.y)
    with_text = sum(1 for p in pages if p.items)
    need = max(2, (with_text + 1) // 2)
    running = set()
    for text, ys in heights.items():
        middle = sorted(ys)[len(ys) // 2]
        if with_text >= 2 and sum(1 for y in ys if abs(y - middle) <= EDGE_SNAP) >= need:
            running.add(text)
    for p in pages:
        drop = {id(ln) for ln in _edges(p)
                if _PAGE_NUMBER.match(ln.text) or _edge_text(ln) in running}
        p.items = [it for it in p.items if id(it) not in drop]
        # a second page number (e.g. of an enclosed paper) can sit inside the dropped footer
        while p.items and isinstance(p.items[-1], Line) and _PAGE_NUMBER.match(p.items[-1].text):
            p.items.pop()
        while p.items and isinstance(p.items[0], Line) and _PAGE_NUMBER.match(p.items[0].text):
            p.items.pop(0)


def read_pdf(data: bytes, source: str) -> Document:
    """Read a born-digital PDF into paged, paragraph-sized blocks."""
    pages = read_pages(data, source)
    drop_running_lines(pages)
    vocab = hyphenated_words(pages)
    for p in pages:
        for it in p.items:
            if isinstance(it, Line):
                it.text = mend_inline(it.text, vocab)
    out = TextBuilder()
    first_at: dict[int, int] = {}
    tables = 0
    last: Table | None = None  # the table just emitted, with its rows so far
    for part in paragraphs(pages):
        if isinstance(part, Table):
            rows, first = part.rows, 0
            if last is not None and _continues(last, part):
                tables -= 1
                first = len(last.rows)
                if _texts(rows[0]) == _texts(last.rows[0]):  # the heading row repeated
                    rows = rows[1:]
                last = Table(last.rows + rows, last.y, part.page)
            else:
                last = part
            for r, row in enumerate(rows, start=first):
                for c, cell in enumerate(row):
                    text = mend_inline(_cell_text(cell, vocab), vocab)
                    block = out.add(text, "table_cell", page=part.page, table=tables, row=r,
                                    col=c)
                    if block is not None:
                        first_at.setdefault(part.page, block.start)
            tables += 1
            continue
        last = None
        text = part.lines[0].text
        offsets = {part.lines[0].page: 0}
        for ln in part.lines[1:]:
            joined = join_lines(text, ln.text, vocab)
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


def _continues(before: Table, table: Table) -> bool:
    """Does ``table`` run on from ``before`` (next page, straight after, same columns)?"""
    return table.page == before.page + 1 and len(table.rows[0]) == len(before.rows[-1])


def _texts(row: list[str | None]) -> list[str]:
    return [squash(c or "") for c in row]


def _cell_text(cell: str | None, vocab: frozenset[str]) -> str:
    if not cell:
        return ""
    parts = [dedouble(squash(p)) for p in re.split(r"\r\n|\r|\n", cell) if squash(p)]
    if not parts:
        return ""
    text = parts[0]
    for p in parts[1:]:
        text = join_lines(text, p, vocab)
    return text
