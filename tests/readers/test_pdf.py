"""PDF reader on PDFs generated here with fpdf2 (invented minutes, known layout)."""

from __future__ import annotations

from datetime import date

import pytest
from fpdf import FPDF

from minutes.errors import ReadError
from minutes.pipeline.readers import read_bytes

from .helpers import texts

LINE = 6  # mm between lines


class Minutes(FPDF):
    """A4 printed minutes with a running header and a "Page N of M" footer."""

    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 5, "Fenwick Borough Council - Licensing Committee", align="C")
        self.ln(12)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")


def write(pdf: FPDF, lines: list[str | None]) -> None:
    """One text line per entry (wrapped exactly where the test says); None = blank gap."""
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        if line is None:
            pdf.ln(LINE)
        elif line == "<page>":
            pdf.add_page()
        else:
            x = pdf.l_margin + (8 if line.startswith("  ") else 0)
            pdf.set_x(x)
            pdf.cell(0, LINE, line.strip(), new_x="LMARGIN", new_y="NEXT")


def minutes_pdf() -> bytes:
    pdf = Minutes()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.cell(0, 9, "Licensing Committee - 12 March 2025", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    write(pdf, [
        "Present: Councillors Hale (Chair), Ito and Mbeki.",
        None,
        "14. Taxi Licensing Policy",
        None,
        "The Committee considered the revised policy, which had been imple-",
        "mented in part since January, and a report on co-",
        "operation with neighbouring authorities.",
        None,
        "RESOLVED that",
        "(a) the revised policy be adopted;",
        "(b) the Head of Licensing publish the policy and write to every",
        "  operator by 30 April 2025, setting out the changes to vehicle",
        "  age limits and the new arrangements for",
    ] + [None] * 0)
    # fill the rest of page 1 so limb (b) runs over the page break
    while pdf.get_y() < pdf.h - 30:
        pdf.ln(LINE)
    write(pdf, [
        "<page>",
        "  accessible vehicles; and",
        "(c) the policy be reviewed in twelve months.",
        None,
        "15. Any Other Business",
        None,
        "There was no other business.",
    ])
    pdf.alias_nb_pages()
    return bytes(pdf.output())


def test_pages_header_footer_hyphens_and_paragraphs() -> None:
    doc = read_bytes(minutes_pdf(), "minutes.pdf")
    assert doc.format == "pdf"
    assert texts(doc) == [
        "Licensing Committee - 12 March 2025",
        "Present: Councillors Hale (Chair), Ito and Mbeki.",
        "14. Taxi Licensing Policy",
        "The Committee considered the revised policy, which had been implemented in part "
        "since January, and a report on co-operation with neighbouring authorities.",
        "RESOLVED that",
        "(a) the revised policy be adopted;",
        "(b) the Head of Licensing publish the policy and write to every operator by 30 April "
        "2025, setting out the changes to vehicle age limits and the new arrangements for "
        "accessible vehicles; and",
        "(c) the policy be reviewed in twelve months.",
        "15. Any Other Business",
        "There was no other business.",
    ]
    assert "Fenwick Borough Council" not in doc.text and "Page 1" not in doc.text
    pages = {doc.text[b.start : b.end][:4]: b.page for b in doc.blocks}
    assert pages["(b) "] == 1 and pages["(c) "] == 2 and pages["15. "] == 2
    assert [p.number for p in doc.pages] == [1, 2]
    # the limb continued over the break: page 2 starts inside it
    limb = doc.blocks[6]
    assert limb.start < doc.pages[1].start < limb.end
    assert doc.text[doc.pages[1].start :].startswith("accessible vehicles; and")
    assert doc.page_at(limb.start) == 1 and doc.page_at(doc.blocks[-1].start) == 2
    assert doc.blocks[0].kind == "heading"
    assert {doc.blocks[i].kind for i in (5, 6, 7)} == {"list_item"}
    assert (doc.meeting_date, doc.committee) == (date(2025, 3, 12), "Licensing Committee")


def action_log_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    write(pdf, ["Treasury Group meeting note", None, "Action points:"])
    pdf.set_font("Helvetica", size=10)
    with pdf.table(col_widths=(60, 40, 30, 30)) as table:
        for row in [("Action", "Owner", "Due", "Status"),
                    ("Circulate the mid-year review slides to all members", "J Gray",
                     "31/12/2024", "Open"),
                    ("Report borrowing options", "Finance Lead", "March 2025", "Complete")]:
            r = table.row()
            for cell in row:
                r.cell(cell)
    write(pdf, [None, "The next meeting will be in February."])
    return bytes(pdf.output())


def test_action_log_table_becomes_cells() -> None:
    doc = read_bytes(action_log_pdf(), "note.pdf")
    cells = {(b.row, b.col): doc.text[b.start : b.end] for b in doc.blocks if b.table == 0}
    assert cells == {
        (0, 0): "Action", (0, 1): "Owner", (0, 2): "Due", (0, 3): "Status",
        (1, 0): "Circulate the mid-year review slides to all members", (1, 1): "J Gray",
        (1, 2): "31/12/2024", (1, 3): "Open",
        (2, 0): "Report borrowing options", (2, 1): "Finance Lead", (2, 2): "March 2025",
        (2, 3): "Complete",
    }
    kinds = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks if b.table is None]
    assert kinds == [("paragraph", "Treasury Group meeting note"),
                     ("paragraph", "Action points:"),
                     ("paragraph", "The next meeting will be in February.")]
    order = texts(doc)
    assert order.index("Action points:") < order.index("Action") < order.index(
        "The next meeting will be in February.")
    assert all(b.page == 1 for b in doc.blocks)


def _simple_pdf(lines: int = 40) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    write(pdf, [f"Minute {i}: the committee noted item {i}." for i in range(lines)])
    return bytes(pdf.output())


def _zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty (fpdf2 always adds a page)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_encrypted_pdf() -> None:
    pdf = FPDF()
    pdf.add_page()
    write(pdf, ["Confidential minutes."])
    pdf.set_encryption(owner_password="owner", user_password="secret")
    with pytest.raises(ReadError) as exc:
        read_bytes(bytes(pdf.output()), "locked.pdf")
    assert str(exc.value) == "locked.pdf: is encrypted (password-protected); minutes cannot read it"


def test_permissions_only_encryption_still_reads() -> None:
    pdf = FPDF()
    pdf.add_page()
    write(pdf, ["Open minutes with an owner password."])
    pdf.set_encryption(owner_password="owner")
    assert texts(read_bytes(bytes(pdf.output()), "open.pdf")) == [
        "Open minutes with an owner password."]


@pytest.mark.parametrize("cut", [0.5, 0.1])
def test_truncated_pdf(cut: float) -> None:
    data = _simple_pdf()
    with pytest.raises(ReadError, match=r"^cut\.pdf: is not a readable PDF \(.+\)$"):
        read_bytes(data[: int(len(data) * cut)], "cut.pdf")


def test_no_text_layer() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 80, style="F")  # a drawn shape, like a scan with no OCR
    with pytest.raises(ReadError) as exc:
        read_bytes(bytes(pdf.output()), "scan.pdf")
    assert str(exc.value) == "scan.pdf: has no text layer (scanned?); OCR it first"


def test_zero_pages() -> None:
    with pytest.raises(ReadError, match=r"^empty\.pdf: has no pages"):
        read_bytes(_zero_page_pdf(), "empty.pdf")


def test_sniffed_by_magic_not_name(tmp_path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_bytes(_simple_pdf(3))
    from minutes.pipeline.readers import read_path

    doc = read_path(path)
    assert doc.format == "pdf" and texts(doc)[0] == "Minute 0: the committee noted item 0."


def test_fake_bold_doubled_letters_are_mended() -> None:
    from minutes.pipeline.readers.pdflines import dedouble as _dedouble

    assert _dedouble("CCHHIICCAAGGOO CCOOMMMMIISSSSIIOONN 22001199") == "CHICAGO COMMISSION 2019"
    assert _dedouble("LLOOCCAATTIIOONN: 740 N. Sedgwick St") == "LOCATION: 740 N. Sedgwick St"
    assert _dedouble("Budget of £1100 agreed") == "Budget of £1100 agreed"
    assert _dedouble("Committee meeting") == "Committee meeting"


@pytest.mark.parametrize("angle", [90, 270])
def test_text_turned_a_quarter_turn_reads_in_order(angle: int) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    with pdf.rotation(angle, x=105, y=148):
        pdf.set_xy(40, 100)
        write(pdf, ["The committee agreed the landscape item on the first",
                    "page of the papers.", None, "RESOLVED that the plan be approved."])
    doc = read_bytes(bytes(pdf.output()), "turned.pdf")
    assert texts(doc) == ["The committee agreed the landscape item on the first page of the "
                          "papers.", "RESOLVED that the plan be approved."]


def test_bordered_layout_box_is_not_a_table() -> None:
    passage = ("The Committee received a presentation on the town centre strategy. " * 10).strip()
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    with pdf.table(col_widths=(150, 40)) as table:
        row = table.row()
        row.cell(passage)
        row.cell("Item 5")
        row = table.row()
        row.cell("Noted.")
        row.cell("")
    doc = read_bytes(bytes(pdf.output()), "box.pdf")
    assert all(b.table is None for b in doc.blocks)
    assert "town centre strategy" in doc.text
