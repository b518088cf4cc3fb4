"""The spec's examples from the seed minutes, checked end to end."""

from __future__ import annotations

from datetime import date

import pytest

from minutes.extractors import extract
from minutes.pipeline.readers import read_path

from .helpers import seed_path


def seed_entries(number: str, meeting_date: date | None = None):
    doc = read_path(str(seed_path(number)))
    return doc, extract(doc, meeting_date=meeting_date)


def find(entries, start: str):
    hits = [e for e in entries if e.text.startswith(start)]
    assert hits, f"no entry starts with {start!r}: {[e.text[:50] for e in entries]}"
    return hits[0]


def test_seed_002_recommendation_limb_has_no_owner():
    _, found = seed_entries("002")
    e = find(found, "Feedback from the third sector")
    assert (e.kind, e.owner, e.actionable, e.status) == ("recommendation", None, True, "open")
    assert not e.text.startswith("a)")


def test_seed_002_actions_agreed_limb_is_an_action():
    _, found = seed_entries("002")
    e = find(found, "That the rag rating system")
    assert e.kind == "action" and e.actionable


def test_seed_002_standing_processes_are_not_extracted():
    _, found = seed_entries("002")
    assert not [e for e in found if "Each month the Director" in e.text]
    assert not [e for e in found if "every month" in e.text]


def test_seed_004_noted_limb_is_not_actionable():
    _, found = seed_entries("004")
    e = find(found, "The Children’s Services Strategy and Delivery Priorities be noted")
    assert (e.kind, e.actionable, e.status) == ("decision", False, None)
    assert len(found) == 2


def test_seed_000_nancy_meehan_action():
    _, found = seed_entries("000")
    assert len(found) == 1
    e = found[0]
    assert e.text.startswith("Nancy Meehan agreed to take this suggestion back")
    assert (e.kind, e.owner, e.status) == ("action", "Nancy Meehan", "open")


def test_seed_003_action_list_due_and_status():
    _, found = seed_entries("003", date(2022, 4, 11))
    first = find(found, "Following consultation with the Director")
    assert first.status == "done"
    assert "Action completed" not in first.text
    e = find(found, "Incorporate into the CCIP the recommendations")
    assert (e.kind, e.status) == ("action", "open")
    assert e.due_date == date(2022, 5, 18)


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_seed_offsets_point_at_the_quote(number):
    doc, found = seed_entries(number)
    assert found
    for e in found:
        quote = " ".join(doc.text[e.start:e.end].split())
        assert quote.startswith(e.text[:40]), (quote[:60], e.text[:60])
        assert e.rule and "kind" in e.why


def _rendering(number: str, folder: str, suffix: str):
    found = sorted((seed_path(number).parent / folder).glob(f"{number}_*.{suffix}"))
    if not found:
        pytest.skip(f"no {suffix} rendering of seed {number} in samples/{folder}")
    return found[0]


def _summary(path) -> list[tuple[str, bool, str | None, str]]:
    entries = extract(read_path(str(path)))
    return [(e.kind, e.actionable, e.status, " ".join(e.text.split())[:60]) for e in entries]


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
@pytest.mark.parametrize("folder,suffix", [("html", "html"), ("pdf", "pdf")])
def test_html_and_pdf_renderings_give_the_text_entries(number, folder, suffix):
    assert _summary(_rendering(number, folder, suffix)) == _summary(seed_path(number))
