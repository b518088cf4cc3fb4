"""The PostgreSQL fixture fails loudly when the server is missing, unless told to skip."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = "tests/models/test_save.py::test_new_then_unchanged[postgres]"


def _pytest(**env: str) -> subprocess.CompletedProcess[str]:
    drop = ("MINUTES_SKIP_POSTGRES", "MINUTES_PG_HOST")
    base = {k: v for k, v in os.environ.items() if k not in drop}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           TARGET], cwd=ROOT, env=base | env, capture_output=True, text=True,
                          timeout=120)


def test_unreachable_server_fails_with_a_clear_message() -> None:
    run = _pytest(MINUTES_PG_PORT="1")
    assert run.returncode != 0, run.stdout
    assert "PostgreSQL at 127.0.0.1:1 is not reachable" in run.stdout
    assert "MINUTES_SKIP_POSTGRES=1" in run.stdout


def test_skip_switch_skips() -> None:
    run = _pytest(MINUTES_PG_PORT="1", MINUTES_SKIP_POSTGRES="1")
    assert run.returncode == 0, run.stdout
    assert "1 skipped" in run.stdout
