"""Find a meeting's date and committee where a document clearly states them.

Conservative by design: only a date in a heading-like line near the top
("Audit Committee – 10 February 2026", "Minutes of the meeting held on 9 January
2025", "Date: Tuesday, 4 March 2025") counts; a date in running prose or one
naming another meeting ("the minutes of the previous meeting held on ...") does
not. Word lists live in ``data/meta.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "meta.json"
HEAD_LINES = 15  # heading-like dates count only among the first lines
LABEL_LINES = 80  # "Date: ..." labels count a little further down
MAX_HEADING = 220
DATE_ONLY_LINES = 8  # a line that is just a date counts only this near the top


@dataclass(frozen=True)
class MeetingMeta:
    """What a document says about its meeting (each part may be unknown)."""

    meeting_date: date | None = None
    committee: str | None = None


@cache
def _words() -> dict:
    return json.loads(_DATA.read_text(encoding="utf-8"))


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    w = _words()
    month = r"(?P<m>" + _alt(w["months"]) + r")\.?"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    wday = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
    dmy = wday + day + r"\s+(?:of\s+)?" + month + r",?\s+(?P<y>\d{4})"
    mdy = wday + month + r"\s+" + day + r",?\s+(?P<y>\d{4})"
    num = r"(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>\d{4}|\d{2})(?![\d.])"
    iso = r"(?P<y>\d{4})-(?P<b>[01]\d)-(?P<a>[0-3]\d)"
    flags = re.IGNORECASE
    return {
        "dmy": re.compile(r"\b" + dmy + r"\b", flags),
        "mdy": re.compile(r"\b" + mdy + r"\b", flags),
        "num": re.compile(r"(?<![\d/.])" + num, flags),
        "iso": re.compile(r"\b" + iso + r"\b", flags),
        "body": re.compile(r"\b(?:" + _alt(w["body_words"]) + r")s?\b", flags),
        "opener": re.compile(r"^\W*(?:" + _alt(w["heading_openers"]) + r")\b", flags),
        "not_this": re.compile(r"(?:" + _alt(w["not_this_meeting"]) + r")", flags),
        "date_label": re.compile(r"^\W*(?:" + _alt(w["date_labels"]) + r")\s*[:|–-]\s*(.*)$",
                                 flags),
        "meeting_label": re.compile(
            r"^\W*(?:" + _alt(w["meeting_labels"]) + r")\s*:\s*(.*)$", flags),
        "committee_label": re.compile(
            r"^\W*(?:" + _alt(w["committee_labels"]) + r")\s*[:|]\s*(.*?)\s*\|?$", flags),
        "meeting_of": re.compile(
            r"\bmeeting\s+of\s+(?:the\s+)?(?P<name>[^,.;]{3,80}?)\s+(?:held|on|at)\b", flags),
        "venue": re.compile(r"\b(?:" + _alt(w["venue_words"]) + r")\b", flags),
        "prefix": re.compile(r"^\s*(?:" + _alt(w["title_prefixes"]) + r")\s*[,/:|–-]\s*", flags),
    }


@dataclass(frozen=True)
class _Found:
    when: date
    start: int
    end: int


def find_dates(text: str) -> list[_Found]:
    """Every full calendar date written in ``text`` (day, month and year), in order."""
    p = _patterns()
    months = _words()["months"]
    found: list[_Found] = []
    for kind in ("dmy", "mdy", "num", "iso"):
        for m in p[kind].finditer(text):
            if any(f.start <= m.start() < f.end for f in found):
                continue
            g = m.groupdict()
            year = int(g["y"])
            if year < 100:
                year += 2000 if year < 70 else 1900
            if kind in ("dmy", "mdy"):
                d, mo = int(g["d"]), months[g["m"].lower()]
            else:
                d, mo = int(g["a"]), int(g["b"])
                if kind == "num" and mo > 12 and d <= 12:  # US order: 07/23/2013
                    d, mo = mo, d
            try:
                found.append(_Found(date(year, mo, d), m.start(), m.end()))
            except ValueError:
                continue
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str) -> date | None:
    """The first full date written in ``text``, or None."""
    found = find_dates(text)
    return found[0].when if found else None


def _clean_name(name: str) -> str | None:
    name = re.sub(r"\((?:item|minute)[^)]*\)", "", name, flags=re.IGNORECASE)
    name = re.sub(r"\s+-\s+expired\b.*$", "", name, flags=re.IGNORECASE)
    name = _patterns()["prefix"].sub("", name)
    name = re.sub(r"^[A-Za-z ]{1,20}:\s*", "", name)
    name = re.sub(r"\s+", " ", name).strip(" ,;:|–-")
    if not name or len(name) > 100 or not _patterns()["body"].search(name):
        return None
    if _patterns()["venue"].search(name):
        return None
    return name


def _date_only(line: str, found: _Found) -> bool:
    """True when ``line`` is a date with at most a weekday/time around it."""
    rest = line[: found.start] + " " + line[found.end :]
    rest = re.sub(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?|hrs)?\b", " ", rest, flags=re.I)
    rest = re.sub(r"\b(?:at|from|to|held|on)\b", " ", rest, flags=re.IGNORECASE)
    return not re.sub(r"[\W_]+", "", rest)


_ENUM = re.compile(r"^\s*(?:\(?[0-9]{1,3}[a-z]?[.)]|\(?[a-z]{1,4}[.)]|[•·▪◦*-])\s*\S",
                   re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?|hrs|noon)\b|\b\d{1,2}[.:]\d{2}\b",
                   re.IGNORECASE)


def _from_heading(line: str) -> MeetingMeta | None:
    """A title line: "Cabinet - Thursday, 30th January, 2025 10.00 am" or
    "Minutes of the meeting of the Cabinet held on 9 January 2025"."""
    p = _patterns()
    if len(line) > MAX_HEADING or p["not_this"].search(line) or _ENUM.match(line):
        return None
    found = find_dates(line)
    if not found:
        return None
    first = found[0]
    before, after = line[: first.start].rstrip(), line[first.end :]
    opener = p["opener"].search(line)
    if not opener:
        if not p["body"].search(line) or before.endswith(":") or line.endswith("."):
            return None
        rest = re.sub(r"^\W*(?:at\b)?\W*", "", _TIME.sub("", after))
        named = re.match(r"[–—-]\s+(.+)$", rest.strip(" ,.;|"))
        if len(rest.strip(" ,.;|–—-")) > 30 and not (named and _clean_name(named.group(1))):
            return None  # prose: "At its meeting on 13 December 2021, the Committee agreed ..."
    committee = None
    m = p["meeting_of"].search(line)
    if m:
        committee = _clean_name(m.group("name"))
    if committee is None and re.search(r"[–—-]$|,$", before):
        committee = _clean_name(before)
    if committee is None:
        tail = re.match(r"\s*[–—-]\s+(.+)$", after)
        if tail and not _TIME.match(tail.group(1)):
            committee = _clean_name(tail.group(1))
    return MeetingMeta(first.when, committee)


def _head_of(line: str) -> str:
    """A long paragraph's first sentence (a heading run into its text by a reflow)."""
    if len(line) <= MAX_HEADING:
        return line
    m = re.search(r"[.!?](?=\s+[A-Za-z(])", line[40:MAX_HEADING])
    return line[: 40 + m.end()] if m else line


def find_meeting(lines: Sequence[str]) -> MeetingMeta:
    """The meeting date and committee that the top of a document states, if any."""
    p = _patterns()
    heads = [_head_of(ln.strip().strip("|").strip()) for ln in lines[:LABEL_LINES]]
    heads = [h for h in heads if h]
    committee: str | None = None
    for i, line in enumerate(heads):
        m = p["committee_label"].match(line)
        if m and committee is None:  # "Committee: X", or the label alone and X below it
            value = m.group(1).strip()
            if value:
                committee = _clean_name(value) or value
            elif i + 1 < len(heads):
                committee = _clean_name(heads[i + 1])
    for i, line in enumerate(heads):
        label = p["meeting_label"].match(line) or p["date_label"].match(line)
        if label:
            rest = label.group(1).strip() or (heads[i + 1] if i + 1 < len(heads) else "")
            if p["not_this"].search(rest):
                continue
            found = find_dates(rest)
            if not found and committee is None and p["meeting_label"].match(line):
                committee = _clean_name(rest)
            if found and found[0].start <= 12:
                tail = rest[found[0].end :]
                name = None
                if re.match(r"\s*[–—-]\s", tail):
                    name = _clean_name(re.sub(r"^\s*[–—-]\s*", "", tail))
                return MeetingMeta(found[0].when, name or committee)
        if i >= HEAD_LINES:
            continue
        meta = _from_heading(line)
        if meta:
            return MeetingMeta(meta.meeting_date, meta.committee or committee)
        found = find_dates(line)
        if (i < DATE_ONLY_LINES and found and _date_only(line, found[0])
                and not p["not_this"].search(line)):
            if i == 0:
                return MeetingMeta(found[0].when, committee)
            for prev in reversed(heads[max(0, i - 3) : i]):
                name = None if _ENUM.match(prev) else _clean_name(prev)
                if name:
                    return MeetingMeta(found[0].when, committee or name)
    return MeetingMeta(None, committee)
