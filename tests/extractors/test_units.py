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


def test_a_numbered_list_run_on_in_one_paragraph_becomes_one_unit_per_limb():
    from minutes.extractors.units import build_units
    from minutes.pipeline.readers.text import read_text

    doc = read_text(b"SYNOPSIS OF THE BOARD MEETING HELD 05/04/09 1. Minutes were approved. "
                    b"2. Voted not to consider a rise at this time. 3. Voted to accept the plan "
                    b"as presented. 4. The adviser reviewed page 2. Of note was growth.", "x.txt")
    got = [(u.enum.label if u.enum else None, " ".join(doc.text[u.start:u.end].split()))
           for u in build_units(doc)]
    assert got == [(None, "SYNOPSIS OF THE BOARD MEETING HELD 05/04/09"),
                   ("1", "1. Minutes were approved."),
                   ("2", "2. Voted not to consider a rise at this time."),
                   ("3", "3. Voted to accept the plan as presented."),
                   ("4", "4. The adviser reviewed page 2. Of note was growth.")]


def test_numbers_that_do_not_run_in_order_leave_the_paragraph_whole():
    from minutes.extractors.units import build_units
    from minutes.pipeline.readers.text import read_text

    doc = read_text(b"The report at item 4. Set out the budget for year 2. Members noted section "
                    b"7. Further work on option 3. Would follow in the spring next year.", "x.txt")
    assert len(build_units(doc)) == 1


def test_bullets_run_on_in_one_line_become_one_unit_each():
    from minutes.extractors.units import build_units
    from minutes.pipeline.readers.text import read_text

    doc = read_text("Item 3 Cr Pratt • Shire Ball 2009 – suggested date • Council to consider "
                    "advertising in the Shire brochure.\n".encode(), "x.txt")
    got = [" ".join(doc.text[u.start:u.end].split()) for u in build_units(doc)]
    assert got == ["Item 3 Cr Pratt", "• Shire Ball 2009 – suggested date",
                   "• Council to consider advertising in the Shire brochure."]


def test_a_section_number_glued_to_its_first_word_is_still_an_enumerator():
    from minutes.extractors.units import build_units
    from minutes.pipeline.readers.text import read_text

    doc = read_text(b"4.1The Board agreed to continue the plan.\n\n4.2The Board noted the "
                    b"updates.\n\nThe 3.5MW scheme was discussed.\n", "x.txt")
    got = [(u.enum.label if u.enum else None, doc.text[u.enum.end if u.enum else u.start:u.end])
           for u in build_units(doc)]
    assert got == [("4.1", "The Board agreed to continue the plan."),
                   ("4.2", "The Board noted the updates."),
                   (None, "The 3.5MW scheme was discussed.")]


def test_a_line_ending_with_and_or_of_runs_on_into_a_capitalised_line():
    from minutes.extractors.units import build_units
    from minutes.pipeline.readers.text import read_text

    doc = read_text(b"Details of decision\nDelegate authority to the Director of Housing and\n"
                    b"Regeneration, with the Chair, to let the contract.\nDate of decision\n",
                    "x.txt")
    got = [" ".join(doc.text[u.start:u.end].split()) for u in build_units(doc)]
    assert "Delegate authority to the Director of Housing and Regeneration, with the Chair, " \
           "to let the contract." in got
