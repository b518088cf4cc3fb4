"""Action logs and action plans laid out as tables (HTML/PDF cells or "a | b | c" text rows)."""

from __future__ import annotations

import functools
import re

from minutes.extractors.candidate import FORMAL, Candidate
from minutes.extractors.resources import load_json
from minutes.extractors.units import Unit
from minutes.records import Document

PIPE_ROW = re.compile(r"\|.*\||^[\s|:\-]+$|\S\t+\S")
Cell = tuple[int, int]  # offsets of the cell's text


def is_pipe_row(line: str) -> bool:
    """A text line that is a row of a "|"-separated table."""
    return bool(PIPE_ROW.search(line))


@functools.cache
def _headers() -> dict[str, re.Pattern[str]]:
    data = load_json("table_headers.json")
    return {k: re.compile(v, re.IGNORECASE) for k, v in data.items() if not k.startswith("_")}


def find(doc: Document, units: list[Unit]) -> list[Candidate]:
    """Action rows of every action table in ``doc``."""
    out: list[Candidate] = []
    for rows in _cell_tables(units) + _pipe_tables(doc, units):
        out.extend(_rows(doc, rows))
    return out


def _cell_tables(units: list[Unit]) -> list[list[list[Cell]]]:
    tables: dict[int, dict[int, list[tuple[int, Cell]]]] = {}
    for u in units:
        if u.table is not None:
            tables.setdefault(u.table, {}).setdefault(u.row or 0, []).append(
                (u.col or 0, (u.start, u.end)))
    return [[[c for _, c in sorted(cells)] for _, cells in sorted(rows.items())]
            for _, rows in sorted(tables.items())]


def _pipe_tables(doc: Document, units: list[Unit]) -> list[list[list[Cell]]]:
    """Runs of "a | b | c" rows; a run that resumes a line or two after a wrapped cell
    broke it ("| 5.a | A Ewing, C" / "Encombe |" / "Develop ... | Item 6 |"), with no
    header of its own, goes on under the header before."""
    tables: list[list[list[Cell]]] = []
    current: list[list[Cell]] = []
    gap = 99  # non-table units since the last run ended
    for u in units:
        line = doc.text[u.start:u.end]
        if u.table is None and is_pipe_row(line):
            if not re.fullmatch(r"[\s|:\-]+", line):
                row = _split_pipes(line, u.start)
                if not current and tables and gap <= 2 and not _is_header(doc, row):
                    current = tables.pop()
                    if line.rstrip().endswith("|") and row and row[-1][0] == row[-1][1]:
                        row = row[:-1]  # the tail of the broken row: its last cells
                    row = [(u.start, u.start)] * (len(current[0]) - len(row)) + row
                current.append(row)
            gap = 0
            continue
        if current:
            tables.append(current)
            current = []
        gap += 1
    if current:
        tables.append(current)
    return tables


def _roles(doc: Document, row: list[Cell]) -> dict[str, int]:
    """The column of each role ("action", "owner", "due", "status") the header row names."""
    roles: dict[str, int] = {}
    for col, (s, e) in enumerate(row):
        name = doc.text[s:e].strip(" :*")
        for role, pattern in _headers().items():
            if role not in roles and pattern.match(name):
                roles[role] = col
                break
    if "action" not in roles and "action_fallback" in roles:
        roles["action"] = roles["action_fallback"]
    roles.pop("action_fallback", None)
    return roles


def _is_header(doc: Document, row: list[Cell]) -> bool:
    return bool(_roles(doc, row))


def _split_pipes(line: str, offset: int) -> list[Cell]:
    cells, pos = [], 0
    sep = "|" if "|" in line else "\t"
    for part in line.split(sep):
        lead = len(part) - len(part.lstrip())
        cells.append((offset + pos + lead, offset + pos + len(part.rstrip())))
        pos += len(part) + 1
    if sep == "\t":
        return [c for c in cells if c[1] > c[0]]
    return [c for c in cells if c[1] > c[0]] if line.strip().startswith("|") else cells


def _rows(doc: Document, rows: list[list[Cell]]) -> list[Candidate]:
    if len(rows) < 2:
        return []
    roles = _roles(doc, rows[0])
    if "action" not in roles or len(roles) < 2:
        return []
    out = []
    for row in rows[1:]:
        cell = _cell(row, roles["action"])
        if cell is None or cell[1] - cell[0] < 3:
            continue
        cand = Candidate("action", cell[0], cell[1], "table-row", FORMAL,
                         doc.block_at(cell[0]).item if doc.block_at(cell[0]) else None)
        cand.actionable = True
        for role, attr in (("owner", "owner"), ("due", "due_text"), ("status", "note")):
            c = _cell(row, roles.get(role))
            if c is not None and c[1] > c[0]:
                setattr(cand, attr, " ".join(doc.text[c[0]:c[1]].split()))
        if cand.owner:
            cand.why["owner"] = "owner column"
        out.append(cand)
    return out


def _cell(row: list[Cell], col: int | None) -> Cell | None:
    if col is None or col >= len(row):
        return None
    return row[col]
