"""How far two annotators agree: the second annotations in ``training/agreement/`` scored
against the first (``training/corpus/<batch>/NAME.json``) with the shared scorer.

Helpers re-annotated 24 documents of the blind batches e-j under the spec without seeing
the first annotation. Their agreement is the ceiling a tool can be measured against on
these batches; the tool's own score on the same documents is printed beside it.

    .venv/bin/python benchmarks/eval_agreement.py
"""

from __future__ import annotations

import json
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


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        lines = []
        for second in sorted(SECOND.glob("*.json")):
            first = CORPUS / second.stem[0] / second.name
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
