"""Small helpers for the extractor tests: Documents from invented text, seed paths."""

from __future__ import annotations

from pathlib import Path

from minutes.extractors import extract
from minutes.pipeline.readers.text import read_text
from minutes.records import Entry

REPO = Path(__file__).resolve().parents[2]
SEED_DIRS = (REPO / "samples", Path("/work/shared/seeds"))


def entries(text: str) -> list[Entry]:
    """Extract from an invented plain-text snippet."""
    return extract(read_text(text.encode("utf-8"), "x.txt"))


def texts(text: str) -> list[str]:
    return [e.text for e in entries(text)]


def seed_path(number: str) -> Path:
    """The seed minutes ``number`` ("000".."004") from samples/, else the shared seeds."""
    for folder in SEED_DIRS:
        found = sorted(folder.glob(f"{number}_*.txt"))
        if found:
            return found[0]
    raise FileNotFoundError(f"seed {number} not found in {SEED_DIRS}")
