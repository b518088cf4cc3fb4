"""One document is one transaction: a failure mid-save leaves nothing of it behind;
two ingests at once of the same meeting do not duplicate it."""

from __future__ import annotations

import threading

import pytest

from minutes.errors import StoreError
from minutes.models.store import Register
from tests.models.builders import entry_at, make_doc

LINES = [
    "Ambridge Parish Council - Full Council",
    "41. Village Green",
    "RESOLVED: That the Clerk obtain three quotes for the new benches.",
    "The Chair to write to the county council about the bus shelter by 1 May 2025.",
]
A = "That the Clerk obtain three quotes for the new benches."
B = "The Chair to write to the county council about the bus shelter by 1 May 2025."


def _entries(doc):
    return [entry_at(doc, A, "decision", item="41"), entry_at(doc, B, item="41")]


def test_check_constraint_failure_rolls_back_everything(register: Register) -> None:
    doc = make_doc("/p/parish.txt", LINES, committee="Full Council")
    bad = _entries(doc)
    bad[1].kind = "resolution"  # type: ignore[assignment]  # violates ck_entry_kind
    with pytest.raises(StoreError) as info:
        register.save_document(doc, bad)
    message = str(info.value)
    assert message.startswith("/p/parish.txt: not saved (") and "\n" not in message
    assert set(register.counts().values()) == {0}
    assert not register.is_unchanged(doc.source, doc.sha256)
    # and the register still works afterwards
    assert register.save_document(doc, _entries(doc)).entries_added == 2


def test_failed_change_keeps_previous_version(register: Register) -> None:
    doc = make_doc("/p/parish.txt", LINES, committee="Full Council")
    first = register.save_document(doc, _entries(doc))
    before = register.counts()
    doc2 = make_doc("/p/parish.txt", LINES[:3] + ["42. Any Other Business",
                                                   "The Clerk to book the hall."],
                    committee="Full Council")
    bad = [entry_at(doc2, A, "decision", item="41"),
           entry_at(doc2, "The Clerk to book the hall.", item="42")]
    bad[1].status = "pending"  # type: ignore[assignment]  # violates ck_entry_status
    with pytest.raises(StoreError, match="not saved"):
        register.save_document(doc2, bad)
    assert register.counts() == before
    assert register.is_unchanged(doc.source, doc.sha256)
    history = register.trace(first.refs[1]).history
    assert [h.event for h in history] == ["created"]  # no no-longer-in-source event


def test_exception_in_a_later_step_rolls_back(register: Register,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    doc = make_doc("/p/parish.txt", LINES, committee="Full Council")
    calls = []
    real = Register._source_row

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return real(*args, **kwargs)

    monkeypatch.setattr(Register, "_source_row", staticmethod(failing))
    with pytest.raises(RuntimeError, match="disk on fire"):
        register.save_document(doc, _entries(doc))
    assert len(calls) == 2
    assert set(register.counts().values()) == {0}
    monkeypatch.undo()
    assert register.save_document(doc, _entries(doc)).status == "new"


def test_two_ingests_of_one_meeting_at_once(db_url: str) -> None:
    regs = [Register.open(db_url), Register.open(db_url)]
    docs = [make_doc("/p/parish-web.html", LINES, committee="Full Council", fmt="html"),
            make_doc("/p/parish-minutes.pdf", LINES, committee="Full Council", fmt="pdf")]
    barrier = threading.Barrier(2)
    results: list[object] = [None, None]

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = regs[i].save_document(docs[i], _entries(docs[i]))
        except Exception as exc:  # reported below
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    try:
        assert all(not isinstance(r, Exception) for r in results), results
        counts = regs[0].counts()
        assert (counts["documents"], counts["meetings"], counts["entries"],
                counts["sources"]) == (2, 1, 2, 4)
    finally:
        for reg in regs:
            reg.close()


def test_two_processes_opening_an_empty_database_at_once(db_url: str) -> None:
    barrier = threading.Barrier(2)
    outcome: list[object] = []

    def run() -> None:
        barrier.wait()
        try:
            reg = Register.open(db_url)
            outcome.append(reg.counts()["entries"])
            reg.close()
        except Exception as exc:  # reported below
            outcome.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert outcome == [0, 0]


def test_sqlite_readers_do_not_wait_for_a_writer(tmp_path) -> None:
    import sqlite3
    import time

    path = tmp_path / "register.db"
    reg = Register.open(f"sqlite:///{path}")
    doc = make_doc("/p/parish.txt", LINES, committee="Full Council")
    reg.save_document(doc, _entries(doc))
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another ingest holds the write lock
    try:
        t0 = time.monotonic()
        assert len(reg.entries()) == 2
        assert reg.is_unchanged(doc.source, doc.sha256)
        assert reg.trace(reg.entries()[0].ref).sources
        assert time.monotonic() - t0 < 5
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        reg.close()
