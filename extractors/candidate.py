"""The extractor's working record: an entry before its fields are resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

FORMAL = 2  # a limb of a resolution, an action line or table row
PROSE = 1  # a sentence or clause found in narrative


@dataclass
class Candidate:
    """A passage ``doc.text[start:end]`` that becomes one entry."""

    kind: str
    start: int
    end: int
    rule: str
    rank: int = FORMAL
    item: str | None = None
    lead_in: str | None = None  # preamble that introduced the limb list
    actor: str | None = None  # the subject a prose rule matched (owner fallback)
    owner: str | None = None  # structural owner (table column, ACTION tag)
    note: str | None = None  # a trailing completion/status line or status column of the entry
    due_text: str | None = None  # structural due (table column)
    actionable: bool | None = None  # forced by the rule, else classified
    why: dict[str, str] = field(default_factory=dict)
