"""Benchmark remote ingest against a local ModernGov site of one 50-meeting committee.

Prints the first-run time, the re-run time over the unchanged committee, their
ratio (target: >= 50x) and the time the client takes per cached request
(target: < 5 ms). The spaCy model is loaded before timing so the first run is
not charged for it.

    .venv/bin/python benchmarks/bench_fetch.py [--meetings 50]
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo's tests/ helpers

from minutes.models.store import Register  # noqa: E402
from minutes.pipeline.cache import ResponseCache
from minutes.pipeline.fetch import Fetcher
from minutes.pipeline.remote import ingest_remote
from tests.fetch.server import FixtureServer  # noqa: E402
from tests.fetch.sitegen import (  # noqa: E402
    Committee,
    Item,
    LinkedDoc,
    Meeting,
    SiteModel,
    serve_site,
)

OFFICERS = ("Head of Highways", "Director of Place", "Parks Manager", "Head of Finance")
TOPICS = ("bus shelter renewal", "street lighting upgrade", "allotment rents",
          "litter enforcement", "cycle parking", "flood defence works")


def committee_of(n: int) -> SiteModel:
    """A committee with ``n`` fortnightly meetings, two items and two PDFs each."""
    meetings = []
    for i in range(n):
        day = date(2022, 1, 11) + timedelta(days=14 * i)
        officer, topic = OFFICERS[i % len(OFFICERS)], TOPICS[i % len(TOPICS)]
        items = [
            Item(10_000 + 2 * i, "4.", f"{topic.title()} (meeting {i + 1})", (
                f"The Committee considered a report on {topic}.",
                f"RESOLVED: That the {officer} report back on the {topic} by the next meeting.",
                f"That the {topic} programme for {day.year} be approved.",
            ), docs=[LinkedDoc(50_000 + 2 * i, f"{topic} report", (
                f"Report of the {officer}",
                f"This report sets out progress on the {topic}.",
                "Recommendation: That the Committee notes the report."))]),
            Item(10_001 + 2 * i, "5.", "Work Programme", (
                "RESOLVED: That the work programme be noted.",), docs=[
                LinkedDoc(50_001 + 2 * i, f"Printed minutes meeting {i + 1}", (
                    "MINUTES of the Environment Committee",
                    f"RESOLVED that the {officer} publish the {topic} plan "
                    f"by {(day + timedelta(days=90)).strftime('%d %B %Y')}.",))]),
        ]
        meetings.append(Meeting(20_000 + i, day, items=items))
    return SiteModel("Benchmark Borough Council", [Committee(99, "Environment Committee",
                                                             meetings)])


def warm_up(tmp: Path) -> None:
    """Load the spaCy model and readers once, outside the timings."""
    from minutes.pipeline.ingest import ingest_bytes

    with Register.open(f"sqlite:///{tmp / 'warm.db'}") as reg:
        ingest_bytes(reg, b"RESOLVED: That the Clerk circulate the notes.\n", "warm.txt")


def serve(meetings: int, conn: Connection) -> None:
    """Child process: serve the committee until told to stop (a server of its own, as in
    real life, so the client's timings do not share a GIL with it)."""
    server = FixtureServer().start()
    serve_site(server, committee_of(meetings))
    conn.send(server.base)
    conn.recv()
    server.stop()


def run(base: str, register: Register, cache_dir: Path, last: date,
        settle: bool = True) -> tuple[float, int]:
    with Fetcher(cache=ResponseCache(cache_dir), max_rate=0) as fetcher:
        start = time.perf_counter()
        report = ingest_remote(register, fetcher=fetcher, site=base, committee="99",
                               since=date(2022, 1, 1), until=last, today=last, settle=settle)
        elapsed = time.perf_counter() - start
        requests = fetcher.requests
    print("  " + " | ".join(report.summary_lines(max_failures=3)))
    return elapsed, requests


def cached_overhead(cache_dir: Path, urls: list[str]) -> float:
    """Mean milliseconds per ``get(refresh=False)`` answered from the cache."""
    with Fetcher(cache=ResponseCache(cache_dir), max_rate=0) as fetcher:
        times = []
        for _ in range(5):
            for url in urls:
                t = time.perf_counter()
                got = fetcher.get(url, refresh=False)
                times.append(time.perf_counter() - t)
                assert got.from_cache
    return statistics.mean(times) * 1000


def network_overhead(cache_dir: Path, url: str, n: int = 200) -> float:
    """Median milliseconds the client adds per network request over a bare httpx.Client
    (requests interleaved, so both see the same machine load)."""
    import httpx

    with httpx.Client() as bare, Fetcher(cache=ResponseCache(cache_dir), max_rate=0) as ours:
        bare.get(url)
        ours.get(url)
        raw, mine = [], []
        for _ in range(n):
            t = time.perf_counter()
            bare.get(url).read()
            raw.append(time.perf_counter() - t)
            t = time.perf_counter()
            ours.get(url)
            mine.append(time.perf_counter() - t)
    return (statistics.median(mine) - statistics.median(raw)) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=50)
    args = parser.parse_args()
    last = committee_of(args.meetings).committees[0].meetings[-1].day
    parent, child = multiprocessing.Pipe()
    proc = multiprocessing.get_context("fork").Process(target=serve,
                                                       args=(args.meetings, child))
    proc.start()
    base = parent.recv()
    try:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            warm_up(tmp)
            with Register.open(f"sqlite:///{tmp / 'register.db'}") as register:
                print(f"committee of {args.meetings} meetings on {base}")
                first, n1 = run(base, register, tmp / "cache", last)
                again, n2 = run(base, register, tmp / "cache", last)
                every, n3 = run(base, register, tmp / "cache", last, settle=False)
                print(f"first run:  {first:8.3f} s  ({n1} requests)")
                print(f"re-run:     {again:8.3f} s  ({n2} requests)  "
                      f"ratio {first / again:.1f}x  (target >= 50x)")
                print(f"re-run, every meeting page re-fetched (no settled shortcut): "
                      f"{every:.3f} s  ({n3} requests)  ratio {first / every:.1f}x")
            docs = [f"{base}/mgConvert2PDF.aspx?ID={50_000 + i}"
                    for i in range(2 * args.meetings)]
            ms = cached_overhead(tmp / "cache", docs)
            print(f"cached request: {ms:.3f} ms per request  (target < 5 ms)")
            extra = network_overhead(tmp / "cache", docs[0])
            print(f"network request: client adds {extra:.3f} ms over bare httpx "
                  "(robots, rate limit, retries, hashing, cache write)")
    finally:
        parent.send("stop")
        proc.join(5)


if __name__ == "__main__":
    main()
