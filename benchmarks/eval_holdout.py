"""Score `minutes extract` on a fixed part of the dev set (the held-back quarter by default).

The held-back part is every non-seed document whose index in the sorted list of
non-seed stems is 3 mod 4; rules are developed on the rest ("train") and the
held-back figure shows how well they generalise.

    .venv/bin/python benchmarks/eval_holdout.py [--part holdout|train|all] [-v]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DEV = Path("/work/shared/eval/dev")
SCORE = Path("/work/shared/eval/score.py")
CMD = ".venv/bin/minutes extract --json {date_opt} {path}"


def split(dev: Path) -> dict[str, list[str]]:
    """Stems of the dev set by part: seeds and the 3-mod-4 rest are fixed."""
    stems = sorted(p.stem for p in dev.glob("*.json"))
    rest = [s for s in stems if not s.startswith("seed-")]
    holdout = [s for i, s in enumerate(rest) if i % 4 == 3]
    train = [s for s in stems if s not in holdout]
    return {"holdout": holdout, "train": train, "all": stems}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", choices=("holdout", "train", "all"), default="holdout")
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    stems = split(args.dev)[args.part]
    with tempfile.TemporaryDirectory() as tmp:
        for stem in stems:
            for path in args.dev.glob(f"{stem}.*"):
                shutil.copy(path, tmp)
        cmd = [sys.executable, str(SCORE), tmp, "--cmd", CMD]
        if args.verbose:
            cmd.append("-v")
        return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
