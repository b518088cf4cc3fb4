"""How extraction holds when the same minutes are printed another way.

Councils word the same outcome in many house styles: "RESOLVED" or "Resolved", "the
Committee" or "the committee", "Cllr" or "Councillor" or "Cr", "(a)" or "a)", straight
or curly quotes, lines wrapped by a PDF. Each rewrite below is applied to a document's
text and to its gold entries alike; extraction is scored on the rewritten set and
compared with the original. A rewrite that costs entries points at a rule that asks
for one style where councils write several (it names no document).

    .venv/bin/python benchmarks/eval_robustness.py /work/shared/eval/dev training/corpus/a \\
        [--only NAME,...] [--show N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path

from minutes.extractors import extract
from minutes.pipeline.readers.text import read_text

SCORE = Path("/work/shared/eval/score.py")

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
LABELS = r"\b(RESOLVED|AGREED|DECIDED|RECOMMENDED|DECISION|ACTIONS?|NOTED|CARRIED|APPROVED)\b"
BODIES = r"\b(?<=the )(Committee|Council|Board|Panel|Cabinet|Sub-Committee|Forum|Commission)\b"


def _sub(pattern: str, repl: str | Callable[[re.Match[str]], str], flags: int = 0
         ) -> Callable[[str], str]:
    compiled = re.compile(pattern, flags)
    return lambda text: compiled.sub(repl, text)


def _rewrap(text: str) -> str:
    """Long lines broken at 70 columns, as a PDF's text comes out."""
    return "\n".join(textwrap.fill(line, 70) if len(line) > 70 else line
                     for line in text.split("\n"))


REWRITES: dict[str, Callable[[str], str]] = {
    "labels-title-case": _sub(LABELS, lambda m: m.group(1).capitalize()),
    "labels-lower-case": _sub(LABELS, lambda m: m.group(1).lower()),
    "bodies-lower-case": _sub(BODIES, lambda m: m.group(1).lower()),
    "cllr-to-councillor": _sub(r"\bCllrs?\b\.?", lambda m: "Councillors" if m.group(0)
                               .startswith("Cllrs") else "Councillor"),
    "councillor-to-cllr": _sub(r"\bCouncillor\b(?= [A-Z])", "Cllr"),
    "cllr-to-cr": _sub(r"\b(?:Cllr|Councillor)\b\.?(?= [A-Z])", "Cr"),
    "enumerators-paren": _sub(r"(?m)^(\s*)\(([a-z]|[ivx]{1,4}|\d{1,2})\)\s", r"\1\2) "),
    "enumerators-dot": _sub(r"(?m)^(\s*)\(?([a-z]|[ivx]{1,4}|\d{1,2})[.)]\s", r"\1(\2) "),
    "curly-quotes": _sub(r"'", "’"),
    "straight-quotes": _sub(r"[’‘]", "'"),
    "dashes": _sub(r" - ", " – "),
    "us-spelling": _sub(r"\b(organis|authoris|recognis|prioritis|finalis|summaris|utilis)",
                        lambda m: m.group(1)[:-1] + "z"),
    "labels-upper-case": _sub(r"\b(Resolved|Agreed|Decided|Recommended|Decision|Actions?|Noted"
                              r"|Carried|Approved)\b(?=\s*[:–-]|\s+[Tt]hat\b)",
                              lambda m: m.group(1).upper()),
    "bodies-swapped": _sub(r"\b(Committee|Panel)\b",
                           lambda m: "Panel" if m.group(1) == "Committee" else "Committee"),
    "us-dates": _sub(r"\b(\d{1,2})(?:st|nd|rd|th)? (January|February|March|April|May|June|July"
                     r"|August|September|October|November|December),? (\d{4})\b",
                     r"\2 \1, \3"),
    "numeric-dates": _sub(r"\b(\d{1,2})(?:st|nd|rd|th)? (January|February|March|April|May|June|July"
                          r"|August|September|October|November|December),? (\d{4})\b",
                          lambda m: f"{int(m.group(1)):02d}/{MONTHS.index(m.group(2)) + 1:02d}/"
                          f"{m.group(3)}"),
    "action-dash": _sub(r"\b(ACTION|Action)\s*:\s*", r"\1 – "),
    "bullets-hyphen": _sub(r"(?m)^(\s*)[•·▪●◦]\s+", r"\1- "),
    "action-by": _sub(r"\b(ACTION|Action)\s*:\s*", r"\1 by: "),
    "uk-to-us-words": _sub(r"\b(programme|favour|centre|licence|colour|behaviour)(s?)\b",
                           lambda m: {"programme": "program", "favour": "favor",
                                      "centre": "center", "licence": "license",
                                      "colour": "color", "behaviour": "behavior"}[m.group(1)]
                           + m.group(2)),
    "resolved-as-agreed": _sub(r"\bRESOLVED\b", "AGREED"),
    "resolved-as-decided": _sub(r"\bRESOLVED\b", "DECIDED"),
    "that-upper-case": _sub(r"(?m)^(\s*(?:\(?[a-z0-9]{1,3}[.)]\s+)?)That\b", r"\1THAT"),
    "numbers-as-letters": _sub(r"(?m)^(\s*)([1-9])[.)]\s", lambda m: f"{m.group(1)}"
                               f"({'abcdefghi'[int(m.group(2)) - 1]}) "),
    "agreed-to-as-undertook": _sub(r"\bagreed to\b(?= [a-z])", "undertook to"),
    "agreed-to-as-offered": _sub(r"\bagreed to\b(?= [a-z])", "offered to"),
    "would-as-will": _sub(r"\bwould\b", "will"),
    "it-was-agreed-as-decided": _sub(r"\b([Ii]t was) agreed\b", r"\1 decided"),
    "it-was-agreed-as-members": _sub(r"\bIt was agreed\b", "Members agreed"),
    "clerk-as-secretary": _sub(r"\b(Clerk|clerk)\b", lambda m: "Secretary"
                               if m.group(1) == "Clerk" else "secretary"),
    "noted-as-received": _sub(r"\bbe noted\b", "be received"),
    "decision-as-outcome": _sub(r"\bDecision:", "Outcome:"),
    "decision-as-resolution": _sub(r"\bDecision:", "Resolution:"),
    "rewrapped": _rewrap,
    "no-full-stops": _sub(r"\.(?=\s*\n)", ""),
}


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(docs: list[tuple[str, str, dict]], rewrite: Callable[[str], str] | None):
    golds, preds = {}, {}
    for key, text, gold in docs:
        if rewrite is not None:
            text = rewrite(text)
            gold = dict(gold, items=[
                dict(i, text=rewrite(i.get("text") or ""),
                     **{k: rewrite(i[k]) for k in ("owner", "due_text") if i.get(k)})
                for i in gold.get("items", [])])
        anchor = date.fromisoformat(gold["meeting_date"]) if gold.get("meeting_date") else None
        doc = read_text(text.encode("utf-8"), key + ".txt")
        preds[key] = [e.to_json(doc.source, anchor) for e in extract(doc, meeting_date=anchor)]
        golds[key] = (None, gold)
    return golds, preds


def _misses(score, golds, preds, limit, base_gold, base_pred, name) -> list[str]:
    """Gold entries the original run paired and the rewritten run does not, then entries
    the rewritten run adds that pair with nothing."""
    out, extra = [], []
    for key in golds:
        lost = _unpaired(score, golds[key][1], preds[key]) - {
            REWRITES[name](t) for t in _unpaired(score, base_gold[key][1], base_pred[key])}
        out += [f"{key} lost: {' '.join(t.split())[:110]}" for t in sorted(lost)]
        added = _extra(score, golds[key][1], preds[key]) - {
            " ".join(REWRITES[name](t).split())
            for t in _extra(score, base_gold[key][1], base_pred[key])}
        extra += [f"{key} added: {t[:110]}" for t in sorted(added)]
    return (out + extra)[:limit]


def _extra(score, gold: dict, pred: list[dict]) -> set[str]:
    paired = {p for _, p in score.pair(gold.get("items", []), pred)}
    return {" ".join(p["text"].split()) for n, p in enumerate(pred) if n not in paired}


def _unpaired(score, gold: dict, pred: list[dict]) -> set[str]:
    items = gold.get("items", [])
    paired = {g for g, _ in score.pair(items, pred)}
    return {i["text"] for n, i in enumerate(items) if n not in paired}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--only", help="comma-separated rewrite names")
    ap.add_argument("--show", type=int, default=0, help="list up to N entries a rewrite lost")
    args = ap.parse_args()
    score = _scorer()
    docs = [(f"{folder.name}/{g.stem}", g.with_suffix(".txt").read_text(encoding="utf-8"),
             json.loads(g.read_text(encoding="utf-8")))
            for folder in args.folders for g in sorted(folder.glob("*.json"))
            if g.with_suffix(".txt").exists()]
    names = args.only.split(",") if args.only else list(REWRITES)
    base_gold, base_pred = _run(docs, None)
    base = score.score(base_gold, base_pred, False)
    print(f"{'original':20} F1 {base['f1']:.3f} ({base['paired']}/{base['gold']}, "
          f"{base['pred']} pred) kind {base['kind']:.2f} owner {base['owner']:.2f}")
    for name in names:
        golds, preds = _run(docs, REWRITES[name])
        changed = sum(1 for key, text, _ in docs if REWRITES[name](text) != text)
        r = score.score(golds, preds, False)
        print(f"{name:20} F1 {r['f1']:.3f} ({r['paired']}/{r['gold']}, {r['pred']} pred) "
              f"kind {r['kind']:.2f} owner {r['owner']:.2f}  [{changed} docs rewritten, "
              f"{r['paired'] - base['paired']:+d} paired, {r['pred'] - base['pred']:+d} pred]")
        if args.show:
            for line in _misses(score, golds, preds, args.show, base_gold, base_pred, name):
                print("    " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
