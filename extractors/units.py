"""Blocks to units: one paragraph or list item each, hard-wrapped lines re-joined.

Also the enumerator parser (``(a)``, ``1)``, ``ii.``, bullets ...) and a cheap
regex sentence/clause splitter. Offsets are always into ``Document.text``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from minutes.extractors.resources import load_lines
from minutes.records import Document

ROMAN = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|x{1,2}i{0,3}|xi?v|xv?i{0,3})$", re.IGNORECASE)
ENUM = re.compile(
    r"""^(?:
      \((?P<paren>[a-zA-Z]{1,4}|\d{1,3})\)
    | (?P<close>[a-zA-Z]{1,4}|\d{1,3})\)
    | (?P<num>\d{1,3}(?:\.\d{1,3}){0,3})(?:\.|(?=\s))(?=\s|[A-Z])
      (?!\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{2,4}|,)\b)
    | (?P<glued>\d{1,3}(?:\.\d{1,3}){1,3})(?=[A-Z][a-z])
    | (?P<dot>[a-zA-Z]|[ivxIVX]{1,5})\.(?=\s|[A-Z](?![.A-Z]))
    | (?P<bare>[A-Z])(?=\s{2,}\S)
    | (?P<bullet>[·•▪◦●○■□➢►✓\-\*–—o])(?=\s)
    )[\s:–—-]*""",
    re.VERBOSE,
)
# a list marker alone on its line ("1.", "(a)", "·"): the limb's words are on the next line
BARE_MARKER = re.compile(r"^(?:\(?(?:[a-zA-Z]{1,4}|\d{1,3})\)|\d{1,3}(?:\.\d{1,3}){0,3}\.?"
                         r"|[a-zA-Z]\.|[ivxIVX]{1,5}\.|[·•▪◦●○■□➢►✓*–—-])$")
TERMINAL = re.compile(r"(?:[.;:!?\"”’)|]|\b(?:CARRIED|Carried|carried|LOST|Lost|DEFEATED|Defeated)"
                      r"(?:\s+(?:UNANIMOUSLY|[Uu]nanimously|\d+\s*[-–]\s*\d+))?)\s*$")
SENT_END = re.compile(r"(?<=[.!?])[\"”’)]*(?:\s|<br\s*/?>)+(?=[\"“‘(£$]?[A-Z0-9]|(?<=\.\s)[a-z])")
ALLCAPS = re.compile(r"^[A-Z]{2,}\b")
WORD_BEFORE = re.compile(r"([\w.’'/-]+)$")


@dataclass(frozen=True)
class Enum:
    """A list enumerator at the start of a unit."""

    style: str  # e.g. "(alpha)", "num.", "bullet"
    label: str
    end: int  # offset in doc.text where the limb's own words begin


@dataclass
class Unit:
    """A paragraph or list item: one block, or hard-wrapped blocks re-joined."""

    start: int
    end: int
    item: str | None = None
    section: str | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    enum: Enum | None = None
    blank_before: bool = False


def parse_enum(text: str, offset: int, prev: Enum | None = None) -> Enum | None:
    """The enumerator opening ``text`` (which starts at ``offset``), if any."""
    m = ENUM.match(text)
    if not m or m.end() >= len(text):
        return None
    for group in ("paren", "close", "num", "glued", "dot", "bare", "bullet"):
        label = m.group(group)
        if label is not None:
            break
    if group == "bullet":
        return Enum("bullet0", label, offset + m.end())
    if group == "dot" and _initial_of_name(label, text[m.end():], prev):
        return None
    if group in ("num", "glued"):  # "4.2The Board ...": a PDF lost the space
        style = f"num{label.count('.')}"
    else:
        kind = "digit" if label.isdigit() else _alpha_or_roman(label, prev)
        case = "" if kind == "digit" else ("U" if label.isupper() else "l")
        style = f"{group}-{kind}{case}"
    return Enum(style, label, offset + m.end())


NAME_AFTER_INITIAL = re.compile(r"^[A-Z][a-z’'\-]+(?:-[A-Z][a-z]+)? (?:[a-z]|[A-Z]\.)")


def _initial_of_name(label: str, rest: str, prev: Enum | None) -> bool:
    """"J. Smith would ...": a capital and a dot before a surname is an initial, not "J."
    of a list, unless a list "A. B. C." is under way or this could open one."""
    if len(label) != 1 or not label.isupper() or label in "AI":
        return False
    if prev is not None and prev.style.startswith("dot-") and len(prev.label) == 1 \
            and ord(label) == ord(prev.label.upper()) + 1:
        return False
    return bool(NAME_AFTER_INITIAL.match(rest))


def _alpha_or_roman(label: str, prev: Enum | None) -> str:
    if not ROMAN.match(label):
        return "alpha"
    if len(label) == 1 and prev is not None and "alpha" in prev.style:
        if len(prev.label) == 1 and ord(label.lower()) == ord(prev.label.lower()) + 1:
            return "alpha"
    if len(label) == 1 and label.lower() in "vx" and (prev is None or "roman" not in prev.style):
        return "alpha"
    return "roman"


def build_units(doc: Document) -> list[Unit]:
    """Paragraph-level units of ``doc`` in reading order."""
    units: list[Unit] = []
    prev_end = -1
    prev_enum: Enum | None = None
    joinable = doc.format in ("text", "pdf")  # HTML blocks are whole paragraphs already
    width = wrap_width(doc.text) if joinable else 0
    for block in doc.blocks:
        text = doc.text[block.start:block.end]
        gap = doc.text[prev_end:block.start] if prev_end >= 0 else "\n\n"
        if units and joinable and block.table is None and units[-1].table is None and _joins(
                doc.text[units[-1].start:units[-1].end], text, gap, width):
            last = units[-1]
            if last.enum is None and BARE_MARKER.match(doc.text[last.start:last.end].strip()):
                last.enum = parse_enum(doc.text[last.start:block.end], last.start, prev_enum)
                prev_enum = last.enum or prev_enum
            acts = _inline_actions(text)  # "crossings out. ACTION: JL to resubmit." wrapped on
            last.end = block.start + len(text[:acts[0]].rstrip()) if acts else block.end
            for a, b in zip(acts, acts[1:] + [len(text)], strict=False):
                units.append(Unit(block.start + a, block.start + len(text[:b].rstrip()),
                                  block.item, block.section))
            prev_end = block.end
            continue
        cuts = _cuts(text) if joinable and block.table is None else []
        for a, b in zip([0] + cuts, cuts, strict=False):  # the lead-in and all limbs but the last
            if text[a:b].strip():
                enum = parse_enum(text[a:b], block.start + a, prev_enum) if a else None
                prev_enum = enum or prev_enum
                units.append(Unit(block.start + a, block.start + len(text[:b].rstrip()),
                                  block.item, block.section, None, None, None, enum,
                                  gap.count("\n") > 1 if not a else False))
        if cuts:
            block_start = block.start + cuts[-1]
            text = text[cuts[-1]:]
        else:
            block_start = block.start
        enum = parse_enum(text, block_start, prev_enum)
        if enum is None and block.kind == "list_item":
            enum = Enum(f"bullet{block.level}", "", block.start)  # HTML <li>: no printed marker
        if enum is not None:
            prev_enum = enum
        units.append(Unit(block_start, block.end, block.item, block.section, block.table,
                          block.row, block.col, enum, gap.count("\n") > 1 and not cuts))
        prev_end = block.end
    return units


INLINE_MARK = re.compile(r"(?:^|(?<=\s))(?P<label>\d{1,2}|[a-z])\.\s+(?=[A-Z\"“(])")


INLINE_BULLET = re.compile(r"(?<=\S)\s+(?=[•▪●■➢►]\s+\S)")


def _inline_bullets(text: str) -> list[int]:
    """Where bullets run on in one line ("Item 3 Cr Pratt • Shire Ball ... • RAPAD ..."):
    the offsets of the bullets after the first character."""
    return [m.end() for m in INLINE_BULLET.finditer(text)]


INLINE_ACTION = re.compile(r"(?<=[.;!?])\s+(?=(?:ACTION|Action|action)(?: [Pp]oints?| POINTS?)?"
                           r"\s*[:–-]\s*[A-Z])")


def _cuts(text: str) -> list[int]:
    """Where one paragraph holds several units: a run-on list, bullets, action labels."""
    return sorted(set(_inline_list(text) or _inline_bullets(text)) | set(_inline_actions(text)))


def _inline_actions(text: str) -> list[int]:
    """Where an "Action: JM to circulate ..." label follows a sentence on the same line."""
    return [m.end() for m in INLINE_ACTION.finditer(text)]


def _inline_list(text: str) -> list[int]:
    """Where a flattened list runs on in one paragraph ("1. Voted ... 2. Approved ... 3.
    ..."): the offsets of its markers, when three or more follow in order from 1 or a."""
    if len(text) < 120:
        return []
    best: list[int] = []
    run: list[int] = []
    want = None
    for m in INLINE_MARK.finditer(text):
        label = m.group("label")
        if want is not None and label == want:
            run.append(m.start())
        elif label in ("1", "a"):
            run = [m.start()]
        else:
            continue
        want = str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 3 else []


@functools.lru_cache(maxsize=8)
def wrap_width(text: str) -> int:
    """How wide the document's hard-wrapped lines run: the 90th percentile of its line
    lengths; 0 when it has too few lines to tell or they are not hard-wrapped (a web page's
    paragraphs, a list of headings). Wrapped lines near that width run on into a lower-case
    word, or end open (no full stop) at an even width."""
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) >= 10)
    if len(lengths) < 8:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    full = [i for i, line in enumerate(lines[:-1]) if len(line.rstrip()) >= 0.75 * width]
    if not full:
        return 0
    runs_on = sum(1 for i in full if lines[i + 1][:1].islower())
    open_ended = sum(1 for i in full if not TERMINAL.search(lines[i]))
    even = len(full) >= 0.3 * len(lengths) and lengths[-1] <= 1.1 * width
    if runs_on >= 0.25 * len(full):
        return width
    return width if even and open_ended >= 0.6 * len(full) and runs_on >= 0.1 * len(full) else 0


def _fills(prev: str, text: str, width: int) -> bool:
    """Whether the line ``prev`` ends where the document wraps: the first word of ``text``
    would not have fitted after it (PDF text, e-mailed minutes wrapped at 60-80 columns)."""
    if not 30 <= width <= 140:
        return False
    last = prev.rsplit("\n", 1)[-1].rstrip()
    first = text.split(None, 1)[0] if text.strip() else ""
    return len(last) >= 25 and len(last) + 1 + len(first) > width


def _tail(text: str) -> bool:
    """"... at the February 2019" / "Council meeting.": a short line that ends the
    sentence a long one left open."""
    return len(text) <= 40 and bool(re.search(r"[.;!?]\s*$", text)) and "\n" not in text


def _joins(prev: str, text: str, gap: str, width: int = 0) -> bool:
    """Whether ``text`` continues the hard-wrapped line ``prev`` (``width``: where the
    document's lines wrap, from ``wrap_width``)."""
    if gap.strip() or gap.count("\n") > 2:
        return False
    if BARE_MARKER.match(prev.strip()) and gap.count("\n") == 1:
        return ENUM.match(text) is None and not BARE_MARKER.match(text.strip())
    if text[:1].islower() and not re.search(r"[.!?:;]\s*$", prev):
        return (len(prev) >= 20 or bool(OPEN_END.search(prev))) and ENUM.match(text) is None
    if TERMINAL.search(prev) or LINE_LABEL.match(text):
        return False
    if gap.count("\n") == 1 and OPEN_END.search(prev) and ENUM.match(text) is None \
            and not RECORD_LABEL.match(text) and not CAPS_LEAD_IN.match(text):
        return True  # "... the Executive Director of Place and" / "Sustainability, ...": one line
    return (gap.count("\n") == 1 and (len(prev) >= 70 and (width != 0 or _tail(text))
                                   or _fills(prev, text, width))
            and ENUM.match(text) is None
            and not ALLCAPS.match(text) and not (_label_line(text) and not OPEN_END.search(prev))
            and not RECORD_LABEL.match(text))


# "Action: JM to ...", "Resolved: ...": a labelled line opens a record of its own
LINE_LABEL = re.compile(r"^(?:ACTIONS?|Actions?|RESOLVED|Resolved|AGREED|Agreed|DECISION|Decision"
                        r"|DECIDED|Decided)\s*[:–]\s*(?:\S+\s+){3}")


# "Motion 88-09", "Resolution No. 2019/12" on a line of its own: the next record's number
RECORD_LABEL = re.compile(r"^(?:Motion|MOTION|Resolution|RESOLUTION|Minute|MINUTE|Res\.|Min\.)"
                          r"\s*(?:No\.?|#)?\s*[\w/.\-]*\d[\w/.\-]*\s*$")


OPEN_END = re.compile(r"(?i)\b(?:the|of|and|or|to|for|in|on|a|an|by|with|at|from|that|as|its|their)"
                      r"\s*$|\b(?:Councillors?|Cllrs?|Mr|Mrs|Ms|Miss|Dr|Cr|Messrs)\.?\s*$")
# "RECOMMENDS TO THE PROJECT BOARD:" after "...; and": the next lead-in, not a wrap
CAPS_LEAD_IN = re.compile(r"^[A-Z][A-Z\s’'&,-]{3,80}:\s*$")


def _label_line(text: str) -> bool:
    """"The Governing Body:" on a line of its own introduces what follows; it is no wrap."""
    return len(text.split()) <= 6 and bool(re.search(r":-?\s*$", text)) and "\n" not in text


def _abbreviations() -> frozenset[str]:
    return frozenset(load_lines("abbreviations.txt"))


def sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text`` (which starts at ``offset``)."""
    abbr = _abbreviations()
    spans: list[tuple[int, int]] = []
    start = 0
    for m in SENT_END.finditer(text):
        before = text[start:m.start()].rstrip("\"”’)")
        word = WORD_BEFORE.search(before)
        token = word.group(1).rstrip(".").lower() if word else ""
        if token in abbr or (len(token) == 1 and token.isalpha()) or _is_initials(token):
            continue
        if text[m.end():m.end() + 1].islower() and (len(token) < 4 or not token.isalpha()):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text.rstrip())))
    return [(offset + a, offset + b) for s, e in spans if e > s for a, b in _unglue(text, s, e)]


GLUED = re.compile(r"(?<=[\w)’',])\s+(?:[–—-]\s+)?(?=(?:It was (?:agreed|resolved|decided"
                   r"|AGREED|RESOLVED|DECIDED)|RESOLVED|Minute No\.? ?\d"
                   r"|RESOLUTION(?::|\s+NO\.?)?\s*\d[\d./-]*\s+(?:That|THAT))\b)")


# "... adopted at the next meeting - IH to obtain a draft": a task for initials after a dash
DASHED_TASK = re.compile(r"(?<=[\w)’'.])\s+[–—-]\s+(?=[A-Z]{2,3}(?:\s*[/&]\s*[A-Z]{2,3})*"
                         r"\s+to\s+[a-z])")


# "proposed by Cllr A, seconded by Cllr B and resolved to ...": the resolution after its movers
AND_RESOLVED = re.compile(r"(?<=\band)\s+(?=(?:unanimously\s+)?(?:resolved|RESOLVED|Resolved)\s+"
                          r"(?:that|to|THAT)\b)")


def _unglue(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split where a flattened page glued a heading to the next sentence ("... Matters
    Arising It was agreed to ..."): a capital "It was agreed" never runs on mid-sentence; and
    before a task for initials after a dash ("... next meeting - IH to obtain ...")."""
    out = []
    for m in sorted([*GLUED.finditer(text, s, e), *DASHED_TASK.finditer(text, s, e),
                     *AND_RESOLVED.finditer(text, s, e)],
                    key=lambda m: m.start()):
        if m.start() > s:
            out.append((s, m.start()))
            s = m.end()
    out.append((s, e))
    return out


def _is_initials(token: str) -> bool:
    parts = token.split(".")
    return len(parts) > 1 and all(len(p) <= 1 for p in parts)


CLAUSE_BREAK = re.compile(
    r";\s+(?:and\s+|or\s+)?|\s[–—]\s|\s-\s(?=[a-z])|\s+otherwise\s+(?=the\s|[A-Z])")


def clauses(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Split a sentence at semicolons, spaced dashes and "otherwise"."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in CLAUSE_BREAK.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(offset + s, offset + e) for s, e in spans if text[s:e].strip()]


def norm(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(text.split())


def same_list(a: str | None, b: str | None) -> bool:
    """Whether two enumerator styles belong to one list (bullets of any depth do)."""
    return a == b or bool(a and b and a.startswith("bullet") and b.startswith("bullet"))
