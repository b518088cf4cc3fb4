"""ModernGov web-service XML (``mgWebService.asmx``): GetMeeting, GetCommittees, GetMeetings.

Roots are lower-case elements without a namespace; dates are dd/mm/yyyy,
booleans "True"/"False", and empty elements hold whitespace. Item minutes come
as escaped Word HTML in ``minutesnonemptyhtmlbody`` and are read with the HTML
reader's block logic. A service that answers with an HTML page raises a
``ReadError`` saying so, so callers can fall back to the HTML pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from minutes.errors import ReadError
from minutes.pipeline.readers.build import TextBuilder, make_document, squash
from minutes.pipeline.readers.html import BlockWalker, Ctx, parse_html
from minutes.records import AgendaItem, Document, Link

if TYPE_CHECKING:
    from lxml.etree import _Element

_HTML_PAGE = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                        re.IGNORECASE | re.DOTALL)
# Item fields holding escaped Word HTML, in the order the meeting page shows them.
_HTML_FIELDS = (("agendatext", None), ("minutesnonemptyhtmlbody", "Minutes"))
_DECISION_FIELD = re.compile(r"^decision\w*(?:html|text|body)$")


@dataclass(frozen=True)
class Committee:
    """One committee of a GetCommittees answer."""

    id: str
    title: str
    expired: bool = False
    deleted: bool = False
    category: str | None = None


@dataclass(frozen=True)
class MeetingStub:
    """One meeting of a GetMeetings answer."""

    meeting_id: str
    date: date | None
    status: str | None
    committee_id: str | None
    time: str | None = None


def _local(el: _Element) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1].lower()


def _child(el: _Element, name: str) -> _Element | None:
    for c in el:
        if _local(c) == name:
            return c
    return None


def _text(el: _Element, name: str) -> str | None:
    """The stripped text of child ``name`` (None when missing or blank)."""
    c = _child(el, name)
    if c is None:
        return None
    value = (c.text or "").strip()
    return value or None


def _flag(el: _Element, name: str) -> bool:
    return (_text(el, name) or "").lower() == "true"


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.strptime(value.strip(), "%d/%m/%Y").date()
    except ValueError:
        return None


def parse_root(data: bytes, source: str, *expected: str) -> _Element:
    """Parse web-service XML whose root is one of ``expected``; else a one-line ReadError."""
    from lxml import etree

    if not data.strip():
        raise ReadError(source, "is empty (no web-service XML)")
    if _HTML_PAGE.match(data[:2048]):
        raise ReadError(source, "answered with an HTML page, not web-service XML")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ReadError(source, f"is not well-formed XML ({exc.msg})") from None
    tag = _local(root)
    if tag == "html":
        raise ReadError(source, "answered with an HTML page, not web-service XML")
    if tag not in expected:
        raise ReadError(source, f"is web-service XML <{tag}>, expected <{'> or <'.join(expected)}>")
    return root


def _walk_html(walker: BlockWalker, html: str, section: str | None) -> None:
    """Append the blocks of an escaped-Word-HTML field, stamped with ``section``."""
    soup = parse_html(html)
    walker.section = section
    walker.visit(soup.find("body") or soup, Ctx())
    walker.section = None


def item_number(item: _Element) -> str | None:
    """The printed number: ``fulldisplaynumberformat`` ("9."), not the internal one."""
    printed = _text(item, "fulldisplaynumberformat")
    if printed:
        return printed.rstrip(".").strip() or None
    number = _text(item, "minutesitemnumber") or _text(item, "agendaitemnumber")
    sub = _text(item, "minutesitemsubnumber") or _text(item, "agendaitemsubnumber")
    return f"{number}{sub}" if number and sub else number


def read_meeting_xml(data: bytes, source: str) -> Document:
    """Read a GetMeeting answer: meeting date/committee, items with minutes, linked docs."""
    root = parse_root(data, source, "meeting")
    walker = BlockWalker(TextBuilder())
    out = walker.out
    meeting_date = _date(_text(root, "meetingdate"))
    docs = root.iter("{*}linkeddoc")
    committee = _text(root, "committeetitle") or next(
        (t for t in (_text(d, "committeetitle") for d in docs) if t), None)
    when = " ".join(x for x in (_text(root, "meetingdate"), _text(root, "meetingtime")) if x)
    title = " - ".join(x for x in (committee or "Meeting", when) if x)
    status = _text(root, "meetingstatus")
    out.add(title + (f" ({status})" if status and status.lower() == "cancelled" else ""),
            "heading", level=1)

    items: list[AgendaItem] = []
    links: list[Link] = []
    agendaitems = _child(root, "agendaitems")
    for item in (agendaitems if agendaitems is not None else []):
        if _local(item) != "agendaitem":
            continue
        number = item_number(item)
        restricted = _flag(item, "isrestricted")
        item_title = squash(_text(item, "agendaitemtitle") or "") or None
        walker.item, walker.section = number, None
        first = len(out.blocks)
        out.section_break()
        out.add(" ".join(x for x in (number and f"{number}.", item_title) if x) or "Item",
                "heading", level=2, item=number)
        if not restricted:
            for field_name, section in _HTML_FIELDS:
                html = _text(item, field_name)
                if html:
                    if section:
                        out.add(f"{section}:", "heading", level=4, item=number, section=section)
                    _walk_html(walker, html, section)
            for c in item:
                if _DECISION_FIELD.match(_local(c)) and (c.text or "").strip():
                    out.add("Decision:", "heading", level=4, item=number, section="Decision")
                    _walk_html(walker, c.text, "Decision")
        blocks = out.blocks[first:]
        items.append(AgendaItem(number=number, title=item_title, start=blocks[0].start,
                                end=blocks[-1].end, restricted=restricted,
                                moderngov_id=_text(item, "agendaitemid")))
        for doc in item.iter("{*}linkeddoc"):
            url = _text(doc, "url")
            if url:
                links.append(Link(url=url, title=squash(_text(doc, "title") or "") or None,
                                  item=number, restricted=restricted or _flag(doc, "isrestricted")))
    walker.item = None
    meta = {"moderngov_meeting_id": _text(root, "meetingid") or ""}
    if _text(root, "committeeid"):
        meta["moderngov_committee_id"] = _text(root, "committeeid") or ""
    if status:
        meta["meeting_status"] = status
    meta = {k: v for k, v in meta.items() if v}
    return make_document(source, data, "moderngov-xml", out, title=title, committee=committee,
                         meeting_date=meeting_date, items=items, links=links, meta=meta)


def parse_committees(data: bytes, source: str = "GetCommittees") -> list[Committee]:
    """The committees of a GetCommittees answer."""
    root = parse_root(data, source, "committees")
    out = []
    for c in root.iter("{*}committee"):
        cid, title = _text(c, "committeeid"), _text(c, "committeetitle")
        if cid and title:
            out.append(Committee(id=cid, title=squash(title), expired=_flag(c, "committeeexpired"),
                                 deleted=_flag(c, "committeedeleted"),
                                 category=_text(c, "committeecategory")))
    return out


def parse_meetings(data: bytes, source: str = "GetMeetings") -> list[MeetingStub]:
    """The meeting stubs of a GetMeetings answer, with their committee's id."""
    root = parse_root(data, source, "getmeetings")
    out = []
    for committee in root.iter("{*}committee"):
        cid = _text(committee, "committeeid")
        for m in committee.iter("{*}meeting"):
            mid = _text(m, "meetingid")
            if mid:
                out.append(MeetingStub(meeting_id=mid, date=_date(_text(m, "meetingdate")),
                                       status=_text(m, "meetingstatus"), committee_id=cid,
                                       time=_text(m, "meetingtime")))
    return out
