"""Forms first met on councils the rules had not seen (invented wordings of each)."""

from __future__ import annotations

import pytest

from minutes.extractors import classify, learned, prose
from tests.extractors.helpers import entries, texts


@pytest.fixture
def rules_only(monkeypatch, tmp_path):
    """No sentence model: what the rules alone find."""
    monkeypatch.setenv("MINUTES_SENTENCE_MODEL", str(tmp_path / "missing.json"))
    learned.clear()
    yield
    monkeypatch.delenv("MINUTES_SENTENCE_MODEL")
    learned.clear()


def test_action_item_lines_with_owner_in_brackets():
    found = entries("Notes of the working group.\n\n"
                    "Action item: Send the draft terms of reference to the panel (Priya)\n\n"
                    "Action item: Comment on the survey questions by 9 January (all)\n")
    assert [e.text for e in found] == [
        "Send the draft terms of reference to the panel (Priya)",
        "Comment on the survey questions by 9 January (all)"]
    assert [e.owner for e in found] == ["Priya", "all"]
    assert {e.kind for e in found} == {"action"}


def test_action_items_heading_is_not_a_task():
    found = texts("7. Action Items:\n\nA. Consider a contract for the library roof repair:\n\n"
                  "Staff described the bids received.\n")
    assert not any(t.startswith("Consider a contract") for t in found)


def test_numbered_outcome_limbs_without_a_resolved_label(rules_only):
    found = entries("Future of Hillside Nursery\n\n"
                    "1)   Note the responses to the consultation on the nursery; and\n\n"
                    "2)   Approve the transfer of the nursery to the trust from 1 April 2027.\n")
    assert [e.text for e in found] == [
        "Note the responses to the consultation on the nursery",
        "Approve the transfer of the nursery to the trust from 1 April 2027."]
    assert {e.kind for e in found} == {"decision"}


def test_bulleted_verb_phrases_are_not_outcome_limbs(rules_only):
    found = texts("The plan's aims:\n\n- Support young carers across the borough\n\n"
                  "- Note that demand is rising\n")
    assert found == []


def test_a_sentence_that_only_thanks_or_refers_reports():
    assert prose.only_reports("The Committee thanked the volunteers for clearing the churchyard.")
    assert prose.only_reports("Councillor Byrne referred to the continued pressure on the "
                              "housing budget.")
    assert not prose.only_reports("The Committee thanked the volunteers and asked the Clerk "
                                  "to write to them.")


def test_consent_calendar_run_on_items_are_decisions(rules_only):
    found = entries("REGULAR MEETING. Roll call was taken. CONSENT AGENDA: (A) Consider Approval "
                    "of Bills to be Paid. (B) Consider Approval of the Library Board Report. "
                    "(C) Consider Approval of a Park Shelter Rental Fee Waiver. MOTION BY LEE, "
                    "SECOND BY ORTIZ TO APPROVE THE CONSENT AGENDA. The motion carried.\n")
    got = [e.text for e in found if e.text.startswith("Consider")]
    assert got == ["Consider Approval of Bills to be Paid.",
                   "Consider Approval of the Library Board Report.",
                   "Consider Approval of a Park Shelter Rental Fee Waiver."]
    assert {e.kind for e in found if e.text in got} == {"decision"}


def test_consent_calendar_listed_after_its_motion(rules_only):
    found = texts("Director Hale moved to approve the items on the Consent Calendar (listed "
                  "below). Director Moss seconded. Motion carried 5-0.\n"
                  "A. Approval of the Minutes of the May 2 Regular Meeting\n"
                  "B. Approval of Warrants and\npayroll for April\n"
                  "C. Receipt of Correspondence. None.\n"
                  "D. Approval of Resolution 24-7,\nAwarding the Pump Station Contract\n\n"
                  "The Board then heard public comment.\n")
    assert found == ["Approval of Warrants and payroll for April",
                     "Approval of Resolution 24-7, Awarding the Pump Station Contract"]


def test_narrative_under_a_consent_heading_is_not_an_item_list(rules_only):
    found = texts("IV. CONSENT CALENDAR:\n"
                  "A. The Chair asked if there were any changes to the draft report.\n"
                  "B. The Chair asked whether there was a department report.\n")
    assert not any(t.startswith("The Chair asked") for t in found)


def test_endorsed_for_recommendation_to_council_is_a_recommendation():
    found = entries("Resolved - That the revised scheme of delegation, as set out in Appendix 2 "
                    "to the report, be endorsed for recommendation to the County Council.\n")
    assert [(e.kind, e.owner) for e in found] == [("recommendation", "the County Council")]


def test_an_approval_dated_before_the_meeting_is_history():
    from datetime import date

    from minutes.extractors import extract
    from minutes.pipeline.readers.text import read_text

    text = ("Pooled budget 2026/27\n\nThe Health Board approved the pooled budget on 14th May "
            "2026 in line with the allocations.\n\nThe Committee approved the pooled budget.\n")
    doc = read_text(text.encode(), "x.txt")
    later = [e.text for e in extract(doc, meeting_date=date(2026, 9, 10))]
    assert later == ["The Committee approved the pooled budget."]
    earlier = [e.text for e in extract(doc, meeting_date=date(2026, 5, 1))]
    assert "The Health Board approved the pooled budget on 14th May 2026 in line with the " \
           "allocations." in earlier


def test_mover_or_label_before_that_be(rules_only):
    found = texts("Motion 14-26\n(Cheque Register) / Dana Kowalski – that the cheque register "
                  "for March be accepted for information\nMotion 15-26\n"
                  "Councillor Haas that the correspondence be filed. Carried\n")
    assert found == ["that the cheque register for March be accepted for information",
                     "that the correspondence be filed."]


def test_a_resolved_label_is_not_a_mover(rules_only):
    found = entries("RESOLVED – That the County Council be requested to repaint the crossing.\n")
    assert [e.rule for e in found] == ["formal:resolved"]


def test_he_after_an_opening_clause_is_the_person_named_just_before():
    found = entries("Foreman Update\n\nNew timber for the shop has been bought. Ravi will "
                    "build the racks. With the longer evenings, he will begin to paint the "
                    "railings. He will also book the spraying course this week.\n")
    owned = {e.text: e.owner for e in found}
    assert owned.get("With the longer evenings, he will begin to paint the railings.",
                     owned.get("he will begin to paint the railings.")) == "Ravi"
    assert owned.get("He will also book the spraying course this week.") == "Ravi"


def test_an_action_label_on_a_wrapped_line_opens_its_own_task():
    found = entries("3. MATTERS ARISING\n\nMandate forms. The bank has asked for these to be "
                    "signed again because of too many\ncrossings out. ACTION: JL to resubmit "
                    "the forms.\n")
    assert [(e.text, e.owner) for e in found] == [("JL to resubmit the forms.", "JL")]


def test_action_table_with_item_and_actor_columns_and_a_wrapped_cell():
    found = entries("3. Matters arising\n"
                    "| Item | Actor | Action | Progress |\n"
                    "| 4.a | R Patel | Write to the bus operator about the timetable | |\n"
                    "| 4.b | J Byrne, K\nOkafor |\n"
                    "Draft the community council's reply on parking | pending |\n"
                    "| 6 | M Ross | Book the hall for the spring event | complete |\n")
    assert [(e.text, e.owner, e.status) for e in found] == [
        ("Write to the bus operator about the timetable", "R Patel", "open"),
        ("Draft the community council's reply on parking", None, "open"),
        ("Book the hall for the spring event", "M Ross", "done")]


def test_body_lead_in_over_past_tense_limbs(rules_only):
    found = entries("On Tuesday 4 March, the Harbourside Community Board:\n\n"
                    "  • heard from residents about the footpath;\n"
                    "  • approved parking restrictions on Quay Street;\n"
                    "  • recommended a speed limit review to the Council;\n"
                    "  • and exchanged information on matters of interest.\n")
    assert [(e.text, e.kind) for e in found] == [
        ("approved parking restrictions on Quay Street", "decision"),
        ("recommended a speed limit review to the Council", "recommendation")]


def test_more_procedural_wordings_are_dropped():
    from minutes.extractors import classify

    for text in ("The Minutes held on 4 May 2026, copies of which had been circulated, were "
                 "found correct and APPROVED.",
                 "MINUTES TO APPROVE 12TH MARCH 2026 proposed correct and seconded by JT.",
                 "the Agenda for the April 2nd, 2026 regular meeting of Council be received.",
                 "CARRIED: 8 for 2 abstentions."):
        assert classify.procedural(text), text
    assert not classify.procedural("CARRIED: that the hall roof be repaired.")


def test_an_agenda_items_own_wording_is_not_an_outcome():
    assert prose.agenda_wording("To consider the quotes for the play park equipment.")
    assert prose.agenda_wording("7.2 To discuss the footpath survey")
    assert not prose.agenda_wording("To approve the claims totalling $3,400.")
    found = texts("7. Play parks\n\nTo consider the quotes for the replacement swings – quotes "
                  "previously circulated.\n")
    assert found == []


def test_hereby_authorized_names_the_delegate():
    from minutes.extractors.owners import find_owner

    owner, _ = find_owner("the City Clerk is hereby authorized to obtain bids for a pickup "
                          "truck.", kind="decision", lead_in=None)
    assert owner == "the City Clerk"


def test_a_whole_sentence_outcome_with_no_limbs_after_it(rules_only):
    found = texts("Reports of Cabinet\n\nThe recommendations arising from the meetings of 4 "
                  "March, 1 April and 6 May 2026 were agreed.\n\nCllr Ray presented the "
                  "reports.\n")
    assert found == ["The recommendations arising from the meetings of 4 March, 1 April and "
                     "6 May 2026 were agreed."]


def test_all_agreed_is_the_meetings_decision(rules_only):
    found = entries("Village hall\n\nAll agreed that the Council would refund the deposit.\n\n"
                    "Everyone was in agreement to discuss the bids at the next meeting.\n")
    assert [(e.kind, e.rule) for e in found] == [("decision", "prose:all-agreed")] * 2


def test_an_action_tag_after_an_agreement_keeps_it_a_decision_with_an_owner():
    [entry] = entries("Gate\n\nIt was unanimously agreed to accept the quote from Hale's for "
                      "the new gate. Action: BR/clerk\n")
    assert (entry.kind, entry.actionable, entry.owner) == ("decision", True, "BR/clerk")
    [task] = entries("Gate\n\nThe latch on the gate is broken. Action: BR\n")
    assert (task.kind, task.owner) == ("action", "BR")


def test_proposed_to_another_council_for_approval_is_a_recommendation_to_it():
    [entry] = entries("Resolved that the transfer of $4,000 from the reserve shall be proposed to "
                      "the RM of Eastdale Council for approval at their May meeting.\n")
    assert (entry.kind, entry.owner) == ("recommendation", "the RM of Eastdale Council")


def test_a_motion_recorded_as_moved_is_a_decision(rules_only):
    found = entries("Highlights of the Council Meeting\n\n"
                    "Gravel Supply – MOVED by Councillor Okafor to tender two loads of crushed "
                    "gravel for the east road.\n\n"
                    "Director Lindqvist moved that the District pay the outstanding invoices.\n\n"
                    "Mira motioned to extend the library's Saturday opening to 4 pm.\n")
    assert [e.text for e in found] == [
        "MOVED by Councillor Okafor to tender two loads of crushed gravel for the east road.",
        "Director Lindqvist moved that the District pay the outstanding invoices.",
        "Mira motioned to extend the library's Saturday opening to 4 pm."]
    assert {e.kind for e in found} == {"decision"}


def test_a_motion_cut_off_or_calling_for_a_motion_is_not_an_entry(rules_only):
    found = texts("MOVED BY COUNCILLOR DIAZ that the grant to the food bank\n"
                  "be increased to the amount requested\n\n"
                  "The Chair asked for a motion to close the public hearing.\n\n"
                  "Councillor Berg moved to approve the plan and asked")
    assert not any(t.startswith("MOVED BY COUNCILLOR DIAZ that the grant to the food bank")
                   and t.endswith("bank") for t in found)
    assert not any("asked for a motion" in t for t in found)
    assert not any(t.endswith("and asked") for t in found)


def test_carried_goes_to_the_motion_not_its_seconder(rules_only):
    found = texts("Councillor Amari moved to accept the snow clearing tender from Frost Ltd.\n"
                  "Seconded by Councillor Holt.  Carried.\n")
    assert not any(t.startswith("Seconded by") for t in found)


def test_a_line_ending_carried_does_not_run_into_the_next_motion():
    found = texts("Cllr. Ibe moved approval of the road plan as presented. CARRIED\n"
                  "Clr. Sato moved that Council receive the library report as information. "
                  "CARRIED\n")
    assert "Clr. Sato moved that Council receive the library report as information." in found


def test_mover_and_seconder_alone_is_not_an_entry():
    found = texts("Cllr Ruiz proposed, Cllr Patel seconded and unanimously approved "
                  "RESOLVED Cllr Hart elected Chair.\n")
    assert found == ["Cllr Hart elected Chair."]


def test_minutes_approved_and_signed_and_no_declarations_are_procedural():
    found = texts("2. Minutes of the last meeting\n\nApproved and signed.\n\n"
                  "3. Declarations\n\nThere were no declarations.\n\n"
                  "4. Agenda\n\nCllr Moe moved that Council table this item until later in "
                  "the meeting.\n")
    assert found == []


def test_an_uppercase_action_label_without_a_colon(rules_only):
    found = entries("Welcome and apologies\n\nACTION  RT to contact the hall committee\n")
    assert [(e.text, e.owner) for e in found] == [("RT to contact the hall committee", "RT")]


def test_a_police_rank_does_not_end_the_sentence():
    found = entries("Cst. Morrow will bring the request for a cycle safety day to Sgt. Amadi.\n")
    assert [e.text for e in found] == [
        "Cst. Morrow will bring the request for a cycle safety day to Sgt. Amadi."]


def test_approving_a_purchase_directs_a_step(rules_only):
    found = entries("RESOLVED That the Committee approves the purchase of two new litter bins "
                    "for the green.\n")
    assert [e.actionable for e in found] == [True]


def test_a_board_named_of_its_members_states_the_outcome(rules_only):
    found = entries("7. Resolutions\n\nThe Board of Commissioners approved Resolution 14-02 "
                    "designating the depository bank.\n")
    assert [(e.kind, e.text) for e in found] == [
        ("decision", "The Board of Commissioners approved Resolution 14-02 designating the "
                     "depository bank.")]


def test_initials_that_are_also_a_word_name_who_acts():
    found = entries("Actions from the last meeting\n\nPM to chase the grounds contractor.\n")
    assert [(e.text, e.owner) for e in found] == [("PM to chase the grounds contractor.", "PM")]


def test_tabling_and_a_motion_to_do_something_direct_a_step(rules_only):
    found = entries("RESOLVED That Resolution No. 7 be tabled.\n\n"
                    "RESOLVED That we purchase a tandem roller for the works depot.\n\n"
                    "Jo made a motion to seek quotes for the hall roof, seconded by Sam. "
                    "Motion carried.\n\n"
                    "Kim made a motion to hire Lee Park as caretaker, seconded by Sam. "
                    "Motion carried.\n")
    said = {word: e.actionable for e in found
            for word in ("tabled", "roller", "quotes", "caretaker") if word in e.text}
    assert said == {"tabled": True, "roller": True, "quotes": True, "caretaker": False}


def test_seconding_lines_and_bare_motions_are_not_entries():
    found = texts("Commissioner Ayala made a motion to approve the road salt contract.\n\n"
                  "Commissioner Brandt seconded the motion.\n\n"
                  "Second was made by Lou, all in favor, motion carried.\n")
    assert not any("seconded the motion" in t or t.startswith("Second was made") for t in found)
    assert prose.is_moved_motion("Jim motioned to pay the bills, Carrie seconded.")
    assert not prose.is_moved_motion("Jim motioned to approve and Mark seconded.")


def test_how_members_voted_is_not_an_entry():
    found = texts("On a motion by Director Ruiz and second by Director Hale, the Board approved "
                  "a contract for the pump station roof. The motion was approved on a vote of "
                  "5 – 2. Directors Ruiz, Hale and Ong voted in favor of the motion. Director "
                  "Bell was opposed.\n")
    assert len(found) == 1 and "pump station roof" in found[0]


def test_a_bare_result_or_a_label_is_not_an_entry():
    found = texts("A motion was made by Pat Lowe to renew the mowing contract. Motion was "
                  "seconded by Ann Roe; motion passed 3-0.\n\nMinutes: AGREED:\n")
    assert not any(t.strip(" .").lower() in ("motion passed 3-0", "minutes: agreed:")
                   for t in found)


def test_a_motion_is_not_who_acts():
    found = entries("Motion to amend the term calendar with no classes on 3 April\n")
    assert not any(e.kind == "action" for e in found)


def test_recommending_approval_of_a_planning_application_is_a_recommendation():
    found = entries("Planning applications\n\n"
                    "24/0113 Two storey rear extension, 4 Mill Lane\n\n"
                    "RESOLVED – Recommend approval\n\n"
                    "24/0120 Replacement garage, 9 Church Walk\n\n"
                    "RESOLVED – Recommend approval\n\n"
                    "The meeting closed at 8.40 pm.\n")
    assert [(e.text, e.kind, e.actionable) for e in found] == [
        ("Recommend approval", "recommendation", True)] * 2


def test_an_inline_title_is_not_part_of_the_first_sentence():
    found = entries("Village Hall Heating: Item deferred until the next meeting.\n\n"
                    "Cllr Ames: asked about the bus timetable.\n")
    assert [(e.text, e.kind) for e in found] == [
        ("Item deferred until the next meeting.", "decision")]


def test_an_event_to_take_place_is_no_routine():
    found = texts("Motion by Ruiz, second by Hale, carried to support the library's reading "
                  "week to take place May 4th through May 9th in the town square.\n")
    assert len(found) == 1 and found[0].startswith("Motion by Ruiz")


def test_a_one_word_limb_keeps_the_words_that_make_it_an_outcome():
    found = entries("- 25/0031/FULL Side extension, 2 Orchard Way\n"
                    "Unanimously AGREED to recommend APPROVAL\n\n"
                    "The meeting closed at 9 pm.\n")
    assert [(e.text, e.kind) for e in found] == [
        ("Unanimously AGREED to recommend APPROVAL", "recommendation")]


@pytest.mark.parametrize("line", ["Approved: 6-0", "Recorded Vote: All in favour.",
                                  "Motion <br /> carried.", "Carried 5-2"])
def test_a_vote_result_alone_is_not_an_entry(line):
    assert prose.is_bare_result(line)
    assert not prose.is_bare_result("Approved the pump station contract: 6-0")


@pytest.mark.parametrize("motion", [
    "It was moved by Ortiz seconded by Lamb that the Board hire an engineer to inspect the "
    "water tower.",
    "It was regularly moved and seconded, after some discussion that the meter charge be "
    "raised to two dollars.",
    "Reyes moves and Kline seconds a motion to ask staff to draft a parking ordinance.",
    "Motion made to approve the 2025 transportation goals with one edit.",
])
def test_older_and_us_motion_wordings_are_decisions(motion):
    found = entries(motion + "\n\nRoll call Ayes: Ortiz, Lamb, Reyes.\n")
    assert [e.kind for e in found] == ["decision"] and found[0].text.startswith(motion[:20])


def test_a_supporter_and_a_motion_carried_after_are_not_entries():
    found = texts("Hudson moved that the Township Board ask the county to repave Cedar Road. "
                  "Nordquist supported. Motion carried and the clerk noted the vote.\n")
    assert len(found) == 1 and found[0].startswith("Hudson moved")


def test_a_motion_directing_someone_is_read_without_its_mover():
    found = entries("It was moved by Ortiz seconded by Lamb that the Township Board work with "
                    "the drainage district on the culvert.\n\nRoll call Ayes: all.\n")
    assert [(e.actionable, e.owner) for e in found] == [(True, "the Township Board")]


@pytest.mark.parametrize("line", [
    "Give delegated authority to the Head of Finance to agree the final figures.",
    "Authorized the Road Foreman to attend the county training day in May.",
])
def test_a_delegation_or_authorisation_is_a_decision(line):
    assert classify.grants_authority(line)
    found = entries(line + "\n")
    assert found and all(e.kind == "decision" for e in found)


def test_that_x_would_is_worded_as_a_resolution():
    found = entries("That the Chair and Councillor Obi would visit the depot on 3 March.\n")
    assert [e.kind for e in found] == ["decision"]


def test_a_done_in_capitals_or_after_a_dash_closes_the_row():
    from minutes.extractors import status

    assert status.trailing_note("Order new bins for the playing field DONE") == "DONE"
    assert status.trailing_note("Order new bins for the playing field") is None
    found = entries("Matters arising from the last meeting\n\n"
                    "PK to price noticeboards – completed, quotes circulated for the next "
                    "meeting\n\nJB to chase the grass-cutting contractor\n\n"
                    "Any other business\n\nNone.\n")
    assert [(e.owner, e.status) for e in found] == [("PK", "done"), ("JB", "open")]
