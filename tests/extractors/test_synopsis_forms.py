"""Board synopses and motion lead-ins (invented text in the shapes of real minutes)."""

from __future__ import annotations

from .helpers import entries

SYNOPSIS = ("SYNOPSIS OF THE RETIREMENT BOARD QUARTERLY MEETING HELD 05/04/09 1. Minutes were "
            "approved for January 28, 2009. 2. Voted not to consider a pay award at this time. "
            "3. Voted to pay the liability insurance premium every two years to fix the price. "
            "4. Ms Long of Acme Consulting reviewed the fund's results. 5. Approved the quarterly "
            "report from Acme Consulting.\n")


def test_voted_and_approved_lines_of_a_run_on_synopsis_are_decisions():
    got = {e.text: e for e in entries(SYNOPSIS)}
    assert {t: e.kind for t, e in got.items()} == {
        "Voted not to consider a pay award at this time.": "decision",
        "Voted to pay the liability insurance premium every two years to fix the price.":
            "decision",
        "Approved the quarterly report from Acme Consulting.": "decision",
    }
    assert not got["Approved the quarterly report from Acme Consulting."].actionable


def test_a_routine_without_the_meetings_act_stays_out():
    assert entries("The Board reviews the fund's results every two years.\n") == []
