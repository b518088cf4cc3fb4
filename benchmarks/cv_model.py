"""Cross-validate the sentence model end to end, to choose its threshold and training.

Documents from the annotated folders are split into folds (the seed minutes, one
council, stay together). For each fold the model is trained on the other folds,
``extract`` runs on the fold's documents in this process, and the shared scorer scores
the output; the figures are summed over folds, per folder and in all. The threshold is
the syntax model's (the detector's with --no-syntax); one above 1 gives the rules alone.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python benchmarks/cv_model.py /work/shared/eval/dev training/corpus/* \\
        [--folds 5 | --by-folder] [--thresholds 0.5,0.6,0.7,0.8,2] [--residual] [-C 4]
        [--no-syntax] [--no-dense] [--dump preds.json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

from minutes.extractors import extract, learned
from minutes.pipeline.readers import read_path
from minutes.training.train_sentences import document_examples, fit

SCORE = Path("/work/shared/eval/score.py")


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _group(key: str) -> str:
    """Documents that must share a fold: the seed minutes are one council."""
    return key.split("/")[0] + "/seed" if "/seed-" in key else key


def _folds(keys: list[str], k: int) -> dict[str, int]:
    """Fold of each document key, by group, in a fixed shuffled order."""
    groups = sorted({_group(key) for key in keys})
    random.Random(0).shuffle(groups)
    fold_of = {g: i % k for i, g in enumerate(groups)}
    return {key: fold_of[_group(key)] for key in keys}


def _anchor(gold: dict) -> date | None:
    day = gold.get("meeting_date")
    return date.fromisoformat(day) if day else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--thresholds", default="0.5,0.6,0.7,0.8,2")
    ap.add_argument("--residual", action="store_true", help="train on residual sentences")
    ap.add_argument("--no-syntax", action="store_true", help="the word detector alone")
    ap.add_argument("--no-dense", action="store_true", help="no token-vector features")
    ap.add_argument("--no-context", action="store_true", help="no heading/neighbour terms")
    ap.add_argument("--by-folder", action="store_true",
                    help="one fold per folder: each batch scored by a model that never saw it")
    ap.add_argument("--gate", type=float, default=learned.GATE,
                    help="detector probability below which a sentence is not parsed")
    ap.add_argument("-C", type=float, default=4.0)
    ap.add_argument("--dump", type=Path, help="write each threshold's predictions here (JSON)")
    ap.add_argument("--score", type=Path, default=SCORE)
    args = ap.parse_args()
    score = _scorer(args.score)
    learned.GATE = args.gate
    thresholds = [float(t) for t in args.thresholds.split(",")]

    docs = [(f"{folder.name}/{g.stem}", g) for folder in args.folders
            for g in sorted(folder.glob("*.json")) if g.with_suffix(".txt").exists()]
    golds = {key: json.loads(g.read_text()) for key, g in docs}
    cache = {key: document_examples(g, args.residual) for key, g in docs}
    if args.by_folder:
        names = sorted({key.split("/")[0] for key, _ in docs})
        fold = {key: names.index(key.split("/")[0]) for key, _ in docs}
        args.folds = len(names)
    else:
        fold = _folds([key for key, _ in docs], args.folds)
    parsed: dict[str, tuple[str, list[float]]] = {}
    if not args.no_syntax:  # parse every sentence once, not once per fold
        todo = sorted({x[0] for key, _ in docs for x in cache[key]})
        parsed = dict(zip(todo, learned.parse_features(todo), strict=True))
    preds: dict[float, dict[str, list[dict]]] = {t: {} for t in thresholds}
    with tempfile.TemporaryDirectory() as tmp:
        weights = Path(tmp) / "model.json"
        os.environ["MINUTES_SENTENCE_MODEL"] = str(weights)
        for k in range(args.folds):
            train = [x for key, _ in docs if fold[key] != k for x in cache[key]]
            weights.write_text(json.dumps(fit(train, args.C, syntax=not args.no_syntax,
                                              parsed=parsed, dense=not args.no_dense,
                                              context=not args.no_context)))
            learned.clear()
            held = [(key, read_path(g.with_suffix(".txt")), _anchor(golds[key]))
                    for key, g in docs if fold[key] == k]
            for t in thresholds:
                learned.THRESHOLD = learned.SYNTAX_THRESHOLD = t
                for key, doc, anchor in held:
                    preds[t][key] = [e.to_json(doc.source, anchor or doc.meeting_date)
                                     for e in extract(doc, meeting_date=anchor)]
    if args.dump:
        args.dump.write_text(json.dumps({str(t): preds[t] for t in thresholds}))
    for t in thresholds:
        label = "rules" if t > 1 else f"p>={t:.2f}"
        for name in [f.name for f in args.folders] + ["all"]:
            part = {key: (g, golds[key]) for key, g in docs
                    if name == "all" or key.startswith(name + "/")}
            r = score.score(part, preds[t], False)
            print(f"{label:8} {name:6} F1 {r['f1']:.3f} P {r['precision']:.2f} "
                  f"R {r['recall']:.2f} ({r['paired']}/{r['gold']}, {r['pred']} pred) "
                  f"kind {r['kind']:.2f} owner {r['owner']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
