"""Register views for people: a text table, CSV and JSON Lines."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Iterable, Mapping

#: Columns of the CSV export and the table, in order.
COLUMNS = ("ref", "kind", "status", "owner", "due_date", "due_text", "committee",
           "meeting_date", "item", "actionable", "text", "source", "page")

_TABLE = (("ref", 22), ("kind", 14), ("status", 6), ("owner", 24), ("due", 10), ("text", 60))


def flat(record: Mapping[str, object]) -> dict[str, object]:
    """One entry as a flat row (location's page lifted to a column)."""
    location = record.get("location") or {}
    row = {k: record.get(k) for k in COLUMNS}
    row["page"] = location.get("page") if isinstance(location, Mapping) else None
    return row


def to_csv(records: Iterable[Mapping[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow({k: "" if v is None else v for k, v in flat(record).items()})
    return out.getvalue()


def to_jsonl(records: Iterable[Mapping[str, object]]) -> str:
    return "".join(json.dumps(dict(r), ensure_ascii=False, default=str) + "\n" for r in records)


def to_table(records: Iterable[Mapping[str, object]]) -> str:
    """A fixed-width table that fits a terminal; the text column wraps."""
    lines = ["  ".join(name.upper().ljust(width) for name, width in _TABLE)]
    count = 0
    for record in records:
        count += 1
        values = {
            "ref": record.get("ref"), "kind": record.get("kind"),
            "status": record.get("status") or "-", "owner": record.get("owner") or "-",
            "due": record.get("due_date") or ("(" + str(record["due_text"])[:8] + ")"
                                              if record.get("due_text") else "-"),
        }
        wrapped = textwrap.wrap(str(record.get("text") or ""), _TABLE[-1][1]) or [""]
        head = "  ".join(str(values[n])[:w].ljust(w) for n, w in _TABLE[:-1])
        lines.append(f"{head}  {wrapped[0]}")
        pad = " " * len(head)
        lines.extend(f"{pad}  {more}" for more in wrapped[1:])
    lines.append(f"{count} entr{'ies' if count != 1 else 'y'}")
    return "\n".join(lines) + "\n"
