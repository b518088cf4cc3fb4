"""The invented council used by the site tests: one committee over 2024."""

from __future__ import annotations

from datetime import date

from tests.fetch.sitegen import Committee, Item, LinkedDoc, Meeting, SiteModel

#: The tests run "on" this day: the September meeting has not happened yet.
TODAY = date(2024, 6, 30)
COMMITTEE_ID = 201


def northwold() -> SiteModel:
    """Northwold District Council, Environment and Transport Committee."""
    january = Meeting(3001, date(2024, 1, 16), items=[
        Item(11, "3.", "Minutes of the previous meeting", (
            "RESOLVED: That the minutes of the meeting held on 28 November 2023 be approved "
            "as a correct record.",)),
        Item(12, "5.", "Highway Verge Maintenance", (
            "The Committee considered a report of the Head of Highways on verge cutting.",
            "RESOLVED: That the Head of Highways bring a revised verge cutting schedule "
            "to the next meeting.",), docs=[
            LinkedDoc(7001, "Verge maintenance report", (
                "Report of the Head of Highways",
                "Verge cutting across the district is carried out four times a year.",))]),
        Item(13, "8.", "Acquisition of Depot Site (exempt)", (
            "RESOLVED: That the purchase of the depot site be approved.",), restricted=True,
            docs=[LinkedDoc(7003, "Depot valuation", ("Valuation: confidential",),
                            restricted=True)]),
    ])
    march = Meeting(3002, date(2024, 3, 12), items=[
        Item(21, "4.", "Cycling Strategy", (
            "RESOLVED: That the Director of Place publish the cycling strategy by "
            "31 May 2024.",), docs=[
            LinkedDoc(7010, "Printed minutes 12th-Mar-2024 Environment and Transport", (
                "NORTHWOLD DISTRICT COUNCIL",
                "ENVIRONMENT AND TRANSPORT COMMITTEE",
                "MINUTES of a meeting held on 12 March 2024",
                "4. Cycling Strategy",
                "RESOLVED that the Director of Place publish the cycling strategy by "
                "31 May 2024.",))]),
    ])
    cancelled = Meeting(3003, date(2024, 2, 13), status="Cancelled", minutes_published=False)
    september = Meeting(3004, date(2024, 9, 10), minutes_published=False, items=[
        Item(31, "1.", "Apologies", ())])
    committee = Committee(COMMITTEE_ID, "Environment and Transport Committee",
                          [january, cancelled, march, september])
    return SiteModel("Northwold District Council", [committee])
