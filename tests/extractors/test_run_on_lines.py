"""An "Action:" line run on into the next item, and procedural lines that look like tasks."""

from __future__ import annotations

import pytest

from .helpers import entries, texts


def test_an_action_line_run_on_into_the_next_item_ends_with_its_tasks():
    got = {e.text: e for e in entries(
        "2 Governance\n\n2.3 The Treasurer said she would stand down in the spring. Action: The "
        "Chair to approach two possible successors. The Clerk to send the role profile to the "
        "Chair. 2.4 The Clerk confirmed that the accounts had been filed on time and that the "
        "auditor had raised no issues with the format this year.\n")}
    chair = got["The Chair to approach two possible successors."]
    clerk = got["The Clerk to send the role profile to the Chair."]
    assert (chair.kind, chair.owner) == ("action", "The Chair")
    assert (clerk.kind, clerk.owner) == ("action", "The Clerk")
    assert not any("accounts had been filed" in t and ("Chair" in t or "Clerk to" in t)
                   for t in got)  # the tasks end where the next item starts


def test_more_of_the_same_task_stays_in_it():
    got = texts("Membership\n\nACTION: RS to draft the welcome pack for new members. Also to "
                "check the renewal dates held on the database. Completed.\n")
    assert got == ["RS to draft the welcome pack for new members. Also to check the renewal "
                   "dates held on the database."]


@pytest.mark.parametrize("line", [
    "Priya Shah agreed to take the minutes.",
    "Cllr Moss asked that her abstention be recorded.",
    "Nothing to report.",
    "Motion carried with unanimous vote.",
    "That the Minute be approved and signed by the Convener.",
    "The Chair directed Members' attention to page two of the protocol.",
])
def test_running_the_meeting_is_no_entry(line):
    assert texts("Business\n\n" + line + "\n") == []


def test_finding_out_whether_is_a_task_not_a_hypothesis():
    got = entries("Transport\n\nMr Osei raised the school bus. He will find out if the "
                  "morning service can be restored.\n")
    assert [(e.text, e.owner) for e in got] == [
        ("He will find out if the morning service can be restored.", "Mr Osei")]
    assert texts("Transport\n\nMembers asked whether the service would be restored.\n") == []


def test_a_nomination_seconded_is_an_election_unless_a_resolution_records_it():
    got = entries("Election of officers\n\nPriya Shah proposes Tom Reed as Treasurer and Ann "
                  "Cole seconds.\n\nCouncillor Lee nominated Councillor Burt as Chairman and this "
                  "was seconded by Councillor Hall.\n\nRESOLVED: That Councillor Burt be elected "
                  "Chairman for the year.\n")
    assert [(e.kind, e.actionable, e.text) for e in got] == [
        ("decision", False, "Priya Shah proposes Tom Reed as Treasurer and Ann Cole seconds."),
        ("decision", False, "That Councillor Burt be elected Chairman for the year.")]


def test_noting_another_bodys_minutes_and_their_recommendations_is_a_decision():
    got = entries("Area committees\n\nThe Council noted the Minutes and approved the "
                  "recommendations contained therein.\n")
    assert [e.kind for e in got] == ["decision"]


def test_a_body_named_with_of_is_the_meeting_and_its_chair_a_person():
    [board] = entries("Business\n\nThe Board of Education agreed to invite the pupils to "
                      "present their project.\n")
    assert board.kind == "decision"
    [chair] = entries("Business\n\nThe Chair of the Board agreed to write to the Minister.\n")
    assert (chair.kind, chair.owner) == ("action", "The Chair of the Board")


def test_approving_a_named_group_to_act_authorises_a_future_step():
    from minutes.extractors.classify import decision_actionable

    assert decision_actionable("APPROVED the Youth Forum to run a survey of residents.")[0]
    assert not decision_actionable("APPROVED the Annual Report.")[0]


@pytest.mark.parametrize("line", [
    "Mr Patel has requested that the Council refund his deposit.",
    "The bank has requested these forms be redone.",
    "Members were asked if they would like to be appointed to the review group.",
    "The Chairman reminded the panel of its role being not to monitor the force.",
    "Cabinet agreed the following recommendations:",
])
def test_a_request_received_a_wish_or_a_lead_in_is_no_entry(line):
    assert texts("Business\n\n" + line + "\n") == []


@pytest.mark.parametrize("line", [
    "That Jane Moss is appointed Administrator for the municipality.",
    "The outgoing Mayor declared Councillor Ann Kerr elected Mayor as she had the most votes.",
])
def test_an_appointment_named_by_its_office_is_a_decision(line):
    [entry] = entries("Appointments\n\n" + line + "\n")
    assert (entry.kind, entry.actionable, entry.rule) == ("decision", False, "prose:elected")


def test_a_motion_carried_on_a_voice_vote_is_a_decision():
    got = entries("New business\n\nIt was moved by Commissioner Hale, supported by Commissioner "
                  "Ruiz, to buy a new plough truck. On a voice vote, the motion carried.\n")
    assert [(e.kind, e.rule) for e in got] == [("decision", "prose:motion-then-carried")]
    assert got[0].text.startswith("It was moved by Commissioner Hale")


def test_a_subject_that_resolved_the_following_leads_in_its_limbs():
    got = texts("Advisory committees\n\nThe Administrator Resolved the following:\n\n"
                "1. That Council rescinds the previous terms of reference.\n\n"
                "2. That Council calls for expressions of interest.\n")
    assert got == ["That Council rescinds the previous terms of reference.",
                   "That Council calls for expressions of interest."]
