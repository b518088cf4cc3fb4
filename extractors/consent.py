"""Consent calendars: the routine items a board approves in one vote, each a decision.

US boards list them under "CONSENT AGENDA: (A) Consider Approval of Invoices. (B) ..."
or after a motion "to approve the items on the Consent Calendar (listed below)": every
lettered item is an outcome of the meeting (approving the minutes among them is
procedural, and ``classify`` drops it later).
"""

from __future__ import annotations

import functools
import re

from minutes.extractors.candidate import FORMAL, Candidate
from minutes.extractors.resources import load_json
from minutes.extractors.units import TERMINAL, Unit, sentences

LEAD = re.compile(r"(?i)\bconsent\s+(?:calendar|agenda)s?\b")
# an item label inside a run-on paragraph: "(A) ", "(b) ", "c. ", "4. " before a capital
INLINE_LABEL = re.compile(r"(?:(?<=\s)|^)(?:\((?P<paren>[A-Za-z]|\d{1,2})\)"
                          r"|(?P<dot>[A-Za-z]|\d{1,2})\.)\s+(?=[A-Z])")
EMPTY = re.compile(r"[.:]\s+None\b")  # "C. Receipt of Correspondence. None."
LIST_STYLES = ("dot-", "paren-", "close-", "num0")
RULE = "consent-item"
MAX_LEAD_SENTENCES = 3


@functools.cache
def _item_opening() -> re.Pattern[str]:
    return re.compile(load_json("prose.json")["consent_item"])


def _rank(label: str) -> int:
    """Position of a list label: "a"/"A"/"1" is 0."""
    return int(label) - 1 if label.isdigit() else ord(label.lower()) - ord("a")


def inline_items(text: str, start: int, end: int, item: str | None) -> list[Candidate]:
    """The lettered items after a consent-calendar mention in one run-on paragraph: labels
    in sequence from (A), a. or 1. (one label may be lost to a page break), two or more,
    each opening as an item does ("Approval of ..."); a group ("3. Resolutions a. ...
    b. ...") gives its sub-items."""
    leads = list(LEAD.finditer(text, start, end))
    for n, lead in enumerate(leads):
        stop = leads[n + 1].start() if n + 1 < len(leads) else end
        found = _items(text, lead.end(), stop, item, minimum=2)
        if found:
            return found
    return []


def _items(text: str, start: int, end: int, item: str | None, minimum: int,
           outer: str | None = None) -> list[Candidate]:
    labels = _labels(text, start, end, outer)
    if len(labels) < minimum:
        return []
    out = []
    for n, (_, body, style) in enumerate(labels):
        stop = labels[n + 1][0] if n + 1 < len(labels) else _first_sentence_end(text, body, end)
        inner = _items(text, body, stop, item, 1, style) if outer is None else []
        if inner:
            out.extend(inner)
            continue
        piece_end = len(text[:stop].rstrip())
        if _item_opening().match(text, body):
            out.append(Candidate("decision", body, piece_end, RULE, FORMAL, item))
    return out


def _labels(text: str, start: int, end: int, outer: str | None) -> list[tuple[int, int, str]]:
    """(start, body start, style) of the in-sequence labels of one style in the span; the
    first must be the first of its list; ``outer`` is the enclosing list's style."""
    labels: list[tuple[int, int, str]] = []
    want = 0
    for m in INLINE_LABEL.finditer(text, start, end):
        label = m.group("paren") or m.group("dot")
        style = ("p" if m.group("paren") else "d") + ("9" if label.isdigit() else
                                                      "A" if label.isupper() else "a")
        rank = _rank(label)
        if style == outer:
            break
        if labels and (style != labels[0][2] or not want <= rank <= want + 1):
            continue
        if not labels and rank != 0:
            continue
        labels.append((m.start(), m.end(), style))
        want = rank + 1
    return labels


def _first_sentence_end(text: str, start: int, end: int) -> int:
    spans = sentences(text[start:end], start)
    return spans[0][1] if spans else end


def listed_items(text: str, units: list[Unit],
                 i: int) -> tuple[list[Candidate], int, bool] | None:
    """The lettered units after a consent-calendar lead (unit ``i``: a short one, or a
    long one's last sentence): one decision each, a wrapped line joined to its item; with
    the index after the list, and whether the lead is only the vote on them (short: take
    it too). An item with nothing in it ("Receipt of Correspondence. None.") is none."""
    lead = units[i]
    spans = sentences(text[lead.start:lead.end], lead.start)
    short = len(spans) <= MAX_LEAD_SENTENCES
    if not spans or not LEAD.search(text, lead.start if short else spans[-1][0], lead.end):
        return None
    j = i + 1
    first = units[j] if j < len(units) else None
    if first is None or first.enum is None or not first.enum.style.startswith(LIST_STYLES) \
            or _rank(first.enum.label) != 0 or not _item_opening().match(text, first.enum.end):
        return None
    style, out = first.enum.style, []
    while j < len(units) and units[j].table is None:
        u = units[j]
        if u.enum is not None and u.enum.style == style:
            if _item_opening().match(text, u.enum.end):
                out.append(Candidate("decision", u.enum.end, u.end, RULE, FORMAL, u.item))
        elif u.enum is None and out and not u.blank_before \
                and not TERMINAL.search(text[out[-1].start:out[-1].end]):
            out[-1].end = u.end  # "D. Approval of Resolution 08-12," / "Approving an ..."
        else:
            break
        j += 1
    return [c for c in out if not EMPTY.search(text, c.start, c.end)], j, short


__all__ = ["LEAD", "inline_items", "listed_items"]
