"""Readers: pure functions from bytes to a ``Document`` (no network, no database).

``read_bytes`` sniffs the format and dispatches; ``read_path`` adds the file
system edge (missing/unreadable files become ``ReadError``).
"""

from __future__ import annotations

from pathlib import Path

from minutes.errors import ReadError
from minutes.records import Document


def read_bytes(data: bytes, source: str, *, media_type: str | None = None) -> Document:
    """Read ``data`` (text, HTML, ModernGov XML or PDF) into a Document."""
    from minutes.pipeline.readers.text import read_text

    return read_text(data, source)  # interim: format sniffing lands with the readers work


def read_path(path: str | Path) -> Document:
    """Read the file at ``path``; every failure is a one-line ``ReadError``."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReadError(str(path), "no such file") from None
    except IsADirectoryError:
        raise ReadError(str(path), "is a folder, not a file") from None
    except PermissionError:
        raise ReadError(str(path), "permission denied") from None
    except OSError as exc:
        raise ReadError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    return read_bytes(data, str(path))
