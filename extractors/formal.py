"""Formal resolutions: RESOLVED / Decision: / RECOMMENDED / ACTIONS AGREED blocks and limbs."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from minutes.extractors.candidate import FORMAL, Candidate
from minutes.extractors.resources import load_json
from minutes.extractors.units import Unit, norm, same_list, sentences

INLINE_ENUM = re.compile(r"(?:(?<=^)|(?<=\s))\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s+")
LEAD_TAIL = re.compile(r"(?:^|\b)(?:to|that|THAT|That|resolves? to|agreed to|AGREED to|"
                       r"resolved|RESOLVED)?\s*[:;,–—-]*\s*-?\s*$")
TRAILING_AND = re.compile(r"(?:[;,]\s*(?:and|or)?|\s+and|\s+or)\s*$")
RESOLUTION_LIKE = re.compile(
    r"^(?:That|that|THAT|To|to)\b|^(?i:note|approve|agree|endorse|accept|"
    r"receive|request|ask|delegate|authorise|authorize|defer|refer|recommend|support|"
    r"adopt|confirm|instruct|welcome|thank|congratulate|invite|amend|grant|refuse|establish)"
    r"(?i:s|d|ed)?\b"
    r"|\b(?:be|BE) \w+(?:ed|en|t)\b|\bRESOLUTION NO\b|^Motion\b")
BARE_BODY_LEAD = re.compile(r"^(?:That|THAT) (?:the )?(?:[A-Z][\w’'&\-]* ){0,4}(?:Council|Committee"
                            r"|Board|Cabinet|Panel|Forum|Authority|Commission|Executive"
                            r"|Sub-Committee)\s*$")  # "That Cabinet" over numbered limbs
STARTS_THAT = re.compile(r"^(?:and\s+)?(?:that|That|THAT)\b")


@dataclass(frozen=True)
class Trigger:
    """A trigger phrase that opened a sentence."""

    name: str
    kind: str
    end: int  # offset in doc.text where the limb text begins
    bare: bool
    heading: bool = False  # a section label ("Decision:"): limbs must read like resolutions


@functools.cache
def _triggers() -> tuple[tuple[str, str, bool, bool, re.Pattern[str]], ...]:
    data = load_json("triggers.json")
    return tuple((t["name"], t["kind"], t.get("heading", False), t.get("bare", False),
                  re.compile(t["pattern"])) for t in data["triggers"])


@functools.cache
def _proposal() -> re.Pattern[str]:
    return re.compile("|".join(load_json("triggers.json")["proposal_lead_ins"]))


def match_trigger(text: str, offset: int) -> Trigger | None:
    """The trigger opening the sentence ``text`` (at ``offset``), if any."""
    for name, kind, heading, bare, pattern in _triggers():
        m = pattern.match(text)
        if m and not (kind == "recommendation" and _person_subject().match(text)):
            return Trigger(name, kind, offset + m.end(), bare, heading)
    return None


@functools.cache
def _person_subject() -> re.Pattern[str]:
    return re.compile(load_json("triggers.json")["person_subject"])


def is_lead_in(rest: str) -> bool:
    """Whether the words after a trigger only introduce a list of limbs."""
    rest = rest.strip()
    if not rest:
        return True
    if not re.search(r"[:;–—-]\s*-?\s*$", rest):
        return False
    return _short_lead_in(rest) or len(rest.split()) <= 3


def is_proposal(lead: str) -> bool:
    """A report's own proposed resolution to the meeting (not an outcome)."""
    return bool(_proposal().search(lead))


@functools.cache
def _proposal_limb() -> re.Pattern[str]:
    return re.compile(load_json("triggers.json")["proposal_limbs"])


def is_proposal_limb(text: str) -> bool:
    """"That the Committee is asked to note ...": a report's recommendation to the meeting."""
    return bool(_proposal_limb().search(text.strip()))


def limb_pieces(doc_text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a limb at inline enumerators "(i) ... and (ii) ..." when it opens with one."""
    body = doc_text[start:end]
    marks = list(INLINE_ENUM.finditer(body))
    lead = re.match(r"^(?:(?:That|that|THAT)\s+)?", body).end()
    if not marks or marks[0].start() > lead:
        return [_trim(doc_text, start, end)]
    bounds = [m for m in marks]
    pieces = []
    for k, m in enumerate(bounds):
        stop = bounds[k + 1].start() if k + 1 < len(bounds) else len(body)
        pieces.append(_trim(doc_text, start + m.end(), start + stop))
    return [p for p in pieces if p[1] > p[0]]


def _trim(doc_text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and a trailing "; and"."""
    text = doc_text[start:end]
    m = TRAILING_AND.search(text)
    if m:
        text = text[:m.start()]
    stripped = text.rstrip()
    lead = len(text) - len(text.lstrip())
    return start + lead, start + len(stripped)


@functools.cache
def _mover_line() -> re.Pattern[str]:
    return re.compile(load_json("triggers.json")["mover_line"])


def is_mover_line(text: str) -> bool:
    """A "Moved: Cr Smith" / "Seconded: Cr Jones" line naming who moved a resolution."""
    return bool(_mover_line().match(text.strip()))


@functools.cache
def _that_do() -> re.Pattern[str]:
    data = load_json("triggers.json")
    verbs = "(?:" + data["direction_verbs"] + r")(?:s|es)?\b"
    return re.compile(data["that_do"].replace("{direction_verbs}", verbs))


def is_that_do(text: str) -> bool:
    """"That the Clerk write to the MP": a limb worded as the meeting's direction."""
    return bool(_that_do().match(text.strip()))


@functools.cache
def _resolution_triggers() -> frozenset[str]:
    return frozenset(load_json("triggers.json")["resolution_triggers"])


def is_outcome_trigger(trig: Trigger) -> bool:
    """Whether ``trig`` opens the meeting's own resolution (its limbs are never proposals)."""
    return trig.name in _resolution_triggers()


def limbs_from(doc_text: str, start: int, end: int, trig: Trigger, lead: str | None,
               item: str | None) -> list[Candidate]:
    """Candidates for the limb text ``doc_text[start:end]``."""
    out = []
    outcome = is_outcome_trigger(trig)
    for s, e in limb_pieces(doc_text, start, end):
        if e - s < 3 or (not outcome and is_proposal_limb(doc_text[s:e])):
            continue
        out.append(Candidate(trig.kind, s, e, f"formal:{trig.name}", FORMAL, item, lead))
    return out


def gather(doc_text: str, units: list[Unit], j: int, trig: Trigger, lead: str,
           heading: bool) -> tuple[list[Candidate], int, list[tuple[int, str]]]:
    """Limbs in the units from ``j`` on; returns them, the next unit index and notes.

    ``heading`` (a bare "Decision:" label) asks the first limb to read like a
    resolution. Notes are (candidate index, text) of lines trailing an action.
    """
    out: list[Candidate] = []
    notes: list[tuple[int, str]] = []
    style: str | None = None
    last: str | None = None  # the previous limb's enumerator label
    in_details = False
    while j < len(units):
        u = units[j]
        if u.table is not None:
            break
        body_start = u.enum.end if u.enum else u.start
        body = doc_text[body_start:u.end]
        spans = sentences(body, body_start)
        if not spans:
            break
        s0, e0 = spans[0]
        if match_trigger(doc_text[s0:e0], 0):
            break
        if not out and is_mover_line(body):
            j += 1
            continue
        if not out and _caps_label(body):
            j += 1  # "AGREED RECOMMENDATIONS" under "Decision:": a label, not a limb
            continue
        if not out and REASON_LEAD.match(body.strip()):
            j += 1  # "For the reasons set out in the report: -" before the real lead-in
            continue
        if not out and _short_lead_in(body):
            lead = norm(body)
            if RECOMMEND_LEAD.search(lead) and trig.kind == "decision":
                trig = replace(trig, kind="recommendation")  # "... recommend to Council that:"
            j += 1
            continue
        enum = u.enum
        is_that = enum is None and STARTS_THAT.match(body) is not None
        if style is None:
            if heading and not RESOLUTION_LIKE.search(body):
                break
            style = enum.style if enum else "plain"
        elif enum is not None and same_list(enum.style, style) and not follows(last, enum.label):
            break  # "1. 2." then "14. Next item": the numbering jumps, the list has ended
        elif (enum is not None and same_list(enum.style, style)) or is_that:
            pass
        elif enum is not None:
            if not in_details:
                break
            j += 1
            continue
        elif in_details and len(body.split()) <= 14:
            j += 1
            continue
        elif trig.kind == "action" and out and _next_has_style(units, j + 1, style):
            notes.append((len(out) - 1, body))
            j += 1
            continue
        else:
            break
        out.extend(limbs_from(doc_text, body_start, u.end, trig, lead, u.item))
        last = enum.label if enum else last
        in_details = body.rstrip().endswith(":")
        j += 1
    return out, j, notes


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
         "x": 10, "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}


def _ordinal(label: str) -> int | None:
    """1 for "1", "a", "A", "i"; None for labels without an order (bullets)."""
    label = label.strip().lower().rsplit(".", 1)[-1]
    if label.isdigit():
        return int(label)
    if label in ROMAN:
        return ROMAN[label]
    if len(label) == 1 and label.isalpha():
        return ord(label) - ord("a") + 1
    return None


def follows(prev: str | None, label: str) -> bool:
    """Whether ``label`` can come next after ``prev`` in one list: "2" after "1", "c" after
    "b" (one skipped number is forgiven), anything after a bullet, alphabetic "i" after "h"."""
    if prev is None:
        return True
    a, b = _ordinal(prev), _ordinal(label)
    if a is None or b is None:
        return True
    return a < b <= a + 2 or (prev.lower() == "h" and label.lower() == "i")


REASON_LEAD = re.compile(r"^(?:For|Having regard to|Having considered|In light of|On the basis of)"
                         r"\b[^.;]{0,100}[:–—-]\s*-?$")
RECOMMEND_LEAD = re.compile(r"\brecommend(?:s|ed)? to (?:the )?(?:Full )?[A-Z][\w’'&\- ]{1,60}? "
                            r"(?:that|THAT)\s*[:–—-]+\s*-?$")


def _caps_label(body: str) -> bool:
    """A short line in capitals with no stop: a sub-heading ("AGREED RECOMMENDATIONS")."""
    body = body.strip()
    return (0 < len(body.split()) <= 4 and body.isupper() and not re.search(r"[.;]$", body)
            and not match_trigger(body, 0))


def _short_lead_in(body: str) -> bool:
    """A preamble that only introduces limbs ("That the Committee:-", "... AGREED to:")."""
    body = body.strip()
    if BARE_BODY_LEAD.match(body):
        return True
    if not re.search(r"[:–—-]\s*-?$", body):
        return False
    return len(body.split()) <= 2 or bool(
        re.search(r"\b(?:to|that|then|THAT|TO)\s*[:–—-]+\s*-?$", body)
        or re.match(r"^(?:That |that )?(?:the )?[A-Z][\w’'&\- ]{1,60}\s*:-?$", body))


def _next_has_style(units: list[Unit], j: int, style: str) -> bool:
    return j < len(units) and units[j].enum is not None and same_list(units[j].enum.style, style)


__all__ = ["Trigger", "gather", "is_lead_in", "is_mover_line", "is_outcome_trigger", "is_proposal",
           "is_proposal_limb", "is_that_do", "limbs_from", "match_trigger"]
