"""Wordings other councils use for motions and commitments (invented examples)."""

from __future__ import annotations

import pytest

from minutes.extractors import extract
from minutes.pipeline.readers.text import read_text


def kinds(text: str) -> list[tuple[str, str]]:
    doc = read_text(text.encode(), "minutes.txt")
    return [(e.kind, e.text) for e in extract(doc)]


@pytest.mark.parametrize("sentence", [
    "Motion to approve the consent agenda carried 5-0.",
    "Motion to approve the budget amendment carried 4-1.",
    "A motion to award the contract to Smith Ltd was carried unanimously.",
])
def test_a_motion_carried_in_its_own_sentence_is_a_decision(sentence: str) -> None:
    assert kinds(sentence + "\n") == [("decision", sentence)]


@pytest.mark.parametrize("line", ["Motion carried.", "CARRIED 5-0", "The motion was carried.",
                                  "Agreed as an accurate record."])
def test_a_bare_outcome_line_is_not_an_entry_by_itself(line: str) -> None:
    assert kinds(line + "\n") == []


@pytest.mark.parametrize("sentence, owner", [
    ("The Harbour Master agreed to bring the revised moorings charges to the next meeting.",
     "Harbour Master"),
    ("The Head of Planning agreed to provide a briefing note on the enforcement backlog.",
     "Head of Planning"),
])
def test_an_officer_agreeing_to_do_something_is_an_action(sentence: str, owner: str) -> None:
    doc = read_text((sentence + "\n").encode(), "minutes.txt")
    (entry,) = extract(doc)
    assert entry.kind == "action" and owner in (entry.owner or "")


def test_an_officer_decision_stays_a_decision() -> None:
    assert kinds("The Director of Resources agreed the write-off of the debts.\n") == [
        ("decision", "The Director of Resources agreed the write-off of the debts.")]


def test_a_numbered_list_ends_where_the_numbering_jumps() -> None:
    found = kinds("13. Scrutiny Review of Libraries\nRECOMMENDED TO CABINET:\n"
                  "1. That a library needs assessment be completed by March 2026.\n"
                  "2. That opening hours be reviewed following the consultation.\n"
                  "14. Council Tax Support Scheme\n")
    assert [text for _, text in found] == [
        "That a library needs assessment be completed by March 2026.",
        "That opening hours be reviewed following the consultation."]


def test_a_shouted_recommendation_heading_names_its_addressee() -> None:
    doc = read_text(b"RECOMMENDED TO CABINET:\n1. That a library needs assessment be completed.\n",
                    "minutes.txt")
    (entry,) = extract(doc)
    assert (entry.kind, entry.owner) == ("recommendation", "Cabinet")


@pytest.mark.parametrize("lead", ["The Committee AGREED to:", "The Committee RESOLVED to:",
                                  "The Board agreed to:", "The Panel unanimously agreed:"])
def test_a_body_agreeing_to_a_bulleted_list_gives_one_decision_a_bullet(lead: str) -> None:
    found = kinds(f"{lead}\n• endorse the draft Waste Strategy for consultation;\n"
                  "• ask officers to bring the final strategy to the June meeting.\n")
    assert [text for _, text in found] == [
        "endorse the draft Waste Strategy for consultation",
        "ask officers to bring the final strategy to the June meeting."]


@pytest.mark.parametrize("sentence", [
    "The Committee notes the report and agrees the work programme.",  # the spec's own example
    "The Board approves the revised budget.",
])
def test_present_tense_outcomes_of_the_meeting_are_decisions(sentence: str) -> None:
    assert kinds(sentence + "\n") == [("decision", sentence)]


def test_a_limb_that_names_who_is_to_act_is_actionable() -> None:
    doc = read_text(b"Resolved that (a) the play area strategy be adopted and (b) the Parks Manager"
                    b" prepare an implementation plan by 31 July 2025.\n", "minutes.txt")
    adopted, plan = extract(doc)
    assert (adopted.actionable, adopted.status) == (False, None)
    assert (plan.actionable, plan.status, plan.owner) == (True, "open", "the Parks Manager")


def test_irish_style_proposal_and_seconder_outcome_is_a_decision() -> None:
    sentence = ("On the proposal of Cllr Murphy, seconded by Cllr Kelly, the Annual Report was "
                "adopted.")
    assert kinds(sentence + "\n") == [("decision", sentence)]


def test_a_green_rag_rating_is_on_track_not_done() -> None:
    doc = read_text(b"Action | Owner | Due | RAG\n"
                    b"Publish the parking review | Head of Highways | June 2025 | Green\n"
                    b"Repair the bus shelter | Clerk | May 2025 | Complete\n", "log.txt")
    assert [(e.text, e.status) for e in extract(doc)] == [
        ("Publish the parking review", "open"), ("Repair the bus shelter", "done")]


def test_review_rows_with_item_labels_under_a_semicolon_heading() -> None:
    doc = read_text(b"Matters Arising;\n"
                    b"Item 4. Clerk had added the question requested by the Chair.\n"
                    b"Item 6 (2#1). JB has sent the tree survey to the insurers.\n"
                    b"Item 7. KP to chase the contractor about the gate.\n"
                    b"9. Finance\nThe accounts were noted.\n", "review.txt")
    rows = [(e.kind, e.text, e.owner, e.status) for e in extract(doc) if e.kind == "action"]
    assert rows == [
        ("action", "Clerk had added the question requested by the Chair.", "Clerk", "done"),
        ("action", "JB has sent the tree survey to the insurers.", "JB", "done"),
        ("action", "KP to chase the contractor about the gate.", "KP", "open")]


def test_will_be_in_is_a_statement_unless_it_is_attendance_or_contact():
    from minutes.extractors.prose import find

    def rules(text: str) -> list[str]:
        return [c.rule for c in find(text, 0, len(text), None)]

    assert rules("Community Council Elections will be in November 2023.") == []
    assert rules("Cllr Smith would be in attendance at the next meeting.") == ["prose:modal-future"]
    assert rules("Cllr Smith would be in touch with the school.") == ["prose:modal-future"]
