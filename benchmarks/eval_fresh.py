"""Score `minutes extract` on fresh annotated sets kept outside the repository.

The fresh sets are public minutes pages from councils absent from the dev set,
annotated under the spec by helpers who never ran the tool (NAME.txt + NAME.json,
stems prefixed by batch: x*, y* used for development and training; z* never looked
at). Like the dev texts they are measurement data, not fixtures, so they live
outside the project.

    .venv/bin/python benchmarks/eval_fresh.py [--dir /work/evalx] [--prefix z] [-v]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SCORE = Path("/work/shared/eval/score.py")
CMD = ".venv/bin/minutes extract --json {date_opt} {path}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=Path("/work/evalx"))
    ap.add_argument("--prefix", default="z", help="stem prefix(es) to score, e.g. z or xy")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        n = 0
        for gold in sorted(args.dir.glob("*.json")):
            if gold.stem[:1] in args.prefix and gold.with_suffix(".txt").exists():
                shutil.copy(gold, tmp)
                shutil.copy(gold.with_suffix(".txt"), tmp)
                n += 1
        if not n:
            print(f"no annotated documents with prefix {args.prefix!r} in {args.dir}")
            return 2
        cmd = [sys.executable, str(SCORE), tmp, "--cmd", CMD] + (["-v"] if args.verbose else [])
        return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
