"""One entry per outcome: the same limb printed twice (Decision:/Minutes:, prose + RESOLVED)."""

from __future__ import annotations

import re
from collections import Counter

from minutes.extractors.candidate import Candidate

TOKEN = re.compile(r"[a-z0-9]+")
LEAD = re.compile(r"^(?:that|to|and)\s+")
SAME_FORMAL = 0.9
SAME_PROSE = 0.5  # a prose sentence restating a formal limb
SAME_NEAR = 0.4  # ... printed close by (the prose agreement just before its RESOLVED line)
NEAR = 2000
SHORT = 4  # words: a reply this short, printed twice in one item, is said twice


def key(text: str) -> str:
    """Normalised text: lower case words, no leading "that"."""
    return LEAD.sub("", " ".join(TOKEN.findall(text.lower())))


def dedupe(cands: list[Candidate], texts: list[str]) -> list[Candidate]:
    """Drop repeats, keeping the formal copy, and of equals the later (Minutes) one."""
    order = sorted(range(len(cands)), key=lambda i: (-cands[i].rank, -cands[i].start))
    bags = [Counter(TOKEN.findall(t.lower())) for t in texts]
    sizes = [sum(b.values()) for b in bags]
    keys = [key(t) for t in texts]
    kept: list[int] = []
    for i in order:
        if any(_same(cands[i], cands[k], keys[i] == keys[k], bags[i], bags[k], sizes[i], sizes[k],
                     texts[i], texts[k]) for k in kept):
            continue
        kept.append(i)
    return [cands[i] for i in sorted(kept, key=lambda i: cands[i].start)]


NOMINATION = re.compile(r"\b(?:proposes|proposed|nominates|nominated) (?:\w+\.? )*?"
                        r"(?P<name>[A-Z][\w’'\-]+) (?:as|for)\b"
                        r"(?: the (?:role|position|post|office) of)?(?: the)? "
                        r"(?P<office>[\w\- ]{3,30}?)(?:,| and| seconded|\.|$)")


def _nominee_elected(nomination: str, formal: str) -> bool:
    """"X nominated Cllr Burt as Chairman ... seconded" and "That Cllr Burt be elected
    Chairman": the formal election is the entry, the nomination before it a repeat."""
    m = NOMINATION.search(nomination)
    return bool(m) and m.group("name") in formal and m.group("office").lower() in formal.lower()


def _same(a: Candidate, b: Candidate, same_key: bool, ba: Counter, bb: Counter, na: int,
          nb: int, ta: str, tb: str) -> bool:
    if a.start < b.end and b.start < a.end:
        return True
    if same_key:  # "Recommend approval" under each of three planning applications: three
        return na > SHORT or (a.item is not None and a.item == b.item)
    if a.rank != b.rank and abs(a.start - b.start) < NEAR and (
            (a.rule == "prose:nominated-seconded" and _nominee_elected(ta, tb))
            or (b.rule == "prose:nominated-seconded" and _nominee_elected(tb, ta))):
        return True
    limit = SAME_FORMAL if a.rank == b.rank else SAME_PROSE
    if a.rank != b.rank and abs(a.start - b.start) < NEAR:
        limit = SAME_NEAR
    if not na or not nb or 2 * min(na, nb) / (na + nb) < limit:
        return False  # token F1 can not reach the limit with lengths this far apart
    common = sum((ba & bb).values())
    return bool(common) and 2 * common / (na + nb) >= limit
