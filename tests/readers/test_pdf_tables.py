"""Ruled tables in PDFs generated here with fpdf2: found by pdfplumber, only on pages
pdfium says draw rules; merged cells, tables running over a page break."""

from __future__ import annotations

import pytest
from fpdf import FPDF

from minutes.pipeline.readers import pdftables, read_bytes

from .helpers import texts

HEADING = ("Action", "Owner", "Due", "Status")
OWNERS = ("Head of Planning", "Clerk", "Finance Lead")


class Minutes(FPDF):
    """A4 minutes with a running header and a page-number footer."""

    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 5, "Ashcombe Parish Council - Amenities Committee", align="C")
        self.ln(12)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 5, f"Page {self.page_no()}", align="C")


def _para(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)


def action_log_pdf(actions: int = 45) -> bytes:
    """Minutes whose action log (heading repeated by fpdf2) runs onto page 2; row 2
    has an action merged across the Action and Owner columns."""
    pdf = Minutes()
    pdf.add_page()
    _para(pdf, "Minutes of the meeting held at the Village Hall.")
    _para(pdf, "Action log:")
    pdf.set_font("Helvetica", size=10)
    with pdf.table(col_widths=(70, 40, 30, 30)) as table:
        row = table.row()
        for cell in HEADING:
            row.cell(cell)
        for n in range(1, actions + 1):
            row = table.row()
            if n == 2:
                row.cell("Repair the bus shelter on Mill Lane (all members)", colspan=2)
            else:
                row.cell(f"Obtain quotes for bench number {n}")
                row.cell(OWNERS[n % 3])
            row.cell(f"{n}/05/2025")
            row.cell("Open")
    pdf.ln(4)
    _para(pdf, "The meeting closed at 9.05pm.")
    return bytes(pdf.output())


def plain_pdf() -> bytes:
    pdf = Minutes()
    pdf.add_page()
    for n in range(12):
        _para(pdf, f"{n}. The committee noted the report on allotment plot {n}.")
    pdf.line(10, 250, 200, 250)  # one rule: not a table
    return bytes(pdf.output())


@pytest.fixture
def plumber_opens(monkeypatch) -> list[int]:
    """Count the calls of the function that opens a document with pdfplumber."""
    calls: list[int] = []
    real = pdftables.open_plumber

    def counted(data: bytes):
        calls.append(len(data))
        return real(data)

    monkeypatch.setattr(pdftables, "open_plumber", counted)
    return calls


def _cells(doc) -> dict[tuple[int, int], tuple[str, int]]:
    return {(b.row, b.col): (doc.text[b.start : b.end], b.page)
            for b in doc.blocks if b.kind == "table_cell"}


def test_action_log_over_a_page_break_is_one_table(plumber_opens) -> None:
    doc = read_bytes(action_log_pdf(), "actions.pdf")
    cells = _cells(doc)
    assert {b.table for b in doc.blocks if b.kind == "table_cell"} == {0}
    assert plumber_opens and len(plumber_opens) == 1  # opened once for both pages
    assert [cells[(0, c)][0] for c in range(4)] == list(HEADING)
    rows = sorted({r for r, _ in cells})
    assert rows == list(range(46))  # the heading repeated on page 2 is not a row
    assert {page for _, page in cells.values()} == {1, 2}
    for n in range(1, 46):
        assert cells[(n, 2)][0] == f"{n}/05/2025" and cells[(n, 3)][0] == "Open"
        if n != 2:
            assert cells[(n, 0)][0] == f"Obtain quotes for bench number {n}"
            assert cells[(n, 1)][0] == OWNERS[n % 3]
    # the merged cell: its text in the first column, nothing in the one it covers
    assert cells[(2, 0)][0] == "Repair the bus shelter on Mill Lane (all members)"
    assert (2, 1) not in cells
    last = max(rows)
    assert cells[(last, 0)][1] == 2 and cells[(1, 0)][1] == 1
    # the lines inside the table are not text too, and the order is kept
    order = texts(doc)
    assert order.count("Obtain quotes for bench number 45") == 1
    assert order.index("Action log:") < order.index("Action") < order.index(
        "The meeting closed at 9.05pm.")
    assert "Ashcombe Parish Council" not in doc.text and "Page 2" not in doc.text
    assert [p.number for p in doc.pages] == [1, 2]


def test_page_without_a_table_does_not_open_pdfplumber(plumber_opens) -> None:
    doc = read_bytes(plain_pdf(), "plain.pdf")
    assert plumber_opens == []
    assert all(b.table is None for b in doc.blocks)
    assert "allotment plot 11" in doc.text


def test_one_row_box_is_not_a_table(plumber_opens) -> None:
    pdf = Minutes()
    pdf.add_page()
    _para(pdf, "Report to the Amenities Committee.")
    for who in ("Report author: Parish Clerk", "Lead member: Cllr Amber Hale"):
        pdf.set_font("Helvetica", size=10)
        with pdf.table(col_widths=(70, 60, 60), first_row_as_headings=False) as table:
            row = table.row()
            for cell in (who, "Tel 01234 567890", "Room 2, Parish Office"):
                row.cell(cell)
        _para(pdf, "The report follows.")
    doc = read_bytes(bytes(pdf.output()), "box.pdf")
    assert plumber_opens  # the page draws six boxes, so pdfplumber looked
    assert all(b.table is None for b in doc.blocks)
    assert "Report author: Parish Clerk" in doc.text and "Cllr Amber Hale" in doc.text


def test_grid_bbox_is_in_pdf_coordinates() -> None:
    data = action_log_pdf(actions=3)
    grids = pdftables.find_grids(data, {0: 841.89})  # A4 height in points
    (grid,) = grids[0]
    left, bottom, right, top = grid.bbox
    assert 0 < left < right < 595.28 and 0 < bottom < top < 841.89
    assert top > 841.89 / 2  # a table near the top of the page: high PDF y
    assert grid.rows[0] == list(HEADING)
    assert grid.rows[2][1] is None  # the merged-away cell


def test_chart_page_is_not_searched_for_tables(plumber_opens) -> None:
    pdf = Minutes()
    pdf.add_page()
    _para(pdf, "Figure 1: footfall in the village centre.")
    for n in range(pdftables.MAX_PATHS + 10):  # a dense chart: thousands of small bars
        pdf.rect(20 + (n % 40) * 4, 60 + (n // 40) * 2, 3.5, 4)
    doc = read_bytes(bytes(pdf.output()), "chart.pdf")
    assert plumber_opens == []
    assert "footfall in the village centre" in doc.text
