"""Render plain-text minutes the way councils publish them.

* ``render_item_html``: a ModernGov agenda-item page (``mgAi.aspx``): the council's
  page chrome around ``div#modgov``, the item title in ``h2.mgSubTitleTxt``, the
  purpose and ``Minutes:`` blocks as Word HTML (``div.mgWordPara > div.WordSection1 >
  p.MsoNormal``), bullet lists as ``ul``/``li``, supporting documents in
  ``ul.mgBulletList``.
* ``render_meeting_html``: a ModernGov meeting page (``ieListDocuments.aspx``):
  ``table.mgItemTable`` rows with ``Decision:`` and ``Minutes:`` blocks.
* ``render_item_pdf`` / ``render_meeting_pdf``: ModernGov-style "Printed minutes"
  (A4, running header with council and committee, page number in the footer,
  wrapped and soft-hyphenated paragraphs, indented lists).

Every paragraph of the source stays one paragraph/list item (lines that were
hard-wrapped mid-sentence, as in text copied from a PDF, are one paragraph), with
its words unchanged, so the same document read from .txt, .html and .pdf should give the
same entries. Nothing is invented that the extractor reads as content: no dates.

``python samples/render.py [OUT_DIR]`` rebuilds ``html/`` and ``pdf/`` (default:
beside this file) from the seed ``*.txt`` and ``invented-meeting.json``.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import sys
import textwrap
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA: dict[str, Any] = json.loads((HERE / "render-data.json").read_text(encoding="utf-8"))

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("/Library/Fonts"), Path("C:/Windows/Fonts")]
PARA_GAP = 3.6  # mm after each paragraph: a Word "space after", about 0.7 of a line
FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)  # PDF metadata only, never printed

_BULLET = re.compile(r"^(?P<indent>\s*)(?:[•·▪◦](?:\s*)|[-*o]\s+)(?P<text>\S.*)$")
_ENUM = re.compile(
    r"^(?P<indent>\s*)(?P<marker>\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxlIVXL]{1,6})[.)])"
    r"(?P<gap>\s+|(?=[A-Z]))(?P<text>\S.*)$"
)
_TERMINAL = re.compile(r"[.!?:;][\"'”’)*]*\s*$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![*\w])")


# ---------------------------------------------------------------- parsing


@dataclass
class Line:
    """One source line: a paragraph, bullet, enumerated limb or spacer."""

    kind: str  # "para", "bullet", "enum", "spacer"
    text: str = ""
    level: int = 0
    marker: str = ""


@dataclass
class Section:
    """A labelled block of an item ("Minutes:"), or the unlabelled purpose block."""

    label: str | None
    lines: list[Line] = field(default_factory=list)
    documents: bool = False


@dataclass
class Item:
    """A plain-text agenda item laid out as ModernGov shows it."""

    title: str
    heading: str = "Agenda item"
    stated_heading: bool = False  # the heading is a line of the source, not the default
    sections: list[Section] = field(default_factory=list)
    chrome: list[Line] = field(default_factory=list)  # page chrome after the documents


def _label(line: str, labels: list[str]) -> str | None:
    stripped = line.strip().rstrip(":").strip()
    if line.strip().endswith(":") and stripped.lower() in {x.lower() for x in labels}:
        return stripped
    return None


def parse_line(raw: str) -> Line | None:
    """Classify one line; None for an empty line."""
    if not raw.strip():
        return Line("spacer") if "\xa0" in raw else None
    indent = len(raw) - len(raw.lstrip())
    level = 1 if indent >= 1 and raw[:1] == " " and indent < 8 else 0
    m = _BULLET.match(raw)
    if m:
        return Line("bullet", m["text"].strip(), level)
    m = _ENUM.match(raw)
    if m:
        return Line("enum", m["text"].strip(), level, m["marker"])
    return Line("para", raw.strip(), level)


def hard_wrapped(line: str, nxt: str, blanks: int = 0) -> bool:
    """Whether ``nxt`` continues ``line`` that was hard-wrapped (text copied from a PDF):
    ``line`` ends mid-sentence and ``nxt`` starts in lower case (even after one blank
    line), or ``line`` is full-width (70+ characters), directly followed by ``nxt``,
    which is not a heading in capitals."""
    if _TERMINAL.search(line) or blanks > 1:
        return False
    if nxt[:1].islower():
        return True
    return not blanks and len(line) >= 70 and not nxt.isupper()


def parse_item(text: str) -> Item:
    """Split plain text into title, labelled sections, documents and trailing chrome."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    rest = [ln for ln in lines]
    while rest and not rest[0].strip():
        rest.pop(0)
    heading, stated = "Agenda item", False
    if rest and rest[0].strip() in DATA["page_headings"]:
        heading, stated = rest.pop(0).strip(), True
    while rest and not rest[0].strip():
        rest.pop(0)
    title = rest.pop(0).strip() if rest else "Untitled"
    item = Item(title=title, heading=heading, stated_heading=stated)
    current = Section(None)
    item.sections.append(current)
    in_final_docs = False
    joinable = False  # the last body line may be continued by the next source line
    blanks = 0  # blank lines since the last body line
    for raw in rest:
        if in_final_docs is None:  # after the final documents list: page chrome
            parsed = parse_line(raw)
            if parsed:
                item.chrome.append(parsed)
            continue
        doc_label = _label(raw, DATA["document_labels"])
        sec_label = _label(raw, DATA["section_labels"])
        if doc_label or sec_label:
            joinable = False
            blanks = 0
            current = Section(doc_label or sec_label, documents=bool(doc_label))
            item.sections.append(current)
            final = DATA["final_document_label"].lower()
            in_final_docs = bool(doc_label) and doc_label.lower() == final
            continue
        parsed = parse_line(raw)
        if parsed is None or parsed.kind == "spacer":
            blanks += 1
            if parsed is None:
                continue
        elif (joinable and parsed.kind == "para" and current.lines
              and hard_wrapped(current.lines[-1].text, parsed.text, blanks)):
            current.lines[-1].text += " " + parsed.text  # one paragraph, as a page would have it
            blanks = 0
            continue
        joinable, blanks = not current.documents and parsed.kind != "spacer", 0
        if current.documents and parsed.kind != "bullet":
            if in_final_docs:
                in_final_docs = None
                item.chrome.append(parsed)
                continue
            current = Section(None)  # documents list ended; body goes on
            item.sections.append(current)
        current.lines.append(parsed)
    if not item.sections[0].lines and len(item.sections) > 1:
        item.sections.pop(0)
    return item


def _digits(text: str, n: int = 4) -> int:
    """A stable invented id for ``text`` (ModernGov ids are opaque numbers)."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % (10**n) + 10**(n - 1)


# ---------------------------------------------------------------- HTML


def _esc(text: str) -> str:
    """HTML-escape as ModernGov does: numeric entities for quotes, '/' and ':' kept."""
    return html.escape(text, quote=True).replace("&#x27;", "&#39;").replace("\xa0", "&nbsp;")


def _inline(text: str) -> str:
    """Escape text, turning **bold** and *italic* markers into Word-style tags."""
    out = _esc(text)
    out = _BOLD.sub(r"<b><span style=''>\1</span></b>", out)
    return _ITALIC.sub(r"<i><span style=''>\1</span></i>", out)


def _wrap_source(text: str, indent: str = "") -> str:
    """Hard-wrap HTML source lines inside a paragraph, as Word export does."""
    return ("\n" + indent).join(textwrap.wrap(text, 76, break_long_words=False,
                                              break_on_hyphens=False)) or text


def _word_lines(lines: list[Line]) -> str:
    """Lines as the Word HTML of a ``div.mgWordPara``."""
    out: list[str] = []
    open_levels: list[int] = []
    for ln in lines:
        if ln.kind != "bullet":
            while open_levels:
                open_levels.pop()
                out.append("</li></ul>" if open_levels else "</li>\n</ul>")
        if ln.kind == "spacer":
            out.append('<p class="MsoNormal"><span style="">&nbsp;</span></p>')
        elif ln.kind == "para":
            style = ' style="margin-left:18.0pt"' if ln.level else ""
            out.append(f'<p class="MsoNormal"{style}><span style="">'
                       f"{_wrap_source(_inline(ln.text))}</span></p>")
        elif ln.kind == "enum":
            margin = 36 + 18 * ln.level
            out.append(
                f'<p class="MsoListParagraph" style="margin-left:{margin}.0pt;'
                f'text-indent:-18.0pt"><span style="">{_esc(ln.marker)}<span '
                "style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span>"
                f"{_wrap_source(_inline(ln.text))}</p>")
        else:
            depth = ln.level + 1
            if open_levels and len(open_levels) == depth:
                out.append("</li>")
            while len(open_levels) > depth:
                open_levels.pop()
                out.append("</li></ul>")
            while len(open_levels) < depth:
                open_levels.append(depth)
                out.append('<ul style="margin-top:0cm" type="disc">')
            out.append(f'<li class="MsoNormal">{_wrap_source(_inline(ln.text))}')
    while open_levels:
        open_levels.pop()
        out.append("</li></ul>")
    body = "\n".join(out)
    return f'<div class="mgWordPara"><div class="WordSection1">\n{body}\n</div>\n</div>'


def _documents(lines: list[Line]) -> str:
    """A ``ul.mgBulletList`` of document links (restricted ones are not links)."""
    items = []
    for ln in lines:
        title = ln.text
        if title.lower().startswith("restricted"):
            items.append(f'<li>{_esc(title)}</li>')
            continue
        sid = _digits(title, 5)
        size = _digits(title + "size", 3)
        href = f"documents/s{sid}/{_esc(title)}.pdf"
        attr = _esc("Link to file " + title).replace(" ", "&#32;")
        items.append(f'<li><a  href="{href}"   title="{attr}">{_esc(title)}\n<span  '
                     'class="mgFileSize" ><img height="12" src="mgimages/logo-pdf-1.gif" '
                     f'width="12" alt="pdf icon" /> PDF {size} KB</span> </a>  </li>')
    return '<ul  class="mgBulletList" >\n' + "\n".join(items) + "\n</ul>"


def _chrome_block(lines: list[Line]) -> str:
    """A contact block: first line as heading, list lines as items, other lines continue them."""
    if not lines:
        return ""
    head, *rest = lines
    parts = [f'<div class="contact-block">\n<h2 class="contact-title">{_esc(head.text)}</h2>',
             '<ul class="contact-list">']
    for i, ln in enumerate(rest):
        nxt_cont = i + 1 < len(rest) and rest[i + 1].kind == "para"
        if ln.kind == "para" and i:
            parts.append(f"<br />{_esc(ln.text)}")
        else:
            parts.append(f"<li>{_esc(ln.text)}")
        if not nxt_cont:
            parts.append("</li>")
    parts.append("</ul>\n</div>")
    return "\n".join(parts)


def _page(title: str, council: str | None, modgov: str, chrome: list[Line]) -> str:
    """Wrap ``div#modgov`` in a council's site template (nav, breadcrumbs, contact, footer)."""
    site = council or "Council website"
    nav = "\n".join(f'<li><a href="/{_digits(x)}">{_esc(x)}</a></li>' for x in DATA["site_nav"])
    foot = "\n".join(f'<li><a href="/{_digits(x)}">{_esc(x)}</a></li>'
                     for x in DATA["footer_nav"])
    contact = _chrome_block(chrome or [parse_line(x) for x in DATA["default_contact"]])
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" \
"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{_esc(site)} - {_esc(title)}</title>
<link type="text/css" href="SiteSpecific/ssMgStyles.css" rel="stylesheet" />
<script type="text/javascript" src="jquery-ui/js/jquery.min.js"></script>
</head>
<body>
<a class="skip-link" href="#modgov">Skip to main content</a>
<header id="site-header">
<div class="site-logo"><a href="/">{_esc(site)}</a></div>
<nav class="site-nav" aria-label="Main menu"><ul>
{nav}
</ul></nav>
<form class="site-search" action="/search" method="get"><label for="q">Search</label>\
<input id="q" name="q" type="text" /></form>
</header>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol>
<li><a href="/">Home</a></li>
<li><a href="mgListCommittees.aspx">Committees</a></li>
</ol></nav>
<div id="page-content">
{modgov}
</div>
<footer id="site-footer">
{contact}
<ul class="footer-nav">
{foot}
</ul>
</footer>
</body>
</html>
"""


def render_item_html(text: str, council: str | None = None) -> str:
    """A ModernGov agenda-item page (``mgAi.aspx``) for one plain-text item."""
    item = parse_item(text)
    blocks = []
    for sec in item.sections:
        if sec.label:
            blocks.append(f'<p class="mgSubItemTitleTxt">{_esc(sec.label)}:</p>')
        if sec.documents:
            if sec.lines:
                blocks.append(_documents(sec.lines))
        elif sec.lines:
            blocks.append(_word_lines(sec.lines))
    body = "\n".join(blocks)
    modgov = f"""<div id="modgov"><div class="mgHeader"><h1  class="mgMainTitleTxt" \
>{_esc(item.heading)}</h1></div>
<div class="mgSubTitle" >
<h2  class="mgSubTitleTxt" >{_esc(item.title)}</h2>
</div>
<div class="mgContent" >
{body}
</div>
<div class="mgFooter" >
<p>&nbsp;</p>
</div>
</div>"""
    return _page(item.title, council, modgov, item.chrome)


def render_meeting_html(meeting: dict[str, Any]) -> str:
    """A ModernGov meeting page (``ieListDocuments.aspx``) from an invented-meeting dict."""
    mid = _digits(meeting["committee"] + meeting["date"])
    cid = _digits(meeting["committee"], 3)
    rows = []
    for it in meeting["items"]:
        num = it["number"]
        aiid = _digits(it["title"] + num, 5)
        cell = [f'<p  class="mgAiTitleTxt" >{_esc(it["title"])}</p>']
        if it.get("decision"):
            cell.append('<ul  class="mgActionList" ><li><a  href="ieDecisionDetails.aspx?'
                        f'AIId={aiid}"  >View the decision for item {_esc(num)}</a></li></ul>')
        if it.get("purpose"):
            cell.append(_word_lines([parse_line(x) for x in it["purpose"]]))
        for label, key in (("Decision", "decision"), ("Minutes", "minutes")):
            if it.get(key):
                lines = [ln for ln in (parse_line(x) for x in it[key]) if ln]
                cell.append(f'<p class="mgSubItemTitleTxt">{label}:</p>')
                cell.append(_word_lines(lines))
        if it.get("documents"):
            cell.append('<p class="mgSubItemTitleTxt">Supporting documents:</p>')
            cell.append(_documents([Line("bullet", d) for d in it["documents"]]))
        cells = "\n".join(cell)
        rows.append(f'<tr><td class="mgItemNumberCell" ><p  class="mgAiTitleTxt" >{_esc(num)}'
                    f"</p></td>\n<td>\n{cells}\n</td></tr>")
    d = datetime.strptime(meeting["date"], "%Y-%m-%d")
    when = f"{d.strftime('%A')}, {d.day} {d.strftime('%B %Y')} {meeting['time']}"
    pack = f"{d.strftime('%d%b-%Y')} {meeting['time']} {meeting['committee']}"
    title = "Agenda and minutes"
    modgov = f"""<div id="modgov"><div class="mgHeader"><h1  class="mgMainTitleTxt" \
>{title}</h1></div>
<div class="mgSubTitle" >
<h2  class="mgSubTitleTxt" >{_esc(meeting['committee'])} - {_esc(when)}</h2>
</div>
<div class="mgContent" >
<p><span  class="mgLabel" >Venue: </span>{_esc(meeting['venue'])}</p>
<p><span  class="mgLabel" >Contact: </span>{_esc(meeting['contact'])}</p>
<ul  class="mgActionList" >
<li><a  href="documents/g{mid}/Printed minutes {_esc(pack)}.pdf"  >Printed minutes \
<span  class="mgFileSize" >PDF 210 KB</span></a></li>
<li><a  href="mgMeetingAttendance.aspx?ID={mid}"  >Attendance details</a></li>
</ul>
<h2 class="mgSectionTitle">Items</h2>
<table class="mgItemTable" summary="Table of items for the meeting">
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</div>
<div class="mgFooter" >
<p>&nbsp;</p>
</div>
</div>"""
    page = _page(f"{meeting['committee']} - {when}", meeting["council"], modgov, [])
    return page.replace("mgListCommittees.aspx", f"ieListMeetings.aspx?CId={cid}")


# ---------------------------------------------------------------- PDF


def _font_files() -> dict[str, Path] | None:
    """DejaVu Sans regular/bold/oblique if installed, else None (core font fallback)."""
    names = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf",
             "BI": "DejaVuSans-BoldOblique.ttf"}
    for d in FONT_DIRS:
        files = {style: d / name for style, name in names.items()}
        if all(p.is_file() for p in files.values()):
            return files
    return None


def to_latin1(text: str) -> str:
    """Map text to latin-1 for the core font: known look-alikes, then accents stripped."""
    out = []
    for ch in text:
        ch = DATA["latin1_fallback"].get(ch, ch)
        try:
            ch.encode("latin-1")
        except UnicodeEncodeError:
            ch = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode() or "?"
        out.append(ch)
    return "".join(out)


def _hyphen_point(word: str) -> int | None:
    """Where to split ``word``: before a suffix, else VC-CV, else V-CV, nearest the middle."""
    stem = word[:-1] if word.endswith("s") else word[:-2] if word.endswith("ed") else word
    for suffix in DATA["hyphen_suffixes"]:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 5:
            return len(stem) - len(suffix)
    vowels = "aeiouy"
    mid = len(word) / 2
    spots = range(4, len(word) - 3)
    vccv = [i for i in spots if word[i - 2] in vowels and word[i - 1] not in vowels
            and word[i] not in vowels and word[i + 1] in vowels]
    vcv = [i for i in spots if word[i - 1] in vowels and word[i] not in vowels
           and word[i + 1] in vowels]
    for found in (vccv, vcv):
        if found:
            return min(found, key=lambda k: abs(k - mid))
    return None


def soft_hyphenate(text: str) -> str:
    """Put one soft hyphen into each long lower-case word, so wrapping can split it."""
    def split(m: re.Match[str]) -> str:
        word = m.group(0)
        i = _hyphen_point(word)
        return word if i is None else word[:i] + "\u00ad" + word[i:]

    return re.sub(r"(?<![\w-])[a-z]{10,}(?![\w-])", split, text)


def _pdf_class() -> type:
    from fpdf import FPDF

    class PrintedMinutes(FPDF):
        """A4 printed minutes with a running header and a page-number footer."""

        running_header = ""
        family = "helvetica"

        def header(self) -> None:
            self.set_font(self.family, "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, self.fix(self.running_header), align="R",
                      new_x="LMARGIN", new_y="NEXT")
            self.set_text_color(0, 0, 0)
            self.ln(6)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font(self.family, "", 9)
            self.cell(0, 10, str(self.page_no()), align="C")

        def fix(self, text: str) -> str:
            return text if self.family == "DejaVu" else to_latin1(text)

    return PrintedMinutes


def _new_pdf(header: str, title: str) -> Any:
    pdf = _pdf_class()(format="A4")
    fonts = _font_files()
    if fonts:
        for style, path in fonts.items():
            pdf.add_font("DejaVu", style, str(path))
        pdf.family = "DejaVu"
    pdf.running_header = header
    pdf.set_margins(20, 15, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(title)
    pdf.set_creator("samples/render.py")
    pdf.set_producer("samples/render.py")
    pdf.add_page()
    return pdf


def _pdf_text(pdf: Any, text: str) -> tuple[str, bool]:
    """Text ready for multi_cell and whether to use fpdf2's markdown for bold/italic."""
    t = pdf.fix(soft_hyphenate(text))
    if ("**" in t or _ITALIC.search(t)) and "--" not in t and "__" not in t:
        return _ITALIC.sub(r"__\1__", t), True
    return t.replace("**", ""), False


def _pdf_lines(pdf: Any, lines: list[Line]) -> None:
    lh = 5.2
    for ln in lines:
        if ln.kind == "spacer":
            pdf.ln(lh)
            continue
        pdf.set_font(pdf.family, "", 10.5)
        text, md = _pdf_text(pdf, ln.text)
        left = pdf.l_margin + 8 * ln.level
        width = pdf.w - pdf.r_margin
        if ln.kind == "para":
            pdf.set_x(left)
            pdf.multi_cell(width - left, lh, text, markdown=md, new_x="LMARGIN", new_y="NEXT")
        else:
            marker = "\u2022" if ln.kind == "bullet" else ln.marker
            gap = max(8.0, pdf.get_string_width(pdf.fix(marker)) + 3)
            top_page = pdf.page
            if pdf.will_page_break(lh):
                pdf.add_page()
                top_page = pdf.page
            y = pdf.get_y()
            pdf.set_xy(left + 4, y)
            pdf.cell(gap, lh, pdf.fix(marker) if marker != "\u2022" or pdf.family == "DejaVu"
                     else "\u00b7")
            assert pdf.page == top_page
            pdf.set_xy(left + 4 + gap, y)
            pdf.multi_cell(width - left - 4 - gap, lh, text, markdown=md,
                           new_x="LMARGIN", new_y="NEXT")
        pdf.ln(PARA_GAP)


def render_item_pdf(text: str, council: str | None = None,
                    committee: str | None = None) -> bytes:
    """ModernGov-style printed minutes for one plain-text item."""
    item = parse_item(text)
    header = " - ".join(x for x in (council, committee) if x) or "Printed minutes"
    pdf = _new_pdf(header, item.title)
    if item.stated_heading:  # keep every source line, as printed pages do
        pdf.set_font(pdf.family, "", 10.5)
        pdf.multi_cell(0, 5.2, pdf.fix(item.heading), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(PARA_GAP)
    pdf.set_font(pdf.family, "B", 13)
    pdf.multi_cell(0, 6.5, pdf.fix(item.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for sec in item.sections:
        if sec.label:
            pdf.set_font(pdf.family, "B", 10.5)
            pdf.multi_cell(0, 5.2, pdf.fix(sec.label + ":"), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(PARA_GAP)
        _pdf_lines(pdf, sec.lines)
    return bytes(pdf.output())


def render_meeting_pdf(meeting: dict[str, Any]) -> bytes:
    """Printed minutes of an invented meeting: numbered minutes with their text."""
    d = datetime.strptime(meeting["date"], "%Y-%m-%d")
    pdf = _new_pdf(f"{meeting['council']} - {meeting['committee']}", meeting["committee"])
    pdf.set_font(pdf.family, "B", 13)
    pdf.multi_cell(0, 6.5, pdf.fix(meeting["council"].upper()), align="C",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6.5, pdf.fix(meeting["committee"].upper()), align="C",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(pdf.family, "", 10.5)
    pdf.multi_cell(0, 5.2, pdf.fix(
        f"MINUTES of a meeting of the {meeting['committee']} held at {meeting['venue']} on "
        f"{d.strftime('%A')}, {d.day} {d.strftime('%B %Y')}."), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for it in meeting["items"]:
        pdf.set_font(pdf.family, "B", 10.5)
        pdf.multi_cell(0, 5.2, pdf.fix(f"{it['number']} {it['title']}"),
                       new_x="LMARGIN", new_y="NEXT")
        pdf.ln(PARA_GAP)
        lines = [ln for ln in (parse_line(x) for x in it.get("minutes", [])) if ln]
        _pdf_lines(pdf, lines)
    return bytes(pdf.output())


# ---------------------------------------------------------------- build


def render_text_file(src: Path, out_dir: Path, meta: dict[str, str] | None = None) -> list[Path]:
    """Render one .txt to ``out_dir/html/NAME.html`` and ``out_dir/pdf/NAME.pdf``."""
    meta = meta or {}
    text = src.read_text(encoding="utf-8")
    html_path = out_dir / "html" / f"{src.stem}.html"
    pdf_path = out_dir / "pdf" / f"{src.stem}.pdf"
    html_path.parent.mkdir(parents=True, exist_ok=True)
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(render_item_html(text, meta.get("council")), encoding="utf-8")
    pdf_path.write_bytes(render_item_pdf(text, meta.get("council"), meta.get("committee")))
    return [html_path, pdf_path]


def build(out_dir: Path = HERE, src_dir: Path = HERE) -> list[Path]:
    """Rebuild every sample rendering; returns the files written."""
    meta = json.loads((src_dir / "seeds-meta.json").read_text(encoding="utf-8"))
    written: list[Path] = []
    for src in sorted(src_dir.glob("*.txt")):
        written += render_text_file(src, out_dir, meta.get(src.stem))
    meeting_file = src_dir / "invented-meeting.json"
    if meeting_file.is_file():
        meeting = json.loads(meeting_file.read_text(encoding="utf-8"))
        page = out_dir / "html" / "invented-meeting_ieListDocuments.html"
        page.write_text(render_meeting_html(meeting), encoding="utf-8")
        pdf = out_dir / "pdf" / "invented-meeting_printed-minutes.pdf"
        pdf.write_bytes(render_meeting_pdf(meeting))
        written += [page, pdf]
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for path in build(target):
        print(path)
