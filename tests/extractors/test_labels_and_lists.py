"""Labels that are not entries, lists of owners, and resolutions addressed to another body.

Invented text in the shapes unseen councils print: a "Decision:" block that only opens a
RESOLVED list, a column label "Official Action" after an agenda title, "Action: Complete"
under a row, "Messrs. A, B and C were asked to", "That Council be recommended to".
"""

from __future__ import annotations

import pytest

from minutes.extractors.owners import find_owner
from minutes.extractors.prose import is_bare_result

from .helpers import entries


def test_a_decision_block_that_only_opens_a_resolved_list_is_not_an_entry() -> None:
    got = [e.text for e in entries(
        "Play Facilities Agreement\n"
        "Decision: RESOLVED: that\n"
        "1) the proposed agreement with the County Sports Trust be approved.\n"
        "2) the four sites named in the report be included in the agreement.\n")]
    assert got == ["the proposed agreement with the County Sports Trust be approved.",
                   "the four sites named in the report be included in the agreement."]


@pytest.mark.parametrize("text", [
    "RESOLVED: that", "Resolved that", "It was moved, seconded", "It was moved and seconded and",
    "Decision: AGREED to", "Moved",
])
def test_a_preamble_alone_is_a_bare_result(text: str) -> None:
    assert is_bare_result(text)


@pytest.mark.parametrize("text", [
    "RESOLVED that the report be noted", "It was moved, seconded and resolved that X be approved",
    "Moved to the next meeting", "Agreed to write to the school",
])
def test_a_preamble_with_its_outcome_is_not(text: str) -> None:
    assert not is_bare_result(text)


def test_official_action_after_an_agenda_title_is_a_column_label_not_a_task() -> None:
    got = [(e.kind, e.text) for e in entries(
        "2. Approval of Agenda                         Official Action\n\n"
        "Motion to approve by Lane, seconded Ortiz, approved unanimously.\n\n"
        "3. Receipt of Action\nSheet (Item 5.2)\n\n"
        "4. Clerk to order two new litter bins for the green   ACTION\n")]
    assert ("action", "Clerk to order two new litter bins for the green") in got
    assert not any(text.startswith(("Approval of Agenda", "Receipt of")) for _, text in got)


def test_action_complete_under_a_row_is_its_status_not_its_owner() -> None:
    got = {e.text: (e.owner, e.status) for e in entries(
        "Governing Body decisions\n\n"
        "To temporarily amend the Audit Committee membership to six Lay Members.\n"
        "Action: Complete\nDate: 7 May 2020\n\n"
        "The Finance Officer to circulate the revised budget.\nAction: DB\n")}
    assert got == {
        "To temporarily amend the Audit Committee membership to six Lay Members.": (None, "done"),
        "The Finance Officer to circulate the revised budget.": ("DB", "open"),
    }


@pytest.mark.parametrize(("sentence", "owner"), [
    ("Messrs. Webb, Brady, and Sokolowsky were requested to meet the proprietor.",
     "Messrs. Webb, Brady, and Sokolowsky"),
    ("Mr Webb, Mr Brady and Mr Jones were asked to meet the owner.",
     "Mr Webb, Mr Brady and Mr Jones"),
    ("It was agreed that Cllr A Lee, Cllr B Roe and Cllr C Poe would attend the inquiry.",
     "Cllr A Lee, Cllr B Roe and Cllr C Poe"),
    ("In March, Cllr Smith and Cllr Jones agreed to visit the site.", "Cllr Smith and Cllr Jones"),
    ("This item was deferred to allow Councillor Ann Reed, Chair of the Overview and Scrutiny "
     "Committee, to present the report.", "Councillor Ann Reed"),
    ("Cllr A Lee would attend the inquiry.", "Cllr A Lee"),
])
def test_a_list_of_names_is_the_owner_whole(sentence: str, owner: str) -> None:
    assert find_owner(sentence, kind="action")[0] == owner


def test_council_be_recommended_to_is_a_recommendation_to_council() -> None:
    got = [(e.kind, e.owner, e.actionable) for e in entries(
        "RESOLVED: that Council be recommended to approve the Annual Report 2024 prior to its "
        "publication.\n")]
    assert got == [("recommendation", "Council", True)]


def test_endorsed_for_adoption_by_council_reads_past_what_was_endorsed() -> None:
    got = [(e.kind, e.owner) for e in entries(
        "Decision: Cabinet endorsed the Protocol (attached as Appendix A to the report) and the "
        "revised Procedure Rules (attached as Appendix B to the report) for adoption by Full "
        "Council.\n")]
    assert got == [("recommendation", "Full Council")]


@pytest.mark.parametrize(("sentence", "kind", "owner"), [
    ("Park inspection- clerk to get quotes for a park safety inspection", "action", "clerk"),
    ("4.2 Item 4.2.3 –EW to contact One Voice to ask for advice", "action", "EW"),
    ("Gritter - Cllr Willoughby to obtain a valuation.", "action", "Cllr Willoughby"),
    ("Authorize the Mayor to Sign a Contract with the Firm of Leahy for General Counsel",
     "decision", "the Mayor"),
    ("That Officers be given approval to proceed to Statutory Notices.", "decision", "Officers"),
    ("Report of the Head of Planning to Council on the plan.", "decision", None),
])
def test_owner_after_a_row_title_or_before_a_title_cased_verb(sentence: str, kind: str,
                                                               owner: str | None) -> None:
    assert find_owner(sentence, kind=kind)[0] == owner


def test_it_was_suggested_and_agreed_is_the_meetings_decision() -> None:
    got = [(e.kind, e.actionable) for e in entries(
        "7. Reports\n\nIt was suggested and agreed that, in future, information reports from the "
        "tourism body will be presented to the Corporate Committee.\n")]
    assert got == [("decision", True)]


@pytest.mark.parametrize(("line", "actionable"), [
    ("The Panel decided to issue an annual report on what the Panel had done.", True),
    ("Ed Schaffer made a motion to sell the 1999 Chevy truck, John Deal seconded, motion "
     "carried.", True),
    ("Motion to replenish petty cash by Worden, seconded by Haskins, unanimously approved.", True),
    ("That authorisation be given to update job titles to take account of the restructure.", True),
    ("Motion to approve the consent agenda carried 5-0.", False),
    ("Motion to pay the bills by Lee, seconded by Ray, carried.", False),
])
def test_a_motion_or_decision_to_do_a_thing_is_actionable(line: str, actionable: bool) -> None:
    got = [(e.kind, e.actionable) for e in entries(f"7. Items\n\n{line}\n")]
    assert got == [("decision", actionable)]


def test_it_was_unanimously_approved_makes_the_proposal_before_it_the_decision() -> None:
    got = [(e.rule, e.text) for e in entries(
        "5. Constitution\n\nThe revised constitution was proposed by Fiona Bick and seconded by "
        "Nick Pilbeam. It was unanimously approved with immediate effect.\n\n"
        "1. Welcome\n\nThe Chair welcomed everyone to the meeting.\n")]
    assert got == [("prose:agreed-after", "The revised constitution was proposed by Fiona Bick "
                    "and seconded by Nick Pilbeam.")]


@pytest.mark.parametrize(("line", "owner"), [
    ("Fiona will attend a site meeting on 21st May with the landscaping department.", "Fiona"),
    ("Barbara will circulate the notes before the next meeting.", "Barbara"),
])
def test_a_first_name_before_will_is_who_acts_and_may_the_month_is_no_maybe(
        line: str, owner: str) -> None:
    got = [(e.kind, e.owner) for e in entries(f"5. Planning\n\nThe plan was discussed.\n\n"
                                              f"{line}\n")]
    assert got == [("action", owner)]


def test_may_the_modal_still_makes_a_step_hypothetical() -> None:
    assert entries("5. Planning\n\nThe Clerk may contact the school about the crossing.\n") == []
