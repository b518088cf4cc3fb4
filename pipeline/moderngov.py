"""A ModernGov site: its web service first, its HTML pages when the service is off.

``ModernGovSite(base_url, fetcher)`` lists committees, a committee's meetings in a
date range and one meeting with its agenda items and linked documents, through
``mgWebService.asmx`` (``GetCommittees``, ``GetMeetings``, ``GetMeeting``). When
the service answers an HTTP error or an HTML page instead of XML, the site is
marked "service off" once and the same questions are answered from the pages
(``ieListMeetings.aspx``, ``ieListDocuments.aspx``), with a notice for the clerk.

Parsing is the readers' job (``readers.wsxml``, ``readers.read_bytes``); this
module only decides which address to ask and how to fall back. Only the
meeting-list page, which is navigation rather than a document, is scanned here
for its meeting links.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qsl, quote, urljoin, urlsplit, urlunsplit

from minutes.errors import FetchError, MinutesError, ReadError
from minutes.pipeline.fetch import Fetched, Fetcher
from minutes.records import Document, Link

SERVICE_OFF_NOTICE = "the council's web service is switched off; used its web pages instead"
ROBOTS_NOTICE = "robots.txt disallows the council's web service; used its web pages instead"
_MEETING_PAGES = ("ielistdocuments.aspx", "mgmeetingattendance.aspx")
_INDIRECT_PAGES = ("mgai.aspx", "iedecisiondetails.aspx", "mgissuehistoryhome.aspx")
_NOTE_VERSION = 2
_DOCUMENT_HINTS = re.compile(r"(mgconvert2pdf\.aspx|/documents/|\.pdf$|\.docx?$)", re.I)
_NOT_DOCUMENTS = re.compile(r"(mguserinfo|mgissuehistory|mgmeetingattendance|mglocation|"
                            r"mgcalendar|ielistmeetings|mgcommitteedetails)\.aspx", re.I)


@dataclass(frozen=True)
class CommitteeRef:
    committee_id: str
    title: str | None = None


@dataclass(frozen=True)
class MeetingRef:
    """A meeting as a list shows it."""

    meeting_id: str
    committee_id: str | None = None
    day: date | None = None
    status: str | None = None  # "Confirmed", "Cancelled" ...

    @property
    def cancelled(self) -> bool:
        return (self.status or "").lower().startswith("cancel")


@dataclass
class MeetingPage:
    """One meeting as fetched: the response, what to follow, and the read document."""

    ref: MeetingRef
    fetched: Fetched
    via: str  # "web service" or "web pages"
    links: list[Link] = field(default_factory=list)  # absolute document links to follow
    restricted_items: set[str] = field(default_factory=set)
    committee: str | None = None
    has_minutes: bool = False  # the page carried minutes or decisions when read
    document: Document | None = None  # None when an unchanged page's notes were reused

    @classmethod
    def from_document(cls, ref: MeetingRef, fetched: Fetched, via: str,
                      doc: Document) -> MeetingPage:
        day = ref.day or doc.meeting_date
        minutes = any((b.section or "").lower().startswith(("minute", "decision"))
                      for b in doc.blocks)
        return cls(MeetingRef(ref.meeting_id, ref.committee_id, day, ref.status), fetched, via,
                   follow_links(doc, fetched.url),
                   {i.number for i in doc.items if i.restricted and i.number},
                   doc.committee, minutes, doc)

    def to_note(self) -> str:
        return json.dumps({
            "v": _NOTE_VERSION, "day": self.ref.day.isoformat() if self.ref.day else None,
            "via": self.via, "committee": self.committee, "minutes": self.has_minutes,
            "restricted_items": sorted(self.restricted_items),
            "links": [[k.url, k.title, k.item, k.restricted] for k in self.links]})

    @classmethod
    def from_note(cls, ref: MeetingRef, fetched: Fetched, note: str) -> MeetingPage | None:
        data = json.loads(note)
        if data.get("v") != _NOTE_VERSION:
            return None
        day = ref.day or (date.fromisoformat(data["day"]) if data["day"] else None)
        return cls(MeetingRef(ref.meeting_id, ref.committee_id, day, ref.status), fetched,
                   data["via"], [Link(*k) for k in data["links"]],
                   set(data["restricted_items"]), data["committee"], bool(data["minutes"]))


@dataclass(frozen=True)
class PastedAddress:
    """What a pasted ModernGov address points at."""

    base: str  # the folder holding the mg*.aspx pages
    meeting_id: str | None = None
    committee_id: str | None = None
    page: str | None = None  # an item/decision page that names its meeting


def site_base(url: str) -> str:
    """``https://x/democracy/ieListDocuments.aspx?..`` -> ``https://x/democracy``."""
    parts = urlsplit(url)
    path = parts.path
    at = path.lower().find("/mgwebservice.asmx")
    if at >= 0:
        path = path[:at]
    elif "." in path.rsplit("/", 1)[-1] or path.endswith("/"):
        path = path.rsplit("/", 1)[0]
    return urlunsplit((parts.scheme, parts.netloc, path.rstrip("/"), "", ""))


def parse_address(url: str) -> PastedAddress | None:
    """Recognise a ModernGov meeting, item or decision address (parameters any case)."""
    parts = urlsplit(url.strip())
    page = parts.path.rsplit("/", 1)[-1].lower()
    params = {k.lower(): v for k, v in parse_qsl(parts.query)}
    base = site_base(url)
    if page == "ielistdocuments.aspx" and params.get("mid"):
        return PastedAddress(base, params["mid"], params.get("cid"))
    if page == "mgmeetingattendance.aspx" and params.get("id"):
        return PastedAddress(base, params["id"])
    if page in _INDIRECT_PAGES and (params.get("id") or params.get("aiid")):
        return PastedAddress(base, page=url.strip())
    return None


def document_url(href: str, page_url: str) -> str:
    """An absolute, properly quoted document address (ModernGov paths contain spaces)."""
    absolute = urljoin(page_url, href.strip())
    parts = urlsplit(absolute)
    return urlunsplit(parts._replace(path=quote(parts.path, safe="/%+:@!$&'()*,;=-._~")))


def is_document_link(url: str) -> bool:
    """Whether a link is a paper to ingest (a PDF, an mgConvert2PDF attachment ...)."""
    return bool(_DOCUMENT_HINTS.search(urlsplit(url).path + "?" + urlsplit(url).query)) \
        and not _NOT_DOCUMENTS.search(url)


def looks_like_html(fetched: Fetched) -> bool:
    head = fetched.content[:512].lstrip().lower()
    return (fetched.media_type or "").startswith("text/html") or head.startswith(
        (b"<!doctype html", b"<html"))


class _ServiceOff(Exception):
    pass


class ModernGovSite:
    """Committees, meetings and meeting pages of one ModernGov site."""

    def __init__(self, base_url: str, fetcher: Fetcher) -> None:
        self.base = base_url.rstrip("/")
        if self.base.lower().endswith("/mgwebservice.asmx"):
            self.base = self.base.rsplit("/", 1)[0]
        self.fetcher = fetcher
        self.service_off = False
        self.notices: list[str] = []
        self._titles: dict[str, str | None] | None = None

    # -- the web service -----------------------------------------------------------

    def _service_url(self, method: str, **params: str) -> str:
        query = "&".join(f"{k}={v}" for k, v in params.items())
        return f"{self.base}/mgWebService.asmx/{method}" + (f"?{query}" if query else "")

    def _ask_service(self, method: str, **params: str) -> Fetched:
        """Fetch a web-service answer, or raise _ServiceOff when it is not XML."""
        if self.service_off:
            raise _ServiceOff
        url = self._service_url(method, **params)
        if not self.fetcher.allowed(url):
            self._switch_off(ROBOTS_NOTICE)
            raise _ServiceOff
        try:
            fetched = self.fetcher.get(url)
        except FetchError as exc:
            if exc.status is None or exc.status == 429:
                raise  # the site is down or slowing us down: the pages would fare no better
            self._switch_off()
            raise _ServiceOff from None
        if looks_like_html(fetched):
            self._switch_off()
            raise _ServiceOff
        return fetched

    def _switch_off(self, notice: str = SERVICE_OFF_NOTICE) -> None:
        if not self.service_off:
            self.service_off = True
            self.notices.append(f"{self.base}: {notice}")

    # -- committees and meetings -----------------------------------------------------

    def committees(self) -> list[CommitteeRef]:
        """The site's committees (web service only: the pages list them too loosely)."""
        try:
            fetched = self._ask_service("GetCommittees")
        except _ServiceOff:
            return []
        from minutes.pipeline.readers.wsxml import parse_committees

        try:
            rows = parse_committees(fetched.content, fetched.url)
        except ReadError:
            self._switch_off()
            return []
        return [CommitteeRef(str(c.id), c.title) for c in rows]

    def committee_title(self, committee_id: str | None) -> str | None:
        """The committee's name from GetCommittees (asked once per site), if known."""
        if not committee_id:
            return None
        if self._titles is None:
            try:
                self._titles = {c.committee_id: c.title for c in self.committees()}
            except MinutesError:
                self._titles = {}
        return self._titles.get(str(committee_id))

    def meetings(self, committee_id: str, since: date, until: date) -> list[MeetingRef]:
        """Meetings of ``committee_id`` dated ``since``..``until``, oldest first."""
        try:
            refs = self._meetings_from_service(committee_id, since, until)
        except _ServiceOff:
            refs = self._meetings_from_pages(committee_id, since, until)
        chosen = [r for r in refs if r.day is None or since <= r.day <= until]
        return sorted(chosen, key=lambda r: (r.day or date.min, r.meeting_id))

    def _meetings_from_service(self, committee_id: str, since: date,
                               until: date) -> list[MeetingRef]:
        fetched = self._ask_service("GetMeetings", lCommitteeId=committee_id,
                                    sFromDate=since.strftime("%d/%m/%Y"),
                                    sToDate=until.strftime("%d/%m/%Y"))
        from minutes.pipeline.readers.wsxml import parse_meetings

        try:
            rows = parse_meetings(fetched.content, fetched.url)
        except ReadError:
            self._switch_off()
            raise _ServiceOff from None
        return [MeetingRef(m.meeting_id, m.committee_id or committee_id, m.date, m.status)
                for m in rows]

    def _meetings_from_pages(self, committee_id: str, since: date,
                             until: date) -> list[MeetingRef]:
        found: dict[str, MeetingRef] = {}
        for year in range(since.year - 1, until.year + 1):
            url = f"{self.base}/ieListMeetings.aspx?CId={committee_id}&Year={year}"
            try:
                fetched = self.fetcher.get(url)
            except FetchError as exc:
                if exc.status == 404:
                    continue
                raise
            for ref in meeting_links(fetched.content, url, committee_id):
                found.setdefault(ref.meeting_id, ref)
        return list(found.values())

    # -- one meeting ---------------------------------------------------------------

    def meeting(self, ref: MeetingRef, *, reuse: bool = True) -> MeetingPage:
        """Fetch and read one meeting (its GetMeeting XML, or its ieListDocuments page).

        With ``reuse``, a page whose body is unchanged since it was last read is not
        parsed again: its links come from the note the cache kept.
        """
        from minutes.pipeline.readers import read_bytes

        try:
            fetched = self._ask_service("GetMeeting", lMeetingId=ref.meeting_id)
            via = "web service"
        except _ServiceOff:
            fetched = self.fetcher.get(self.meeting_page_url(ref))
            via = "web pages"
        cache = self.fetcher.cache
        if reuse and cache is not None:
            note = cache.note(fetched.url, fetched.sha256, "meeting")
            page = MeetingPage.from_note(ref, fetched, note) if note else None
            if page is not None:
                return page
        try:
            doc = read_bytes(fetched.content, fetched.url, media_type=fetched.media_type)
        except ReadError:
            if via != "web service":
                raise
            self._switch_off()
            fetched = self.fetcher.get(self.meeting_page_url(ref))
            via = "web pages"
            doc = read_bytes(fetched.content, fetched.url, media_type=fetched.media_type)
        page = MeetingPage.from_document(ref, fetched, via, doc)
        if cache is not None:
            cache.put_note(fetched.url, fetched.sha256, "meeting", page.to_note())
        return page

    def cached_meeting(self, ref: MeetingRef) -> tuple[MeetingPage, float] | None:
        """The meeting as last read, from the cache alone, and when it was last fetched."""
        cache = self.fetcher.cache
        if cache is None:
            return None
        urls = [self.meeting_page_url(ref)]
        if not self.service_off:
            urls.insert(0, self._service_url("GetMeeting", lMeetingId=ref.meeting_id))
        for url in urls:
            hit = cache.get(url)
            if hit is None:
                continue
            record, body = hit
            note = cache.note(url, record.sha256, "meeting")
            fetched = Fetched(url, record.status, body, record.sha256, record.media_type,
                              from_cache=True, changed=False, previous_sha256=record.sha256)
            page = MeetingPage.from_note(ref, fetched, note) if note else None
            if page is not None:
                return page, record.checked_at
        return None

    def meeting_page_url(self, ref: MeetingRef) -> str:
        cid = f"CId={ref.committee_id}&" if ref.committee_id else ""
        return f"{self.base}/ieListDocuments.aspx?{cid}MId={ref.meeting_id}"

    def meeting_named_by(self, page_url: str) -> MeetingRef | None:
        """The meeting an item or decision page links to ("Decided at meeting: ...")."""
        fetched = self.fetcher.get(page_url)
        refs = meeting_links(fetched.content, page_url, None)
        return refs[0] if refs else None


def follow_links(doc: Document, page_url: str) -> list[Link]:
    """The document's links worth ingesting, absolute and without duplicates."""
    seen: set[str] = set()
    out: list[Link] = []
    for link in doc.links:
        url = document_url(link.url, page_url)
        if url in seen or not is_document_link(url):
            continue
        seen.add(url)
        out.append(Link(url, link.title, link.item, link.restricted))
    return out


def meeting_links(data: bytes, page_url: str, committee_id: str | None) -> list[MeetingRef]:
    """Meeting links (``ieListDocuments.aspx?..MId=``) on a list, item or decision page."""
    from bs4 import BeautifulSoup

    from minutes.pipeline.readers.meta import parse_date

    try:
        soup = BeautifulSoup(data, "lxml")
    except Exception as exc:  # lxml refuses some byte soups outright
        raise ReadError(page_url, f"is not a readable web page ({exc})") from None
    refs: list[MeetingRef] = []
    for a in soup.find_all("a", href=True):
        href = str(a["href"])
        parts = urlsplit(urljoin(page_url, href))
        if not parts.path.lower().endswith(_MEETING_PAGES[0]):
            continue
        params = {k.lower(): v for k, v in parse_qsl(parts.query)}
        if not params.get("mid"):
            continue
        row = a.find_parent("li") or a.find_parent("tr") or a
        text = row.get_text(" ", strip=True)
        status = "Cancelled" if "cancel" in text.lower() else None
        refs.append(MeetingRef(params["mid"], params.get("cid") or committee_id,
                               _date_in(a.get_text(" ", strip=True), parse_date), status))
    return refs


def _date_in(text: str, parse_date) -> date | None:  # type: ignore[no-untyped-def]
    try:
        return parse_date(text)
    except (MinutesError, ValueError, OverflowError):
        return None
