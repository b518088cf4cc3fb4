"""Score `minutes extract` on fresh annotated sets together (``training/corpus/<set>``).

The fresh sets are public minutes pages from councils absent from the dev set,
annotated under the spec by helpers who never ran the tool (NAME.txt + NAME.json +
NAME.url); ``training/corpus/README.md`` says which were scored blind.

    .venv/bin/python benchmarks/eval_fresh.py [SET ...] [-v]     # default: every set
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SCORE = Path("/work/shared/eval/score.py")
CORPUS = Path(__file__).resolve().parents[1] / "training" / "corpus"
CMD = ".venv/bin/minutes extract --json {date_opt} {path}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="*", help="set names under training/corpus (default: all)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    folders = [CORPUS / s for s in args.sets] or sorted(p for p in CORPUS.iterdir() if p.is_dir())
    with tempfile.TemporaryDirectory() as tmp:
        n = 0
        for folder in folders:
            for gold in sorted(folder.glob("*.json")):
                if gold.with_suffix(".txt").exists():
                    shutil.copy(gold, tmp)
                    shutil.copy(gold.with_suffix(".txt"), tmp)
                    n += 1
        if not n:
            print(f"no annotated documents in {', '.join(map(str, folders))}")
            return 2
        cmd = [sys.executable, str(SCORE), tmp, "--cmd", CMD] + (["-v"] if args.verbose else [])
        return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
