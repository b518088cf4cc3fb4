"""End to end through the CLI: ingest, register, trace, status, on a real SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutes.cli import cli
from minutes.models.store import Register

MINUTES = """\
Audit Committee - 12 March 2025
15. Internal Audit Progress Report
The Committee considered the internal audit progress report for the quarter.
RESOLVED that:
(a) the internal audit progress report be noted;
(b) the Head of Internal Audit be requested to report on the follow-up of
    high priority recommendations to the next meeting; and
(c) the Chief Finance Officer circulate the revised audit plan to members by 30 April 2025.
16. Risk Management Update
Councillor Jane Porter agreed to meet the risk manager to review the corporate risk register.
"""


def run(*args: str, db: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "audit-2025-03-12.txt").write_text(MINUTES, encoding="utf-8")
    return docs


def entries(db: Path) -> list[dict]:
    code, out, _ = run("register", "--format", "json", db=db)
    assert code == 0
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_ingest_then_reingest_changes_nothing(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "reg.db"
    code, out, _ = run("ingest", str(folder), db=db)
    assert code == 0, out
    assert "1 new" in out
    first = entries(db)
    assert first, "the sample minutes should give register entries"
    code, out, _ = run("ingest", str(folder), db=db)
    assert code == 0
    assert "1 unchanged" in out and "0 entries added" in out
    assert entries(db) == first


def test_register_json_carries_ref_source_location_text(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "reg.db"
    run("ingest", str(folder), db=db)
    for entry in entries(db):
        assert entry["ref"] and entry["text"]
        assert entry["source"].endswith("audit-2025-03-12.txt")
        assert entry["location"]["start"] < entry["location"]["end"]


def test_trace_shows_the_quote_for_every_entry(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "reg.db"
    run("ingest", str(folder), db=db)
    text = MINUTES
    for entry in entries(db):
        code, out, _ = run("trace", entry["ref"], db=db)
        assert code == 0
        assert entry["ref"] in out
        assert "audit-2025-03-12.txt" in out
        quote_words = entry["text"].split()[:4]
        assert " ".join(quote_words) in " ".join(out.split())
        assert " ".join(quote_words) in " ".join(text.split())


def test_status_change_is_appended_to_history(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "reg.db"
    run("ingest", str(folder), db=db)
    target = next(e for e in entries(db) if e["actionable"])
    code, out, _ = run("status", target["ref"], "done", "--note", "Plan circulated", db=db)
    assert code == 0, out
    code, out, _ = run("trace", target["ref"], db=db)
    assert "Plan circulated" in out
    done = [e for e in entries(db) if e["ref"] == target["ref"]]
    assert done[0]["status"] == "done"
    code, out, _ = run("register", "--status", "done", "--format", "csv", db=db)
    assert out.splitlines()[0].startswith("ref,")
    assert len(out.splitlines()) == 2


def test_unknown_ref_is_one_line_error(tmp_path: Path) -> None:
    code, out, err = run("trace", "NO-SUCH-REF", db=tmp_path / "reg.db")
    assert code == 1
    assert "NO-SUCH-REF" in err and len(err.strip().splitlines()) == 1


def test_bad_documents_fail_alone_and_batch_goes_on(folder: Path, tmp_path: Path) -> None:
    (folder / "latin1.txt").write_bytes("Caf\xe9 minutes".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    (folder / "picture.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    (folder / "locked.pdf").write_bytes(_pdf(password="secret"))
    (folder / "scan.pdf").write_bytes(_pdf(text=None))
    missing = tmp_path / "missing.txt"
    db = tmp_path / "reg.db"
    proc = subprocess.run(
        [sys.executable, "-m", "minutes.cli", "ingest", str(folder), str(missing), "--db", str(db)],
        capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    failed = [line for line in proc.stderr.splitlines() if line.startswith("failed:")]
    expected = {"latin1.txt": "not UTF-8", "empty.txt": "empty", "broken.pdf": "PDF",
                "picture.pdf": "not a format", "missing.txt": "no such file",
                "locked.pdf": "encrypted", "scan.pdf": "no text layer"}
    for name, problem in expected.items():
        lines = [line for line in failed if name in line]
        assert len(lines) == 1 and problem in lines[0], (name, proc.stderr)
    assert "1 new" in proc.stdout and "7 failed" in proc.stdout
    assert entries(db), "the good document was still ingested"
    register = Register.open(f"sqlite:///{db}")
    try:  # nothing of a failed document was half-written
        assert register.counts()["documents"] == 1
    finally:
        register.close()


def _pdf(text: str | None = "Minutes of the meeting.", password: str | None = None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if text is None:
        pdf.rect(20, 20, 120, 80, style="F")  # a page with no text layer, like a scan
    else:
        pdf.set_font("Helvetica", size=12)
        pdf.cell(0, 10, text)
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    return bytes(pdf.output())
