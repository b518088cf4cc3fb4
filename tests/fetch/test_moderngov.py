"""ModernGov addresses, links and the web-service/pages switch, against a local site."""

from __future__ import annotations

from datetime import date

import pytest

from minutes.pipeline.moderngov import (
    SERVICE_OFF_NOTICE,
    ModernGovSite,
    document_url,
    is_document_link,
    meeting_links,
    parse_address,
    site_base,
)
from tests.fetch.server import Reply
from tests.fetch.site_fixture import COMMITTEE_ID, northwold
from tests.fetch.sitegen import meetings_list_html, serve_site


@pytest.mark.parametrize("url, meeting, committee", [
    ("https://democracy.example.gov.uk/ieListDocuments.aspx?CId=201&MId=3001", "3001", "201"),
    ("https://democracy.example.gov.uk/ieListDocuments.aspx?cid=201&MID=3001&Ver=4", "3001",
     "201"),
    ("https://example.gov.uk/democracy/IELISTDOCUMENTS.ASPX?MId=77", "77", None),
    ("https://example.gov.uk/mgMeetingAttendance.aspx?ID=9", "9", None),
])
def test_meeting_addresses(url, meeting, committee):
    pasted = parse_address(url)
    assert pasted is not None
    assert (pasted.meeting_id, pasted.committee_id) == (meeting, committee)


def test_item_and_decision_pages_are_followed_to_their_meeting():
    for url in ("https://x.gov.uk/mgAi.aspx?ID=18831",
                "https://x.gov.uk/ieDecisionDetails.aspx?ID=512"):
        pasted = parse_address(url)
        assert pasted is not None and pasted.meeting_id is None and pasted.page == url
    assert parse_address("https://x.gov.uk/documents/s7942/report.pdf") is None


def test_site_base():
    assert site_base("https://x.gov.uk/democracy/ieListDocuments.aspx?MId=1") == \
        "https://x.gov.uk/democracy"
    assert site_base("https://x.gov.uk/mgWebService.asmx/GetMeeting?lMeetingId=1") == \
        "https://x.gov.uk"
    assert site_base("https://x.gov.uk/") == "https://x.gov.uk"


def test_document_urls_are_absolute_and_quoted():
    page = "https://x.gov.uk/ieListDocuments.aspx?CId=1&MId=2"
    assert document_url("documents/s7942/polc2 - 23.09.2015.pdf", page) == \
        "https://x.gov.uk/documents/s7942/polc2%20-%2023.09.2015.pdf"
    assert document_url("mgConvert2PDF.aspx?ID=60860", page) == \
        "https://x.gov.uk/mgConvert2PDF.aspx?ID=60860"
    assert is_document_link("https://x.gov.uk/mgConvert2PDF.aspx?ID=60860")
    assert is_document_link("https://x.gov.uk/documents/g4967/Printed%20minutes.pdf")
    assert not is_document_link("https://x.gov.uk/mgUserInfo.aspx?UID=192")
    assert not is_document_link("https://x.gov.uk/mgIssueHistoryHome.aspx?IId=6535")


def test_meeting_list_page_links():
    committee = northwold().committees[0]
    refs = meeting_links(meetings_list_html(committee, 2024),
                         "https://x.gov.uk/ieListMeetings.aspx?CId=201&Year=2024", None)
    assert [(r.meeting_id, r.committee_id, r.day) for r in refs][:2] == [
        ("3001", "201", date(2024, 1, 16)), ("3003", "201", date(2024, 2, 13))]
    assert [r.cancelled for r in refs] == [False, True, False, False]


def test_service_off_falls_back_to_the_pages_once(server, make_fetcher):
    serve_site(server, northwold(), service=False)
    site = ModernGovSite(server.base, make_fetcher())
    refs = site.meetings(str(COMMITTEE_ID), date(2024, 1, 1), date(2024, 12, 31))
    assert [r.meeting_id for r in refs] == ["3001", "3003", "3002", "3004"]
    assert site.service_off
    site.meetings(str(COMMITTEE_ID), date(2024, 1, 1), date(2024, 3, 31))
    assert site.notices == [f"{server.base}: {SERVICE_OFF_NOTICE}"]
    assert server.count(f"mgWebService.asmx/GetMeetings?lCommitteeId={COMMITTEE_ID}"
                        "&sFromDate=01/01/2024&sToDate=31/03/2024") == 0  # not asked again


def test_service_answering_404_is_off(server, make_fetcher):
    serve_site(server, northwold(), service=False,
               service_off_reply=Reply(b"<html><body>404</body></html>", status=404))
    site = ModernGovSite(server.base, make_fetcher())
    refs = site.meetings(str(COMMITTEE_ID), date(2024, 3, 1), date(2024, 12, 31))
    assert [r.meeting_id for r in refs] == ["3002", "3004"]
    assert site.service_off


def test_site_down_is_not_mistaken_for_service_off(make_fetcher):
    from minutes.errors import FetchError

    site = ModernGovSite("http://127.0.0.1:9", make_fetcher())
    with pytest.raises(FetchError, match="could not connect"):
        site.meetings("1", date(2024, 1, 1), date(2024, 2, 1))
    assert not site.service_off


def test_robots_disallowing_the_service_uses_the_pages(server, make_fetcher):
    from minutes.pipeline.moderngov import ROBOTS_NOTICE

    serve_site(server, northwold())
    server.add("robots.txt", Reply(b"User-agent: *\nDisallow: /mgWebService.asmx\n",
                                   content_type="text/plain"))
    site = ModernGovSite(server.base, make_fetcher())
    refs = site.meetings(str(COMMITTEE_ID), date(2024, 1, 1), date(2024, 12, 31))
    assert len(refs) == 4 and site.notices == [f"{server.base}: {ROBOTS_NOTICE}"]
    assert server.count(f"ieListMeetings.aspx?CId={COMMITTEE_ID}&Year=2024") == 1


def test_a_site_that_keeps_saying_slow_down_is_not_service_off(server, make_fetcher):
    from minutes.errors import FetchError

    server.add_dynamic("mgWebService.asmx/GetMeetings",
                       lambda _q, _n: Reply(b"", status=429, headers={"Retry-After": "0"}))
    site = ModernGovSite(server.base, make_fetcher(retries=1))
    with pytest.raises(FetchError, match="slow down") as info:
        site.meetings("1", date(2024, 1, 1), date(2024, 2, 1))
    assert info.value.status == 429 and not site.service_off

