"""Review-of-actions sections: "Actions from the last meeting", "Matters arising", "Action log".

Under such a heading each short report line ("PT has completed the survey",
"Notice board repaired: done") is a row of the action log, so an action
(spec), done when the line reports the task complete. Word lists and
patterns live in ``data/review.json``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from minutes.extractors.candidate import FORMAL, Candidate
from minutes.extractors.resources import load_json
from minutes.extractors.units import Unit, sentences, wrap_width
from minutes.records import Document

MAX_WORDS = 60
MAX_SENTENCES = 3


@dataclass(frozen=True)
class Section:
    """An open review section: where its heading was and what kind it is."""

    style: str | None  # enumerator style of the heading ("num0"), None if unnumbered
    label: str | None
    item: str | None
    log: bool  # an "Action log" / "Actions" list: every enumerated row is an action


@functools.cache
def _data() -> dict[str, re.Pattern[str]]:
    data = load_json("review.json")
    subs = {k: "|".join(v) for k, v in data.items() if isinstance(v, list)}

    def fill(p: str) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: f"(?:{subs[m.group(1)]})", p)

    return {k: re.compile(fill(v), re.IGNORECASE if k.startswith("i_") else 0)
            for k, v in data.items() if isinstance(v, str) and not k.startswith("_")}


def heading(body: str, unit: Unit) -> Section | None:
    """The review section opened by the heading line ``body``, if it is one."""
    body = body.strip()
    if len(body.split()) > 16 or _data()["i_not_heading"].match(body):
        return None
    if not (_data()["i_heading"].match(body) or _data()["i_heading_loose"].match(body)):
        return None
    log = bool(_data()["i_log_heading"].match(body))
    return Section(unit.enum.style if unit.enum else None, unit.enum.label if unit.enum else None,
                   unit.item, log)


def opener(body: str, unit: Unit) -> Section | None:
    """"The actions from the last meeting were reviewed:": a sentence opening a review."""
    first = body.strip()[:400]
    if len(first.split()) > 30 and not _data()["i_opener"].search(first[:200]):
        return None
    if not _data()["i_opener"].search(first):
        return None
    return Section(None, None, unit.item, False)


def inline_heading(body: str, unit: Unit) -> tuple[Section, int] | None:
    """"Matters arising: PT has completed ...": the section and where its first row begins."""
    m = _data()["inline_split"].search(body)
    if not m:
        return None
    section = heading(body[:m.start()], unit)
    if section is None or row_match(body[m.end():]) is None:
        return None
    return section, m.end()


def ends(section: Section, unit: Unit, body: str, is_heading_block: bool) -> bool:
    """Whether ``unit`` lies past the end of ``section`` (a sibling item, another heading)."""
    if section.item is not None and unit.item is not None and unit.item != section.item:
        return True
    if section.style is not None and unit.enum is not None and unit.enum.style == section.style:
        return not _restarts(section.label, unit.enum.label)
    if is_heading_block and not row_match(body):
        return True
    return bool(_data()["title_line"].match(body.strip())) and not row_match(body)


def _restarts(head: str | None, label: str) -> bool:
    """A list under "3. Matters arising" numbered 1, 2, 3 is its rows, not the next item."""
    if not (head and head.isdigit() and label.isdigit()):
        return False
    return int(label) <= int(head)


def reports_done(body: str) -> bool:
    """"PT has completed the survey": a line reporting a task done (a row only in a review)."""
    body = body.strip()
    return any(_data()[key].match(body) for key in ("active_row", "passive_row", "past_row"))


def row_match(body: str) -> re.Match[str] | None:
    """The report-line pattern the line ``body`` matches, if any."""
    body = body.strip()
    if len(body.split()) > MAX_WORDS or len(sentences(body)) > MAX_SENTENCES:
        return None
    if _data()["i_not_row"].search(body):
        return None
    for key in ("active_row", "passive_row", "status_row", "ongoing_row", "to_row",
                "short_passive_row", "past_row"):
        m = _data()[key].match(body)
        if m:
            return m
    return None


def rows(doc: Document, unit: Unit, section: Section, start: int | None = None
         ) -> list[Candidate]:
    """Action candidates for the line(s) of ``unit`` in a review section (none if not rows).

    A unit re-joined from hard-wrapped lines, or a paragraph of several report
    sentences, gives one row per line or sentence that reads as a row.
    """
    start = start if start is not None else (unit.enum.end if unit.enum else unit.start)
    whole = _row(doc.text, start, unit.end, unit, section, unit.enum is not None)
    width = int(doc.meta.get("wrap_width") or 0) or wrap_width(doc.text)
    if doc.format in ("text", "pdf") and width:
        lines = [(start, unit.end)]  # a hard-wrapped page: its lines are not rows
    else:
        lines = [(max(b.start, start), b.end) for b in doc.blocks
                 if b.end > start and b.start < unit.end]
    pieces = [p for s, e in lines for p in sentences(doc.text[s:e], s)]
    own = [(s, e) for s, e in pieces if row_match(doc.text[s:e])]
    if (len(own) > 1 or (own and whole is None)) and 2 * len(own) >= len(pieces):
        return [c for s, e in own if (c := _row(doc.text, s, e, unit, section, False))]
    if whole is None and own and own[0] == pieces[0]:
        first = _row(doc.text, own[0][0], own[0][1], unit, section, False)
        return [first] if first else []  # "DW renewed the pads – done. Back on the map. ..."
    return [whole] if whole else []


def _log_line(body: str, enumerated: bool) -> bool:
    """Every list item of an action log is a row."""
    if _data()["i_not_row"].search(body.strip()) or not body.strip():
        return False
    return enumerated and len(body.split()) <= MAX_WORDS


def _row(doc_text: str, start: int, end: int, unit: Unit, section: Section,
         enumerated: bool) -> Candidate | None:
    body = doc_text[start:end]
    m = row_match(body)
    if m is None and not (section.log and _log_line(body, enumerated)):
        return None
    lead = len(body) - len(body.lstrip())
    label = m.groupdict().get("label") if m else None
    if label and _data()["i_strip_label"].match(label.strip()):
        lead = m.end("label")
    cand = Candidate("action", start + lead, start + len(body.rstrip()), "review-row", FORMAL,
                     unit.item)
    who = m.groupdict().get("who") if m else None
    if who and re.match(r"\s*to be\b", body[m.end("who"):]):
        who = None  # "Local Offers to be reviewed": the thing, not who acts
    if who:
        cand.owner = who.strip()
        cand.why["owner"] = "subject of the action-log line"
    # spec: done when the row reports the task complete; in a review of actions,
    # "X has sent / had added ..." is that report
    reported = _data()["i_done"].search(body) or reports_done(body)
    done = reported and not _data()["i_not_done"].search(body)
    cand.note = "done" if done else "open"
    cand.why["status"] = "review line reports it complete" if done else "review line"
    return cand
