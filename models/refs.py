"""Human-readable entry references: committee code + meeting date + item + limb,
e.g. ``CAB-2025-01-30-84.2``; ``<file-stem-slug>-3`` when a document names neither."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from importlib import resources

_WORD = re.compile(r"[A-Za-z0-9]+")


@cache
def _stopwords() -> frozenset[str]:
    text = resources.files("minutes.models").joinpath("data/ref_stopwords.txt").read_text("utf-8")
    return frozenset(
        w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")
    )


def committee_code(committee: str) -> str:
    """Initials of the significant words, or the first three letters of a one-word name."""
    words = [w for w in _WORD.findall(committee) if w.lower() not in _stopwords()]
    if not words:
        return "MTG"
    if len(words) == 1:
        return words[0][:3].upper()
    return "".join(w[0] for w in words).upper()[:8]


def item_label(number: str | None) -> str | None:
    """An item/minute number as used in refs and for matching: '84.' -> '84', '5 (a)' -> '5a',
    'Item 7' -> '7'."""
    if number is None:
        return None
    # "Item 5", "Minute 84." -> the number after a leading word
    worded = re.match(r"^\s*[A-Za-z]+\.?\s+(\d\S*)\s*$", number)
    if worded:
        number = worded.group(1)
    label = re.sub(r"[^A-Za-z0-9.]+", "", number).strip(".").lower()[:20].strip(".")
    return label or None


def source_stem(source: str) -> str:
    """A path's or URL's file name without its extension, lower-cased ('' if none)."""
    name = source.split("?", 1)[0].split("#", 1)[0].rstrip("/\\")
    name = re.split(r"[/\\]", name)[-1]
    if "." in name:
        name = name.rsplit(".", 1)[0]
    return name.strip().lower()


def source_slug(source: str, length: int = 8) -> str:
    """A short slug of a path's or URL's file stem: '/x/000_9b30ab.txt' -> '000_9b30'."""
    slug = re.sub(r"[^a-z0-9_]+", "_", source_stem(source)).strip("_")[:length].strip("_")
    return slug or "doc"


def ref_prefix(committee: str | None, meeting_date: date | None, source: str) -> str:
    """The part of every ref of a meeting's entries before the item/limb."""
    parts = []
    if committee and committee.strip():
        parts.append(committee_code(committee))
    if meeting_date:
        parts.append(meeting_date.isoformat())
    return "-".join(parts) if parts else source_slug(source)


def limb_ref(prefix: str, label: str | None, n: int) -> str:
    """``prefix-84.2`` for limb 2 of item 84; ``prefix-2`` for the second unnumbered entry."""
    return f"{prefix}-{label}.{n}" if label else f"{prefix}-{n}"


def limbs(items: list[str | None]) -> list[tuple[str | None, int]]:
    """(item label, limb number) per entry, numbering limbs within each item in order."""
    counts: dict[str | None, int] = {}
    out = []
    for item in items:
        label = item_label(item)
        counts[label] = counts.get(label, 0) + 1
        out.append((label, counts[label]))
    return out


def limb_refs(prefix: str, items: list[str | None]) -> list[str]:
    """One ref per entry, numbering limbs within each item in order of appearance."""
    return [limb_ref(prefix, label, n) for label, n in limbs(items)]


def with_suffix(ref: str, attempt: int) -> str:
    """The ``attempt``-th alternative for a ref already taken: -b, -c, ... then -27 ..."""
    if attempt <= 0:
        return ref
    if attempt < 26:
        return f"{ref}-{chr(ord('a') + attempt)}"
    return f"{ref}-{attempt + 1}"
