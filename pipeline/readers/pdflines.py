"""The text lines of a PDF page from pdfium: one text call per page, one
origin/box lookup per line end, then reading order (top to bottom).

Also the page model the PDF reader works on (``PageText`` of ``Line`` and
``Table`` items) and the mending of fake-bold doubled letters.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field

from minutes.pipeline.readers.build import squash

LOOSE_BOX = 1.12  # a loose character box is about this many times the font size
_DOUBLED_HINT = re.compile(r"(\S)\1(\S)\2(\S)\3")
_PUA_BULLET = re.compile(r"^[\uf000-\uf0ff](?=\s)")


@dataclass
class Line:
    """One visual line of a page: text, left/right edge, baseline, font size."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    page: int
    y_end: float = 0.0  # baseline of the last character (pdfium joins hyphenated lines)

    def __post_init__(self) -> None:
        # a raised last character (a superscript "th") does not lift the line's end
        self.y_end = min(self.y_end, self.y) if self.y_end else self.y


@dataclass
class Table:
    """A ruled table, placed in the page's reading order at ``y`` (its top)."""

    rows: list[list[str | None]]
    y: float
    page: int


@dataclass
class PageText:
    """One page: its lines and tables in reading order, and its width."""

    number: int
    items: list[Line | Table] = field(default_factory=list)
    width: float = 0.0

    def lines(self) -> list[Line]:
        return [it for it in self.items if isinstance(it, Line)]


def _doubled(token: str) -> bool:
    core = token.rstrip(".,;:!?)")
    return len(core) >= 2 and len(core) % 2 == 0 and core[0::2] == core[1::2]


def _undouble(token: str) -> str:
    core = token.rstrip(".,;:!?)")
    return core[0::2] + token[len(core):]


def dedouble(text: str) -> str:
    """'CCHHIICCAAGGOO' -> 'CHICAGO' (fake-bold text drawn twice).

    Long doubled words are always mended; short ones ("22", "::") only when most
    of the line is doubled.
    """
    if not _DOUBLED_HINT.search(text):
        return text
    tokens = text.split()
    doubled = [t for t in tokens if _doubled(t)]
    if not doubled:
        return text
    most = len(doubled) * 10 >= len(tokens) * 6 and sum(map(len, doubled)) >= 8
    return " ".join(_undouble(t) if _doubled(t) and (most or (len(t) >= 6 and not t.isdigit()))
                    else t for t in tokens)


@dataclass(frozen=True)
class _Raw:
    """A line as pdfium places it: first and last character origins, last loose box."""

    text: str
    x0: float
    y0: float
    xj: float
    yj: float
    box: tuple[float, float, float, float]  # loose box of the last character
    first: tuple[float, float, float, float]  # and of the first


def _direction(raws: list[_Raw]) -> str:
    """How most lines run: "right" (normal), "up" or "down" (text turned 90 degrees)."""
    votes = {"right": 0, "up": 0, "down": 0}
    for r in raws:
        dx, dy = r.xj - r.x0, r.yj - r.y0
        if len(r.text) < 8:
            continue
        if abs(dx) >= 2 * abs(dy):
            votes["right"] += 1
        elif dy > 2 * abs(dx):
            votes["up"] += 1
        elif -dy > 2 * abs(dx):
            votes["down"] += 1
    return max(votes, key=lambda k: (votes[k], k == "right"))


def _size(box: tuple[float, float, float, float], turned: bool) -> float:
    # the loose box spans the font's ascent..descent: a size that survives text
    # matrices scaling a 1-point font (pdfium's font size is then 1)
    left, low, right, high = box
    return ((right - left) if turned else (high - low)) / LOOSE_BOX


def _line(r: _Raw, direction: str, number: int) -> Line:
    """The line in reading coordinates: x along the text, y upwards across lines.

    Its size is the larger of its first and last characters' (a bullet or a
    superscript at either end is smaller than the text)."""
    turned = direction != "right"
    size = max(_size(r.box, turned), _size(r.first, turned)) or 10.0
    left, low, right, high = r.box
    if direction == "up":  # text turned anticlockwise: reads bottom to top
        return Line(r.text, r.y0, high, -r.x0, size, number, y_end=-r.xj)
    if direction == "down":  # turned clockwise: reads top to bottom
        return Line(r.text, -r.y0, -low, r.x0, size, number, y_end=r.xj)
    return Line(r.text, r.x0, right, r.y0, size, number, y_end=r.yj)


def page_lines(textpage, number: int) -> tuple[list[Line], bool]:
    """The page's lines with geometry (one text call, one origin/box lookup per line
    end), and whether the page's text is turned 90 degrees (landscape content)."""
    import pypdfium2.raw as raw

    text = textpage.get_text_range()
    count = textpage.count_chars()
    x, y = ctypes.c_double(), ctypes.c_double()
    raws: list[_Raw] = []
    pos = 0
    for raw_line in re.split(r"\r\n|\r|\n", text):
        stripped = raw_line.strip()
        if stripped:
            i = pos + len(raw_line) - len(raw_line.lstrip())
            j = pos + len(raw_line.rstrip()) - 1
            if j < count:
                raw.FPDFText_GetCharOrigin(textpage.raw, i, x, y)
                x0, y0 = x.value, y.value
                raw.FPDFText_GetCharOrigin(textpage.raw, j, x, y)
                clean = _PUA_BULLET.sub("•", dedouble(squash(stripped)))
                raws.append(_Raw(clean, x0, y0, x.value, y.value,
                                 tuple(textpage.get_charbox(j, loose=True)),
                                 tuple(textpage.get_charbox(i, loose=True))))
        pos += len(raw_line) + (2 if text.startswith("\r\n", pos + len(raw_line)) else 1)
    direction = _direction(raws)
    return [_line(r, direction, number) for r in raws], direction != "right"


def reading_order(lines: list[Line]) -> list[Line]:
    """Top to bottom; pieces sharing a baseline become one line, left to right."""
    lines = sorted(lines, key=lambda ln: (-ln.y, ln.x0))
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev and abs(prev.y - ln.y) < 0.35 * min(prev.size, ln.size) and ln.x0 >= prev.x1 - 1:
            out[-1] = Line(f"{prev.text} {ln.text}", prev.x0, ln.x1, prev.y,
                           max(prev.size, ln.size), prev.page, y_end=min(prev.y_end, ln.y_end))
        else:
            out.append(ln)
    return out
