"""Score ``find_due`` on the dev set's gold due dates.

Runs ``find_due(item["text"], meeting_date)`` for every gold item of every
``DIR/*.json`` (meeting_date = the document's "meeting_date") and prints the
accuracy of due_date (exact, or both null) and of due_text (token F1 >= 0.5,
or both null). Items whose gold due_text is not inside the item's own text
are counted apart ("outside"): find_due cannot see them. A quarter of the
documents (sorted index % 4 == 3) is held out; both figures are printed.

    python benchmarks/eval_dates.py [DIR] [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from tokenmatch import lenient_match

from minutes.extractors.dates import find_due

DEFAULT_SET = Path("/work/shared/eval/dev")


def text_match(gold: str | None, pred: str | None) -> bool:
    """Token F1 of the two due_texts >= 0.5, or both null."""
    return lenient_match(gold, pred)


def squash(text: str) -> str:
    return " ".join(text.split())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("set", nargs="?", type=Path, default=DEFAULT_SET)
    ap.add_argument("-v", "--verbose", action="store_true", help="list mismatches")
    args = ap.parse_args()
    files = sorted(args.set.glob("*.json"))
    if not files:
        print(f"{args.set}: no gold .json files", file=sys.stderr)
        return 1
    hits: dict[str, Counter] = {"dev": Counter(), "held-out": Counter()}
    seconds = 0.0
    for index, path in enumerate(files):
        part = "held-out" if index % 4 == 3 else "dev"
        gold_doc = json.loads(path.read_text(encoding="utf-8"))
        md = gold_doc.get("meeting_date")
        meeting = date.fromisoformat(md) if md else None
        for item in gold_doc.get("items", []):
            t0 = time.perf_counter()
            due_text, due_date, why = find_due(item["text"], meeting)
            seconds += time.perf_counter() - t0
            g_text, g_date = item.get("due_text"), item.get("due_date")
            outside = bool(g_text) and squash(g_text) not in squash(item["text"])
            pred_date = due_date.isoformat() if due_date else None
            ok_date = (g_date or None) == pred_date
            ok_text = text_match(g_text, due_text)
            c = hits[part]
            c["items"] += 1
            c["date"] += ok_date
            c["text"] += ok_text
            if g_date:
                c["dated"] += 1
                c["dated_ok"] += ok_date
            if outside:
                c["outside"] += 1
            else:
                c["inside"] += 1
                c["inside_date"] += ok_date
                c["inside_text"] += ok_text
            if args.verbose and not (ok_date and ok_text):
                flag = " OUTSIDE" if outside else ""
                print(f"{path.stem} [{part}]{flag} meeting {md}\n"
                      f"   gold {g_text!r} -> {g_date}\n"
                      f"   pred {due_text!r} -> {pred_date} ({why})\n"
                      f"   text {squash(item['text'])[:160]!r}")
    for part, c in hits.items():
        n, k = c["items"], c["inside"]
        if not n:
            continue
        print(f"{part}: {n} items | due_date {c['date'] / n:.3f} due_text {c['text'] / n:.3f}"
              f" | gold text inside item: {k} items, due_date {c['inside_date'] / max(k, 1):.3f}"
              f" due_text {c['inside_text'] / max(k, 1):.3f} | outside: {c['outside']}"
              f" | gold dated: {c['dated_ok']}/{c['dated']}")
    total = sum(c["items"] for c in hits.values())
    print(f"{total} items in {seconds * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
