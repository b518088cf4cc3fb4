"""ModernGov web-service XML: GetMeeting, GetCommittees, GetMeetings and HTML error pages."""

from __future__ import annotations

from datetime import date

import pytest

from minutes.errors import ReadError
from minutes.pipeline.readers import read_bytes
from minutes.pipeline.readers.wsxml import (
    Committee,
    MeetingStub,
    parse_committees,
    parse_meetings,
    read_meeting_xml,
)

from .helpers import texts


def test_getmeeting_items_minutes_and_links(fixture_bytes) -> None:
    doc = read_bytes(fixture_bytes("getmeeting_restricted.xml"), "m8120.xml")
    assert doc.format == "moderngov-xml"
    assert (doc.meeting_date, doc.committee) == (date(2025, 3, 18), "Environment Committee")
    assert doc.meta == {"moderngov_meeting_id": "8120", "meeting_status": "Confirmed"}
    # printed numbers (fulldisplaynumberformat), not the internal agendaitemnumber
    assert [(i.number, i.title, i.restricted, i.moderngov_id) for i in doc.items] == [
        ("1", "Declarations of Interest", False, "30101"),
        ("4", "Allotment Rents", False, "30105"),
        ("8", "Depot Lease Negotiations", True, "30109"),
    ]
    assert texts(doc) == [
        "Environment Committee - 18/03/2025 6.30 pm",
        "1. Declarations of Interest", "Minutes:", "No declarations were made.",
        "4. Allotment Rents", "Report of the Head of Parks and Open Spaces.", "Minutes:",
        "RESOLVED –", "(1) That allotment rents rise by 3% from 1 October 2025.",
        "(2) That the Head of Parks write to all tenants by 30 June 2025.",
        "8. Depot Lease Negotiations",
    ]
    limb = next(b for b in doc.blocks if doc.text[b.start : b.end].startswith("(2) That"))
    assert (limb.item, limb.section) == ("4", "Minutes")
    assert "SECRET" not in doc.text and "Exempt under" not in doc.text
    item4 = doc.items[1]
    assert doc.text[item4.start : item4.end].startswith("4. Allotment Rents")
    assert doc.text[item4.start : item4.end].endswith("by 30 June 2025.")
    assert [(lk.url.rsplit("=", 1)[1], lk.title, lk.item, lk.restricted) for lk in doc.links] == [
        ("77001", "Allotment rents report", "4", False),
        ("77002", "Tenant list", "4", True),
        ("77003", "Heads of terms", "8", True),  # the item is restricted
    ]


def test_cancelled_meeting_without_items_still_reads() -> None:
    xml = (b"<?xml version='1.0'?><meeting><meetingid>9</meetingid><meetingdate>13/01/2026"
           b"</meetingdate><meetingstatus>Cancelled</meetingstatus><agendaitems>\n  </agendaitems>"
           b"</meeting>")
    doc = read_meeting_xml(xml, "m9.xml")
    assert texts(doc) == ["Meeting - 13/01/2026 (Cancelled)"]
    assert doc.items == [] and doc.meeting_date == date(2026, 1, 13)


def test_parse_committees(fixture_bytes) -> None:
    assert parse_committees(fixture_bytes("getcommittees.xml")) == [
        Committee("140", "Cabinet", expired=False, deleted=False, category="Executive"),
        Committee("99", "Old Towns Fund Board", expired=True, deleted=True, category=None),
    ]


def test_parse_meetings(fixture_bytes) -> None:
    assert parse_meetings(fixture_bytes("getmeetings.xml")) == [
        MeetingStub("7001", date(2025, 3, 6), "Confirmed", "140", "2.00 pm"),
        MeetingStub("7002", date(2025, 4, 3), "Cancelled", "140", "2.00 pm"),
        MeetingStub("8120", date(2025, 3, 18), "Confirmed", "150", "6.30 pm"),
    ]


@pytest.mark.parametrize("parse", [read_meeting_xml, parse_committees, parse_meetings])
def test_html_error_page_instead_of_xml(fixture_bytes, parse) -> None:
    with pytest.raises(ReadError) as exc:
        parse(fixture_bytes("webservice_error_page.xml"), "https://x.example/mgWebService.asmx")
    assert str(exc.value) == ("https://x.example/mgWebService.asmx: answered with an HTML page, "
                              "not web-service XML")


def test_html_from_the_web_service_url_is_an_error(fixture_bytes) -> None:
    url = "https://x.example/mgWebService.asmx/GetMeeting?lMeetingId=5"
    with pytest.raises(ReadError, match="answered with an HTML page, not web-service XML$"):
        read_bytes(fixture_bytes("webservice_error_page.xml"), url, media_type="text/html")
    assert read_bytes(fixture_bytes("webservice_error_page.xml"), "error.html").format == "html"


def test_bad_xml(fixture_bytes) -> None:
    with pytest.raises(ReadError, match=r"^c\.xml: is not well-formed XML"):
        parse_committees(b"<committees><committee>", "c.xml")
    with pytest.raises(ReadError, match=r"^m\.xml: is web-service XML <committees>, expected "
                                        r"<meeting>$"):
        read_bytes(fixture_bytes("getcommittees.xml"), "m.xml")
    with pytest.raises(ReadError, match="is empty"):
        parse_meetings(b"  ", "g.xml")
