"""Motion blocks: "Moved by Cr Smith / (Seconded by ...) / <motion> / CARRIED" as decisions.

eScribe, Australian and US minutes print a carried motion as a mover line, the motion's
own words (one paragraph per limb, or a lead-in with numbered limbs) and a result line.
A carried block gives one decision per limb; a lost one gives nothing (a kindless
candidate over its words, so that no later reader takes them for an outcome).
"""

from __future__ import annotations

import re

from minutes.extractors import formal
from minutes.extractors.candidate import Candidate
from minutes.extractors.units import Unit, norm

RESULT = re.compile(
    r"(?i)^\W*(?:the\s+)?(?:motion|resolution|amendment)?\s*(?:was\s+|is\s+|then\s+|duly\s+)*"
    r"(?P<result>carried|passed|adopted|lost|defeated|failed|withdrawn)\b"
    r"(?:\s+(?:unanimously|on the casting vote\b.*))?"
    r"(?:[\s,(]*(?:by\s+)?\d+\s*(?:[-–:/]|to|votes? to)\s*\d+\)?(?:\s+votes?)?)?"
    r"(?:\s*(?:resolution\s*(?:no\.?|number)?\s*[\w/.\-]*\d[\w/.\-]*))?"
    r"(?:[\s,(]*(?:by\s+)?\d+\s*(?:[-–:/]|to)\s*\d+\)?)?\W*$")
VOTE_PIECES = re.compile(
    r"(?i)\b(?:moved|seconded|mover|seconder|proposed|carried|lost|unanimously|resolution|no"
    r"|all in (?:favour|favor)|in (?:favour|favor)|all agreed|agreed)\b"
    r"(?: by)?\.?|(?:\b(?:Crs?|Cllrs?|Councillors?)\.?\s+)?(?-i:[A-Z][\w’'.\-]*)"
    r"|\d+(?:\s*[/-]\s*\d+)?|[/\s.,;:()–—-]+")
TRIGGER_NAME = "moved-carried-block"
MAX_UNITS = 12


def result_of(body: str) -> str | None:
    """"carried" / "lost" ... when ``body`` is a bare result line ("CARRIED 5/0")."""
    m = RESULT.match(body.strip())
    return m.group("result").lower() if m else None


def is_vote_record(sentence: str) -> bool:
    """"MOVED: Cr Barnes SECONDED: Cr Bethel CARRIED RESOLUTION NO.2017/12 5/0": who moved
    and how it went, no words of the motion itself."""
    s = sentence.strip()
    if not re.match(r"(?i)(?:moved|seconded|proposed|mover)\b", s) or len(s.split()) > 16:
        return False
    return VOTE_PIECES.sub("", s).strip() == "" and bool(
        re.search(r"(?i)\b(?:carried|lost|seconded)\b", s))


def block(doc_text: str, units: list[Unit], i: int) -> tuple[list[Candidate], int] | None:
    """The decisions of the motion whose mover line is unit ``i``, and the unit after it;
    None when no result line closes the block."""
    j = i + 1
    while j < len(units) and formal.is_mover_line(_body(doc_text, units[j])):
        j += 1
    first = j
    end = None
    result = None
    while j < len(units) and j - first < MAX_UNITS:
        body = _body(doc_text, units[j])
        if units[j].table is not None or formal.is_mover_line(body) and j > first:
            return None
        result = result_of(body)
        if result is not None:
            end = j
            break
        j += 1
    if end is None or end == first:
        return None
    if result not in ("carried", "passed", "adopted"):
        lost = Candidate("", units[first].start, units[end - 1].end, "motion-lost")
        return [lost], end + 1
    trig = formal.Trigger(TRIGGER_NAME, "decision", units[first].start, True)
    out: list[Candidate] = []
    k = first
    while k < end:
        u = units[k]
        body = _body(doc_text, u)
        if formal.is_mover_line(body):
            k += 1
            continue
        if body.rstrip().endswith(":") and k + 1 < end:
            limbs, nxt, _ = formal.gather(doc_text, units, k + 1, trig, norm(body), heading=False)
            if limbs:
                out.extend(c for c in limbs if c.start < units[end].start)
                k = max(nxt, k + 1)
                continue
        start = u.enum.end if u.enum else u.start
        out.extend(formal.limbs_from(doc_text, start, u.end, trig, None, u.item))
        k += 1
    return out, end + 1


def _body(doc_text: str, u: Unit) -> str:
    return doc_text[u.enum.end if u.enum else u.start:u.end]


__all__ = ["block", "is_vote_record", "result_of"]
