"""Minutes whose lines a PDF or an e-mail wrapped read as the same minutes unwrapped.

Invented text. A rule must not care where a line broke ("DD\\nagreed to"), a wrapped
line that ends short of the margin still runs on, and a labelled line ("Action: ...")
opens a record of its own.
"""

from __future__ import annotations

import textwrap

from minutes.extractors.units import build_units, wrap_width
from minutes.pipeline.readers.text import read_text

from .helpers import entries

PARAGRAPHS = [
    "The Clerk circulated a new quote for the rope ladder on the play frame. Agreed by all "
    "that the ladder could be installed in-house. The Clerk reported that the residents "
    "association had donated £900 towards the cost of the fence repair. A letter of thanks "
    "would be sent by the Clerk. DD agreed to make the gap in the fence safe until the fence "
    "is properly repaired.",
    "The Chair reported on the footpath survey and the condition of the stiles on the "
    "northern route, several of which were now unsafe for walkers and their dogs. Cllr Amy "
    "Grant undertook to write to the Rights of Way Officer about the stiles before the next "
    "meeting.",
]


def _owners(text: str) -> dict[str, str | None]:
    return {" ".join(e.text.split()): e.owner for e in entries(text)}


WRAPPED = """Minutes

The Clerk circulated a new quote for the rope ladder on the
play frame. Agreed by all that the ladder could be installed
in-house. The Clerk reported that the residents association
had donated £900 towards the cost of the fence repair. A
letter of thanks would be sent by the Clerk. DD
agreed to make the gap in the fence safe until the fence is
properly repaired.

The Chair reported on the footpath survey and the condition
of the stiles on the northern route, several of which were
now unsafe for walkers and their dogs. Cllr Amy
Grant undertook to write to the Rights of Way Officer about
the stiles before the next meeting.
"""


def test_the_same_minutes_wrapped_short_of_the_margin_give_the_same_entries() -> None:
    flat = "Minutes\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    got = _owners(WRAPPED)
    assert got == _owners(flat)
    assert got["DD agreed to make the gap in the fence safe until the fence is properly "
               "repaired."] == "DD"
    assert "Cllr Amy Grant" in got.values()


def test_wrap_width_is_found_only_in_hard_wrapped_text() -> None:
    wrapped = "\n\n".join(textwrap.fill(p, 64) for p in PARAGRAPHS * 2)
    assert 55 <= wrap_width(wrapped) <= 64
    listing = "\n".join(f"3.{n} Minutes of the Finance Committee Meeting on {n} May 2024\n"
                        "Received for information." for n in range(1, 8))
    assert wrap_width(listing) == 0  # long lines, but none runs on into a lower-case word


def test_a_received_line_under_a_listed_heading_stays_its_own_line() -> None:
    listing = "3. Minutes of other bodies\n" + "\n".join(
        f"3.{n} Minutes of the Finance Committee Meeting on {n} May 2024\n"
        "Received for information." for n in range(1, 4)) + "\n"
    doc = read_text(listing.encode("utf-8"), "x.txt")
    lines = [" ".join(doc.text[u.start:u.end].split()) for u in build_units(doc)]
    assert lines.count("Received for information.") == 3


def test_an_action_label_opens_its_own_line_after_a_long_one() -> None:
    got = _owners(
        "9. New Items: Cllr Costello has arranged more time to submit the tree order.\n"
        "Action: Cllr Body to clarify how the trust will supply trees and hedges for the "
        "memorial planting. VB\n"
        "Action: Cllr Costello to order an oak tree and ask the inn about a site for it\n")
    assert got.get("Cllr Costello to order an oak tree and ask the inn about a site for "
                   "it") == "Cllr Costello"


def test_a_commitment_after_narrative_and_the_is_its_own_clause() -> None:
    got = _owners(
        "Director Johnson said he felt that each Director should have a map of the district, "
        "in which all agreed, and the Secretary was instructed to secure maps before the next "
        "meeting.\n")
    assert got == {"the Secretary was instructed to secure maps before the next meeting.":
                   "the Secretary"}


def test_a_motion_carried_to_do_several_steps_is_one_entry() -> None:
    got = [" ".join(e.text.split()) for e in entries(
        "Moved by Director Cromwell and seconded by Director Korn and unanimously carried to: "
        "approve the draft of the easement deed; authorize the transmission of the deed to the "
        "Board of Trustees; authorize the officers to record the deed of easement.\n")]
    assert len(got) == 1 and got[0].endswith("record the deed of easement.")


def test_limbs_of_a_procedural_lead_in_are_not_entries() -> None:
    got = [e.text for e in entries(
        "3 Adoption of Agenda\nMoved by Councillor Hooper, seconded by Councillor Woo\n"
        "That the Agenda for the November 28, 2016 General Government Committee meeting,\n"
        "be adopted as presented, with the addition of the following New Business Items:\n"
        "Corporate Hiring Policy\nIgnition Interlock Equipment\nCarried\n")]
    assert got == []


def test_who_voted_for_a_motion_and_agreed_by_all_are_not_entries() -> None:
    got = [" ".join(e.text.split()) for e in entries(
        "On a motion by Director Lehman, the Board approved a contract with Dettman for a "
        "not-to-exceed amount of $22,065. The motion was approved on a vote of 5 – 1.\n"
        "Directors Edwards, Knight, Lehman, Markey and Potter voted in favor.\n\n"
        "5. Translators\n"
        "  • The meeting formally acknowledged the new structure of the Partnership Board\n"
        "Decision: Agreed by all Partners\n")]
    assert not any(t.startswith(("Directors Edwards", "Agreed by all")) for t in got)
    assert any("approved a contract with Dettman" in t for t in got)


def test_a_line_ending_in_a_title_runs_on_to_the_name() -> None:
    got = [" ".join(e.text.split()) for e in entries(
        "Committee Minutes\n\nClane Area – 11 March 2008\n\n"
        "Resolved on the proposal of Councillor Weld, seconded by Councillor\n"
        "Fitzpatrick, that the minutes of the Clane Area Committee be noted.\n")]
    assert got == ["the minutes of the Clane Area Committee be noted."]


def test_a_capitals_lead_in_after_and_is_not_part_of_the_limb_before() -> None:
    doc = read_text((
        "Decision:\n"
        "i. Considered the Council’s financial performance at the end of September, as\n"
        "detailed in Appendices D and E of the submitted report; and\n"
        "RECOMMENDS TO THE PROJECT MANAGEMENT GOVERNANCE BOARD:\n"
        "ii. Removal of the In Cab Systems Project from the list of current projects.\n"
    ).encode(), "x.txt")
    lines = [" ".join(doc.text[u.start:u.end].split()) for u in build_units(doc)]
    assert "RECOMMENDS TO THE PROJECT MANAGEMENT GOVERNANCE BOARD:" in lines


def test_a_date_at_a_line_start_is_no_list_number() -> None:
    got = [" ".join(e.text.split()) for e in entries(
        "Minutes:\n\nRESOLVED: - That the proceedings of the Performance Committee held on\n"
        "15 December 2021 be noted and endorsed.\n")]
    assert got == ["That the proceedings of the Performance Committee held on 15 December 2021 "
                   "be noted and endorsed."]


def test_a_matters_arising_paragraph_on_a_wrapped_page_is_not_split_into_rows() -> None:
    paragraphs = [
        "The Clerk reported on the footpath survey and the condition of the stiles on the "
        "northern route, several of which were now unsafe for walkers and their dogs.",
        "To receive, for information, the minutes of the Performance and Overview Committee "
        "meeting held on 10th July 2019.",
        "Members discussed the draft budget for the coming year and the level of the precept "
        "that would be needed to maintain the services that residents had come to expect.",
    ]
    text = "Matters arising:\n\n" + "\n\n".join(textwrap.fill(p, 64) for p in paragraphs * 2)
    got = [" ".join(e.text.split()) for e in entries(text + "\n")]
    assert not any(t.startswith("Overview Committee meeting held") for t in got)
