"""The CLI's surface: --help is instant (no spaCy), every command is documented in the README."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from minutes.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"


def test_help_does_not_import_heavy_modules() -> None:
    code = ("import sys\n"
            "from minutes.cli import cli\n"
            "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('spacy', 'sqlalchemy', 'pdfplumber', 'pypdfium2', 'bs4',"
            " 'fastapi') if m in sys.modules]\n"
            "print('HEAVY', heavy)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert "HEAVY []" in out, out


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert command.help, f"minutes {name} has no help text"
        assert f"minutes {name}" in readme, f"README does not show 'minutes {name}'"
