"""Kinds, actionable, procedural filtering, prose rules, status, dedupe, tables."""

from __future__ import annotations

import pytest

from minutes.extractors.classify import decision_actionable, procedural
from minutes.extractors.status import is_done

from .helpers import entries, texts


@pytest.mark.parametrize("text", [
    "RESOLVED – That the minutes of the meeting held on 3 May be approved as a correct record.",
    "Apologies for absence were received from Cllr Brown.",
    "RESOLVED: That the press and public be excluded for the following item.",
    "There were no declarations of interest.",
    "It was moved and seconded to adopt the agenda. Motion carried.",
    "The meeting adjourned at 8.30 pm.",
    "RESOLVED that Standing Orders be suspended.",
    "The next meeting will be held on 4 June at 7pm.",
    "A motion was made by Reyes and seconded by Cole to go into executive session at 8:10 p.m.",
    "THAT the Council resolve into a meeting of the Committee of the Whole.",
    "Ms. Ruiz asked that agenda item 7b, the fleet update, be removed from the consent agenda.",
    "Nothing to add to agenda",
])
def test_procedural_business_is_not_extracted(text):
    assert texts(text + "\n") == []


def test_procedural_pattern_names_itself():
    assert procedural("Apologies were received") is not None
    assert procedural("The Clerk will write to the landowner.") is None
    assert procedural("Lund/Okafor moved to approve the 12 May and 2 June, 2025 minutes.")


@pytest.mark.parametrize("text,kind,actionable", [
    ("RESOLVED – That the report be noted.", "decision", False),
    ("RESOLVED – That the Head of Planning be requested to draft a policy.", "decision", True),
    ("RECOMMENDED that Council approve the revised fees.", "recommendation", True),
    ("The Committee recommends to Cabinet that the strategy be adopted.", "recommendation", True),
    ("RESOLVED – That the item be deferred to the next meeting.", "decision", True),
    ("RESOLVED – That the matter be referred to Cabinet for decision.", "recommendation", True),
    ("Mr Patel was elected Chair for the ensuing year.", "decision", False),
    ("It was agreed that the Clerk would write to the bus company.", "decision", True),
    ("Cllr Ahmed agreed to circulate the tree survey to members.", "action", True),
    ("Members asked that officers circulate the revised map.", "action", True),
    ("Clerk to contact the contractor about the broken gate.", "action", True),
    ("The Panel decided that the application be refused.", "decision", False),
    ("Agreed to hold a workshop on the local plan in March.", "decision", True),
    ("The Committee RESOLVED: to ask the Director to review the tariff.", "decision", True),
    ("On motion by Trustee Diaz, seconded by Trustee Wong, the Board approved the contract.",
     "decision", False),
    ("The Board voted 5-0 to approve the FY2025 budget.", "decision", False),
    ("Planning permission was granted subject to conditions.", "decision", False),
    ("Members requested a report on the flooding at the next meeting.", "action", True),
    ("The Cabinet Member for Highways approved the revised parking charges.", "decision", False),
    ("Decision made:\n\nThat a grant of £5,000 be awarded to the Food Bank.", "decision", True),
])
def test_kinds_and_actionable(text, kind, actionable):
    found = entries(text + "\n")
    assert [(e.kind, e.actionable) for e in found] == [(kind, actionable)]
    assert found[0].status == ("open" if actionable else None)


@pytest.mark.parametrize("text", [
    "Each month the Director would present an update to the Board.",
    "Members asked whether the scheme would be extended.",
    "It was noted that there had been no items called in.",
    "The consensus was that the route was unsafe.",
    "Officers said that the changes would help residents.",
    "Devolution would strengthen the Council’s ability to plan transport.",
    "The strategy would act as the foundation for future work.",
    "The forecast indicated that £8.3 million in savings would be delivered for 2024-25.",
    "The Plan sets out how we will meet our duty to provide school places.",
    "Members are asked to balance the relevant factors before deciding.",
    "Three of the visitors were elected members.",
])
def test_narrative_views_and_routines_are_not_extracted(text):
    assert texts(text + "\n") == []


def test_decision_actionable_reasons():
    assert decision_actionable("That authority be delegated to the Head of Legal to sign.")[0]
    assert not decision_actionable("That the report be received.")[0]


@pytest.mark.parametrize("text", [
    "That the Allotments Strategy be approved, with a commitment to revisit it in a year.",
    "the revised licensing conditions be approved for public consultation.",
    "Sam moved to approve the fee increases and to evaluate the scheme next spring.",
])
def test_an_approval_that_sets_a_further_step_is_actionable(text):
    assert decision_actionable(text)[0]


@pytest.mark.parametrize("note,done", [
    ("Action completed", True), ("Complete", True), ("Done", True),
    ("This action to be completed on 3 June", False), ("In progress", False), ("", False),
])
def test_status_notes(note, done):
    assert is_done(note) is done


def test_action_line_with_owner_line_and_tag():
    found = entries("Action Point 2\nTree survey to be shared with members.\nOwner: Priya Shah\n\n"
                    "The Clerk will chase the insurers. ACTION: Clerk\n")
    assert [(e.kind, e.owner) for e in found] == [("action", "Priya Shah"), ("action", "Clerk")]
    assert "ACTION" not in found[1].text


def test_action_tag_in_brackets_names_the_owner():
    found = entries("Cllr Rowe agreed to obtain three quotes for the fence (Action: CR).\n")
    assert [(e.kind, e.owner) for e in found] == [("action", "CR")]


def test_pipe_table_action_log_maps_columns():
    found = entries("Action | Owner | Status\n"
                    "Repaint the bus shelter | Clerk | Complete\n"
                    "Order new litter bins | Cllr Hale | In progress\n")
    assert [(e.text, e.owner, e.status) for e in found] == [
        ("Repaint the bus shelter", "Clerk", "done"),
        ("Order new litter bins", "Cllr Hale", "open")]


def test_pipe_table_without_action_header_is_ignored():
    assert texts("Chair: | Cllr Brian Hughes |\nClerk: | Ann Lee |\n") == []


def test_decision_and_minutes_copies_give_one_entry():
    text = ("Decision:\n\nThat the treasury report be accepted.\n\nMinutes:\n\n"
            "The Finance Manager presented the report.\n\nRESOLVED:\n\n"
            "That the treasury report be accepted.\n")
    found = entries(text)
    assert len(found) == 1
    assert found[0].start > text.index("Minutes:")


def test_prose_agreement_and_its_resolution_give_one_entry():
    found = entries("Councillor Lane would send the outcome of the survey to the Forum.\n\n"
                    "RESOLVED that Councillor Lane would send the outcome of the survey to the "
                    "Forum by June.\n")
    assert len(found) == 1 and found[0].rule.startswith("formal")


def test_motion_carried_in_the_next_sentence():
    found = entries("It was moved by Commissioner Ortiz and seconded by Commissioner Bell to "
                    "approve the site plan for 14 Elm Street. The motion carried 5-0.\n")
    assert [e.kind for e in found] == ["decision"]
    assert found[0].text.endswith("14 Elm Street.")


def test_action_points_list_items_are_actions_with_owners():
    found = entries("Action points from the meeting:\n\n"
                    "- Officers to circulate the revised map.\n\n"
                    "- Cllr Khan to contact the school about the crossing.\n")
    assert [(e.kind, e.owner) for e in found] == [("action", "Officers"), ("action", "Cllr Khan")]


def test_action_tag_line_makes_the_paragraph_an_action():
    found = entries("The fence at the playing field is damaged and needs repair.\nACTION: Clerk\n")
    assert [(e.kind, e.owner) for e in found] == [("action", "Clerk")]
    assert found[0].text.startswith("The fence")


def test_tab_separated_action_log():
    found = entries("Action\tOwner\tTarget date\n"
                    "Survey the drainage ditch\tParish Clerk\t30 June 2025\n")
    assert [(e.kind, e.text, e.owner) for e in found] == [
        ("action", "Survey the drainage ditch", "Parish Clerk")]
    assert found[0].due_text


def test_report_recommendations_to_the_meeting_are_not_outcomes():
    found = entries("Recommendation:\n\nThat the Committee is asked to note the report.\n\n"
                    "The Committee is recommended to approve the revised budget.\n\n"
                    "RESOLVED – That the Head of Finance be requested to review the fees.\n")
    assert [e.text for e in found] == ["That the Head of Finance be requested to review the fees."]


def test_motion_put_to_the_vote_and_carried():
    found = entries("Councillor Reed moved that the Council write to the Secretary of State about "
                    "rural buses. On being put to the vote the motion was carried.\n")
    assert [(e.kind, e.actionable) for e in found] == [("decision", True)]
    assert found[0].text.startswith("Councillor Reed moved")


def test_bare_agreed_makes_the_sentence_before_it_the_decision():
    found = entries("Cllr Hale proposed a donation of £100 to the Scouts. Unanimously agreed.\n\n"
                    "RESOLVED that the grant be paid. Agreed.\n")
    assert [(e.kind, e.text) for e in found] == [
        ("decision", "Cllr Hale proposed a donation of £100 to the Scouts."),
        ("decision", "the grant be paid.")]


def test_a_decision_worded_as_a_recommendation_to_council_is_a_recommendation():
    from .helpers import entries

    text = ("RESOLVED That a recommendation be made to Full Council that the budget rise.\n\n"
            "Motion by Commissioner Hoot to recommend City Council deny the rezoning request. "
            "Motion carried 5-0.\n")
    got = [(e.kind, e.text[:24]) for e in entries(text)]
    assert got == [("recommendation", "a recommendation be made"),
                   ("recommendation", "Motion by Commissioner H")]


def test_an_outcome_complete_on_the_spot_has_no_owner():
    """Spec: the owner is who must act; an appointment or a noting leaves no one to act."""
    [appointed, asked] = entries(
        "RESOLVED –\n(a) That Councillors Webb and Osei be appointed to the Flood Review Panel.\n"
        "(b) That the Head of Highways be requested to survey the culvert.\n")
    assert (appointed.actionable, appointed.owner) == (False, None)
    assert appointed.why["owner"].startswith("not actionable")
    assert (asked.actionable, asked.owner) == (True, "the Head of Highways")


@pytest.mark.parametrize("text,actionable", [
    # a future step the words name, not a noting
    ("The Board agreed to commission an independent review of the depot.", True),
    ("It was agreed to increase the grant to the youth club.", True),
    ("The Board agreed to note the quarterly figures.", False),
    ("That the refurbishment of the pavilion proceed as set out in the report.", True),
    ("The item was tabled to the April meeting.", True),
    ("Give delegated authority to the Head of Finance to settle the claim.", True),
    ("Members agreed that responsibility for the noticeboard rests with the Clerk.", True),
    # nouns that look like directions
    ("The Report of the Treasurer was received.", False),
    ("Report received and noted.", False),
    ("Mrs Lowe made a request to use the hall for a craft fair, and this was approved.", False),
    ("Contact: Jane Doe, Democratic Services. Decision: the update was noted.", False),
])
def test_decision_actionable_reads_the_step_not_the_noun(text, actionable):
    assert decision_actionable(text)[0] is actionable, decision_actionable(text)[1]


@pytest.mark.parametrize("line,status", [
    ("Clerk to order replacement litter bins.DONE", "done"),
    ("JT to chase the insurer for the renewal quote, done - CLOSED.", "done"),
    ("PK to price new noticeboards – completed, quotes circulated to members", "done"),
])
def test_a_row_that_reports_itself_done_is_done(line, status):
    [entry] = entries("Village matters\n\n" + line + "\n")
    assert entry.kind == "action" and entry.status == status, entry.why


def test_a_task_reported_in_the_perfect_is_done_unless_more_is_to_come():
    from minutes.extractors.status import reports_done

    assert reports_done("The Clerk had contacted the landowner about the overgrown hedge.")
    assert reports_done("All the bins had now been emptied.")
    assert not reports_done("The Clerk had contacted the landowner and would report back.")
    assert not reports_done("The Clerk to contact the landowner.")
