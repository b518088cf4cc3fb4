"""Load the rule data files in ``extractors/data/`` once per process."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


@functools.cache
def load_json(name: str) -> dict[str, Any]:
    """The parsed JSON data file ``name``."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@functools.cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of the text data file ``name``."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return tuple(s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#"))


@functools.cache
def regex_list(name: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    """Each line of ``name`` compiled as a regex."""
    return tuple(re.compile(line, flags) for line in load_lines(name))


@functools.cache
def any_of(name: str, key: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """The JSON list ``key`` of ``name`` joined into one alternation."""
    items = load_json(name)[key]
    return re.compile("|".join(f"(?:{p})" for p in items), flags)
