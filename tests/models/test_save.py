"""Saving documents: new/unchanged, one meeting from two documents, changes, restricted."""

from __future__ import annotations

from datetime import date

from minutes.models.store import Register
from minutes.records import AgendaItem
from tests.models.builders import entry_at, make_doc

LINES = [
    "Borsetshire County Council",
    "Cabinet - Thursday 30 January 2025",
    "84. Highways Maintenance Programme",
    "RESOLVED: That the Highways Maintenance Programme for 2025/26 be approved.",
    "The Head of Highways to publish the resurfacing schedule by 31 March 2025.",
    "85. Library Opening Hours",
    "RESOLVED: That the consultation responses be noted.",
]
DECISION = "That the Highways Maintenance Programme for 2025/26 be approved."
ACTION = "The Head of Highways to publish the resurfacing schedule by 31 March 2025."
NOTED = "That the consultation responses be noted."


def _entries(doc):
    return [
        entry_at(doc, DECISION, "decision", actionable=False, item="84"),
        entry_at(doc, ACTION, "action", item="84", owner="Head of Highways",
                 due_text="by 31 March 2025", due_date=date(2025, 3, 31)),
        entry_at(doc, NOTED, "decision", actionable=False, item="85"),
    ]


def test_new_then_unchanged(register: Register) -> None:
    doc = make_doc("/papers/cabinet-2025-01-30.txt", LINES)
    first = register.save_document(doc, _entries(doc))
    assert (first.status, first.entries_added, first.entries_matched) == ("new", 3, 0)
    assert first.refs == ["CAB-2025-01-30-84.1", "CAB-2025-01-30-84.2", "CAB-2025-01-30-85.1"]
    assert register.is_unchanged(doc.source, doc.sha256)
    assert not register.is_unchanged(doc.source, "0" * 64)
    assert not register.is_unchanged("/papers/other.txt", doc.sha256)
    before = register.counts()
    again = register.save_document(doc, _entries(doc))
    assert again.status == "unchanged"
    assert again.document_id == first.document_id
    assert (again.entries_added, again.entries_matched) == (0, 0)
    assert register.counts() == before
    assert before["documents"] == 1 and before["meetings"] == 1 and before["entries"] == 3


def test_status_defaults_follow_actionable(register: Register) -> None:
    doc = make_doc("/papers/cab.txt", LINES)
    register.save_document(doc, _entries(doc))
    by_ref = {v.ref: v for v in register.entries()}
    assert by_ref["CAB-2025-01-30-84.1"].status is None
    assert by_ref["CAB-2025-01-30-84.2"].status == "open"
    assert by_ref["CAB-2025-01-30-84.2"].due_source == "text"
    assert by_ref["CAB-2025-01-30-84.2"].item == "84"


def test_web_page_and_pdf_of_one_meeting_give_one_entry_two_sources(register: Register) -> None:
    web = make_doc("https://democracy.example.gov.uk/ieListDocuments.aspx?CId=1&MId=77",
                   ["Cabinet, 30 January 2025", "Decision:", DECISION, ACTION],
                   fmt="html", meta={"moderngov_meeting_id": "77",
                                     "site": "https://democracy.example.gov.uk/"})
    pdf = make_doc("https://democracy.example.gov.uk/documents/g77/Printed minutes.pdf",
                   LINES, fmt="pdf", committee="The Cabinet")
    # the web page numbers agenda items (5), the printed minutes number minutes (84)
    r1 = register.save_document(web, [entry_at(web, DECISION, "decision", actionable=False,
                                               item="5"),
                                      entry_at(web, ACTION, item="5")])
    r2 = register.save_document(pdf, _entries(pdf))
    assert r1.status == r2.status == "new"
    assert (r2.entries_added, r2.entries_matched) == (1, 2)
    counts = register.counts()
    assert counts["meetings"] == 1
    assert counts["documents"] == 2
    assert counts["entries"] == 3
    trace = register.trace(r1.refs[1])
    assert [s.source for s in trace.sources] == [web.source, pdf.source]
    assert [h.event for h in trace.history] == ["created", "source-added"]
    # the PDF supplied what the web page lacked
    assert trace.entry.owner == "Head of Highways"
    assert trace.entry.due_date == date(2025, 3, 31)


def test_same_moderngov_meeting_matches_without_committee(register: Register) -> None:
    meta = {"moderngov_meeting_id": "901", "site": "democracy.example.gov.uk"}
    a = make_doc("https://democracy.example.gov.uk/a", ["x", ACTION], meta=meta)
    b = make_doc("https://democracy.example.gov.uk/b.pdf", [ACTION, "y"], committee=None,
                 meeting_date=None, meta=dict(meta, site="https://www.democracy.example.gov.uk"))
    register.save_document(a, [entry_at(a, ACTION)])
    result = register.save_document(b, [entry_at(b, ACTION)])
    assert result.entries_matched == 1
    assert register.counts()["meetings"] == 1


def test_moderngov_site_comes_from_the_url_and_is_needed(register: Register) -> None:
    meta = {"moderngov_meeting_id": "4405"}
    a = make_doc("https://democracy.example.gov.uk/ieListDocuments.aspx?MId=4405",
                 ["x", ACTION], committee=None, meeting_date=None, meta=meta)
    b = make_doc("/saved/page.html", ["x", ACTION], committee=None, meeting_date=None,
                 meta=dict(meta, url="https://democracy.example.gov.uk/mgAi.aspx?ID=1"))
    c = make_doc("/elsewhere/page.html", ["y", ACTION], committee=None, meeting_date=None,
                 meta=meta)  # same id, no site: not assumed to be the same meeting
    register.save_document(a, [entry_at(a, ACTION)])
    assert register.save_document(b, [entry_at(b, ACTION)]).entries_matched == 1
    assert register.save_document(c, [entry_at(c, ACTION)]).entries_added == 1
    assert register.counts()["meetings"] == 2


def test_other_meetings_do_not_merge(register: Register) -> None:
    a = make_doc("/p/a.txt", LINES)
    b = make_doc("/p/b.txt", LINES, meeting_date=date(2025, 2, 27))
    c = make_doc("/p/c.txt", LINES, body="Felpersham City Council")
    d = make_doc("/p/d.txt", LINES, body="Borchester District Council")
    for doc in (a, b, c, d):
        register.save_document(doc, _entries(doc))
    counts = register.counts()
    # c has a body and a's meeting has none, so c joins a; d's body differs from c's
    assert counts["meetings"] == 3
    assert counts["entries"] == 9
    refs = [v.ref for v in register.entries(committee="cabinet")]
    assert len(refs) == len(set(refs)) == 9
    assert "CAB-2025-01-30-84.1-b" in refs  # d collides with a's refs
    assert "CAB-2025-02-27-84.1" in refs


def test_repeated_boilerplate_in_different_items_stays_separate(register: Register) -> None:
    lines = ["12. Minutes", "RESOLVED: That the report be noted.",
             "13. Budget", "RESOLVED: That the report be noted."]
    doc = make_doc("/p/boiler.txt", lines)
    first = doc.text.index("That the report be noted.")
    second = doc.text.index("That the report be noted.", first + 1)
    e1 = entry_at(doc, "That the report be noted.", "decision", actionable=False, item="12")
    e2 = entry_at(doc, "That the report be noted.", "decision", actionable=False, item="13")
    e2.start, e2.end = second, second + len(e2.text)
    result = register.save_document(doc, [e1, e2])
    assert result.entries_added == 2
    doc2 = make_doc("/p/boiler-web.html", list(reversed(lines)))
    again = register.save_document(doc2, [
        entry_at(doc2, "That the report be noted.", "decision", actionable=False, item="13")])
    assert again.entries_matched == 1
    trace = register.trace(result.refs[1])
    assert len(trace.sources) == 2 and trace.entry.item == "13"


def test_changed_document_keeps_refs_and_history(register: Register) -> None:
    doc = make_doc("/p/cab.txt", LINES)
    first = register.save_document(doc, _entries(doc))
    revised = LINES[:4] + [
        "The Head of Highways to publish the resurfacing schedule by Monday 31 March 2025.",
        "86. Waste Strategy",
        "RESOLVED: That the Waste Strategy be referred to Full Council.",
    ]
    doc2 = make_doc("/p/cab.txt", revised)
    new_action = revised[4]
    entries2 = [
        entry_at(doc2, DECISION, "decision", actionable=False, item="84"),
        entry_at(doc2, new_action, item="84", status="done"),
        entry_at(doc2, "That the Waste Strategy be referred to Full Council.",
                 "recommendation", item="86"),
    ]
    second = register.save_document(doc2, entries2)
    assert second.status == "changed"
    assert second.document_id == first.document_id
    assert (second.entries_added, second.entries_matched, second.entries_removed) == (1, 2, 1)
    assert second.refs[:2] == first.refs[:2]
    counts = register.counts()
    assert counts["entries"] == 4 and counts["versions"] == 2 and counts["documents"] == 1
    assert register.is_unchanged("/p/cab.txt", doc2.sha256)
    assert not register.is_unchanged("/p/cab.txt", doc.sha256)

    vanished = register.trace(first.refs[2])
    assert [h.event for h in vanished.history] == ["created", "no-longer-in-source"]
    assert [s.current for s in vanished.sources] == [False]

    changed = register.trace(first.refs[1])
    assert changed.entry.text == new_action
    assert changed.entry.status == "done"
    assert [h.event for h in changed.history] == ["created", "source-changed", "status"]
    assert "text changed" in (changed.history[1].note or "")
    assert changed.history[2].by == "extraction"
    assert [s.current for s in changed.sources] == [False, True]
    assert changed.sources[1].quote == new_action

    # going back to the first text is a change again, not "unchanged"
    third = register.save_document(doc, _entries(doc))
    assert third.status == "changed"
    assert third.entries_added == 0
    assert register.counts()["entries"] == 4


def test_restricted_document_records_no_entries(register: Register) -> None:
    doc = make_doc("/p/exempt.pdf", LINES, items=[AgendaItem("84", "Land Disposal",
                                                            restricted=True)])
    result = register.save_document(doc, _entries(doc), restricted=True)
    assert result.status == "new" and result.entries_added == 0 and result.refs == []
    counts = register.counts()
    assert counts["documents"] == 1 and counts["entries"] == 0 and counts["sources"] == 0
    assert register.is_unchanged(doc.source, doc.sha256)
    with register._session() as s:  # the exempt text itself is not kept
        from sqlmodel import select

        from minutes.models.tables import AgendaItem as ItemRow
        from minutes.models.tables import DocumentVersion, SourceDocument
        assert s.exec(select(SourceDocument.restricted)).one() is True
        assert s.exec(select(DocumentVersion.text)).one() == ""
        assert s.exec(select(ItemRow.restricted)).one() is True


def test_due_overrides_from_calendar(register: Register) -> None:
    lines = ["Cabinet", "The Clerk to circulate the revised terms of reference "
             "before the next meeting.", "Officers to report back."]
    doc = make_doc("/p/next.txt", lines)
    entries = [entry_at(doc, lines[1], due_text="before the next meeting"),
               entry_at(doc, lines[2])]
    register.save_document(doc, entries, due_overrides={0: (date(2025, 2, 27), "calendar")})
    views = register.entries()
    assert [(v.due_date, v.due_source) for v in views] == [
        (date(2025, 2, 27), "calendar"), (None, None)]
    assert views[0].due_text == "before the next meeting"


def test_document_naming_no_meeting_uses_file_slug(register: Register) -> None:
    doc = make_doc("/tmp/in/000_9b30ffee12.txt", ["Notes", ACTION, NOTED], committee=None,
                   meeting_date=None)
    result = register.save_document(doc, [entry_at(doc, ACTION),
                                          entry_at(doc, NOTED, "decision", actionable=False)])
    assert result.refs == ["000_9b30-1", "000_9b30-2"]
    doc2 = make_doc(doc.source, ["Notes (revised)", ACTION, NOTED], committee=None,
                    meeting_date=None)
    again = register.save_document(doc2, [entry_at(doc2, ACTION)])
    assert again.status == "changed" and again.refs == ["000_9b30-1"]
    assert again.entries_removed == 1
    assert register.counts()["meetings"] == 1


def test_nul_characters_are_stored(register: Register) -> None:
    doc = make_doc("/p/nul.txt", ["Cabinet\x00 minutes", ACTION])
    result = register.save_document(doc, [entry_at(doc, ACTION)])
    assert result.status == "new"
    trace = register.trace(result.refs[0])
    assert trace.sources[0].paragraph == ACTION


def test_new_version_updates_owner_and_due_other_document_only_fills(register: Register) -> None:
    doc = make_doc("/p/cab.txt", LINES)
    first = register.save_document(doc, _entries(doc))
    ref = first.refs[1]
    doc2 = make_doc("/p/cab.txt", LINES + ["(revised)"])
    register.save_document(doc2, [entry_at(doc2, ACTION, item="84", owner="Highways Manager",
                                           due_text="by 30 April 2025",
                                           due_date=date(2025, 4, 30))])
    entry = register.trace(ref)
    assert (entry.entry.owner, entry.entry.due_date, entry.entry.due_text) == (
        "Highways Manager", date(2025, 4, 30), "by 30 April 2025")
    assert "owner changed" in (entry.history[-1].note or "")
    assert "due date changed" in (entry.history[-1].note or "")
    # another document of the meeting does not overwrite what is known
    web = make_doc("/p/cab.html", ["Cabinet", ACTION], fmt="html")
    register.save_document(web, [entry_at(web, ACTION, owner="Someone Else",
                                          due_date=date(2026, 1, 1))])
    after = register.trace(ref)
    assert (after.entry.owner, after.entry.due_date) == ("Highways Manager", date(2025, 4, 30))
    assert after.history[-1].event == "source-added"


def test_page_of_a_paged_document(register: Register) -> None:
    from minutes.records import PageSpan

    lines = ["Page one heading", "Nothing here.", "Second page", ACTION]
    doc = make_doc("/p/minutes.pdf", lines, fmt="pdf")
    split = doc.text.index("Second page")
    doc.pages = [PageSpan(1, 0, split - 1), PageSpan(2, split, len(doc.text))]
    result = register.save_document(doc, [entry_at(doc, ACTION)])
    view = register.entries()[0]
    assert view.page == 2 and view.to_json()["location"]["page"] == 2
    src = register.trace(result.refs[0]).sources[0]
    assert (src.format, src.page, src.paragraph) == ("pdf", 2, ACTION)


RENDERED = [
    "Minutes of the meeting",
    "RESOLVED: That the revised allotment tenancy agreement be adopted from 1 April.",
    "The Clerk to write to all allotment holders enclosing the new agreement.",
    "RESOLVED: That the minutes of the previous meeting be approved as a correct record.",
]
RESOLVED_1 = "That the revised allotment tenancy agreement be adopted from 1 April."
ACTION_1 = "The Clerk to write to all allotment holders enclosing the new agreement."
MINUTES_OK = "That the minutes of the previous meeting be approved as a correct record."


def _rendered(doc):
    return [entry_at(doc, RESOLVED_1, "decision", actionable=False), entry_at(doc, ACTION_1),
            entry_at(doc, MINUTES_OK, "decision", actionable=False)]


def test_renderings_naming_no_meeting_share_entries(register: Register) -> None:
    txt = make_doc("/in/017_ab12cd34ef.txt", RENDERED, committee=None, meeting_date=None)
    html = make_doc("/in/html/017_ab12cd34ef.html", ["<h1>"] + RENDERED, fmt="html",
                    committee=None, meeting_date=None)
    first = register.save_document(txt, _rendered(txt))
    second = register.save_document(html, _rendered(html))
    assert first.refs == ["017_ab12-1", "017_ab12-2", "017_ab12-3"]
    assert second.refs == first.refs and second.entries_matched == 3
    assert register.counts()["meetings"] == 1


def test_rendering_with_meeting_details_adopts_the_anonymous_one(register: Register) -> None:
    html = make_doc("/in/html/017.html", RENDERED, fmt="html", committee=None,
                    meeting_date=None)
    first = register.save_document(html, _rendered(html))
    txt = make_doc("/in/017.txt", RENDERED, committee="Allotments Committee",
                   meeting_date=date(2025, 3, 3))
    second = register.save_document(txt, _rendered(txt))
    assert second.refs == first.refs  # refs never change once given
    assert register.counts()["meetings"] == 1
    assert {v.committee for v in register.entries()} == {"Allotments Committee"}
    # a later meeting of the same committee is its own meeting
    later = make_doc("/in/018.txt", RENDERED, committee="Allotments Committee",
                     meeting_date=date(2025, 4, 7))
    third = register.save_document(later, _rendered(later))
    assert third.entries_added == 3
    assert register.counts()["meetings"] == 2


def test_one_shared_boilerplate_line_does_not_merge_meetings(register: Register) -> None:
    a = make_doc("/in/a.txt", RENDERED, committee=None, meeting_date=None)
    register.save_document(a, _rendered(a))
    other = ["Notes", "The Treasurer to renew the insurance policy before it lapses in June.",
             "RESOLVED: " + MINUTES_OK]
    b = make_doc("/in/b.txt", other, committee=None, meeting_date=None)
    result = register.save_document(b, [entry_at(b, other[1]),
                                        entry_at(b, MINUTES_OK, "decision", actionable=False)])
    assert result.entries_added == 2
    assert register.counts()["meetings"] == 2


def test_single_entry_renderings_join_by_specific_file_stem(register: Register) -> None:
    line = "Councillor Okafor agreed to raise the flooding concerns with the Environment Agency."
    docs = [make_doc(f"/in/{sub}0042_f1e2d3c4.{ext}", ["Notes", line], committee=None,
                     meeting_date=None, fmt=fmt)
            for sub, ext, fmt in (("", "txt", "text"), ("html/", "html", "html"),
                                  ("pdf/", "pdf", "pdf"))]
    results = [register.save_document(d, [entry_at(d, line)]) for d in docs]
    assert [r.refs for r in results] == [["0042_f1e-1"]] * 3
    assert register.counts()["meetings"] == 1 and register.counts()["entries"] == 1
    # a generic name ("minutes") with the same single line is not enough
    other = make_doc("/elsewhere/minutes.txt", ["Notes", line], committee=None,
                     meeting_date=None)
    generic = make_doc("/again/minutes.txt", ["Notes.", line], committee=None,
                       meeting_date=None)
    register.save_document(other, [entry_at(other, line)])
    assert register.save_document(generic, [entry_at(generic, line)]).entries_added == 1


def test_later_papers_of_a_meeting_continue_its_numbering(register: Register) -> None:
    minutes = make_doc("/p/minutes.txt", LINES)
    first = register.save_document(minutes, [
        entry_at(minutes, DECISION, "decision", actionable=False),
        entry_at(minutes, ACTION)])
    report_lines = ["Report to Cabinet", "Cabinet is asked to agree the new depot lease.",
                    "The Head of Property to complete the lease by June.", ACTION]
    report = make_doc("/p/report.txt", report_lines)
    second = register.save_document(report, [
        entry_at(report, report_lines[1], "recommendation"),
        entry_at(report, report_lines[2]),
        entry_at(report, ACTION)])
    assert first.refs == ["CAB-2025-01-30-1", "CAB-2025-01-30-2"]
    assert second.refs == ["CAB-2025-01-30-3", "CAB-2025-01-30-4", "CAB-2025-01-30-2"]


def test_similar_file_names_get_longer_slugs_not_suffixes(register: Register) -> None:
    refs = []
    for name in ("cityhall_parks_board_2021", "cityhall_water_board_2022"):
        doc = make_doc(f"/in/{name}.pdf", [f"Agenda {name}", ACTION, NOTED], committee=None,
                       meeting_date=None)
        refs.append(register.save_document(doc, [entry_at(doc, ACTION)]).refs[0])
    assert refs == ["cityhall-1", "cityhall_water_b-1"]
