"""Speed of ``extract()`` over the dev set's text against one plain spaCy pass.

Prints the model load time, words/second of ``extract()`` (all documents, the
model already loaded), words/second of ``nlp.pipe`` with the full pipeline over
the same texts, and their ratio (how many times faster extraction is).

    .venv/bin/python benchmarks/bench_extract.py [DEV_DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from minutes.extractors import extract
from minutes.extractors.nlp import load_nlp
from minutes.pipeline.readers import read_path

DEV = Path("/work/shared/eval/dev")


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEV
    docs = [read_path(str(p)) for p in sorted(folder.glob("*.txt"))]
    words = sum(len(d.text.split()) for d in docs)
    t0 = time.perf_counter()
    nlp = load_nlp()
    load = time.perf_counter() - t0
    for doc in docs[:2]:  # warm caches (data files, compiled regexes) once
        extract(doc)
    t0 = time.perf_counter()
    found = sum(len(extract(doc)) for doc in docs)
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in nlp.pipe(d.text for d in docs):
        pass
    spacy_s = time.perf_counter() - t0
    print(f"documents {len(docs)}, words {words}, entries {found}")
    print(f"model load: {load:.2f} s")
    print(f"extract(): {words / ours:,.0f} words/s ({ours:.2f} s)")
    print(f"nlp.pipe full pipeline: {words / spacy_s:,.0f} words/s ({spacy_s:.2f} s)")
    print(f"ratio: extract() is {spacy_s / ours:.1f}x the speed of one spaCy pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
