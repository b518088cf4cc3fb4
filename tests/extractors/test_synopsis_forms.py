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


MOVED_THAT = """Planning PDF 120 KB Minutes: Moved by Councillor Reid, Seconded by Alderman T. Hall,
That the minutes of the proceedings of the Planning Committee of 12th March be approved and adopted.

Confirmation of Minutes
Proposed by Cllr. Ann Kerr, seconded by Cllr. Tom Bell and agreed:
“That the Minutes of the Housing Strategic Policy Committee held on 4th March be approved”.

Proposed by Cllr. Ann Kerr, seconded by Cllr. Tom Bell:
That a new bus shelter be sought from the County.
The motion was lost.
"""


def test_a_motion_under_its_mover_and_seconder_is_the_decision_not_the_lead_in():
    got = [e.text for e in entries(MOVED_THAT)]
    assert got == [
        "That the minutes of the proceedings of the Planning Committee of 12th March be approved "
        "and adopted.",
        "That the Minutes of the Housing Strategic Policy Committee held on 4th March be approved",
    ]


SUBMITTED_NOTED = """3. MINUTES OF OTHER BODIES
(a) Roads Sub-Committee
The minute of meeting of the Roads Sub-Committee of 15 December 2008, a copy of which is
appended hereto, was submitted and noted (APPENDIX I).

4. TRAFFIC ORDERS - UPDATE
There was submitted and noted Report No 51/09 by the Director of Infrastructure on orders.
"""


def test_a_minute_or_report_submitted_and_noted_is_a_complete_decision():
    got = {e.text: e for e in entries(SUBMITTED_NOTED)}
    assert {(e.kind, e.actionable, e.status) for e in got.values()} == {("decision", False, None)}
    assert sorted(t[:30] for t in got) == ["The minute of meeting of the R",
                                           "There was submitted and noted "]


RESOLVED_TO_RECOMMEND = """137 Delegation of Executive Functions PDF 121 KB

Report to follow

RESOLVED

For the reasons set out in the report: -

That the Governance Committee be requested to recommend to Council that:

1. With effect from 1 April, the approach in the Appendix be adopted as part of the
executive arrangements; and
2. The Monitoring Officer be authorised to determine the remaining detail of the Appendix.
"""


def test_limbs_under_a_lead_in_that_recommends_to_council_are_its_recommendations():
    got = [(e.kind, e.owner, e.text[:30]) for e in entries(RESOLVED_TO_RECOMMEND)]
    assert got == [("recommendation", "Council", "With effect from 1 April, the "),  # no lead-in
                   ("recommendation", "Council", "The Monitoring Officer be auth")]


def test_a_resolution_number_after_the_colon_and_a_heading_glued_before_it_are_not_the_limb():
    got = [e.text for e in entries(
        "Business Development in the Shire RESOLUTION: 2008.11.2 That the Chief Executive "
        "Officer obtain legal advice on support for local businesses.\n\n"
        "Moved: Cr Pratt Seconded: Cr Hubbard CARRIED: 5/0\n")]
    assert got == ["the Chief Executive Officer obtain legal advice on support for local "
                   "businesses."]


def test_an_action_label_after_a_sentence_gives_one_task_per_actor():
    got = [(e.kind, e.owner, e.text) for e in entries(
        "1.3 The Board agreed to add a standing item on conflicts of interest. Action: JM to "
        "circulate the forms for annual update; SG to add the item to the agenda.\n")]
    assert ("action", "JM", "JM to circulate the forms for annual update") in got
    assert ("action", "SG", "SG to add the item to the agenda.") in got


US_MOTIONS = (
    "Motion made by Trustee Reed, seconded by Trustee Cole, to approve the purchase of a new "
    "mower for $12,000. All ayes. Motion carried.\n\n"
    "A motion was made by Lee and seconded by Park to deny the variance request. The motion "
    "failed 2-3.\n\n"
    "Motion Kerr/Bell to approve the 2024 budget as presented. Carried 5-0.\n")

def test_a_vote_tally_between_motion_and_result_and_a_failed_motion():
    got = {e.text: e.rule for e in entries(US_MOTIONS)}
    assert got == {
        "Motion made by Trustee Reed, seconded by Trustee Cole, to approve the purchase of a "
        "new mower for $12,000.": "prose:motion-then-carried",
        "Motion Kerr/Bell to approve the 2024 budget as presented.": "prose:motion-then-carried",
    }


CABINET_RECOMMENDS = """Decision:

Resolved:

That Cabinet recommends to Council that:

  1. The Treasury Management Strategy for 2021/22 be approved with immediate effect.

  2. That the County Council requires the Director for Resources to ensure that borrowing does
not exceed the prudential level.

Resolved to RECOMMEND: (to Council)

That the revised terms of reference of the Scrutiny Committee be approved.
"""


def test_resolutions_that_recommend_to_council_are_recommendations_owned_by_council():
    got = [(e.kind, e.owner, e.actionable, e.text[:29]) for e in entries(CABINET_RECOMMENDS)]
    assert got == [("recommendation", "Council", True, "The Treasury Management Strat"),
                   ("recommendation", "Council", True, "That the County Council requi"),
                   ("recommendation", "Council", True, "That the revised terms of ref")]


def test_a_capitals_label_under_decision_is_no_limb():
    got = [e.text for e in entries(
        "Schools catering contract\n\nDecision:\n\nAGREED RECOMMENDATIONS\n\n"
        "Reason for decision – as specified in the report.\n")]
    assert "AGREED RECOMMENDATIONS" not in got


def test_initials_then_action_tag_the_sentence_before_and_a_shouted_deferral_is_a_decision():
    got = {e.text: (e.kind, e.owner) for e in entries(
        "Roads\nThe chair will write and invitations will be issued. MG Action.\n\n"
        "ITEM DEFERRED TO Parish Council meeting scheduled for 29 August 2021.\n")}
    assert ("action", "MG") in got.values()
    assert got["ITEM DEFERRED TO Parish Council meeting scheduled for 29 August 2021."] == (
        "decision", None)
