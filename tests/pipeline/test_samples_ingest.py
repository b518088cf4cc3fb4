"""The README's main job: ``minutes ingest samples/`` on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutes.cli import cli

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'register.db'}"
    return request.getfixturevalue("postgres_clean_url")


def cli_ok(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def register_json(db: str) -> list[dict]:
    out = cli_ok("register", "--format", "json", "--db", db)
    return sorted((json.loads(line) for line in out.splitlines()), key=lambda e: e["ref"])


def test_ingesting_samples_twice_leaves_the_register_unchanged(db: str) -> None:
    out = cli_ok("ingest", str(SAMPLES), "--db", db)
    assert " 0 failed" in out
    first = register_json(db)
    assert len(first) >= 10
    out = cli_ok("ingest", str(SAMPLES), "--db", db)
    assert "0 new, 0 changed" in out and "0 entries added" in out
    assert register_json(db) == first


def test_every_sample_format_gives_one_entry_not_three(db: str, tmp_path: Path) -> None:
    """The seeds as .txt, ModernGov HTML and PDF are one set of minutes: no duplicates."""
    texts_only = f"sqlite:///{tmp_path / 'texts.db'}"
    cli_ok("ingest", *sorted(str(p) for p in SAMPLES.glob("*.txt")), "--db", texts_only)
    cli_ok("ingest", str(SAMPLES), "--db", db)
    seeds = {e["text"] for e in register_json(texts_only)}
    everything = [e for e in register_json(db)
                  if any(Path(e["source"]).stem == p.stem for p in SAMPLES.glob("*.txt"))]
    assert len(everything) == len(seeds), sorted(e["text"][:60] for e in everything)


def test_trace_shows_the_quote_for_every_sample_entry(db: str) -> None:
    cli_ok("ingest", str(SAMPLES), "--db", db)
    for entry in register_json(db):
        out = cli_ok("trace", entry["ref"], "--db", db, "--json")
        trace = json.loads(out)
        assert trace["sources"], entry["ref"]
        for source in trace["sources"]:
            assert source["quote"].strip()
            flat = " ".join(source["paragraph"].split())
            assert " ".join(source["quote"].split()) in flat, (entry["ref"], source["source"])
