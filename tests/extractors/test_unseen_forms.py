"""Forms first met on councils the rules had not seen (invented wordings of each)."""

from __future__ import annotations

import pytest

from minutes.extractors import learned, prose
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
