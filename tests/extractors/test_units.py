"""How text becomes units: hard-wrapped lines, list markers."""

from __future__ import annotations


def test_a_list_marker_alone_on_its_line_starts_the_limb_below_it():
    from minutes.extractors.units import build_units
    from minutes.pipeline.readers.text import read_text

    doc = read_text(b"Decision:\n1.\nTo\napprove the business case,\nsubject to funding.\n"
                    b"2. To\nrequest a further report.\n", "x.txt")
    got = [(u.enum.style if u.enum else None, " ".join(doc.text[u.start:u.end].split()))
           for u in build_units(doc)]
    assert got == [(None, "Decision:"),
                   ("num0", "1. To approve the business case, subject to funding."),
                   ("num0", "2. To request a further report.")]
