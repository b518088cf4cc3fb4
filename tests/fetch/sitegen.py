"""Invented ModernGov sites in the real structure of the web service and the pages.

A ``SiteModel`` (committees -> meetings -> items -> linked documents) is turned
into routes of a ``FixtureServer``: ``mgWebService.asmx/GetCommittees``,
``GetMeetings``, ``GetMeeting`` (XML laid out like ModernGov's: lower-case roots,
dd/mm/yyyy dates, True/False strings, escaped Word HTML), the HTML pages the
fallback reads (``ieListMeetings.aspx``, ``ieListDocuments.aspx``) and the
linked PDFs (``mgConvert2PDF.aspx?ID=``), generated with fpdf2. All council
text here is invented.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from tests.fetch.server import FixtureServer, Reply

XML = "text/xml; charset=utf-8"


@dataclass
class LinkedDoc:
    attachment_id: int
    title: str
    lines: tuple[str, ...]
    restricted: bool = False


@dataclass
class Item:
    item_id: int
    number: str  # printed number, e.g. "5."
    title: str
    minutes: tuple[str, ...] = ()  # paragraphs of the minutes text
    restricted: bool = False
    docs: list[LinkedDoc] = field(default_factory=list)


@dataclass
class Meeting:
    meeting_id: int
    day: date
    status: str = "Confirmed"
    minutes_published: bool = True
    items: list[Item] = field(default_factory=list)


@dataclass
class Committee:
    committee_id: int
    title: str
    meetings: list[Meeting] = field(default_factory=list)


@dataclass
class SiteModel:
    council: str
    committees: list[Committee]

    def meeting(self, meeting_id: int) -> tuple[Committee, Meeting]:
        for c in self.committees:
            for m in c.meetings:
                if m.meeting_id == meeting_id:
                    return c, m
        raise KeyError(meeting_id)


def dmy(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def word_html(paragraphs: tuple[str, ...]) -> str:
    """Paragraphs as ModernGov's Word HTML (``div.WordSection1 > p.MsoNormal``)."""
    body = "\n".join(f'<p class="MsoNormal"><span style="">{html.escape(p)}</span></p>'
                     for p in paragraphs)
    return f'<div class="WordSection1">\n{body}\n</div>\n'


@lru_cache(maxsize=512)
def make_pdf(lines: tuple[str, ...]) -> bytes:
    """A small text PDF made with fpdf2."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


# -- web service XML -----------------------------------------------------------------


def committees_xml(site: SiteModel) -> bytes:
    rows = "".join(f"""  <committee>
    <committeeid>{c.committee_id}</committeeid>
    <committeetitle>{html.escape(c.title)}</committeetitle>
    <committeedeleted>False</committeedeleted>
    <committeeexpired>False</committeeexpired>
    <committeecategory>Decision Making Committees</committeecategory>
  </committee>
""" for c in site.committees)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<committees>\n'
            f"  <committeescount> {len(site.committees)}</committeescount>\n{rows}"
            f"</committees>\n").encode()


def meetings_xml(committee: Committee, since: date, until: date) -> bytes:
    chosen = [m for m in committee.meetings if since <= m.day <= until]
    rows = "".join(f"""      <meeting>
        <meetingid>{m.meeting_id}</meetingid>
        <meetingdate>{dmy(m.day)}</meetingdate>
        <meetingstatus>{m.status}</meetingstatus>
        <meetingtime>10.00 am</meetingtime>
        <iswebcast>False</iswebcast>
      </meeting>
""" for m in chosen)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<getmeetings>
  <meetingscount> {len(chosen)}</meetingscount>
  <committeescount> 1</committeescount>
  <committee>
    <committeeid>{committee.committee_id}</committeeid>
    <committeetitle>{html.escape(committee.title)}</committeetitle>
    <committeemeetingcount> {len(chosen)}</committeemeetingcount>
    <committeemeetings>
{rows}    </committeemeetings>
  </committee>
</getmeetings>
""".encode()


def _tf(flag: bool) -> str:
    return "True" if flag else "False"


def _linked_doc_xml(base: str, committee: Committee, m: Meeting, item: Item,
                    doc: LinkedDoc) -> str:
    return f"""        <linkeddoc>
          <attachmentid>{doc.attachment_id}</attachmentid>
          <title>{html.escape(doc.title)}</title>
          <isurl>False</isurl>
          <url>{base}/mgConvert2PDF.aspx?ID={doc.attachment_id}</url>
          <isrestricted>{_tf(doc.restricted)}</isrestricted>
          <restrictionsRef>{"Paragraph 3" if doc.restricted else ""}
          </restrictionsRef>
          <itemnum>1</itemnum>
          <publicationdate>{dmy(m.day)}</publicationdate>
          <meetingdate>{dmy(m.day)}</meetingdate>
          <decisiondate>{dmy(m.day)}</decisiondate>
          <committeetitle>{html.escape(committee.title)}</committeetitle>
          <isdecisionattachment>False</isdecisionattachment>
          <ownertitle>{html.escape(item.title)}</ownertitle>
        </linkeddoc>
"""


def meeting_xml(base: str, committee: Committee, m: Meeting) -> bytes:
    items = []
    for n, item in enumerate(m.items, start=1):
        minutes = "" if item.restricted or not m.minutes_published else word_html(item.minutes)
        docs = "".join(_linked_doc_xml(base, committee, m, item, d) for d in item.docs)
        items.append(f"""    <agendaitem>
      <agendaitemid>{item.item_id}</agendaitemid>
      <agendaitemtitle>{html.escape(item.title)}</agendaitemtitle>
      <agendatext>{html.escape(word_html(("To consider the report.",)))}</agendatext>
      <actualmeetingdate>{dmy(m.day)}</actualmeetingdate>
      <agendaitemnumber>{n + 2}</agendaitemnumber>
      <agendaitemsubnumber>
      </agendaitemsubnumber>
      <fulldisplaynumberformat>{item.number}</fulldisplaynumberformat>
      <authorusername>
      </authorusername>
      <commentlabel1>Presented By</commentlabel1>
      <commenttext1>
      </commenttext1>
      <commentlabel2>Actions</commentlabel2>
      <commenttext2>
      </commenttext2>
      <minutesnonemptyhtmlbody>{html.escape(minutes)}</minutesnonemptyhtmlbody>
      <declarationcount>0</declarationcount>
      <iscallin>False</iscallin>
      <iscomment>False</iscomment>
      <isdecision>True</isdecision>
      <isdecisionpublished>False</isdecisionpublished>
      <isminutepublished>{_tf(m.minutes_published)}</isminutepublished>
      <ispubliccanspeak>False</ispubliccanspeak>
      <isrestricted>{_tf(item.restricted)}</isrestricted>
      <isdisplayallowed>True</isdisplayallowed>
      <meetingdate>{dmy(m.day)}</meetingdate>
      <meetingtime>10.00 am</meetingtime>
      <minutesitemnumber>{n}</minutesitemnumber>
      <minutesitemsubnumber>
      </minutesitemsubnumber>
      <preferreddate>{dmy(m.day)}</preferreddate>
      <refertocommittee>{html.escape(committee.title)}</refertocommittee>
      <linkeddocuments>
{docs}      </linkeddocuments>
    </agendaitem>
""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<meeting>
  <meetingid>{m.meeting_id}</meetingid>
  <meetingdate>{dmy(m.day)}</meetingdate>
  <meetingstatus>{m.status}</meetingstatus>
  <isdisplayallowed>True</isdisplayallowed>
  <meetingtime>10.00 am</meetingtime>
  <meetingactualstarttime>
  </meetingactualstarttime>
  <meetingplannedfinishtime>12.00 pm</meetingplannedfinishtime>
  <meetingactualfinishtime>
  </meetingactualfinishtime>
  <meetinglocation>Committee Room 2, Civic Centre</meetinglocation>
  <iswebcast>False</iswebcast>
  <agendaid>{m.meeting_id}</agendaid>
  <agendapublished>True</agendapublished>
  <decisionpublished>False</decisionpublished>
  <minutepublished>{_tf(m.minutes_published)}</minutepublished>
  <meetingroom>
  </meetingroom>
  <agendaitems>
{"".join(items)}  </agendaitems>
  <attendees>
    <attendee membertype="U" memberid="41" name="Councillor Rowan Ashby" \
roledescription="Chair" attendance="Present" politicalparty="IND" ward="Millbrook">
      <url>{base}/mgUserInfo.aspx?UID=41</url>
      <photosmallurl>
      </photosmallurl>
      <photobigurl>
      </photobigurl>
    </attendee>
  </attendees>
</meeting>
""".encode()


# -- HTML pages (fallback) -------------------------------------------------------------


def _page(title: str, content: str) -> bytes:
    return f"""<!DOCTYPE html>
<html lang="en"><head><title>{html.escape(title)}</title></head>
<body><div id="modgov"><div class="mgHeader"><h1 class="mgMainTitleTxt">{html.escape(title)}</h1>
</div>
<div class="mgContent">
{content}
</div>
<div class="mgFooter"><p>&nbsp;</p></div>
</div></body></html>
""".encode()


def meetings_list_html(committee: Committee, year: int) -> bytes:
    rows = "".join(
        f'<li><a href="ieListDocuments.aspx?CId={committee.committee_id}&amp;MId={m.meeting_id}'
        f'&amp;Ver=4">{m.day.day} {m.day.strftime("%b %Y")} 10.00 am</a>'
        f'{" (Cancelled)" if m.status == "Cancelled" else ""}</li>\n'
        for m in committee.meetings if m.day.year == year)
    return _page(f"Browse meetings - {committee.title}",
                 f'<ul class="mgBulletList">\n{rows}</ul>')


def meeting_page_html(committee: Committee, m: Meeting) -> bytes:
    rows = []
    for item in m.items:
        docs = "".join(
            f'<li><a href="mgConvert2PDF.aspx?ID={d.attachment_id}" title="Link to file">'
            f'{html.escape(d.title)} <span class="mgFileSize">PDF 20 KB</span></a></li>\n'
            for d in item.docs if not d.restricted)
        minutes = "" if item.restricted or not m.minutes_published else (
            '<p class="mgSubItemTitleTxt">Minutes:</p>\n'
            f'<div class="mgWordPara">{word_html(item.minutes)}</div>\n')
        docs += "".join(
            f'<li>Restricted enclosure <a href="mgIssueHistoryHome.aspx?IId={d.attachment_id}'
            f'">View the reasons why document {item.number}/{n} is restricted</a></li>\n'
            for n, d in enumerate(item.docs, start=1) if d.restricted)
        note = ("<p>This item is not for publication by virtue of Paragraph 3 of Part 1 of "
                "Schedule 12A to the Local Government Act 1972.</p>\n") if item.restricted else ""
        rows.append(f"""<tr>
<td class="mgItemNumberCell"><p class="mgAiTitleTxt">{item.number}</p></td>
<td><p class="mgAiTitleTxt">{html.escape(item.title)}</p>
{note}<div class="mgWordPara">{word_html(("To consider the report.",))}</div>
{minutes}<ul class="mgBulletList">
{"".join(docs)}</ul>
</td></tr>
""")
    title = f"Agenda for {committee.title} on {m.day.strftime('%A, %d %B, %Y')}, 10.00 am"
    table = f'<table class="mgItemTable">\n{"".join(rows)}</table>'
    return _page(title, table)


# -- routes ----------------------------------------------------------------------------


def _parse_dmy(text: str) -> date:
    d, m, y = (int(x) for x in text.split("/"))
    return date(y, m, d)


def serve_site(server: FixtureServer, site: SiteModel, *, service: bool = True,
               service_off_reply: Reply | None = None) -> None:
    """Add every route of ``site`` to ``server``; ``service=False`` switches the XML off."""
    base = server.base
    ws = "mgWebService.asmx/"
    off = service_off_reply or Reply(
        _page("Error", "<p>The web service is not available.</p>"), status=200)
    committees = {str(c.committee_id): c for c in site.committees}

    def get_meetings(params: dict[str, str], _n: int) -> Reply:
        if not service:
            return off
        c = committees.get(params.get("lcommitteeid", ""))
        if c is None:
            return Reply(b"<html><body>Runtime Error</body></html>", status=500)
        return Reply(meetings_xml(c, _parse_dmy(params["sfromdate"]),
                                  _parse_dmy(params["stodate"])), content_type=XML)

    server.add_dynamic(ws + "GetMeetings", get_meetings)
    server.add(ws + "GetCommittees", Reply(committees_xml(site), content_type=XML)
               if service else off)
    for c in site.committees:
        for y in sorted({m.day.year for m in c.meetings}):
            server.add(f"ieListMeetings.aspx?CId={c.committee_id}&Year={y}",
                       Reply(meetings_list_html(c, y)))
        for m in c.meetings:
            server.add(f"{ws}GetMeeting?lMeetingId={m.meeting_id}",
                       Reply(meeting_xml(base, c, m), content_type=XML) if service else off)
            page = Reply(meeting_page_html(c, m))
            server.add(f"ieListDocuments.aspx?CId={c.committee_id}&MId={m.meeting_id}", page)
            server.add(f"ieListDocuments.aspx?MId={m.meeting_id}", page)
            for item in m.items:
                for d in item.docs:
                    server.add(f"mgConvert2PDF.aspx?ID={d.attachment_id}",
                               Reply(b"<html><body>Access denied</body></html>", status=403)
                               if d.restricted or item.restricted else
                               Reply(make_pdf(d.lines), content_type="application/pdf"))
