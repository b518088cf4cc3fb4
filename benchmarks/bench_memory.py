"""Peak memory and time of the whole job on a 200-page PDF: read, extract, save.

Runs each stage in a fresh process (so one stage's peak does not hide another's)
and prints the process's peak resident set from getrusage, which includes
pdfium's and spaCy's C allocations. Uses the generator of bench_pdf.py.

    .venv/bin/python benchmarks/bench_memory.py [--pages 200] [--tables]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from fpdf import FPDF

TOPICS = ("waste collection", "library opening hours", "highways maintenance",
          "housing repairs", "parks and open spaces", "council tax support")


def make_pdf(pages: int, tables: bool) -> bytes:
    """Printed minutes of ``pages`` pages: each minute a paragraph and distinct RESOLVED limbs."""
    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    minute = 0
    while pdf.page_no() < pages:
        minute += 1
        topic = TOPICS[minute % len(TOPICS)]
        pdf.set_font("Helvetica", "B", 11)
        pdf.multi_cell(0, 6, f"{minute}. Review of {topic} (item {minute})",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, f"The Committee considered report {minute} on {topic}. Members "
                       "asked about performance and the timetable for improvements.",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, "RESOLVED that:", new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, f"(a) report {minute} on {topic} be noted; and",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, f"(b) the Head of Service be requested to report back on {topic} "
                       f"action {minute} to the next meeting.", new_x="LMARGIN", new_y="NEXT")
        if tables and minute % 10 == 0:
            with pdf.table(col_widths=(70, 40, 30, 30)) as table:
                for row in (("Action", "Owner", "Due", "Status"),
                            (f"Publish timetable {minute}", "Head of Service", "June", "Open")):
                    cells = table.row()
                    for value in row:
                        cells.cell(value)
        pdf.ln(4)
    return bytes(pdf.output())

STAGE = """
import resource, sys, time
from pathlib import Path
from minutes.pipeline.readers import read_bytes
path, stage, db = sys.argv[1], sys.argv[2], sys.argv[3]
data = Path(path).read_bytes()
t = time.perf_counter()
doc = read_bytes(data, path)
entries = []
if stage in ("extract", "ingest"):
    from minutes.extractors import extract
    entries = extract(doc)
if stage == "ingest":
    from minutes.models.store import Register
    reg = Register.open(db)
    reg.save_document(doc, entries)
    reg.close()
seconds = time.perf_counter() - t
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{stage:8} {len(doc.pages):4} pages {len(entries):5} entries "
      f"{seconds:6.2f} s  peak {peak_mb:6.0f} MB resident")
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--tables", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "minutes.pdf"
        pdf.write_bytes(make_pdf(args.pages, args.tables))
        print(f"{pdf.stat().st_size / 1e6:.1f} MB PDF, {args.pages} pages requested")
        for stage in ("read", "extract", "ingest"):
            db = f"sqlite:///{Path(tmp) / f'{stage}.db'}"
            subprocess.run([sys.executable, "-c", STAGE, str(pdf), stage, db], check=True)


if __name__ == "__main__":
    main()
