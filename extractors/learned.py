"""A sentence model for what the rules miss: wordings no pattern has seen.

Linear models over TF-IDF word 1-2 grams (``data/sentence_model.json``, trained by
``training/train_sentences.py`` on annotated minutes): the detector scores how likely a
sentence is a register entry, the kind model picks its kind. A sentence the detector
does not rule out (``GATE``) is parsed, and the syntax model reads its words together
with what the parse says of its main verb (``syntax_terms``: "root agree, xcomp to-verb,
subject a person"), which holds on wordings the words alone do not. Pure Python at run
time apart from the parse; the weights are data. The syntax model also reads the
pipeline's token vectors (``dense_features``: their mean and the root's), which carry what
words of like use share; a pipeline whose vectors differ in width is read without them.
Weights trained with ``context_terms`` (the heading above the sentence, its list marker,
the words either side) have the syntax model read those too.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minutes.extractors.units import Unit

DATA = Path(__file__).parent / "data" / "sentence_model.json"
THRESHOLD = 0.7  # detector probability from which a sentence becomes an entry (no syntax model)
GATE = 0.3  # detector probability below which a sentence is not parsed: never an entry
SYNTAX_THRESHOLD = 0.75  # syntax-model probability from which it becomes an entry
TOKEN = re.compile(r"(?u)\b\w\w+\b")
DIGITS = re.compile(r"\d+")


MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{2,4}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?"
    rf"\s+\d{{2,4}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|{MONTH}\s+\d{{4}})\b", re.IGNORECASE)


def features_text(text: str) -> str:
    """The text the models read: a date in any form one word, other numbers folded, so
    neither a date's form nor a sum counts as words."""
    return DIGITS.sub("0", DATE.sub(" zdate ", text))


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
    data = _weights()
    return None if data is None else (Linear(data["detector"]), Linear(data["kind"]))


@functools.cache
def syntax_model() -> Linear | None:
    """The model over words and parse terms, or None when the weights have none."""
    data = _weights()
    return Linear(data["syntax"]) if data and "syntax" in data else None


@functools.cache
def _weights() -> dict | None:
    path = Path(os.environ.get("MINUTES_SENTENCE_MODEL") or DATA)
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def clear() -> None:
    """Forget loaded weights (after ``MINUTES_SENTENCE_MODEL`` changes)."""
    for cached in (model, syntax_model, _weights, _dense_part, reads_context):
        cached.cache_clear()


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))


def probability(text: str) -> float:
    """How likely ``text`` is one decision, recommendation or action by its words alone
    (0 without a model)."""
    models = model()
    if models is None:
        return 0.0
    return _sigmoid(models[0].scores(text)[0])


def syntax_probability(text: str, terms: str, dense: list[float] | None = None) -> float:
    """How likely ``text``, whose parse gave ``terms`` (``syntax_terms``) and the dense
    features ``dense`` (``dense_features``), is an entry."""
    found = syntax_model()
    if found is None:
        return 0.0
    z = found.scores(syntax_text(text, terms))[0]
    part = _dense_part()
    if part is not None and dense is not None and len(dense) == len(part[0]):
        z += sum(c * (x - m) for c, m, x in zip(part[1], part[0], dense, strict=True))
    return _sigmoid(z)


@functools.cache
def reads_context() -> bool:
    """Whether the syntax model was trained with ``context_terms``."""
    data = _weights()
    return bool(data and data.get("syntax", {}).get("context"))


@functools.cache
def _dense_part() -> tuple[list[float], list[float]] | None:
    """(means, weights) of the syntax model's dense features, if it has them."""
    data = _weights()
    dense = data.get("syntax", {}).get("dense") if data else None
    return (dense["mean"], dense["coef"]) if dense else None


HEADING_LIKE = re.compile(r"^[^.!?]{2,90}$")


def context_terms(doc_text: str, units: list[Unit], i: int, s: int, e: int) -> str:
    """Where a sentence stands, as terms: the words of the heading above it, its list
    marker's style, and the words either side of it ("hd_apologies en_num nx_carried")."""
    u = units[i]
    out = ["en_" + (re.sub(r"[\W\d]", "", u.enum.style) if u.enum else "none")]
    for j in range(i - 1, max(-1, i - 8), -1):
        above = units[j]
        head = " ".join(doc_text[above.enum.end if above.enum else above.start:above.end].split())
        if HEADING_LIKE.match(head) and len(head.split()) <= 10:
            out += ["hd_" + w for w in tokens(features_text(head))[:6]]
            break
    out += ["pv_" + w for w in tokens(features_text(doc_text[max(0, s - 40):s]))[-2:]]
    out += ["nx_" + w for w in tokens(features_text(doc_text[e:e + 40]))[:2]]
    if s <= (u.enum.end if u.enum else u.start) + 1:
        out.append("first_in_unit")
    return " ".join(out)


def syntax_text(text: str, terms: str) -> str:
    """What the syntax model reads: the sentence, then its parse terms."""
    return f"{text} \n {terms}"


def syntax_terms(doc) -> str:  # noqa: ANN001 - a spaCy Doc, typed loosely to keep spaCy lazy
    """Parse terms of a sentence's first clause: its root's lemma and tag, the relations
    on the root, its auxiliaries and marker, its subject's kind, its complements, and
    whether it opens with a bare verb or with "to"."""
    sent = next(iter(doc.sents), None)
    if sent is None:
        return ""
    root = sent.root
    lemma = root.lemma_.lower()
    out = [f"D_root_{lemma}", f"D_roottag_{root.tag_}"]
    for child in root.children:
        out.append(f"D_{child.dep_}")
        if child.dep_ in ("aux", "auxpass", "neg", "mark"):
            out.append(f"D_{child.dep_}_{child.lemma_.lower()}")
        elif child.dep_ in ("nsubj", "nsubjpass"):
            out += [f"D_subj_{child.ent_type_ or child.pos_}", f"D_subjl_{child.lemma_.lower()}"]
        elif child.dep_ in ("xcomp", "ccomp"):
            out += [f"D_{child.dep_}_{child.tag_}", f"D_rootcomp_{lemma}_{child.lemma_.lower()}"]
    if root.i == sent.start and root.tag_ == "VB":
        out.append("D_imperative")
    if doc[sent.start].tag_ == "TO":
        out.append("D_starts_to")
    return " ".join(out)


def dense_features(doc) -> list[float]:  # noqa: ANN001 - a spaCy Doc
    """What the pipeline's token vectors say of a sentence: their mean, then the vector of
    the first sentence's root (empty when the pipeline leaves no tensor)."""
    tensor = getattr(doc, "tensor", None)
    sent = next(iter(doc.sents), None) if len(doc) else None
    if tensor is None or sent is None or len(tensor.shape) != 2 or tensor.shape[0] != len(doc):
        return []
    return [float(v) for v in tensor.mean(axis=0)] + [float(v) for v in tensor[sent.root.i]]


def parse_features(texts: list[str]) -> list[tuple[str, list[float]]]:
    """``syntax_terms`` and ``dense_features`` of each text, parsed in one batch (the
    entity recogniser is off)."""
    if not texts:
        return []
    from minutes.extractors.nlp import load_nlp

    nlp = load_nlp()
    return [(syntax_terms(d), dense_features(d))
            for d in nlp.pipe(texts, disable=["ner"], batch_size=64)]


def parse_terms(texts: list[str]) -> list[str]:
    """``syntax_terms`` of each text (``parse_features`` without the dense part)."""
    return [terms for terms, _ in parse_features(texts)]


def kind_of(text: str) -> str:
    """The most likely kind of an entry worded ``text``."""
    models = model()
    if models is None:
        return "action"
    kinds = models[1]
    scores = kinds.scores(text)
    return kinds.classes[max(range(len(scores)), key=scores.__getitem__)]


__all__ = ["DATA", "GATE", "SYNTAX_THRESHOLD", "THRESHOLD", "clear", "dense_features",
           "features_text", "kind_of", "model", "parse_features", "parse_terms", "probability",
           "syntax_model", "syntax_probability", "syntax_terms", "syntax_text", "tokens"]
