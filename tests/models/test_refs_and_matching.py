"""Pure helpers: entry refs, fingerprints, token F1 and entry matching."""

from __future__ import annotations

from datetime import date

import pytest

from minutes.models.fingerprint import fingerprint, token_f1, tokens
from minutes.models.matching import Candidate, match
from minutes.models.refs import (
    committee_code,
    item_label,
    limb_refs,
    ref_prefix,
    source_slug,
    source_stem,
    with_suffix,
)
from minutes.models.store import paragraph_around


@pytest.mark.parametrize(("name", "code"), [
    ("Cabinet", "CAB"),
    ("Overview and Scrutiny Committee", "OSC"),
    ("The Council", "COU"),
    ("Health & Wellbeing Board", "HWB"),
    ("Committee of the Whole", "CW"),
    ("---", "MTG"),
])
def test_committee_code(name: str, code: str) -> None:
    assert committee_code(name) == code


def test_prefix_and_limbs() -> None:
    prefix = ref_prefix("Cabinet", date(2025, 1, 30), "/x/y.txt")
    assert prefix == "CAB-2025-01-30"
    assert limb_refs(prefix, ["84.", "84", "85", None, None, "5 (a)"]) == [
        "CAB-2025-01-30-84.1", "CAB-2025-01-30-84.2", "CAB-2025-01-30-85.1",
        "CAB-2025-01-30-1", "CAB-2025-01-30-2", "CAB-2025-01-30-5a.1"]
    assert ref_prefix(None, date(2025, 1, 30), "/x") == "2025-01-30"
    assert ref_prefix("Cabinet", None, "/x") == "CAB"
    assert ref_prefix(None, None, "/data/000_9b30c0ffee.txt") == "000_9b30"


def test_slug_and_labels() -> None:
    assert source_slug("https://x.gov.uk/documents/g77/Printed minutes 30th-Jan.pdf?T=1") \
        == "printed"
    assert source_slug("C:\\papers\\Minutes.PDF") == "minutes"
    assert source_slug("https://x.gov.uk/") == "x_gov"
    assert source_slug("/") == "doc"
    assert source_stem("https://x.gov.uk/documents/g77/Printed Minutes.pdf?T=1") == \
        "printed minutes"
    assert source_stem("/a/b/000_9b30a9.txt") == "000_9b30a9"
    assert item_label(" 84. ") == "84" and item_label("...") is None and item_label(None) is None
    assert item_label("Item 7") == "7" and item_label("Minute 84.") == "84"
    assert item_label("5 (a)") == "5a" and item_label("Part B") == "partb"
    assert [with_suffix("R", n) for n in (0, 1, 2, 25, 26)] == ["R", "R-b", "R-c", "R-z", "R-27"]


def test_fingerprint_and_f1() -> None:
    assert tokens("RESOLVED – That the Report be NOTED.") == [
        "resolved", "that", "the", "report", "be", "noted"]
    assert fingerprint("That the report be noted") == fingerprint("that the REPORT, be noted.")
    assert fingerprint("That the report be noted") != fingerprint("That the report be approved")
    assert token_f1("a b c d", "a b c d") == 1.0
    assert token_f1("a b", "c d") == 0.0
    assert token_f1("", "a") == 0.0
    assert token_f1("a b c d e f g h i j", "a b c d e f g h i k") == pytest.approx(0.9)


def test_match_rules() -> None:
    long_text = "The Head of Libraries to review the mobile library timetable by June."
    old = [Candidate("decision", "That the report be noted.", "12"),
           Candidate("decision", "That the report be noted.", "13"),
           Candidate("action", long_text, "84")]
    new = [Candidate("decision", "That the report be noted.", "13"),  # same item wins
           Candidate("decision", "That the report be noted.", "14"),  # short, other item
           Candidate("action", long_text.replace("June", "July"), "5"),  # distinctive, F1
           Candidate("decision", "That the report be noted.", None)]  # no item: compatible
    assert match(new, old) == [1, None, 2, 0]
    # kind must agree for near-identical text, not for an exact fingerprint
    assert match([Candidate("decision", long_text.replace("June", "July"), "84")],
                 [Candidate("action", long_text, "84")]) == [None]
    assert match([Candidate("decision", long_text, "84")],
                 [Candidate("action", long_text, "84")]) == [0]
    # each old entry is matched once: a repeated line in one document is two entries
    assert match([Candidate("action", long_text), Candidate("action", long_text)],
                 [Candidate("action", long_text)]) == [0, None]


def test_paragraph_around() -> None:
    text = "Heading\nFirst sentence. The quote here. Last.\nNext"
    start = text.index("The quote")
    assert paragraph_around(text, start, start + 15) == "First sentence. The quote here. Last."
    # offsets that do not hold the quote fall back to finding it
    assert paragraph_around(text, 0, 3, "Next") == "Next"
    assert paragraph_around(text, 0, 3, "absent") == ""
    assert paragraph_around("", 0, 0) == ""
