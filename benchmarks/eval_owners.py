"""Score ``find_owner`` on the dev set's gold owners.

For each gold item of every ``DIR/*.json`` the item's text is located in the
matching ``.txt``; its lead-in is the nearest line within three lines before
it (or the text before it on its own line) that ends with ':' or says
RESOLVED/RECOMMEND. A quarter of the documents (sorted index % 4 == 3) is held
out; both figures are printed.

    python benchmarks/eval_owners.py [DIR] [-v] [--kind action]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from tokenmatch import lenient_match

from minutes.extractors.owners import find_owner

DEFAULT_SET = Path("/work/shared/eval/dev")
LEAD_IN = re.compile(r"RESOLVED|RECOMMEND|:\s*-?\s*$", re.IGNORECASE)
LOOK_BACK = 3


def owner_match(gold: str | None, pred: str | None) -> bool:
    """score.py's rule: token F1 >= 0.5 ignoring "the", or both null."""
    return lenient_match(gold, pred, frozenset({"the"}))


def locate(doc: str, text: str) -> int | None:
    """Offset of ``text`` in ``doc``, tolerant of whitespace; None if absent."""
    words = re.findall(r"\S+", text)[:12]
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, doc)
    return m.start() if m else None


def lead_in_for(doc: str, start: int | None) -> str | None:
    """The preamble that introduced the item, by the rule in the docstring."""
    if start is None:
        return None
    line_start = doc.rfind("\n", 0, start) + 1
    same_line = doc[line_start:start].strip()
    if same_line and LEAD_IN.search(same_line):
        return same_line
    before = [ln.strip() for ln in doc[:line_start].splitlines() if ln.strip()]
    for line in reversed(before[-LOOK_BACK:]):
        if LEAD_IN.search(line):
            return line
    return None


def cases(folder: Path) -> list[tuple[int, str, dict, str | None]]:
    out = []
    for index, gold_file in enumerate(sorted(folder.glob("*.json"))):
        txt = gold_file.with_suffix(".txt")
        doc = txt.read_text(encoding="utf-8") if txt.exists() else ""
        for item in json.loads(gold_file.read_text(encoding="utf-8")).get("items", []):
            out.append((index, gold_file.stem, item, lead_in_for(doc, locate(doc, item["text"]))))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("set", type=Path, nargs="?", default=DEFAULT_SET)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--kind", help="only items of this kind")
    args = ap.parse_args()
    hits, total = Counter(), Counter()
    for index, stem, item, lead_in in cases(args.set):
        if args.kind and item["kind"] != args.kind:
            continue
        part = "held-out" if index % 4 == 3 else "dev"
        owner, why = find_owner(item["text"], kind=item["kind"], lead_in=lead_in)
        ok = owner_match(item.get("owner"), owner)
        hits[part] += ok
        total[part] += 1
        if args.verbose and not ok:
            print(f"{part:8} {stem} {item['kind'][:3]} gold {item.get('owner')!r} "
                  f"pred {owner!r} ({why}) | {item['text'][:110]!r}"
                  + (f" | lead-in {lead_in[:60]!r}" if lead_in else ""))
    for part in ("dev", "held-out"):
        if total[part]:
            print(f"{part}: owner accuracy {hits[part] / total[part]:.3f} "
                  f"({hits[part]}/{total[part]})")
    n = sum(total.values())
    print(f"all: owner accuracy {sum(hits.values()) / n:.3f} ({sum(hits.values())}/{n})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
