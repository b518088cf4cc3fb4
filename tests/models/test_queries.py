"""Reading the register: filters, trace with the paragraph around each quote, status history."""

from __future__ import annotations

from datetime import date

import pytest

from minutes.errors import StoreError
from minutes.models.store import Register
from tests.models.builders import entry_at, make_doc

CABINET = [
    "Wessex Borough Council - Cabinet",
    "7. Parks Investment",
    "RESOLVED: That the parks investment plan be adopted. "
    "The Parks Manager to tender the play area works by 30 April 2025.",
    "The Director of Place to report progress to the July meeting.",
    "8. Council Tax Support",
    "RESOLVED: That the scheme be recommended to Full Council for approval.",
]
PLANNING = [
    "Wessex Borough Council - Planning Committee",
    "21. Enforcement Update",
    "The Enforcement Team Leader to write to the landowner by 1 March 2025.",
]


@pytest.fixture
def filled(register: Register) -> Register:
    cab = make_doc("/p/cabinet.txt", CABINET, committee="Cabinet",
                   meeting_date=date(2025, 1, 30))
    register.save_document(cab, [
        entry_at(cab, "That the parks investment plan be adopted.", "decision",
                 actionable=False, item="7"),
        entry_at(cab, "The Parks Manager to tender the play area works by 30 April 2025.",
                 item="7", owner="Parks Manager", due_text="by 30 April 2025",
                 due_date=date(2025, 4, 30)),
        entry_at(cab, "The Director of Place to report progress to the July meeting.",
                 item="7", owner="Director of Place", due_text="the July meeting"),
        entry_at(cab, "That the scheme be recommended to Full Council for approval.",
                 "recommendation", item="8"),
    ])
    plan = make_doc("/p/planning.txt", PLANNING, committee="Planning Committee",
                    meeting_date=date(2025, 2, 10))
    register.save_document(plan, [
        entry_at(plan, PLANNING[2], item="21", owner="Enforcement Team Leader",
                 due_text="by 1 March 2025", due_date=date(2025, 3, 1), status="done"),
    ])
    return register


def refs(views) -> list[str]:
    return [v.ref for v in views]


def test_filters(filled: Register) -> None:
    assert len(filled.entries()) == 5
    assert refs(filled.entries(kind="decision")) == ["CAB-2025-01-30-7.1"]
    assert refs(filled.entries(kind="recommendation")) == ["CAB-2025-01-30-8.1"]
    assert refs(filled.entries(status="done")) == ["PC-2025-02-10-21.1"]
    assert len(filled.entries(status="open")) == 3
    assert refs(filled.entries(owner="PARKS")) == ["CAB-2025-01-30-7.2"]
    assert refs(filled.entries(owner="director of")) == ["CAB-2025-01-30-7.3"]
    assert refs(filled.entries(owner="100%_")) == []
    assert refs(filled.entries(committee="planning")) == ["PC-2025-02-10-21.1"]
    assert len(filled.entries(committee="CABINET")) == 4
    assert refs(filled.entries(due_before=date(2025, 4, 1))) == ["PC-2025-02-10-21.1"]
    assert refs(filled.entries(due_before=date(2025, 4, 30))) == ["PC-2025-02-10-21.1"]
    assert len(filled.entries(due_before=date(2025, 5, 1))) == 2
    # overdue: actionable, open, due before today (the done one does not count)
    assert refs(filled.entries(overdue=True, today=date(2025, 5, 1))) == ["CAB-2025-01-30-7.2"]
    assert refs(filled.entries(overdue=True, today=date(2025, 4, 30))) == []
    assert refs(filled.entries(overdue=True, committee="cab", kind="action",
                               today=date(2026, 1, 1))) == ["CAB-2025-01-30-7.2"]


def test_bad_filter_values(filled: Register) -> None:
    with pytest.raises(StoreError, match="unknown status 'closed'"):
        filled.entries(status="closed")
    with pytest.raises(StoreError, match="unknown kind"):
        filled.entries(kind="minute")


def test_entry_json_shape(filled: Register) -> None:
    view = filled.entries(owner="parks")[0]
    record = view.to_json()
    text = filled.trace(view.ref).sources[0]
    assert record == {
        "ref": "CAB-2025-01-30-7.2", "kind": "action",
        "text": "The Parks Manager to tender the play area works by 30 April 2025.",
        "actionable": True, "owner": "Parks Manager", "due_text": "by 30 April 2025",
        "due_date": "2025-04-30", "due_source": "text", "status": "open",
        "committee": "Cabinet", "meeting_date": "2025-01-30", "item": "7",
        "source": "/p/cabinet.txt",
        "location": {"page": None, "start": text.start, "end": text.end},
    }


def test_trace_shows_quote_in_its_paragraph(filled: Register) -> None:
    trace = filled.trace("CAB-2025-01-30-7.2")
    assert trace.ref == "CAB-2025-01-30-7.2"
    (src,) = trace.sources
    assert src.quote == "The Parks Manager to tender the play area works by 30 April 2025."
    assert src.paragraph == CABINET[2]
    assert src.quote in src.paragraph and src.paragraph != src.quote
    assert (src.source, src.format, src.rule, src.current) == (
        "/p/cabinet.txt", "text", "test-rule", True)
    assert "\n".join(CABINET)[src.start:src.end] == src.quote
    record = trace.to_json()
    assert record["sources"][0]["paragraph"] == CABINET[2]
    assert record["history"][0]["event"] == "created"


def test_trace_unknown_ref(filled: Register) -> None:
    with pytest.raises(StoreError, match="^no entry with reference NOPE-1$"):
        filled.trace("NOPE-1")


def test_set_status_appends_history(filled: Register) -> None:
    ref = "CAB-2025-01-30-7.2"
    change = filled.set_status(ref, "done", note="tender issued", by="j.smith")
    assert (change.old_status, change.new_status, change.by, change.event) == (
        "open", "done", "j.smith", "status")
    filled.set_status(ref, "open", note="tender withdrawn")
    history = filled.trace(ref).history
    assert [(h.event, h.old_status, h.new_status, h.by) for h in history] == [
        ("created", None, "open", "extraction"),
        ("status", "open", "done", "j.smith"),
        ("status", "done", "open", "user"),
    ]
    assert history[1].note == "tender issued"
    assert filled.trace(ref).entry.status == "open"
    assert refs(filled.entries(overdue=True, today=date(2025, 6, 1))) == [ref]
    filled.set_status(ref, "done")
    assert refs(filled.entries(overdue=True, today=date(2025, 6, 1))) == []
    assert len(filled.trace(ref).history) == 4


def test_set_status_errors(filled: Register) -> None:
    before = filled.counts()
    with pytest.raises(StoreError, match="no entry with reference X-1"):
        filled.set_status("X-1", "done")
    with pytest.raises(StoreError, match="unknown status 'finished'"):
        filled.set_status("CAB-2025-01-30-7.2", "finished")
    assert filled.counts() == before


def test_reingest_keeps_user_status(filled: Register) -> None:
    ref = "CAB-2025-01-30-7.2"
    filled.set_status(ref, "done")
    web = make_doc("https://example.gov.uk/mgIssue.aspx?ID=5", ["Cabinet", CABINET[2]],
                   committee="Cabinet", meeting_date=date(2025, 1, 30), fmt="html")
    result = filled.save_document(web, [entry_at(
        web, "The Parks Manager to tender the play area works by 30 April 2025.")])
    assert result.entries_matched == 1 and result.refs == [ref]
    assert filled.trace(ref).entry.status == "done"
