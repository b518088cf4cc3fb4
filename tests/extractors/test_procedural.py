"""Procedural business of running a meeting is never extracted (spec), in its many wordings."""

from __future__ import annotations

import pytest

from minutes.extractors import extract
from minutes.extractors.classify import procedural
from minutes.pipeline.readers.text import read_text


@pytest.mark.parametrize("text", [
    "That the Minutes of the Fire Authority held on 4 March 2024 be confirmed and signed by the "
    "Chair.",
    "That the Minutes of the Parish Council Meeting held on Monday, 2 June 2025 (copy previously "
    "circulated to each Member) be taken as read and signed as correct.",
    "The minutes of the last meeting were signed as a correct record.",
    "That the Agenda be altered to take item 9 before item 6.",
    "That the Board recess for lunch from 12:30 PM to 1:15 PM.",
    "Minutes approved.",
    "Meeting minutes (2004-12-28) approved by consent.",
    "That the Agenda for the November 28, 2016 General Committee meeting, be adopted as presented",
    "Cllr Jackson to chair the meeting",
    "That an additional meeting of the Panel be scheduled to take place on 10 January.",
    "They will be asked to withdraw from the meeting for item 6.1.",
    "To note the attendance at this meeting of the following duly appointed Reserve Member:-",
    "She indicated that she would be taking part in discussion and voting.",
    "The Chairman will call for nominations which are to be seconded.",
    "That it be acknowledged there was no quorum on February 7, 2019.",
    "Cllr. Cron moved that the February 25, 2021 Special Meeting minutes be approved.",
])
def test_procedural_wordings_are_recognised(text: str) -> None:
    assert procedural(text), text


@pytest.mark.parametrize("text", [
    "The Committee noted the minutes of the Health and Wellbeing Board held on 3 May 2025.",
    "The minutes of the undernoted committees were submitted and approved",
    "That the Minutes of the Housing Strategic Policy Committee held on 4th March be approved",
    "Further survey work would be carried out during the summer recess and reported in "
    "September 2025.",
    "That the Director of Finance be requested to sign the grant agreement by 30 June 2025.",
])
def test_outcomes_that_only_look_procedural_are_kept(text: str) -> None:
    assert procedural(text) is None, text


def test_confirmed_minutes_of_another_date_are_not_entries() -> None:
    doc = read_text(b"RESOLVED:\n"
                    b"1. That the Minutes of the Fire Authority held on 4 March 2024 be confirmed"
                    b" and signed by the Chair.\n"
                    b"2. That the Chief Fire Officer report on the new rota by 30 June 2024.\n",
                    "fire.txt")
    texts = [e.text for e in extract(doc)]
    assert len(texts) == 1 and texts[0].startswith("That the Chief Fire Officer"), texts
