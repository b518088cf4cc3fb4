"""Resolution layouts of Australian/NZ-style minutes, dotted initials, routines (invented text)."""

from __future__ import annotations

from .helpers import entries

RESOLUTION_BLOCK = """Ordinary Council Meeting Minutes 14 March 2023

8.2 Footpath Renewal Program

OFFICER RECOMMENDATION
That Council resolves to adopt the Footpath Renewal Program 2023/24.

RESOLUTION 2023/045
Moved: Cr Smith
Seconded: Cr Jones
That Council resolves to:
1. adopt the Footpath Renewal Program 2023/24; and
2. request the Chief Executive Officer to report back on the cost of the Main Street works
by June 2023.
CARRIED

8.3 Parks Strategy

RESOLUTION 2023/046
Moved: Cr Brown
Seconded: Cr Smith
That Council resolves to endorse the draft Parks Strategy for public exhibition.
CARRIED
"""


def test_numbered_resolution_heading_with_mover_lines_gives_its_limbs():
    got = {e.text: e for e in entries(RESOLUTION_BLOCK)}
    assert "adopt the Footpath Renewal Program 2023/24" in got
    ask = got["request the Chief Executive Officer to report back on the cost of the Main Street "
              "works by June 2023."]
    assert (ask.kind, ask.owner, str(ask.due_date)) == ("decision", "the Chief Executive Officer",
                                                         "2023-06-30")
    assert "That Council resolves to endorse the draft Parks Strategy for public exhibition." in got


def test_officer_recommendation_is_not_an_outcome_but_the_resolution_is():
    got = [e.text for e in entries(RESOLUTION_BLOCK)]
    # the officer's proposal and the resolution adopting it are one outcome, taken once
    assert sum("Footpath Renewal Program" in t for t in got) == 1
    assert not any(t.startswith("Moved") or t.startswith("Seconded") for t in got)


def test_dotted_initials_are_an_owner_not_a_list_marker():
    got = {e.text: e for e in entries(
        "Minutes\n\nA.K. would contact the insurer before the next meeting.\n\n"
        "J. Smith would write to the school about parking.\n")}
    assert got["A.K. would contact the insurer before the next meeting."].owner == "A.K."
    assert got["J. Smith would write to the school about parking."].owner == "J. Smith"


def test_lettered_list_with_dots_still_splits():
    got = [e.text for e in entries(
        "RESOLVED that:\n\nA. The report be noted.\n\nB. Officers prepare a new policy.\n")]
    assert got == ["The report be noted.", "Officers prepare a new policy."]


def test_an_action_line_does_not_open_an_action_review():
    got = {e.text: e for e in entries(
        "5. Finance\n\n"
        "Action: Finance Officer to prepare the year-end accounts by 30 April 2024.\n\n"
        "Officers are currently reviewing the policy.\n\n"
        "Mr Jones asked whether the path could be resurfaced.\n")}
    assert list(got) == ["Finance Officer to prepare the year-end accounts by 30 April 2024."]


def test_a_routine_is_not_a_decision():
    got = [e.text for e in entries(
        "Budget\n\nThe Council approves its budget each February.\n\n"
        "The Committee approved the budget for 2024/25.\n")]
    assert got == ["The Committee approved the budget for 2024/25."]
