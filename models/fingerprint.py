"""Normalised text fingerprints and token F1, used to recognise the same entry
in two documents (web page and printed minutes) or two versions of one document."""

from __future__ import annotations

import hashlib
import re
from collections import Counter

_TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    """Lower-cased alphanumeric tokens of ``text``."""
    return _TOKEN.findall(text.lower())


def fingerprint(text: str) -> str:
    """SHA-256 (hex) of the text's normalised tokens joined by single spaces."""
    return hashlib.sha256(" ".join(tokens(text)).encode("utf-8")).hexdigest()


def token_f1(a: str | list[str], b: str | list[str]) -> float:
    """Bag-of-tokens F1 between two texts (or token lists); 0.0 if either is empty."""
    ta = tokens(a) if isinstance(a, str) else a
    tb = tokens(b) if isinstance(b, str) else b
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    if not common:
        return 0.0
    precision, recall = common / len(ta), common / len(tb)
    return 2 * precision * recall / (precision + recall)
