"""Ruled tables of PDF pages: a cheap pdfium pre-filter, then pdfplumber's table finder.

pdfium tells, from its path objects alone, which pages draw enough thin rules or
rectangles to hold a ruled table (pages drawing thousands of paths are charts).
Only if some page qualifies is the document opened, once, with pdfplumber, whose
``find_tables`` (ruled-lines strategy) reads those pages' tables; each becomes a
``Grid`` in PDF coordinates (from the page bottom), merged cells as ``None``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

THIN = 3.0  # a path at most this thick is a rule
MIN_RULE = 8.0  # and at least this long
MIN_PATHS = 6  # pages drawing fewer path objects than this hold no ruled table
MAX_PATHS = 3000  # pages drawing more paths than this are charts, not tables
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_PATH_TYPES = (2, 5)  # FPDF_PAGEOBJ_PATH, FPDF_PAGEOBJ_FORM (forms may hold the rules)


@dataclass
class Grid:
    """One ruled table: rows of cell texts (None for a merged-away cell) and its bbox."""

    rows: list[list[str | None]]
    bbox: tuple[float, float, float, float]  # left, bottom, right, top (PDF coordinates)


def _count_paths(page) -> int:
    """How many path (or form) objects the page draws, counted cheaply (stops at MIN_PATHS)."""
    import pypdfium2.raw as raw

    n = 0
    for k in range(raw.FPDFPage_CountObjects(page.raw)):
        if raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, k)) in _PATH_TYPES:
            n += 1
            if n >= MIN_PATHS:
                break
    return n


def may_hold_table(page) -> bool:
    """Does the pdfium ``page`` draw the rules of a table: at least two horizontal and
    three vertical edges (rectangle sides count), and not so many paths it is a chart?"""
    import pypdfium2.raw as raw

    if _count_paths(page) < MIN_PATHS:
        return False
    across = down = 0
    for n, obj in enumerate(page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=2)):
        if n >= MAX_PATHS:
            return False
        left, bottom, right, top = obj.get_bounds()
        w, h = right - left, top - bottom
        if h <= THIN and w >= MIN_RULE:
            across += 1
        elif w <= THIN and h >= MIN_RULE:
            down += 1
        elif w >= MIN_RULE and h >= MIN_RULE:
            across, down = across + 2, down + 2
    return across >= 2 and down >= 3


def open_plumber(data: bytes):
    """The document opened with pdfplumber (the slow parser: called only when needed)."""
    import pdfplumber

    return pdfplumber.open(io.BytesIO(data))


def _grid(table, height: float) -> Grid:
    """A pdfplumber ``Table`` as a Grid; its (x0, top, x1, bottom) bbox measures top
    from the page top, a Grid's (left, bottom, right, top) from the page bottom."""
    x0, top, x1, bottom = table.bbox
    return Grid([list(row) for row in table.extract()], (x0, height - bottom, x1, height - top))


def find_grids(data: bytes, heights: dict[int, float]) -> dict[int, list[Grid]]:
    """The ruled tables of the pages ``heights`` names (0-based index -> page height in
    points), found by pdfplumber in one pass over the document; {} if it cannot parse it."""
    if not heights:
        return {}
    found: dict[int, list[Grid]] = {}
    try:
        with open_plumber(data) as pdf:
            for index, height in sorted(heights.items()):
                page = pdf.pages[index]
                try:
                    found[index] = [_grid(t, height) for t in page.find_tables(TABLE_SETTINGS)]
                finally:
                    page.close()
    except Exception:  # pdfminer cannot parse what pdfium read: keep the text, no tables
        return found
    return found
