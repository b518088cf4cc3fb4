"""The same outcome in lower case, with an adverb after its verb, or in US and Australian
spelling of titles, reads as it does in the usual form (invented minutes)."""

from __future__ import annotations

import pytest

from minutes.extractors.owners import find_owner

from .helpers import entries


def _one(line: str) -> tuple[str, str, str | None]:
    got = entries(f"7. Bins\n\n{line}\n")
    assert len(got) == 1, [e.text for e in got]
    return got[0].kind, got[0].text, got[0].owner


@pytest.mark.parametrize(("line", "kind", "text"), [
    ("The panel noted their quarterly scrutiny report.", "decision",
     "The panel noted their quarterly scrutiny report."),
    ("The board approved the revised grant scheme.", "decision",
     "The board approved the revised grant scheme."),
    ("The Council resolved unanimously that the clerk write to the county council.",
     "decision", "the clerk write to the county council."),
    ("agreed: the clerk to write to the county council.", "decision",
     "the clerk to write to the county council."),
    ("decision: the clerk to write to the county council.", "decision",
     "the clerk to write to the county council."),
])
def test_lower_case_bodies_and_labels_and_a_trailing_adverb(line: str, kind: str,
                                                            text: str) -> None:
    got_kind, got_text, _ = _one(line)
    assert (got_kind, got_text) == (kind, text)


@pytest.mark.parametrize(("sentence", "owner"), [
    ("district councilor and clerk to put a complaint in on missed bins.",
     "district councilor and clerk"),
    ("Councilman Ortiz will contact the state highway department.", "Councilman Ortiz"),
    ("Cr Lee to write to the Minister about the bridge.", "Cr Lee"),
    ("Selectman Perry will obtain three quotes for the roof.", "Selectman Perry"),
])
def test_us_and_australian_titles_name_the_owner(sentence: str, owner: str) -> None:
    assert find_owner(sentence, kind="action")[0] == owner


@pytest.mark.parametrize("line", [
    "It was proposed by Councillor P Samuels, seconded by Councillor Stoyel and resolved to "
    "revisit the proposal in three months’ time.",
    "It was proposed by Councillor P Samuels, seconded by Councillor Stoyel and RESOLVED to "
    "revisit the proposal in three months’ time.",
])
def test_a_resolution_after_its_movers_in_either_case(line: str) -> None:
    assert _one(line)[:2] == ("decision", "to revisit the proposal in three months’ time.")


def test_resolved_after_a_comma_mid_sentence_opens_the_resolution() -> None:
    assert _one("The Committee having considered the matter carefully and taking into account "
                "all the relevant factors, RESOLVED that the application be refused on the "
                "basis of public safety.")[:2] == (
        "decision", "the application be refused on the basis of public safety.")


@pytest.mark.parametrize("that", ["That", "THAT"])
def test_inline_roman_limbs_split_after_that_in_either_case(that: str) -> None:
    got = [" ".join(e.text.split()) for e in entries(
        f"RESOLVED:\n4) {that} (i) the updated timetable, as set out at Appendix 1, be noted and "
        "(ii) accordingly, authority be delegated to the Service Director to make necessary "
        "amendments to the Constitution.\n")]
    assert got == ["the updated timetable, as set out at Appendix 1, be noted",
                   "accordingly, authority be delegated to the Service Director to make "
                   "necessary amendments to the Constitution."]


def test_agreed_that_colon_opens_its_limbs_as_resolved_that_does() -> None:
    got = [" ".join(e.text.split()) for e in entries(
        "5. Letters Log\n\nAGREED that:\n\n1)  the Scrutiny Letters Log be NOTED; and\n\n"
        "2)  the convener of the Working Group be authorised to convene\n\n"
        "     a further meeting as necessary.\n")]
    assert got == ["the Scrutiny Letters Log be NOTED",
                   "the convener of the Working Group be authorised to convene a further "
                   "meeting as necessary."]


def test_a_lower_case_action_label_after_a_sentence_opens_the_task() -> None:
    got = {e.text: e.owner for e in entries(
        "3. MATTERS ARISING\n·\nBank\nMandate forms. The bank has requested these be redone due "
        "to too many\ncrossings out. action: JL to resubmit the forms.\n")}
    assert got.get("JL to resubmit the forms.") == "JL"


def test_decided_that_colon_opens_its_limbs_too() -> None:
    got = [" ".join(e.text.split()) for e in entries(
        "5. Letters Log\n\nDECIDED that:\n\n1)  the Scrutiny Letters Log be NOTED; and\n\n"
        "2)  the convener of the Working Group be authorised to convene a further meeting.\n")]
    assert got == ["the Scrutiny Letters Log be NOTED",
                   "the convener of the Working Group be authorised to convene a further "
                   "meeting."]
