"""Text reader, format sniffing, bad inputs and the meeting date/committee finder."""

from __future__ import annotations

from datetime import date

import pytest

from minutes.errors import ReadError, UnsupportedFormat
from minutes.pipeline.readers import read_bytes, read_path, sniff
from minutes.pipeline.readers.meta import find_meeting, parse_date


def test_text_blocks_and_offsets() -> None:
    data = ("\ufeffAudit Committee – 10 February 2026\n\n"
            "  RESOLVED that the plan be noted.\n(a) first\n")
    doc = read_bytes(data.encode("utf-8"), "m.txt")
    assert doc.format == "text"
    got = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert got == [("paragraph", "Audit Committee – 10 February 2026"),
                   ("paragraph", "RESOLVED that the plan be noted."), ("list_item", "(a) first")]
    assert doc.meeting_date == date(2026, 2, 10)
    assert doc.committee == "Audit Committee"


def test_utf16_text_with_bom() -> None:
    doc = read_bytes("Minutes\r\nRESOLVED that the fee be £5.\r\n".encode("utf-16"), "w.txt")
    assert [doc.text[b.start : b.end] for b in doc.blocks] == [
        "Minutes", "RESOLVED that the fee be £5."]


def test_crlf_text_keeps_offsets() -> None:
    doc = read_bytes(b"Minutes\r\nItem one\r\n", "m.txt")
    assert [doc.text[b.start : b.end] for b in doc.blocks] == ["Minutes", "Item one"]


@pytest.mark.parametrize(("lines", "expected"), [
    (["Minutes of the meeting held on 9 January 2025"], (date(2025, 1, 9), None)),
    (["MINUTES of a meeting of the Cabinet held on Thursday, 30th January, 2025"],
     (date(2025, 1, 30), "Cabinet")),
    (["Planning Board", "Date: Tuesday, 4 March 2025", "Venue: Town Hall"],
     (date(2025, 3, 4), None)),
    (["Licensing Committee - Monday, 7th April, 2025 10.00 am"],
     (date(2025, 4, 7), "Licensing Committee")),
    (["Meeting: 16/07/2024 - Governance Committee (Item 7)"],
     (date(2024, 7, 16), "Governance Committee")),
    (["Harbour Board", "Thursday 17 July 2025"], (date(2025, 7, 17), "Harbour Board")),
    (["Meeting Details", "Committee:", "Licensing Sub-Committee B", "Date/Time:",
      "4 Aug 2025 - 10:00"], (date(2025, 8, 4), "Licensing Sub-Committee B")),
    (["REGULAR MEETING OF THE CITY COUNCIL 07/23/2013"], (date(2013, 7, 23), None)),
    (["OPEN MINUTES Minutes of the meeting of the Harbour Board held at the Quay Offices on "
      "Monday, 2 June 2025 at 6pm. present Chair Ann Lee Members " + "Bo Yu, " * 30],
     (date(2025, 6, 2), "Harbour Board")),
])
def test_meeting_found_in_headings(lines: list[str], expected: tuple) -> None:
    m = find_meeting(lines)
    assert (m.meeting_date, m.committee) == expected


@pytest.mark.parametrize("lines", [
    ["Agenda item", "To approve the minutes of the previous meeting held on 3 March 2025."],
    ["Agenda item", "Minutes", "At its meeting on 13 December 2021, the Committee considered an "
     "item placed on the agenda at the request of the Chair."],
    ["Items", "a) Planning Committee 4 October 2021", "b) Planning Committee 27 October 2021"],
    ["That the minutes of the Fire Authority held on 10th July 2019 be noted."],
    ["Report of the Director", "Publication date: 22/10/2015"],
    ["Introduction", "The work programme for 2025 was discussed."],
])
def test_no_meeting_date_unless_clearly_stated(lines: list[str]) -> None:
    assert find_meeting(lines).meeting_date is None


def test_parse_date_forms() -> None:
    assert parse_date("on 22&c 19/10/2015") == date(2015, 10, 19)
    assert parse_date("MONDAY, 18th JULY, 2005") == date(2005, 7, 18)
    assert parse_date("October 30th 2023") == date(2023, 10, 30)
    assert parse_date("2025-03-06") == date(2025, 3, 6)
    assert parse_date("31/02/2025") is None
    assert parse_date("10.00 am") is None


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n...", "pdf"),
    (b"<?xml version='1.0'?>\n<meeting><meetingid>1</meetingid></meeting>", "moderngov-xml"),
    (b"<committees></committees>", "moderngov-xml"),
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    (b"<div id='modgov'><p>x</p></div>", "html"),
    (b"Minutes\nThe <br> tag in plain text stays text", "text"),
])
def test_sniff(data: bytes, kind: str) -> None:
    assert sniff(data) == kind


@pytest.mark.parametrize(("data", "what"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office"),
    (b"\x00\x01\x02\x03binary", "binary"),
])
def test_unknown_binary_is_unsupported(data: bytes, what: str) -> None:
    with pytest.raises(UnsupportedFormat) as exc:
        read_bytes(data, "paper.bin")
    msg = str(exc.value)
    assert msg.startswith("paper.bin: is not a format minutes can read") and what in msg
    assert "\n" not in msg


def test_bad_text_inputs(tmp_path) -> None:
    with pytest.raises(ReadError, match=r"^m\.txt: is not UTF-8 text \(bad byte at offset 3\)$"):
        read_bytes(b"abc\xff\xfe def", "m.txt")
    with pytest.raises(ReadError, match=r"^e\.txt: is empty"):
        read_bytes(b"  \n\n ", "e.txt")
    missing = tmp_path / "nope.txt"
    with pytest.raises(ReadError, match=r"nope\.txt: no such file$"):
        read_path(missing)
    with pytest.raises(ReadError, match="is a folder, not a file$"):
        read_path(tmp_path)
    docx = tmp_path / "minutes.docx"
    docx.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(UnsupportedFormat, match=r"minutes\.docx: is not a format"):
        read_path(docx)
