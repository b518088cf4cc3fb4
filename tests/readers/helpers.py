"""Helpers shared by the reader tests."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "readers"


def texts(doc) -> list[str]:
    """Every block's text, in order (and the offsets are checked on the way)."""
    out = []
    for b in doc.blocks:
        t = doc.text[b.start : b.end]
        assert t and "\n" not in t and t == t.strip()
        out.append(t)
    return out
