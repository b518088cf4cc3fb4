"""The closed vocabularies of the register, shared by tables, store and migrations."""

from __future__ import annotations

KINDS: tuple[str, ...] = ("decision", "recommendation", "action")
STATUSES: tuple[str, ...] = ("open", "done")
DUE_SOURCES: tuple[str, ...] = ("text", "calendar")
EVENTS: tuple[str, ...] = (
    "created",
    "status",
    "source-added",
    "source-changed",
    "no-longer-in-source",
)
SAVE_STATUSES: tuple[str, ...] = ("new", "changed", "unchanged")


def sql_in(column: str, values: tuple[str, ...], *, nullable: bool = False) -> str:
    """A CHECK constraint body: ``column IN ('a', 'b')`` (optionally allowing NULL)."""
    body = f"{column} IN ({', '.join(repr(v) for v in values)})"
    return f"{column} IS NULL OR {body}" if nullable else body
