"""Limb splitting: every enumeration style, lead-ins, detail lists, inline limbs."""

from __future__ import annotations

import pytest

from minutes.extractors.units import parse_enum, sentences

from .helpers import entries, texts

LIMBS = ("the annual report be noted", "the Clerk be asked to obtain quotes for the bench")


@pytest.mark.parametrize("first,second", [
    ("(a)", "(b)"), ("a)", "b)"), ("1.", "2."), ("1)", "2)"), ("(i)", "(ii)"), ("i.", "ii."),
    ("•", "•"), ("-", "-"), ("(1)", "(2)"), ("A", "B"),
])
def test_each_enumeration_style_gives_one_entry_per_limb(first, second):
    gap = "    " if first in ("A", "B") else " "
    found = texts(f"RESOLVED that:\n\n{first}{gap}{LIMBS[0]};\n\n{second}{gap}{LIMBS[1]}.\n")
    assert found == [LIMBS[0], LIMBS[1] + "."]


def test_that_and_that_limbs_without_enumerators():
    found = texts("RESOLVED:\n\nThat the budget be approved; and\n\n"
                  "That the Treasurer be asked to publish it.\n")
    assert found == ["That the budget be approved", "That the Treasurer be asked to publish it."]


def test_shared_lead_in_is_left_out():
    found = entries("Resolved: That the Committee:-\n\n(a) notes the update;\n\n"
                    "(b) requests the Planning Officer to investigate the complaint.\n")
    assert [e.text for e in found] == ["notes the update",
                                       "requests the Planning Officer to investigate the "
                                       "complaint."]
    assert [e.actionable for e in found] == [False, True]


def test_detail_list_stays_inside_its_limb():
    found = texts("RESOLVED to receive the minutes of the following sub-committees:\n\n"
                  "a) Allotments Sub-Committee 3 May\n\nb) Burial Ground Sub-Committee 9 May\n")
    assert found == ["to receive the minutes of the following sub-committees:"]


def test_nested_list_after_a_colon_limb_is_detail():
    found = texts("RESOLVED that:\n\n1. the following grants be awarded:\n\n"
                  "(a) Village Hall £200\n\n(b) Scouts £150\n\n"
                  "2. the Clerk notify the applicants.\n")
    assert found == ["the following grants be awarded:", "the Clerk notify the applicants."]


def test_inline_limbs_are_split():
    found = texts("Resolved – (1) that the report be noted; (2) that the Director of Finance be "
                  "requested to review the charges; and (3) that the matter be referred to "
                  "Cabinet.")
    assert len(found) == 3
    assert found[1] == "that the Director of Finance be requested to review the charges"


def test_plain_decision_heading_takes_the_following_resolution():
    found = entries("Decision:\n\nThat the audit plan be approved.\n\nMinutes:\n\n"
                    "The officer introduced the audit plan.\n")
    assert [e.text for e in found] == ["That the audit plan be approved."]


@pytest.mark.parametrize("line,style,label", [
    ("(a) text", "paren-alphal", "a"), ("b) text", "close-alphal", "b"),
    ("3. text", "num0", "3"), ("24.2 text", "num1", "24.2"), ("(iv) text", "paren-romanl", "iv"),
    ("• text", "bullet0", "•"), ("ii. text", "dot-romanl", "ii"), ("1.Motion", "num0", "1"),
])
def test_parse_enum_styles(line, style, label):
    enum = parse_enum(line, 0)
    assert enum is not None and (enum.style, enum.label) == (style, label)


def test_plain_sentence_has_no_enumerator():
    assert parse_enum("The Clerk reported.", 0) is None


def test_sentences_respect_abbreviations_and_initials():
    text = "Cllr. J. Smith met Mr. Jones at 7 p.m. on site. The Clerk will write."
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == ["Cllr. J. Smith met Mr. Jones at 7 p.m. on site.",
                                             "The Clerk will write."]


def test_that_lead_in_without_a_trigger_word_introduces_limbs():
    found = entries("That, on the recommendation of the City Manager, the following actions be "
                    "taken with respect to the arena lease:\n\n"
                    "a) the report dated 3 May BE RECEIVED;\n\n"
                    "b) the Civic Administration BE DIRECTED to negotiate a renewal.\n")
    assert [(e.text, e.actionable) for e in found] == [
        ("the report dated 3 May BE RECEIVED", False),
        ("the Civic Administration BE DIRECTED to negotiate a renewal.", True)]
