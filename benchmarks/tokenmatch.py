"""score.py's lenient text match, shared by the field benchmarks."""

from __future__ import annotations

import re
from collections import Counter

TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text: str | None) -> list[str]:
    return TOKEN.findall((text or "").lower())


def lenient_match(gold: str | None, pred: str | None, ignore: frozenset[str] = frozenset()
                  ) -> bool:
    """Token F1 of the two texts >= 0.5 (``ignore`` words left out), or both empty."""
    g = Counter(t for t in tokens(gold) if t not in ignore)
    p = Counter(t for t in tokens(pred) if t not in ignore)
    if not g or not p:
        return not g and not p
    common = sum((g & p).values())
    if not common:
        return False
    prec, rec = common / sum(p.values()), common / sum(g.values())
    return 2 * prec * rec / (prec + rec) >= 0.5
