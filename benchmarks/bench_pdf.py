"""Benchmark the PDF reader on a generated 200-page minutes PDF.

Prints pages per second and peak memory for ``read_bytes``: Python allocations
(tracemalloc) and the process's peak resident set (getrusage, which includes
pdfium's own C allocations). Add ``--tables`` to put a ruled action-log table on
every tenth page, so pdfplumber's share shows too.

    .venv/bin/python benchmarks/bench_pdf.py [--pages 200] [--tables] [--runs 3]
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc

from fpdf import FPDF

# Minutes of different lengths, so pages do not repeat line for line (a line repeated at
# the same height on most pages is a running header and is dropped).
TOPICS = ("Waste Collection Contract", "Parks and Open Spaces Strategy", "Air Quality")
PARAGRAPHS = (
    "The Committee considered a report of the Head of Environmental Services on the waste "
    "collection contract. Members asked about the performance of the recycling service and "
    "the timetable for the new food waste collections.",
    "Members discussed the draft strategy.",
    "The Committee received an update on the monitoring stations and asked officers to "
    "compare the results with those of neighbouring councils, to publish the annual status "
    "report on the website and to brief ward members on the hot spots identified in the "
    "report before the consultation opens.",
)


class _Minutes(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 5, "Invented Borough Council - Environment Committee", align="C")
        self.ln(10)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 5, f"Page {self.page_no()}", align="C")


def make_pdf(pages: int, tables: bool) -> bytes:
    """A ``pages``-page printed-minutes PDF of wrapped paragraphs and RESOLVED limbs."""
    pdf = _Minutes()
    pdf.set_auto_page_break(True, margin=20)
    minute = 1
    while pdf.page_no() < pages or pdf.page_no() == 0:
        if pdf.page_no() == 0:
            pdf.add_page()
        pdf.set_font("Helvetica", "B", 11)
        pdf.multi_cell(0, 6, f"{minute}. {TOPICS[minute % 3]}", new_x="LMARGIN",
                       new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, PARAGRAPHS[minute % len(PARAGRAPHS)] + f" (minute {minute})",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.multi_cell(0, 6, "RESOLVED that the Head of Environmental Services report back on "
                       "the food waste timetable to the next meeting of the Committee.",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        if tables and minute % 10 == 0:
            with pdf.table(col_widths=(70, 40, 30, 30)) as table:
                for row in (("Action", "Owner", "Due", "Status"),
                            ("Publish the food waste timetable", "Head of Service", "June",
                             "Open")):
                    cells = table.row()
                    for value in row:
                        cells.cell(value)
            pdf.ln(4)
        minute += 1
    return bytes(pdf.output())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--tables", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from minutes.pipeline.readers import read_bytes

    data = make_pdf(args.pages, args.tables)
    read_bytes(make_pdf(2, args.tables), "warm-up.pdf")  # imports, not timed
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        doc = read_bytes(data, "bench.pdf")
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    read_bytes(data, "bench.pdf")
    _, py_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    pages = len(doc.pages)
    best = min(times)
    print(f"{pages} pages, {len(data) / 1e6:.1f} MB, {len(doc.blocks)} blocks"
          f"{', with tables' if args.tables else ''}")
    print(f"read_bytes: best {best:.3f} s of {args.runs} = {pages / best:.0f} pages/s")
    print(f"peak memory: {py_peak / 1e6:.1f} MB Python (tracemalloc), "
          f"{rss_mb:.0f} MB resident (process peak)")


if __name__ == "__main__":
    main()
