"""Generic HTML reader: one block per heading, paragraph, list item or table cell.

Page chrome (script, style, nav, header, footer ...) is dropped, entities are
decoded and whitespace collapsed, so Word HTML hard-wrapped inside sentences
reads as one line per paragraph, like the same minutes as plain text.
ModernGov pages are handed to ``moderngov.py``, which reuses ``BlockWalker``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from minutes.errors import ReadError
from minutes.pipeline.readers.build import TextBuilder, make_document, squash
from minutes.pipeline.readers.meta import MeetingMeta, find_meeting, parse_date
from minutes.records import Block, BlockKind, Document, Link

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "nav", "header", "footer", "head", "iframe",
    "svg", "select", "option", "button", "input", "textarea", "object", "embed", "map",
    "canvas", "audio", "video", "img", "meta", "link",
})
BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr",
    "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
    "article", "main", "aside", "pre", "form", "fieldset", "legend", "figure", "figcaption",
    "address", "center", "body", "html", "hr", "br", "menu", "details", "summary",
})
HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Document files and the file handlers of ModernGov, CMIS, Legistar, Granicus and CivicPlus.
DOC_HREF = re.compile(
    r"\.(?:pdf|docx?|odt|rtf|xlsx?)(?:$|[?#])|(?:^|/)documents/[sgb]\d+/|mgConvert2PDF\.aspx|"
    r"Document\.ashx|View\.ashx\?M=[AMF]\b|MinutesViewer\.php|AgendaViewer\.php|/ViewFile/",
    re.IGNORECASE)
LISTING_DATES = 3
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@dataclass(frozen=True)
class Ctx:
    """What a run of text inherits from its enclosing elements."""

    kind: BlockKind = "paragraph"
    level: int = 0
    lists: int = 0
    table: int | None = None
    row: int | None = None
    col: int | None = None


def parse_html(data: bytes | str) -> BeautifulSoup:
    """Parse with lxml (BeautifulSoup works out the encoding of bytes)."""
    import warnings

    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(data, "lxml")


class BlockWalker:
    """Walks a tree in document order and appends its blocks to a ``TextBuilder``.

    Subclasses set ``item``/``section`` (stamped on every block) and may override
    ``visit`` to treat some elements specially.
    """

    drop_classes: frozenset[str] = frozenset()

    def __init__(self, builder: TextBuilder | None = None) -> None:
        self.out = builder or TextBuilder()
        self.item: str | None = None
        self.section: str | None = None
        self._tables = 0
        self._cells: dict[int, tuple[int, int, int]] = {}

    def dropped(self, el: Tag) -> bool:
        """True for chrome and hidden elements."""
        if el.name in DROP_TAGS:
            # an <article>'s own header/footer is content (its title), not page chrome
            return not (el.name in ("header", "footer")
                        and el.find_parent(("article", "main", "section")) is not None)
        attrs = el.attrs or {}
        if "hidden" in attrs or attrs.get("aria-hidden") == "true":
            return True
        if _HIDDEN_STYLE.search(attrs.get("style") or ""):
            return True
        return bool(self.drop_classes.intersection(attrs.get("class") or ()))

    def emit(self, text: str, ctx: Ctx) -> Block | None:
        """Append one block of ``text`` in context ``ctx``."""
        return self.out.add(
            text, ctx.kind, level=ctx.level, table=ctx.table, row=ctx.row, col=ctx.col,
            item=self.item, section=self.section)

    def visit(self, el: Tag, ctx: Ctx) -> None:
        """Emit the blocks of a block-level element ``el``."""
        name = el.name
        if name in HEADINGS:
            ctx = replace(ctx, kind="heading", level=HEADINGS[name])
        elif name in ("ul", "ol", "menu"):
            ctx = replace(ctx, lists=ctx.lists + 1)
        elif name == "li":
            ctx = replace(ctx, kind="list_item", level=max(ctx.lists - 1, 0))
        elif name == "table":
            self._index_table(el)
        elif name in ("td", "th") and id(el) in self._cells:
            t, r, c = self._cells[id(el)]
            ctx = replace(ctx, kind="table_cell", level=0, table=t, row=r, col=c)
        elif name == "hr":
            self.out.section_break()
            return
        self.walk_children(el, ctx)

    def walk_children(self, el: Tag, ctx: Ctx) -> None:
        """Inline children gather into runs; block children end the run and recurse."""
        from bs4 import Comment, NavigableString, ProcessingInstruction, Tag

        run: list[str] = []
        for child in el.children:
            if isinstance(child, Tag):
                if self.dropped(child):
                    continue
                if child.name == "br":
                    self.emit("".join(run), ctx)
                    run = []
                elif child.name in BLOCK_TAGS or child.find(BLOCK_TAGS):
                    self.emit("".join(run), ctx)
                    run = []
                    self.visit(child, ctx)
                else:
                    run.append(self.inline_text(child))
            elif isinstance(child, NavigableString) and not isinstance(
                    child, Comment | ProcessingInstruction):
                if type(child).__name__ in ("Doctype", "Declaration", "CData"):
                    continue
                run.append(str(child))
        self.emit("".join(run), ctx)

    def inline_text(self, el: Tag) -> str:
        """The text of an inline element, without dropped descendants."""
        from bs4 import Comment, NavigableString, Tag

        parts: list[str] = []
        for child in el.children:
            if isinstance(child, Tag):
                if not self.dropped(child):
                    parts.append(self.inline_text(child))
            elif isinstance(child, NavigableString) and not isinstance(child, Comment):
                parts.append(str(child))
        return "".join(parts)

    def _index_table(self, table: Tag) -> None:
        """Number this table and the (row, col) of each of its own cells."""
        index = self._tables
        self._tables += 1
        rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
        for r, tr in enumerate(rows):
            col = 0
            for cell in tr.find_all(("td", "th"), recursive=False):
                self._cells[id(cell)] = (index, r, col)
                try:
                    col += max(int(cell.get("colspan") or 1), 1)
                except ValueError:
                    col += 1


def page_title(soup: BeautifulSoup) -> str | None:
    """The page's <title>, else its first h1."""
    for el in (soup.find("title"), soup.find("h1")):
        if el is not None and squash(el.get_text()):
            return squash(el.get_text())
    return None


def content_root(soup: BeautifulSoup) -> Tag:
    """The part of the page holding its content: <main> if present, else <body>."""
    return soup.find("main") or soup.find("body") or soup


def read_html(data: bytes, source: str) -> Document:
    """Read an HTML page (ModernGov pages get their agenda items and links too)."""
    if not data.strip():
        raise ReadError(source, "is empty (no text to extract)")
    soup = parse_html(data)
    from minutes.pipeline.readers import moderngov

    if moderngov.is_moderngov(soup):
        return moderngov.read_moderngov(soup, data, source)
    walker = BlockWalker()
    walker.visit(content_root(soup), Ctx())
    title = page_title(soup)
    text = walker.out.text()
    texts = [title or ""] + [text[b.start : b.end] for b in walker.out.blocks[:80]]
    meeting = find_meeting(texts)
    if is_listing(text, walker.out.blocks):
        meeting = MeetingMeta(None, None)
    return make_document(source, data, "html", walker.out, title=title,
                         committee=meeting.committee, meeting_date=meeting.meeting_date,
                         links=document_links(soup))


def is_listing(text: str, blocks: list[Block]) -> bool:
    """A page listing several meetings (a table with 3+ different dates) has no one date."""
    dates = {parse_date(text[b.start : b.end]) for b in blocks if b.table is not None}
    dates.discard(None)
    return len(dates) >= LISTING_DATES


def document_links(soup: BeautifulSoup) -> list[Link]:
    """Links to documents (PDF/Word files and the usual agenda-system file handlers)."""
    links: list[Link] = []
    seen: set[str] = set()
    for a in soup.find_all("a", href=True):
        href = a["href"].strip()
        if href in seen or not DOC_HREF.search(href):
            continue
        seen.add(href)
        links.append(Link(url=href, title=squash(a.get_text()) or a.get("title") or None))
    return links
