"""ModernGov pages: meeting (ieListDocuments), agenda item (mgAi), decision
(ieDecisionDetails) and issue history (mgIssueHistoryHome).

Everything ModernGov renders sits in ``div#modgov``; agenda items are rows of
``table.mgItemTable``; sub-sections open at ``p.mgSubItemTitleTxt`` or
``h3.mgSubSubTitleTxt`` ("Decision:", "Minutes:"); metadata rows are
``<p><span class="mgLabel">Label: </span>value</p>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlsplit

from minutes.pipeline.readers.build import make_document, squash
from minutes.pipeline.readers.html import (
    DOC_HREF,
    BlockWalker,
    Ctx,
    content_root,
    page_title,
)
from minutes.pipeline.readers.meta import find_meeting, parse_date
from minutes.records import AgendaItem, Block, Document, Link

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

_MG_CLASS = re.compile(r"^mg(?:ItemTable|MainTitleTxt|SubTitleTxt|AiTitleTxt|WordPara"
                       r"|SubItemTitleTxt|SubSubTitleTxt|Label|Content|TabTable|MainTxt"
                       r"|BulletList)$")
_MEETING_LINE = re.compile(
    r"^(?:meeting|decided at meeting)\s*:\s*(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*[–-]\s*(?P<name>.+?)"
    r"(?:\s*\((?:item|minute)\s*(?P<item>[^)\s]+?)\.?\))?\s*$", re.IGNORECASE)
_NUMBER = re.compile(r"^\s*(\(?[0-9]{1,4}[a-z]?(?:\.[0-9a-z]{1,3})*\)?)[.)]?(?:\s+|$)",
                     re.IGNORECASE)
_DOCS_LABEL = re.compile(r"documents?|attachments?|enclosures?|background papers", re.IGNORECASE)
_RESTRICTED = re.compile(r"restricted enclosure|not for publication", re.IGNORECASE)
_RESTRICTED_TITLE = re.compile(r"\b(?:restricted|exempt|confidential|part (?:2|ii))\b",
                               re.IGNORECASE)


def is_moderngov(soup: BeautifulSoup) -> bool:
    """True when the page is rendered by ModernGov (div#modgov or its mg* classes)."""
    if soup.find(id=["modgov", "mgItemTable"]):
        return True
    return soup.find(class_=_MG_CLASS) is not None


def clean_number(text: str | None) -> str | None:
    """ "4." -> "4", "12a." -> "12a"; None when there is no number."""
    if not text:
        return None
    text = squash(text).rstrip(".").strip()
    return text or None


def section_name(label: str) -> str | None:
    """ "Decision:" -> "Decision"; document lists ("Supporting documents:") -> None."""
    name = squash(label).rstrip(":").strip()
    if not name or _DOCS_LABEL.search(name):
        return None
    return name


def query(url: str) -> dict[str, str]:
    """The URL's query parameters with lower-case names."""
    return {k.lower(): v for k, v in parse_qsl(urlsplit(url).query)}


def _has_class(el: Tag, name: str) -> bool:
    return name in (el.get("class") or ())


@dataclass
class _Page:
    items: list[AgendaItem] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    meetings: list[tuple[str, str]] = field(default_factory=list)  # (date, committee)
    rows: dict[int, str | None] = field(default_factory=dict)  # id(item row) -> number


class ModernGovWalker(BlockWalker):
    """Block walker that knows ModernGov's item table, sub-sections and labels."""

    drop_classes = frozenset({"mgHide", "mgFileSize", "mgBreadCrumb", "mgHeaderBar"})

    def __init__(self) -> None:
        super().__init__()
        self.page = _Page()

    def visit(self, el: Tag, ctx: Ctx) -> None:
        if el.name == "table" and (_has_class(el, "mgItemTable") or el.get("id") == "mgItemTable"):
            self._item_table(el, ctx)
            return
        if _has_class(el, "mgSubItemTitleTxt") or _has_class(el, "mgSubSubTitleTxt"):
            self.section = section_name(el.get_text())
            self.emit(self.inline_text(el), Ctx(kind="heading", level=4))
            return
        if el.name == "p" and (_has_class(el, "mgLabel") or el.find("span", class_="mgLabel")):
            self.section = None
            self._label(el)
        super().visit(el, ctx)

    def emit(self, text: str, ctx: Ctx) -> Block | None:
        """Append a block; a "Meeting: dd/mm/yyyy - Committee (Item 7)" line opens item 7."""
        m = _MEETING_LINE.match(squash(text))
        if m:
            self.page.meetings.append((m.group("date"), squash(m.group("name"))))
            self.section = None
            if m.group("item"):
                self.item = clean_number(m.group("item"))
        return super().emit(text, ctx)

    def _label(self, p: Tag) -> None:
        span = p.find("span", class_="mgLabel") or p
        label = squash(span.get_text()).rstrip(":").strip().lower()
        value = squash(p.get_text())[len(squash(span.get_text())):].strip()
        if label and value:
            self.page.labels.setdefault(label, value)

    def _item_table(self, table: Tag, ctx: Ctx) -> None:
        for tr in table.find_all("tr"):
            if tr.find_parent("table") is not table:
                continue
            cells = tr.find_all("td", recursive=False)
            if not cells:
                continue
            num_cell = tr.find("td", class_="mgItemNumberCell")
            number = clean_number(num_cell.get_text()) if num_cell else None
            body = [c for c in cells if c is not num_cell]
            if not body:
                continue
            title_p = body[0].find("p", class_="mgAiTitleTxt")
            title = squash(self.inline_text(title_p)) if title_p else None
            lead = _NUMBER.match(title or "")
            if number is None and lead:  # some councils print "4. Title" in one cell
                number = clean_number(lead.group(1))
            self.item, self.section = number, None
            start = self.out.pos
            n_before = len(self.out.blocks)
            heading = " ".join(x for x in (num_cell and squash(num_cell.get_text()), title) if x)
            self.emit(heading, Ctx(kind="heading", level=3))
            for cell in body:
                for child in cell.children:
                    if child is title_p or getattr(child, "name", None) is None:
                        if getattr(child, "name", None) is None and squash(str(child)):
                            self.emit(str(child), ctx)
                        continue
                    if not self.dropped(child):
                        self.visit(child, ctx)
            blocks = self.out.blocks[n_before:]
            end = blocks[-1].end if blocks else start
            restricted = bool(_RESTRICTED_TITLE.search(title or "")
                              or _RESTRICTED.search(squash(tr.get_text())))
            self.page.rows[id(tr)] = number
            self.page.items.append(AgendaItem(
                number=number, title=title, start=blocks[0].start if blocks else start, end=end,
                restricted=restricted, moderngov_id=_item_id(tr)))
        self.item, self.section = None, None

    def link_of(self, a: Tag, number: str | None) -> Link | None:
        """A Link for a document anchor (None for other anchors)."""
        href = a["href"].strip()
        if not DOC_HREF.search(href):
            return None
        title = squash(self.inline_text(a)) or squash(a.get("title") or "") or None
        context = " ".join([title or "", a.get("title") or "", squash(a.parent.get_text())])
        return Link(url=href, title=title, item=number,
                    restricted=bool(re.search(r"\brestricted\b", context, re.IGNORECASE)))


def _item_id(tr: Tag) -> str | None:
    """The ModernGov agenda item id from the row's mgAi/decision links."""
    for a in tr.find_all("a", href=True):
        q = query(a["href"])
        href = a["href"].lower()
        if "mgai.aspx" in href and q.get("id"):
            return q["id"]
        if "aiid" in q:
            return q["aiid"]
    return None


def _ids(soup: BeautifulSoup, meetings: int) -> dict[str, str]:
    """moderngov_meeting_id / moderngov_committee_id from the page URL or its links."""
    urls: list[str] = []
    for sel, attr in (("form", "action"), ("link[rel=canonical]", "href"),
                      ("meta[property='og:url']", "content")):
        urls += [el.get(attr) or "" for el in soup.select(sel)]
    if meetings <= 1:
        urls += [a["href"] for a in soup.find_all("a", href=True)
                 if re.search(r"ieListDocuments|mgMeetingAttendance|mgCommitteeDetails",
                              a["href"], re.IGNORECASE)]
    out: dict[str, str] = {}
    for url in urls:
        q = query(url)
        low = url.lower()
        if "mid" in q:
            out.setdefault("moderngov_meeting_id", q["mid"])
        if "cid" in q:
            out.setdefault("moderngov_committee_id", q["cid"])
        if "mgmeetingattendance" in low and "id" in q:
            out.setdefault("moderngov_meeting_id", q["id"])
        if "mgcommitteedetails" in low and "id" in q:
            out.setdefault("moderngov_committee_id", q["id"])
    if meetings <= 1 and "moderngov_meeting_id" not in out:
        for a in soup.find_all("a", href=True):
            m = re.search(r"documents/g(\d+)/", a["href"])
            if m:
                out["moderngov_meeting_id"] = m.group(1)
                break
    return out


def read_moderngov(soup: BeautifulSoup, data: bytes, source: str) -> Document:
    """Read a ModernGov page: blocks with item/section, agenda items, links, meeting."""
    root = soup.find(id="modgov") or content_root(soup)
    walker = ModernGovWalker()
    walker.visit(root, Ctx())
    page = walker.page
    for a in root.find_all("a", href=True):
        row = next((tr for tr in a.find_parents("tr") if id(tr) in page.rows), None)
        link = walker.link_of(a, page.rows[id(row)] if row is not None else None)
        if link:
            page.links.append(link)

    heads = [squash(h.get_text()) for h in root.find_all(("h1", "h2"))[:4]]
    title = page_title(soup)
    distinct = set(page.meetings)
    meta = _ids(soup, len(distinct))
    labels = page.labels
    meeting_date = committee = None
    if len(distinct) == 1:  # "Meeting:" / "Decided at meeting:" names it
        day, committee = next(iter(distinct))
        meeting_date = parse_date(day)
    elif not distinct:  # several meetings (issue history): no one date
        text = walker.out.text()
        body = [text[b.start : b.end] for b in walker.out.blocks[:80]]
        found = find_meeting([h for h in heads if h] + [title or ""] + body)
        meeting_date, committee = found.meeting_date, found.committee
        if meeting_date is None and "date of decision" in labels:
            meeting_date = parse_date(labels["date of decision"])
    if "decision maker" in labels:
        meta["decision_maker"] = labels["decision maker"]
    items, blocks, links = page.items, walker.out.blocks, page.links
    if not items and re.search(r"agenda item", " ".join(heads), re.IGNORECASE):
        items = _single_item(walker, soup)
        number = items[0].number if items else None
        if number:  # everything on an mgAi page belongs to its one item
            blocks = [b if b.item else replace(b, item=number) for b in blocks]
            links = [replace(lk, item=lk.item or number) for lk in links]
    walker.out.blocks = blocks
    sub = soup.find(class_="mgSubTitleTxt")
    return make_document(
        source, data, "html", walker.out, title=(squash(sub.get_text()) if sub else None) or title,
        committee=committee, meeting_date=meeting_date, items=items, links=links, meta=meta)


def _single_item(walker: ModernGovWalker, soup: BeautifulSoup) -> list[AgendaItem]:
    """The one agenda item an mgAi.aspx page shows."""
    sub = soup.find(class_="mgSubTitleTxt")
    if sub is None:
        return []
    title = squash(sub.get_text())
    number = walker.item
    m = _NUMBER.match(title)
    if number is None and m:
        number = clean_number(m.group(1))
    aid = None
    for url in [f.get("action") or "" for f in soup.find_all("form")]:
        if "mgai.aspx" in url.lower():
            aid = query(url).get("id")
    text = walker.out.text()
    return [AgendaItem(number=number, title=title, start=0, end=len(text),
                       restricted=bool(_RESTRICTED.search(title)), moderngov_id=aid)]
