"""Ruled tables of a PDF page, found from pdfium's path objects (no pdfminer pass).

Borders drawn as thin paths or cell rectangles give horizontal and vertical
edges; edges that touch form one table; the distinct edge positions give the
grid, and each cell's text comes from pdfium's bounded-text call. A cell with
no border on its right is merged with its neighbour (colspan). Only grids of
at least 2 x 2 cells count.
"""

from __future__ import annotations

from dataclasses import dataclass

THIN = 3.0  # a path at most this thick is a rule
MIN_RULE = 8.0  # and at least this long
SNAP = 3.0  # edge positions closer than this are the same grid line
MAX_PATHS = 3000  # pages drawing more paths than this are charts, not tables


@dataclass(frozen=True)
class Edge:
    horizontal: bool
    pos: float  # y of a horizontal rule, x of a vertical one
    lo: float  # extent along the rule
    hi: float

    def box(self) -> tuple[float, float, float, float]:
        if self.horizontal:
            return (self.lo, self.pos, self.hi, self.pos)
        return (self.pos, self.lo, self.pos, self.hi)


@dataclass
class Grid:
    """One ruled table: rows of cell texts (None for a merged-away cell) and its bbox."""

    rows: list[list[str | None]]
    bbox: tuple[float, float, float, float]  # left, bottom, right, top (PDF coordinates)


def edges_of(page) -> list[Edge]:
    """Rules and rectangle sides drawn on the page."""
    import pypdfium2.raw as raw

    edges: list[Edge] = []
    for n, obj in enumerate(page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=2)):
        if n >= MAX_PATHS:
            return []
        left, bottom, right, top = obj.get_bounds()
        w, h = right - left, top - bottom
        if h <= THIN and w >= MIN_RULE:
            edges.append(Edge(True, (bottom + top) / 2, left, right))
        elif w <= THIN and h >= MIN_RULE:
            edges.append(Edge(False, (left + right) / 2, bottom, top))
        elif w >= MIN_RULE and h >= MIN_RULE:
            edges += [Edge(True, top, left, right), Edge(True, bottom, left, right),
                      Edge(False, left, bottom, top), Edge(False, right, bottom, top)]
    return edges


def _touch(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return (a[0] - SNAP <= b[2] and b[0] - SNAP <= a[2]
            and a[1] - SNAP <= b[3] and b[1] - SNAP <= a[3])


def _groups(edges: list[Edge]) -> list[list[Edge]]:
    """Edges that touch, transitively, as groups (one per table)."""
    groups: list[tuple[list[float], list[Edge]]] = []
    for e in sorted(edges, key=lambda e: -e.box()[3]):
        box = list(e.box())
        hits = [g for g in groups if _touch(g[0], box)]
        members = [e]
        for g in hits:
            groups.remove(g)
            members += g[1]
            box = [min(box[0], g[0][0]), min(box[1], g[0][1]),
                   max(box[2], g[0][2]), max(box[3], g[0][3])]
        groups.append((box, members))
    return [m for _, m in groups]


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= SNAP:
            continue
        out.append(v)
    return out


def _has_rule(edges: list[Edge], x: float, bottom: float, top: float) -> bool:
    """Is there a vertical rule at ``x`` covering most of ``bottom..top``?"""
    need = (top - bottom) * 0.6
    return any(abs(e.pos - x) <= SNAP and min(e.hi, top) - max(e.lo, bottom) >= need
               for e in edges if not e.horizontal)


def find_grids(page, textpage) -> list[Grid]:
    """The ruled tables of ``page`` with each cell's text (raw pdfium text)."""
    grids: list[Grid] = []
    for group in _groups(edges_of(page)):
        xs = _snap([e.pos for e in group if not e.horizontal])
        ys = _snap([e.pos for e in group if e.horizontal])[::-1]  # top to bottom
        if len(xs) < 3 or len(ys) < 3:
            continue
        rows: list[list[str | None]] = []
        for top, bottom in zip(ys, ys[1:], strict=False):
            row: list[str | None] = []
            c = 0
            while c < len(xs) - 1:
                right = c + 1
                while right < len(xs) - 1 and not _has_rule(group, xs[right], bottom, top):
                    right += 1
                text = textpage.get_text_bounded(xs[c] + 0.5, bottom + 0.5, xs[right] - 0.5,
                                                 top - 0.5)
                row.append(text)
                row += [None] * (right - c - 1)
                c = right
            rows.append(row)
        grids.append(Grid(rows, (xs[0], ys[-1], xs[-1], ys[0])))
    return grids
