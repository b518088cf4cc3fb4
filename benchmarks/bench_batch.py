"""Batch extraction on one core and on two: documents a second through ``extract_many``.

Reads the dev set's texts when it is beside the repo (else samples/), repeats them
to make a batch, and times the pure read+extract stage that ``minutes ingest`` and
``minutes extract`` share (process start-up and model loads included).

    .venv/bin/python benchmarks/bench_batch.py [--copies 4]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from minutes.pipeline.ingest import extract_many

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=4)
    args = ap.parse_args()
    files = sorted(DEV.glob("*.txt")) or sorted((ROOT / "samples").glob("*.txt"))
    todo = [(f"{p.stem}-{n}.txt", p.read_bytes()) for n in range(args.copies) for p in files]
    words = sum(len(data.split()) for _, data in todo)
    print(f"{len(todo)} documents, {words:,} words")
    for jobs in (1, 2):
        start = time.perf_counter()
        results = list(extract_many(todo, None, jobs))
        seconds = time.perf_counter() - start
        failed = sum(isinstance(r, str) for r in results)
        print(f"jobs={jobs}: {seconds:6.2f} s  {len(todo) / seconds:6.1f} documents/s  "
              f"{words / seconds:8,.0f} words/s  ({failed} failed)")


if __name__ == "__main__":
    main()
