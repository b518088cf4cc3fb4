"""Remote ingest end to end: a local ModernGov site into a real SQLite register."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from minutes.pipeline.moderngov import SERVICE_OFF_NOTICE
from minutes.pipeline.remote import ingest_remote
from tests.fetch.server import Reply
from tests.fetch.site_fixture import COMMITTEE_ID, TODAY, northwold
from tests.fetch.sitegen import make_pdf, meeting_xml, serve_site

SINCE, UNTIL = date(2024, 1, 1), date(2024, 12, 31)


@pytest.fixture
def register(tmp_path):
    from minutes.models.store import Register

    reg = Register.open(f"sqlite:///{tmp_path / 'register.db'}")
    yield reg
    reg.close()


def documents(register):
    from sqlmodel import Session, select

    from minutes.models.tables import SourceDocument

    with Session(register.engine) as s:
        return {d.source: d for d in s.exec(select(SourceDocument)).all()}


def backfill(server, register, fetcher, **kwargs):
    return ingest_remote(register, fetcher=fetcher, site=server.base,
                         committee=str(COMMITTEE_ID), since=SINCE, until=UNTIL, today=TODAY,
                         **kwargs)


def doc_url(server, attachment_id):
    return server.url(f"mgConvert2PDF.aspx?ID={attachment_id}")


def test_committee_backfill_through_the_web_service(server, register, make_fetcher):
    serve_site(server, northwold())
    report = backfill(server, register, make_fetcher())
    # January and March; February was cancelled and September has not happened yet
    assert report.meetings == 2
    assert (report.count("new"), report.count("restricted"), report.count("failed")) == (4, 1, 0)
    assert report.notices == []
    assert server.count("mgWebService.asmx/GetMeeting?lMeetingId=3003") == 0
    assert server.count("mgWebService.asmx/GetMeeting?lMeetingId=3004") == 0
    entries = register.entries()
    assert report.entries_added == len(entries) > 0
    texts = " ".join(e.text for e in entries).lower()
    assert "cycling strategy" in texts
    assert "depot" not in texts  # the exempt item is recorded, not extracted


def test_restricted_items_and_documents_are_recorded_not_fetched(server, register,
                                                                  make_fetcher):
    serve_site(server, northwold())
    backfill(server, register, make_fetcher())
    assert server.count("mgConvert2PDF.aspx?ID=7003") == 0
    stored = documents(register)
    assert stored[doc_url(server, 7003)].restricted
    assert not stored[doc_url(server, 7001)].restricted


def test_next_meeting_comes_from_the_calendar(server, register, make_fetcher):
    serve_site(server, northwold())
    backfill(server, register, make_fetcher())
    verge = [e for e in register.entries() if "verge cutting schedule" in e.text]
    assert verge, "the verge resolution should be in the register"
    assert verge[0].due_text and "next meeting" in verge[0].due_text
    assert verge[0].due_date == date(2024, 3, 12)  # the cancelled February meeting is skipped
    assert verge[0].due_source == "calendar"


def test_second_run_changes_nothing(server, register, make_fetcher):
    serve_site(server, northwold())
    first = backfill(server, register, make_fetcher())
    before = len(register.entries())
    second = backfill(server, register, make_fetcher())
    assert second.meetings == first.meetings
    assert second.count("unchanged") == len(second.batch.outcomes) == 5
    assert second.entries_added == 0 and len(register.entries()) == before
    assert server.count("mgConvert2PDF.aspx?ID=7001") == 1  # served from the cache
    # March is checked again (its minutes await approval at the next meeting) ...
    assert server.count("mgWebService.asmx/GetMeeting?lMeetingId=3002") == 2
    # ... January is settled: its minutes were approved in March, before the last check
    assert server.count("mgWebService.asmx/GetMeeting?lMeetingId=3001") == 1
    assert second.settled == 1 and any("settled" in line for line in second.summary_lines())


def test_recheck_fetches_settled_meetings_too(server, register, make_fetcher):
    serve_site(server, northwold())
    backfill(server, register, make_fetcher())
    again = backfill(server, register, make_fetcher(), recheck=True)
    assert again.settled == 0 and again.count("unchanged") == 5
    assert server.count("mgWebService.asmx/GetMeeting?lMeetingId=3001") == 2
    assert server.count("mgConvert2PDF.aspx?ID=7001") == 2


def test_a_meeting_without_minutes_is_never_settled(server, register, make_fetcher):
    site = northwold()
    _committee, january = site.meeting(3001)
    january.minutes_published = False
    serve_site(server, site)
    backfill(server, register, make_fetcher())
    again = backfill(server, register, make_fetcher())
    assert again.settled == 0
    assert server.count("mgWebService.asmx/GetMeeting?lMeetingId=3001") == 2


def test_changed_document_on_the_second_run(server, register, make_fetcher):
    site = northwold()
    serve_site(server, site)
    backfill(server, register, make_fetcher())
    # the council republishes the March minutes: new PDF, and the meeting's XML moves on
    committee, march = site.meeting(3002)
    new_lines = ("4. Cycling Strategy", "RESOLVED that the Director of Place publish the "
                 "cycling strategy by 30 June 2024.")
    server.add("mgConvert2PDF.aspx?ID=7010", Reply(make_pdf(new_lines),
                                                   content_type="application/pdf"))
    march.items[0] = replace(march.items[0], title="Cycling Strategy (revised)")
    server.add("mgWebService.asmx/GetMeeting?lMeetingId=3002",
               Reply(meeting_xml(server.base, committee, march), content_type="text/xml"))
    second = backfill(server, register, make_fetcher())
    changed = {o.source for o in second.batch.outcomes if o.status == "changed"}
    assert doc_url(server, 7010) in changed
    assert server.url("mgWebService.asmx/GetMeeting?lMeetingId=3002") in changed
    assert second.count("new") == 0 and second.count("failed") == 0
    assert second.count("unchanged") == 3


def test_recheck_finds_a_document_changed_behind_an_unchanged_meeting(server, register,
                                                                      make_fetcher):
    serve_site(server, northwold())
    backfill(server, register, make_fetcher())
    server.add("mgConvert2PDF.aspx?ID=7001", Reply(make_pdf(("Report of the Head of Highways",
                                                             "A corrected paragraph.")),
                                                   content_type="application/pdf"))
    quiet = backfill(server, register, make_fetcher())
    assert quiet.count("changed") == 0  # the meeting page did not change: cache trusted
    checked = backfill(server, register, make_fetcher(), recheck=True)
    assert [o.source for o in checked.batch.outcomes if o.status == "changed"] == [
        doc_url(server, 7001)]


def test_web_service_off_uses_the_pages(server, register, make_fetcher):
    serve_site(server, northwold(), service=False)
    report = backfill(server, register, make_fetcher())
    assert report.notices == [f"{server.base}: {SERVICE_OFF_NOTICE}"]
    assert report.meetings == 2 and report.count("failed") == 0
    assert server.count(f"ieListDocuments.aspx?CId={COMMITTEE_ID}&MId=3001") == 1
    assert server.count("mgConvert2PDF.aspx?ID=7003") == 0
    texts = " ".join(e.text for e in register.entries()).lower()
    assert "cycling strategy" in texts and "depot" not in texts
    assert any(SERVICE_OFF_NOTICE in line for line in report.summary_lines())


def test_one_pasted_meeting(server, register, make_fetcher):
    serve_site(server, northwold())
    url = server.url(f"ieListDocuments.aspx?CId={COMMITTEE_ID}&MId=3001")
    report = ingest_remote(register, fetcher=make_fetcher(), urls=[url], today=TODAY)
    assert report.meetings == 1 and report.count("failed") == 0
    assert server.count("mgWebService.asmx/GetMeeting?lMeetingId=3001") == 1
    assert server.count("mgWebService.asmx/GetMeeting?lMeetingId=3002") == 0
    verge = [e for e in register.entries() if "verge cutting schedule" in e.text]
    assert verge and verge[0].due_date == date(2024, 3, 12)


def test_pasted_item_page_leads_to_its_meeting(server, register, make_fetcher):
    serve_site(server, northwold())
    server.add("mgAi.aspx?ID=21", Reply(
        b'<html><body><div id="modgov"><h1 class="mgMainTitleTxt">Agenda item</h1>'
        b'<div class="mgContent"><p>Meeting: <a href="ieListDocuments.aspx?CId=201&amp;'
        b'MId=3002">12/03/2024 - Environment and Transport Committee</a></p>'
        b'</div></div></body></html>'))
    report = ingest_remote(register, fetcher=make_fetcher(),
                           urls=[server.url("mgAi.aspx?ID=21")], today=TODAY)
    assert report.meetings == 1
    assert server.count("mgWebService.asmx/GetMeeting?lMeetingId=3002") == 1


def test_failures_are_reported_and_the_rest_finishes(server, register, make_fetcher):
    serve_site(server, northwold())
    server.add("robots.txt", Reply(b"User-agent: *\nDisallow: /mgConvert2PDF.aspx?ID=7010\n",
                                   content_type="text/plain"))
    server.add("mgConvert2PDF.aspx?ID=7001", Reply(make_pdf(("cut",))[:200],
                                                   content_type="application/pdf",
                                                   declared_length=4000))
    report = backfill(server, register, make_fetcher())
    assert report.count("failed") == 2 and report.meetings == 2
    assert report.count("new") == 2  # both meetings' own pages still went in
    lines = report.summary_lines()
    assert "2 documents could not be downloaded or read:" in lines
    messages = " ".join(o.message or "" for o in report.failures)
    assert "robots.txt disallows" in messages and "cut off" in messages
    assert server.count("mgConvert2PDF.aspx?ID=7010") == 0


def test_a_corrupt_pdf_fails_that_document_only(server, register, make_fetcher):
    serve_site(server, northwold())
    server.add("mgConvert2PDF.aspx?ID=7001", Reply(make_pdf(("half",))[:300],
                                                   content_type="application/pdf"))
    report = backfill(server, register, make_fetcher())
    assert [o.source for o in report.failures] == [doc_url(server, 7001)]
    assert "\n" not in (report.failures[0].message or "x\n")


def test_server_trouble_is_retried_mid_crawl(server, register, make_fetcher):
    site = northwold()
    serve_site(server, site)
    committee, january = site.meeting(3001)
    good = Reply(meeting_xml(server.base, committee, january), content_type="text/xml")
    server.add("mgWebService.asmx/GetMeeting?lMeetingId=3001",
               lambda n: Reply(b"busy", status=429, headers={"Retry-After": "0"}) if n == 1
               else Reply(b"oops", status=500) if n == 2 else good)
    report = backfill(server, register, make_fetcher(retries=3))
    assert report.count("failed") == 0 and report.meetings == 2
    assert server.count("mgWebService.asmx/GetMeeting?lMeetingId=3001") == 3


def test_progress_is_reported_per_meeting_and_document(server, register, make_fetcher):
    serve_site(server, northwold())
    seen: list[tuple[str, int, int]] = []
    backfill(server, register, make_fetcher(),
             progress=lambda kind, _label, i, n: seen.append((kind, i, n)))
    assert [s for s in seen if s[0] == "meeting"] == [("meeting", 1, 2), ("meeting", 2, 2)]
    assert ("document", 2, 2) in seen


def test_a_fresh_register_with_an_old_cache_gets_everything(server, tmp_path, make_fetcher):
    from minutes.models.store import Register

    serve_site(server, northwold())
    with Register.open(f"sqlite:///{tmp_path / 'old.db'}") as old:
        first = backfill(server, old, make_fetcher())
    with Register.open(f"sqlite:///{tmp_path / 'new.db'}") as new:
        again = backfill(server, new, make_fetcher())  # same cache folder
        assert again.count("new") == first.count("new") == 4
        assert again.entries_added == first.entries_added > 0
        assert len(new.entries()) == again.entries_added


def test_pasted_document_and_officer_decision_go_in_on_their_own(server, register,
                                                                 make_fetcher):
    server.add("documents/s900/Record of decision.pdf", Reply(make_pdf((
        "RECORD OF DECISION", "RESOLVED: That the Head of Waste extend the garden waste "
        "collection trial until 31 October 2024.")), content_type="application/pdf"))
    server.add("ieDecisionDetails.aspx?ID=77", Reply(
        b'<html><body><div id="modgov"><h1 class="mgMainTitleTxt">Decision details</h1>'
        b'<div class="mgContent"><p><span class="mgLabel">Decision Maker: </span>Head of '
        b'Waste</p><h3 class="mgSubSubTitleTxt">Decision:</h3><div class="mgWordPara">'
        b'<p>To extend the recycling contract with Greenway Ltd until March 2026.</p></div>'
        b'</div></div></body></html>'))
    pdf = server.url("documents/s900/Record%20of%20decision.pdf")
    page = server.url("ieDecisionDetails.aspx?ID=77")
    report = ingest_remote(register, fetcher=make_fetcher(), urls=[pdf, page], today=TODAY)
    assert report.meetings == 0
    assert [(o.source, o.status) for o in report.batch.outcomes] == [(pdf, "new"),
                                                                    (page, "new")]
    assert server.count("ieDecisionDetails.aspx?ID=77") == 1  # looked for a meeting, then read


def test_a_document_that_never_answers_fails_alone(server, register, make_fetcher):
    serve_site(server, northwold())
    server.add("mgConvert2PDF.aspx?ID=7001", Reply(b"", delay=0.5))
    report = backfill(server, register, make_fetcher(timeout=0.15, retries=1))
    assert [o.source for o in report.failures] == [doc_url(server, 7001)]
    assert "did not answer in time (gave up after 2 tries)" in report.failures[0].message
    assert report.count("new") == 3 and report.meetings == 2


def test_committee_given_by_name(server, register, make_fetcher):
    serve_site(server, northwold())
    report = ingest_remote(register, fetcher=make_fetcher(), site=server.base,
                           committee="environment and transport", since=SINCE, until=UNTIL,
                           today=TODAY)
    assert report.meetings == 2 and report.count("failed") == 0
    unknown = ingest_remote(register, fetcher=make_fetcher(), site=server.base,
                            committee="Licensing", since=SINCE, today=TODAY)
    assert "has no committee called 'Licensing'" in unknown.failures[0].message


def test_site_given_as_one_of_its_pages(server, register, make_fetcher):
    serve_site(server, northwold())
    report = ingest_remote(register, fetcher=make_fetcher(),
                           site=server.url("mgListCommittees.aspx"), committee="201",
                           since=SINCE, until=UNTIL, today=TODAY)
    assert report.meetings == 2 and report.count("failed") == 0


@pytest.mark.postgres
def test_backfill_and_rerun_into_postgresql(server, postgres_clean_url, make_fetcher):
    from minutes.models.store import Register

    serve_site(server, northwold())
    with Register.open(postgres_clean_url) as pg:
        first = backfill(server, pg, make_fetcher())
        assert first.count("new") == 4 and first.count("failed") == 0
        second = backfill(server, pg, make_fetcher())
        assert second.count("unchanged") == 5 and second.entries_added == 0
        verge = [e for e in pg.entries() if "verge cutting schedule" in e.text]
        assert verge and verge[0].due_source == "calendar"
