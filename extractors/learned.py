"""A sentence model for what the rules miss: wordings no pattern has seen.

Two linear models over TF-IDF word 1-2 grams (``data/sentence_model.json``, trained by
``training/train_sentences.py`` on annotated minutes): one scores how likely a sentence
is a register entry, one picks its kind. Pure Python at run time; the weights are data.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
from collections import Counter
from pathlib import Path

DATA = Path(__file__).parent / "data" / "sentence_model.json"
THRESHOLD = 0.7  # probability from which a sentence no rule took becomes an entry
TOKEN = re.compile(r"(?u)\b\w\w+\b")
DIGITS = re.compile(r"\d+")


def features_text(text: str) -> str:
    """The text the models read: numbers folded, so dates and sums do not count as words."""
    return DIGITS.sub("0", text)


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


class Linear:
    """One exported TF-IDF + logistic-regression model."""

    def __init__(self, data: dict) -> None:
        self.index = {term: i for i, term in enumerate(data["vocab"])}
        self.idf = data["idf"]
        self.coef = data["coef"]
        self.intercept = data["intercept"]
        self.classes = data["classes"]

    def _vector(self, text: str) -> dict[int, float]:
        words = tokens(features_text(text))
        grams = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        counts = Counter(self.index[g] for g in grams if g in self.index)
        vec = {i: (1 + math.log(n)) * self.idf[i] for i, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {i: v / norm for i, v in vec.items()}

    def scores(self, text: str) -> list[float]:
        vec = self._vector(text)
        return [b + sum(row[i] * v for i, v in vec.items())
                for row, b in zip(self.coef, self.intercept, strict=True)]


@functools.cache
def model() -> tuple[Linear, Linear] | None:
    """The detector and the kind model (``MINUTES_SENTENCE_MODEL`` names another weights
    file), or None when there is none."""
    path = Path(os.environ.get("MINUTES_SENTENCE_MODEL") or DATA)
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Linear(data["detector"]), Linear(data["kind"])


def probability(text: str) -> float:
    """How likely ``text`` is one decision, recommendation or action (0 without a model)."""
    models = model()
    if models is None:
        return 0.0
    z = models[0].scores(text)[0]
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))


def kind_of(text: str) -> str:
    """The most likely kind of an entry worded ``text``."""
    models = model()
    if models is None:
        return "action"
    kinds = models[1]
    scores = kinds.scores(text)
    return kinds.classes[max(range(len(scores)), key=scores.__getitem__)]


__all__ = ["DATA", "THRESHOLD", "features_text", "kind_of", "model", "probability", "tokens"]
