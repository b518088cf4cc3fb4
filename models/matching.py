"""Which newly extracted entries are already in the register for the same meeting.

Pure: compares (kind, text, item) triples. A new entry matches an existing one with
the same fingerprint, or with near-identical text (token F1 >= threshold) and the
same kind. Item numbers must agree unless one side has none or the text is long
enough to be distinctive (the web page numbers agenda items, the printed minutes
number minutes). Each existing entry is matched at most once per save.
"""

from __future__ import annotations

from dataclasses import dataclass

from minutes.models.fingerprint import fingerprint, token_f1, tokens

F1_THRESHOLD = 0.9
DISTINCTIVE_TOKENS = 8


@dataclass(frozen=True)
class Candidate:
    """What matching looks at: the entry's kind, text and item label."""

    kind: str
    text: str
    item: str | None = None


def _compatible(a: Candidate, b: Candidate, size: int) -> bool:
    return a.item is None or b.item is None or a.item == b.item or size >= DISTINCTIVE_TOKENS


def match(new: list[Candidate], old: list[Candidate],
          threshold: float = F1_THRESHOLD) -> list[int | None]:
    """For each new candidate, the index of the old one it is, or None."""
    result: list[int | None] = [None] * len(new)
    used: set[int] = set()
    new_tok = [tokens(c.text) for c in new]
    old_tok = [tokens(c.text) for c in old]
    new_fp = [fingerprint(c.text) for c in new]
    old_fp = [fingerprint(c.text) for c in old]

    def claim(i: int, j: int) -> None:
        result[i] = j
        used.add(j)

    # 1. same fingerprint, same item; 2. same fingerprint, compatible items
    for same_item in (True, False):
        for i, c in enumerate(new):
            if result[i] is not None:
                continue
            for j, o in enumerate(old):
                if j in used or old_fp[j] != new_fp[i]:
                    continue
                if (o.item == c.item) if same_item else _compatible(c, o, len(new_tok[i])):
                    claim(i, j)
                    break
    # 3. near-identical text, same kind, best pairs first
    pairs = []
    for i, c in enumerate(new):
        if result[i] is not None:
            continue
        for j, o in enumerate(old):
            if j in used or o.kind != c.kind:
                continue
            if not _compatible(c, o, min(len(new_tok[i]), len(old_tok[j]))):
                continue
            f1 = token_f1(new_tok[i], old_tok[j])
            if f1 >= threshold:
                pairs.append((-f1, i, j))
    for _neg, i, j in sorted(pairs):
        if result[i] is None and j not in used:
            claim(i, j)
    return result
