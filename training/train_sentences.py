"""Train the sentence model behind ``extractors/learned.py`` from annotated folders.

Each folder holds NAME.txt + NAME.json pairs annotated under the extraction spec
(the shared dev set, and fresh sets annotated blind). Every sentence the project's
own reader and sentence splitter produce is an example: positive when a gold entry's
text matches it (token F1 >= 0.5, the scorer's pairing rule), with that entry's kind.
Linear models (TF-IDF of word 1-2 grams, logistic regression) are fitted and written
as plain JSON weights, so extraction needs no scikit-learn: the detector and the kind
model on the words, and the syntax model on the words and the parse terms of
``learned.syntax_terms`` (skip it with --no-syntax):

    pip install scikit-learn
    python -m minutes.training.train_sentences DIR [DIR ...] [--out extractors/data/...]

A folder given with --hold-out is scored but not trained on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from minutes.extractors import passages
from minutes.extractors.learned import (
    DATA,
    context_terms,
    features_text,
    parse_features,
    syntax_text,
    tokens,
)
from minutes.extractors.units import build_units, sentences
from minutes.pipeline.readers import read_path


def _f1(a: str, b: str) -> float:
    x, y = tokens(a), tokens(b)
    common = sum((Counter(x) & Counter(y)).values())
    if not common:
        return 0.0
    p, r = common / len(x), common / len(y)
    return 2 * p * r / (p + r)


def examples(folder: Path, residual: bool = False) -> list[tuple[str, str | None, str]]:
    """(sentence text, gold kind or None, ``context_terms``) for every sentence of every
    document, or with ``residual`` only for the sentences the model reads at run time
    (those no rule took)."""
    return [x for gold_path in sorted(folder.glob("*.json"))
            if gold_path.with_suffix(".txt").exists()
            for x in document_examples(gold_path, residual)]


def document_examples(gold_path: Path,
                      residual: bool = False) -> list[tuple[str, str | None, str]]:
    """The examples of one annotated document (``NAME.json`` beside ``NAME.txt``)."""
    gold = json.loads(gold_path.read_text())["items"]
    doc = read_path(gold_path.with_suffix(".txt"))
    units = build_units(doc)
    if residual:
        index = {id(u): i for i, u in enumerate(units)}
        spans = [(s, e, index[id(u)]) for s, e, u in passages.residual(
            doc, units, passages.rule_candidates(doc, units))]
    else:
        spans = [(s, e, i) for i, u in enumerate(units)
                 for s, e in sentences(doc.text[u.enum.end if u.enum else u.start:u.end],
                                       u.enum.end if u.enum else u.start)]
    out = []
    for s, e, i in spans:
        sent = " ".join(doc.text[s:e].split())
        best = max(((_f1(sent, g["text"]), g["kind"]) for g in gold), default=(0, None))
        out.append((sent, best[1] if best[0] >= 0.5 else None,
                    context_terms(doc.text, units, i, s, e)))
    return out


def _export(vec, clf, classes: list[str]) -> dict:
    vocab = vec.vocabulary_
    coef = clf.coef_
    names = sorted(vocab, key=vocab.get)
    rows = coef if len(classes) > 2 else coef[:1]
    return {
        "idf": [round(float(v), 5) for v in vec.idf_],
        "vocab": names,
        "classes": classes,
        "coef": [[round(float(v), 5) for v in row] for row in rows],
        "intercept": [round(float(v), 5) for v in clf.intercept_],
    }


DENSE_WEIGHT = 0.05  # the dense features' scale beside the TF-IDF ones (standardised first)


def fit(train: list[tuple], c: float = 4.0, syntax: bool = True,
        parsed: dict[str, tuple[str, list[float]]] | None = None, dense: bool = True,
        context: bool = True) -> dict:
    """The detector, kind and (with ``syntax``) syntax models fitted on ``train``, as the
    JSON weights document. ``train`` holds (sentence, kind or None[, context terms]);
    ``parsed`` holds ``learned.parse_features`` of sentences already parsed; ``dense``
    adds the token-vector features to the syntax model, ``context`` the context terms."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    common = dict(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"(?u)\b\w\w+\b")

    def detector(texts: list[str]) -> dict:
        vec = TfidfVectorizer(**common)
        labels = [k is not None for _, k, *_ in train]
        clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(
            vec.fit_transform([features_text(t) for t in texts]), labels)
        return _export(vec, clf, ["no", "yes"])

    pos = [(features_text(t), k) for t, k, *_ in train if k]
    kvec = TfidfVectorizer(**common)
    kclf = LogisticRegression(C=c, class_weight="balanced", max_iter=3000).fit(
        kvec.fit_transform([t for t, _ in pos]), [k for _, k in pos])
    weights = {"_doc": "Sentence model for extractors/learned.py, written by "
                       "training/train_sentences.py; do not edit by hand.",
               "examples": len(train), "positives": len(pos),
               "detector": detector([t for t, *_ in train]),
               "kind": _export(kvec, kclf, [str(c) for c in kclf.classes_])}
    if syntax:
        parsed = dict(parsed or {})
        todo = sorted({t for t, *_ in train if t not in parsed})
        parsed.update(zip(todo, parse_features(todo), strict=True))
        texts = [syntax_text(x[0], parsed[x[0]][0] + (f" {x[2]}" if context and len(x) > 2
                                                      else "")) for x in train]
        vectors = [parsed[t][1] for t, *_ in train]
        width = len(vectors[0]) if vectors else 0
        if not dense or not width or any(len(v) != width for v in vectors):
            weights["syntax"] = detector(texts)
        else:
            weights["syntax"] = _with_dense(texts, vectors, [k is not None for _, k, *_ in train],
                                            c, common)
    if syntax and context:
        weights["syntax"]["context"] = True
    return weights


def _with_dense(texts: list[str], vectors: list[list[float]], labels: list[bool], c: float,
                common: dict) -> dict:
    """The syntax model over TF-IDF terms and standardised dense features; the dense
    weights are exported with the scaling folded in (score += coef . (x - mean))."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(**common)
    words = vec.fit_transform([features_text(t) for t in texts])
    dense = np.array(vectors)
    mean, sd = dense.mean(axis=0), dense.std(axis=0) + 1e-6
    scaled = (dense - mean) / sd * DENSE_WEIGHT
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(
        hstack([words, csr_matrix(scaled)]).tocsr(), labels)
    n = words.shape[1]
    out = _export(vec, clf, ["no", "yes"])
    out["coef"] = [row[:n] for row in out["coef"]]
    out["dense"] = {"mean": [round(float(v), 5) for v in mean],
                    "coef": [round(float(v), 6) for v in clf.coef_[0][n:] * DENSE_WEIGHT / sd]}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--hold-out", type=Path, action="append", default=[])
    ap.add_argument("--out", type=Path, default=DATA)
    ap.add_argument("-C", type=float, default=4.0)
    ap.add_argument("--no-syntax", action="store_true", help="no syntax model (no parse)")
    ap.add_argument("--no-dense", action="store_true", help="no token-vector features")
    ap.add_argument("--residual", action="store_true",
                    help="train only on the sentences no rule takes (what the model reads)")
    args = ap.parse_args()
    train = [x for f in args.folders for x in examples(f, args.residual)]
    model = fit(train, args.C, syntax=not args.no_syntax, dense=not args.no_dense)
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n")
    sizes = f"{len(model['detector']['vocab'])} + {len(model['kind']['vocab'])}"
    print(f"{len(train)} sentences, {model['positives']} entries; {sizes} features -> {args.out}")
    for folder in args.hold_out:
        from minutes.extractors import learned
        learned.clear()
        held = examples(folder)
        hits = [(learned.probability(t) >= learned.THRESHOLD, k is not None) for t, k, *_ in held]
        tp = sum(p and g for p, g in hits)
        print(f"held out {folder}: sentence P {tp / max(1, sum(p for p, _ in hits)):.2f} "
              f"R {tp / max(1, sum(g for _, g in hits)):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
