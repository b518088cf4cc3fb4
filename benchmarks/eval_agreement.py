"""How far two annotators agree: the second annotations in ``training/agreement/`` scored
against the first (``training/corpus/<batch>/NAME.json``) with the shared scorer.

Helpers re-annotated documents under the spec without seeing the first annotation: 24 of
the batches e-j, then all 64 of al-ao while those were blind. Their agreement is the
ceiling a tool can be measured against on these batches; the tool's own score on the same
documents is printed beside it. Name batches to score only theirs.

    .venv/bin/python benchmarks/eval_agreement.py [BATCH ...]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SCORE = Path("/work/shared/eval/score.py")
ROOT = Path(__file__).resolve().parents[1]
SECOND = ROOT / "training" / "agreement"
CORPUS = ROOT / "training" / "corpus"
CMD = ".venv/bin/minutes extract --json {date_opt} {path}"


def batch_of(stem: str) -> str:
    """"al07" -> "al": the letters before the document's number."""
    return re.match(r"[a-z]+", stem).group(0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("batches", nargs="*", help="only these batches (default: all)")
    args = ap.parse_args()
    seconds = [p for p in sorted(SECOND.glob("*.json"))
               if not args.batches or batch_of(p.stem) in args.batches]
    if not seconds:
        raise SystemExit(f"{SECOND}: no second annotations for {' '.join(args.batches)}")
    with tempfile.TemporaryDirectory() as tmp:
        lines = []
        for second in seconds:
            first = CORPUS / batch_of(second.stem) / second.name
            shutil.copy(first, tmp)
            shutil.copy(first.with_suffix(".txt"), tmp)
            for item in json.loads(second.read_text())["items"]:
                lines.append(json.dumps({**item, "source": f"{second.stem}.txt"}))
        pred = Path(tmp) / "second.jsonl"
        pred.write_text("\n".join(lines) + "\n")
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for path in Path(tmp).glob("*.*"):
            if path.suffix in (".txt", ".json"):
                shutil.move(str(path), folder / path.name)
        print("second annotator against the first:")
        subprocess.run([sys.executable, str(SCORE), str(folder), "--pred", str(pred)], check=False)
        print("minutes extract against the first:")
        return subprocess.run([sys.executable, str(SCORE), str(folder), "--cmd", CMD],
                              cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
