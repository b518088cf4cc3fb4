"""Readers: pure functions from bytes to a ``Document`` (no network, no database).

``read_bytes`` sniffs the format and dispatches; ``read_path`` adds the file
system edge (missing/unreadable files become ``ReadError``).
"""

from __future__ import annotations

import re
from pathlib import Path

from minutes.errors import ReadError, UnsupportedFormat
from minutes.records import Document

_WS_ROOTS = re.compile(
    rb"<(?:meeting|committees|getmeetings|councillorsbyward|getallmeetingsbydate|"
    rb"calendarevents|memberlist|electionresults)[\s>]"
)
_HTML_TAG = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(rb"(?:<!--.*?-->\s*)*<[a-z!]", re.IGNORECASE | re.DOTALL)
_MAGIC: dict[bytes, str] = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive (.docx/.xlsx are zip files)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file (.doc/.xls)",
    b"{\\rtf": "an RTF file",
    b"\x1f\x8b": "a gzip archive",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7z archive",
}


def sniff(data: bytes, media_type: str | None = None) -> str:
    """The format of ``data``: "pdf", "moderngov-xml", "html", "text" or "binary:<what>"."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data.decode("utf-16", errors="replace").encode("utf-8")
        return "html" if _HTML_START.match(data.lstrip()) else "text"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            return "binary:" + what
    low = head.lower()
    body = re.sub(rb"^<\?xml[^>]*>\s*", b"", low)
    if _WS_ROOTS.match(body):
        return "moderngov-xml"
    if _HTML_TAG.search(low) or _HTML_START.match(body) or (media_type or "").startswith(
            "text/html"):
        return "html"
    if b"\x00" in head:
        return "binary:a binary file"
    return "text"


def read_bytes(data: bytes, source: str, *, media_type: str | None = None) -> Document:
    """Read ``data`` (text, HTML, ModernGov XML or PDF) into a Document."""
    kind = sniff(data, media_type)
    if "mgwebservice.asmx" in source.lower() and kind != "pdf":
        kind = "moderngov-xml"  # an HTML answer from the service is an error, not a page
    if kind == "pdf":
        from minutes.pipeline.readers.pdf import read_pdf

        return read_pdf(data, source)
    if kind == "moderngov-xml":
        from minutes.pipeline.readers.wsxml import read_meeting_xml

        return read_meeting_xml(data, source)
    if kind == "html":
        from minutes.pipeline.readers.html import read_html

        return read_html(data, source)
    if kind.startswith("binary:"):
        raise UnsupportedFormat(
            source, f"is not a format minutes can read ({kind[7:]}; expected text, HTML, "
            "ModernGov XML or PDF)")
    from minutes.pipeline.readers.text import read_text

    return read_text(data, source)


def read_file(path: str | Path) -> bytes:
    """The bytes of the file at ``path``; every failure is a one-line ``ReadError``."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise ReadError(str(path), "no such file") from None
    except IsADirectoryError:
        raise ReadError(str(path), "is a folder, not a file") from None
    except PermissionError:
        raise ReadError(str(path), "permission denied") from None
    except OSError as exc:
        raise ReadError(str(path), f"cannot be read ({exc.strerror or exc})") from None


def read_path(path: str | Path) -> Document:
    """Read the file at ``path``; every failure is a one-line ``ReadError``."""
    return read_bytes(read_file(path), str(path))
