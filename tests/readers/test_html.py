"""Generic HTML and ModernGov page readers, on hand-written pages in the real structure."""

from __future__ import annotations

from datetime import date

import pytest

from minutes.errors import ReadError
from minutes.pipeline.readers import read_bytes

from .helpers import texts


def test_generic_html_blocks(fixture_bytes) -> None:
    doc = read_bytes(fixture_bytes("generic.html"), "generic.html")
    assert doc.format == "html"
    assert texts(doc) == [
        "Ashby Parva Parish Council",
        "Minutes of the meeting held on Tuesday 4th March 2025",
        "Present: Cllrs Hale (Chair), Ito and Mbeki.",
        "1. Playground",
        "The Clerk reported on the inspection.",
        "It was agreed that the Clerk would obtain three quotes for new swings.",
        "Quote from Acme Play", "Quote from Parkworks", "includes installation",
        "Action", "Owner", "Due", "Order bench plaque", "Clerk", "30/04/2025",
        "Councillor Ito left the meeting.", "The meeting closed at 9.05 pm.",
        "Signed minutes Contact the clerk",
    ]
    kinds = {doc.text[b.start : b.end]: b for b in doc.blocks}
    assert kinds["Ashby Parva Parish Council"].kind == "heading"
    assert kinds["Ashby Parva Parish Council"].level == 1
    assert (kinds["includes installation"].kind, kinds["includes installation"].level) == (
        "list_item", 1)
    assert kinds["Quote from Acme Play"].level == 0
    cell = kinds["Clerk"]
    assert (cell.kind, cell.table, cell.row, cell.col) == ("table_cell", 0, 1, 1)
    assert doc.meeting_date == date(2025, 3, 4)
    assert doc.title == "Minutes - Ashby Parva Parish Council"
    assert "ignored" not in doc.text and "Village Sites" not in doc.text and "Home" not in doc.text
    assert [(lk.url, lk.title) for lk in doc.links] == [
        ("/files/signed-minutes-2025-03.pdf", "Signed minutes")]


def test_meeting_listing_page_has_no_meeting_date() -> None:
    rows = "".join(f"<tr><td>Parks Board</td><td>{d}/03/2025</td>"
                   f"<td><a href='View.ashx?M=M&amp;ID={d}'>Minutes</a>"
                   f"<a href='View.ashx?M=IC&amp;ID={d}'>iCal</a></td></tr>"
                   for d in (3, 10, 17))
    page = f"<html><body><h1>Parks Board</h1><p>10/03/2025</p><table>{rows}</table></body></html>"
    doc = read_bytes(page.encode(), "list.html")
    assert doc.meeting_date is None
    assert [lk.url for lk in doc.links] == ["View.ashx?M=M&ID=3", "View.ashx?M=M&ID=10",
                                            "View.ashx?M=M&ID=17"]


def test_empty_html_is_a_read_error() -> None:
    with pytest.raises(ReadError, match=r"^e\.html: has no text to extract"):
        read_bytes(b"<html><body><p>&nbsp;</p><script>x()</script></body></html>", "e.html")


def test_moderngov_meeting_page(fixture_bytes) -> None:
    doc = read_bytes(fixture_bytes("moderngov_meeting.html"), "meeting.html")
    assert (doc.committee, doc.meeting_date) == ("Cabinet", date(2025, 3, 6))
    assert doc.meta == {"moderngov_meeting_id": "7001", "moderngov_committee_id": "140"}
    assert [(i.number, i.title, i.restricted) for i in doc.items] == [
        ("1", "Apologies for Absence", False), ("2", "Library Service Review", False),
        ("3", "Sale of Land at Quarry Lane", True)]
    assert doc.items[1].moderngov_id == "55012"
    blocks = {doc.text[b.start : b.end]: b for b in doc.blocks}
    resolved = ("RESOLVED that the revised opening hours set out in Appendix A be approved "
                "with effect from 1 April 2025.")
    assert (blocks[resolved].item, blocks[resolved].section) == ("2", "Decision")
    publish = "The Head of Libraries & Culture to publish the new timetable by 21/03/2025."
    assert (blocks[publish].item, blocks[publish].section) == ("2", "Decision")
    noted = blocks["The Cabinet Member introduced the report. Members noted:"]
    assert (noted.item, noted.section) == ("2", "Minutes")
    nested = blocks["in particular from rural branches;"]
    assert (nested.kind, nested.level, nested.section) == ("list_item", 1, "Minutes")
    assert blocks["Apologies were received from Councillor Odette Marsh."].item == "1"
    assert blocks["Appendix A opening hours"].section is None
    sale = "RESOLVED that the Director of Place be authorised to complete the sale."
    assert (blocks[sale].item, blocks[sale].section) == ("3", "Decision")
    # the item's span covers its blocks, and nothing from the script/nav/footer chrome leaks in
    item2 = doc.items[1]
    assert item2.start <= blocks[resolved].start < blocks[resolved].end <= item2.end
    assert "script is ignored" not in doc.text and "Bins and recycling" not in doc.text
    assert "PDF 500 KB" not in doc.text
    links = {(lk.url, lk.item, lk.restricted) for lk in doc.links}
    assert links == {
        ("documents/g7001/Agenda frontsheet 06th-Mar-2025 14.00 Cabinet.pdf", None, False),
        ("documents/g7001/Printed minutes 06th-Mar-2025 14.00 Cabinet.pdf", None, False),
        ("documents/s9101/Library review report.pdf", "2", False),
        ("documents/s9102/Appendix A opening hours.pdf", "2", False),
        ("mgConvert2PDF.aspx?ID=9103", "2", False),
        ("documents/s9104/Valuation.pdf", "3", True),
    }
    titles = {lk.url: lk.title for lk in doc.links}
    assert titles["documents/s9101/Library review report.pdf"] == "Library Service Review"


def test_moderngov_agenda_item_page(fixture_bytes) -> None:
    doc = read_bytes(fixture_bytes("moderngov_mgai.html"), "mgai.html")
    assert (doc.committee, doc.meeting_date) == ("Place Scrutiny Committee", date(2025, 2, 12))
    assert doc.meta["moderngov_meeting_id"] == "7010"
    assert [(i.number, i.title, i.moderngov_id) for i in doc.items] == [
        ("7", "Parking Charges 2025/26", "55020")]
    blocks = {doc.text[b.start : b.end]: b for b in doc.blocks}
    limb = blocks["RESOLVED – That Cabinet be recommended to freeze evening tariffs."]
    assert (limb.item, limb.section) == ("7", "Minutes")
    assert [(lk.url, lk.item) for lk in doc.links] == [("documents/s9200/Tariff report.pdf", "7")]
    assert {b.item for b in doc.blocks} == {"7"}  # the page is that one item


def test_moderngov_decision_page(fixture_bytes) -> None:
    doc = read_bytes(fixture_bytes("moderngov_decision.html"), "decision.html")
    assert (doc.committee, doc.meeting_date) == ("Highways Committee", date(2025, 5, 12))
    assert doc.meta["decision_maker"] == "Highways Committee"
    assert doc.meta["moderngov_meeting_id"] == "7120"
    assert doc.title == "Replacement of Street Lighting Columns"
    by_section = [(b.section, doc.text[b.start : b.end]) for b in doc.blocks if b.section]
    assert by_section == [
        ("Purpose", "Purpose:"),
        ("Purpose", "To agree a programme for replacing life-expired lighting columns."),
        ("Decision", "Decision:"),
        ("Decision", "That the five-year replacement programme be approved."),
        ("Decision", "That the Head of Highways report progress to the Committee in "
                     "September 2025."),
    ]
    assert [lk.title for lk in doc.links] == ["Lighting columns report"]


def test_moderngov_issue_history_has_no_single_meeting(fixture_bytes) -> None:
    doc = read_bytes(fixture_bytes("moderngov_issue_history.html"), "issue.html")
    assert doc.meeting_date is None and doc.committee is None
    assert "moderngov_meeting_id" not in doc.meta
    items = [(b.item, b.section, doc.text[b.start : b.end]) for b in doc.blocks if b.section]
    assert items[1] == ("31", "Decision", "That the draft plan be published for consultation.")
    assert ("12", "Decision", "That the final plan be adopted.") in items
    assert ("12", "Minutes", "The Leader thanked officers.") in items


def test_moderngov_entities_and_spacers() -> None:
    page = (b'<div id="modgov"><h3 class="mgSubSubTitleTxt">Decision:</h3><div class="mgWordPara">'
            b'<p class="MsoNormal">Agreed on 22&#47;10&#47;2015 &#40;see&#41;\n  that the\n'
            b'report&#39;s option&#58; B</p><p class="MsoNormal"><span>&nbsp;</span></p></div>'
            b'<p><span class="mgLabel">Date of decision: </span>19&#47;10&#47;2015</p></div>')
    doc = read_bytes(page, "frag.html")
    assert texts(doc) == ["Decision:", "Agreed on 22/10/2015 (see) that the report's option: B",
                          "Date of decision: 19/10/2015"]
    assert doc.meeting_date == date(2015, 10, 19)
    assert doc.blocks[2].section is None


def test_html_in_a_declared_legacy_encoding() -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=windows-1252"></head><body><p>Budget \u2013 \u00a3250 agreed.</p>'
            '</body></html>').encode("cp1252")
    assert texts(read_bytes(page, "old.html")) == ["Budget \u2013 \u00a3250 agreed."]


def test_item_table_without_a_number_cell() -> None:
    page = (b'<div id="modgov"><table id="mgItemTable"><tr><td><p class="mgAiTitleTxt">'
            b'12. Street Trading</p><p class="mgSubItemTitleTxt">Minutes:</p><div '
            b'class="mgWordPara"><p>RESOLVED that the licence be granted.</p></div></td></tr>'
            b'</table></div>')
    doc = read_bytes(page, "items.html")
    assert [(i.number, i.title) for i in doc.items] == [("12", "12. Street Trading")]
    last = doc.blocks[-1]
    assert (doc.text[last.start : last.end], last.item, last.section) == (
        "RESOLVED that the licence be granted.", "12", "Minutes")


def test_article_header_is_content_page_header_is_chrome() -> None:
    page = (b"<html><body><header><p>Skip to content</p></header><article><header><h1>"
            b"Minutes of the meeting held on 2 June 2025</h1></header><p>Noted.</p></article>"
            b"<footer>Cookies</footer></body></html>")
    doc = read_bytes(page, "a.html")
    assert texts(doc) == ["Minutes of the meeting held on 2 June 2025", "Noted."]
