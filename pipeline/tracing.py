"""An auditor's view of one entry: where it came from and what happened to it since."""

from __future__ import annotations

import textwrap
from typing import Any

WIDTH = 88


def mark_quote(paragraph: str, quote: str) -> str:
    """The paragraph with the quote set off by »…«, or quoted below it if not found."""
    flat_para, flat_quote = " ".join(paragraph.split()), " ".join(quote.split())
    at = flat_para.find(flat_quote)
    if at < 0:
        return f"{flat_para}\n»{flat_quote}«"
    return f"{flat_para[:at]}»{flat_quote}«{flat_para[at + len(flat_quote):]}"


def _wrap(text: str, indent: str = "    ") -> list[str]:
    lines: list[str] = []
    for part in text.split("\n"):
        lines.extend(textwrap.wrap(part, WIDTH, initial_indent=indent,
                                   subsequent_indent=indent) or [indent])
    return lines


def format_trace(view: Any) -> str:
    """Plain-text trace: the entry, each source with the quote in its paragraph, history."""
    e = view.entry
    due = e.due_date.isoformat() if e.due_date else "-"
    if e.due_text:
        due += f' ("{e.due_text}"' + (", from the committee calendar)" if e.due_source ==
                                      "calendar" else ")")
    meeting = " ".join(str(x) for x in (e.committee, e.meeting_date, ) if x) or "-"
    lines = [
        f"{e.ref}  [{e.kind}]  status: {e.status or '-'}"
        + ("" if e.actionable else "  (not actionable)"),
        f"  owner:   {e.owner or '-'}",
        f"  due:     {due}",
        f"  meeting: {meeting}" + (f", item {e.item}" if e.item else ""),
        "",
        f"Sources ({len(view.sources)}):",
    ]
    for n, s in enumerate(view.sources, 1):
        where = f"page {s.page}, " if s.page else ""
        state = "" if s.current else "  (an earlier version of this document)"
        lines.append(f"  {n}. {s.source}  [{s.format}, sha256 {s.sha256[:12]}]{state}")
        lines.append(f"     {where}characters {s.start}-{s.end}; found by {s.rule or '-'}; "
                     f"read {s.ingested_at:%Y-%m-%d %H:%M}")
        lines.extend(_wrap(mark_quote(s.paragraph or s.quote, s.quote), "     "))
    lines += ["", "History:"]
    for h in view.history:
        change = (f"{h.old_status or '-'} -> {h.new_status}" if h.new_status and
                  h.old_status != h.new_status else "")
        note = f"  {h.note}" if h.note else ""
        lines.append(f"  {h.at:%Y-%m-%d %H:%M}  {h.event:<20} {change:<14} by {h.by}{note}")
    return "\n".join(lines)
