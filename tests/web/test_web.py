"""The web page over real HTTP on 127.0.0.1: uvicorn in a thread, a real SQLite register."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from minutes.models.store import Register
from minutes.pipeline.ingest import ingest_paths
from minutes.web.app import create_app

MINUTES = """\
Scrutiny Panel - 4 June 2025
7. Housing Repairs Performance
RESOLVED that:
(a) the performance report be noted; and
(b) the Director of Housing be requested to report back on damp and mould cases
    by 30 September 2025.
8. Library Opening Hours
Councillor Amir Shah agreed to circulate the consultation results to the Panel by 1 July 2025.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[str]:
    doc = tmp_path / "panel.txt"
    doc.write_text(MINUTES, encoding="utf-8")
    register = Register.open(f"sqlite:///{tmp_path / 'reg.db'}")
    report = ingest_paths(register, [doc], jobs=1)
    assert report.entries_added >= 2, report.summary()
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(register), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(f"{base}/healthz").status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.05)
    yield base
    server.should_exit = True
    thread.join(timeout=5)
    register.close()


def _refs(html: str) -> list[str]:
    import re

    return re.findall(r'href="/entry/([^"]+)"', html)


def test_register_page_lists_and_filters(site: str) -> None:
    page = httpx.get(site + "/")
    assert page.status_code == 200
    refs = _refs(page.text)
    assert len(refs) >= 2
    assert "damp and mould" in page.text
    only_actions = httpx.get(site + "/", params={"kind": "action"}).text
    assert "circulate the consultation results" in only_actions
    assert "damp and mould" not in only_actions


def test_exports_follow_the_filters(site: str) -> None:
    csv_text = httpx.get(site + "/export.csv", params={"owner": "amir"}).text
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("ref,kind,status,owner")
    assert len(lines) == 2 and "Amir Shah" in lines[1]
    json_lines = httpx.get(site + "/export.json").text.strip().splitlines()
    assert len(json_lines) == len(_refs(httpx.get(site + "/").text))


def test_entry_page_shows_quote_and_records_status(site: str) -> None:
    ref = next(r for r in _refs(httpx.get(site + "/", params={"kind": "action"}).text))
    page = httpx.get(f"{site}/entry/{ref}")
    assert page.status_code == 200
    assert "<mark>" in page.text and "panel.txt" in page.text
    done = httpx.post(f"{site}/entry/{ref}/status",
                      data={"status": "done", "note": "Results sent 20 June", "by": "A Clerk"},
                      follow_redirects=True)
    assert done.status_code == 200
    assert "Results sent 20 June" in done.text and "A Clerk" in done.text
    assert ref in httpx.get(site + "/", params={"status": "done"}).text


def test_unknown_entry_and_bad_filter_are_plain_errors(site: str) -> None:
    missing = httpx.get(f"{site}/entry/NOPE-1")
    assert missing.status_code == 404 and "NOPE-1" in missing.text
    bad = httpx.get(site + "/", params={"due_before": "next week"})
    assert bad.status_code == 400 and "not a date" in bad.text
