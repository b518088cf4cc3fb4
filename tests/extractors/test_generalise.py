"""General mechanisms that must carry over to councils never seen (invented minutes)."""

from __future__ import annotations

import pytest

from .helpers import entries


def _by_text(text: str) -> dict[str, object]:
    return {e.text: e for e in entries(text)}


REVIEW = """Ashworth Parish Council
Minutes of the meeting held on 12 March 2024

1. Apologies
Apologies were received from Cllr Dunn.

2. Actions from the last meeting
PT has completed the survey of the allotment hedges.
RM has put the notice about the footpath closure on the village board.
KB had added the bin collection query to the district council log.
Playground inspection report has been sent to the insurers.
Bus shelter cleaning - ongoing.

3. Village hall roof
The Chairman explained that quotes had been sought from three firms.
"""


def test_review_section_lines_are_actions_with_status():
    got = _by_text(REVIEW)
    done = got["PT has completed the survey of the allotment hedges."]
    assert (done.kind, done.status, done.owner) == ("action", "done", "PT")
    put = got["RM has put the notice about the footpath closure on the village board."]
    # a review line reporting the task carried out reports it complete (spec: done)
    assert (put.kind, put.status, put.owner) == ("action", "done", "RM")
    assert got["KB had added the bin collection query to the district council log."].owner == "KB"
    assert got["Playground inspection report has been sent to the insurers."].status == "done"
    assert got["Bus shelter cleaning - ongoing."].status == "open"


def test_review_section_ends_at_the_next_item():
    got = _by_text(REVIEW)
    assert not any("quotes had been sought" in t for t in got)
    assert len([e for e in got.values() if e.kind == "action"]) == 5


def test_report_lines_outside_a_review_section_are_not_actions():
    text = REVIEW.replace("2. Actions from the last meeting", "2. Village news")
    assert not any(e.text.startswith("PT has completed") for e in entries(text))


def test_matters_arising_with_minute_numbers_and_a_paragraph_of_reports():
    text = """Minutes of the Example Group meeting held on 2 May 2024

12/24 Matters Arising
SB has circulated the revised terms of reference. The Clerk has booked the hall for the open day.

13/24 Planning
No applications were received.
"""
    got = _by_text(text)
    assert got["SB has circulated the revised terms of reference."].owner == "SB"
    assert got["The Clerk has booked the hall for the open day."].kind == "action"


def test_narrative_in_matters_arising_is_not_a_row():
    text = """Minutes of the Example Group meeting held on 2 May 2024

4. Matters arising
The Clerk reported that the fete had been a great success and the Trust had done a good job.
"""
    assert [e for e in entries(text) if e.kind == "action"] == []


TERSE = """Brindle Town Council
Minutes of the meeting held on 5 June 2024

5. Finance
Payments list received and acknowledged.
Grant to the scouts of £250 agreed, proposed by Cllr Hale, seconded by Cllr Moss, all in favour.
Appointment of Cllr Reed as tree warden agreed.
Council agreed to purchase two new litter bins for the recreation ground.
Purchase of a replacement noticeboard agreed, proposed by Cllr Hale, seconded by Cllr Moss.
Bank reconciliation for May received.
Cllr Moss agreed.
"""


def test_terse_parish_outcomes_are_decisions():
    got = _by_text(TERSE)
    for text in ("Payments list received and acknowledged.",
                 "Appointment of Cllr Reed as tree warden agreed.",
                 "Bank reconciliation for May received."):
        assert (got[text].kind, got[text].actionable, got[text].status) == (
            "decision", False, None), text
    grant = next(t for t in got if t.startswith("Grant to the scouts"))
    assert got[grant].kind == "decision"
    assert "all in favour" in grant


def test_terse_outcomes_that_direct_a_step_are_actionable():
    got = _by_text(TERSE)
    assert got["Council agreed to purchase two new litter bins for the recreation ground."
               ].actionable is True
    buy = next(t for t in got if t.startswith("Purchase of a replacement noticeboard"))
    assert got[buy].actionable is True


def test_a_person_agreeing_is_not_a_terse_outcome():
    assert not any(t.startswith("Cllr Moss agreed") for t in _by_text(TERSE))


COMMIT = """Corporate Parenting Panel
Minutes of the meeting held on 3 October 2024

6. Care leavers update
Officers were expecting to bring a report on the local offer to the next meeting.
The Council will examine any sites offered for new children's homes.
The Director intended to circulate the revised protocol to Members.
KCC would liaise with district councils to identify suitable land.
The findings will be discussed at the Health and Wellbeing Board meeting in November.
Each month the Director would present an update on placement numbers.
The service aimed to reduce the number of out of county placements by March 2025.
Members hoped that more foster carers would come forward.
The Chair felt that the service would benefit from more social workers.
Numbers of unaccompanied children were expected to rise over the winter.
Officers expected that demand would increase next year.
The new system will go live in April.
"""


def test_future_commitments_without_agreed_to_are_actions():
    got = _by_text(COMMIT)
    expect = {
        "Officers were expecting to bring a report on the local offer to the next meeting.":
            "Officers",
        "The Council will examine any sites offered for new children's homes.": "The Council",
        "The Director intended to circulate the revised protocol to Members.": "The Director",
        "KCC would liaise with district councils to identify suitable land.": "KCC",
        "The findings will be discussed at the Health and Wellbeing Board meeting in November.":
            None,
    }
    for text, owner in expect.items():
        assert got[text].kind == "action", text
        assert got[text].owner == owner, text


def test_aims_routines_views_and_forecasts_are_not_commitments():
    got = _by_text(COMMIT)
    for start in ("Each month", "The service aimed", "Members hoped", "The Chair felt",
                  "Numbers of", "Officers expected that", "The new system"):
        assert not any(t.startswith(start) for t in got), start


def test_reported_and_progressive_commitments():
    got = _by_text("""Town Council
Minutes of the meeting held on 3 October 2024

6. Planning
Mr Green explained that the highways team were expecting to bring a report to the next meeting.
The Leader advised that the Council would be writing to the Secretary of State.
The remaining questions from residents would be answered in writing after the meeting.
The Town Clerk is to obtain three quotes for the bus shelter.
""")
    owners = {t.split()[0] + " " + t.split()[1]: e.owner for t, e in got.items()
              if e.kind == "action"}
    assert owners == {"Mr Green": "the highways team", "The Leader": "the Council",
                      "The remaining": None, "The Town": "The Town Clerk"}


def test_numbered_matters_arising_rows_and_action_log_labels():
    got = _by_text("""Village Council
Minutes of the meeting held on 3 October 2024

3. Matters arising from the previous meeting
1. JB to contact the school about the crossing – done
2. Clerk to obtain quotes for the hedge cutting – ongoing
3. Noticeboard repaired by the handyman.

4. Review of action log
Action 3: Clerk to write to Highways about the drain. Completed.
Action 5: Chair to meet the school head – carried forward.

5. Correspondence
A letter from a resident about parking was read out.
""")
    status = {t: e.status for t, e in got.items() if e.kind == "action"}
    assert status == {
        "JB to contact the school about the crossing – done": "done",
        "Clerk to obtain quotes for the hedge cutting – ongoing": "open",
        "Noticeboard repaired by the handyman.": "done",
        "Clerk to write to Highways about the drain.": "done",
        "Chair to meet the school head – carried forward.": "open",
    }


@pytest.mark.parametrize("name", ["REVIEW", "TERSE", "COMMIT"])
def test_same_entries_from_html_and_pdf(name, tmp_path):
    from minutes.extractors import extract
    from minutes.pipeline.readers import read_path
    from tests.test_formats import differences, render

    txt = tmp_path / f"{name}.txt"
    txt.write_text(globals()[name], encoding="utf-8")
    found = {"txt": extract(read_path(txt))}
    (tmp_path / f"{name}.html").write_text(render.render_item_html(txt.read_text()), "utf-8")
    (tmp_path / f"{name}.pdf").write_bytes(render.render_item_pdf(txt.read_text()))
    for fmt in ("html", "pdf"):
        found[fmt] = extract(read_path(tmp_path / f"{name}.{fmt}"))
    assert found["txt"]
    assert differences(name, found) == []


def test_review_opened_by_a_sentence_or_inline_heading():
    got = _by_text("""Example Residents Forum
Minutes of the meeting held on 2 May 2024

2. Previous meeting
The actions from the last meeting were reviewed:
SB has circulated the revised terms of reference.

3. Matters arising. DW has completed the litter audit. AB has redistributed the rota.

4. Budget
The treasurer has reported on the accounts.
""")
    actions = {t: e.status for t, e in got.items() if e.kind == "action"}
    assert actions == {"SB has circulated the revised terms of reference.": "done",
                       "DW has completed the litter audit.": "done",
                       "AB has redistributed the rota.": "done"}


def test_passive_terse_outcomes_and_what_they_are_not():
    got = _by_text("""Parish Council
Minutes of the meeting held on 5 June 2024

7. Finance
The donation of £100 to the British Legion was agreed.
The quarterly accounts were received and acknowledged by the council.
Resolved: the council to apply for a grant from the lottery fund.
No other nominations were received.
Following the debate, the Chairman put the amendment to the vote and it was agreed.
Substantive Motion carried.
""")
    kinds = {t: (e.kind, e.actionable) for t, e in got.items()}
    assert kinds["The donation of £100 to the British Legion was agreed."] == ("decision", True)
    assert kinds["The quarterly accounts were received and acknowledged by the council."] == (
        "decision", False)
    assert kinds["the council to apply for a grant from the lottery fund."] == ("decision", True)
    assert not any(t.startswith(("No other", "Following the debate", "Substantive"))
                   for t in kinds)


def test_views_and_hopes_about_future_steps_are_not_commitments():
    got = _by_text("""Town Council
Minutes of the meeting held on 3 October 2024

6. Views
Cllr Brown suggested that officers would contact the residents directly.
The Chair expressed the hope that the County Council will repair the road soon.
Cllr Ali was confident that the developer will submit a revised application.
The general feeling was that the Town Council will write to the MP.
Cllr Gray will circulate the survey results to all members.
""")
    assert [t for t, e in got.items() if e.kind == "action"] == [
        "Cllr Gray will circulate the survey results to all members."]


def test_review_rows_with_joint_actors_and_ongoing_work():
    got = _by_text("""Village Council
Minutes of the meeting held on 3 October 2024

3. Actions from the last meeting
The Chair and Clerk have met the headteacher about parking.
JB and Cllr Fox have both completed the speed watch training.
KL is chasing the insurers.

4. Correspondence
""")
    rows = {t: (e.owner, e.status) for t, e in got.items() if e.kind == "action"}
    assert rows == {
        "The Chair and Clerk have met the headteacher about parking.": (
            "The Chair and Clerk", "done"),
        "JB and Cllr Fox have both completed the speed watch training.": (
            "JB and Cllr Fox", "done"),
        "KL is chasing the insurers.": ("KL", "open"),
    }


def test_a_pronoun_sent_to_a_named_meeting_is_a_commitment():
    got = _by_text("""Town Council
Minutes of the meeting held on 3 October 2024

6. Items
This will be discussed at the next Finance Committee meeting.
It will be considered at the Planning Committee next month.
This would be helpful for residents.
It will be difficult to fund the scheme.
""")
    assert sorted(t for t, e in got.items() if e.kind == "action") == [
        "It will be considered at the Planning Committee next month.",
        "This will be discussed at the next Finance Committee meeting."]


def test_a_recorded_vote_listing_forty_members_does_not_stall_the_review_patterns():
    """Regression: the action-log row patterns backtracked exponentially over a comma
    list of names (Kent County Council's recorded votes hung extraction for minutes)."""
    import signal

    from minutes.extractors import review

    names = ", ".join(f"Mr {chr(65 + i % 26)}{'abcdefghij'[i % 10]}ker" for i in range(40))
    line = names + ", Mrs Zed."  # no verb after the names: every split is tried

    def stalled(*_):
        raise TimeoutError("review patterns backtrack over a list of names")

    old = signal.signal(signal.SIGALRM, stalled)
    signal.alarm(30)  # a guard against a hang, not a speed target: it takes milliseconds
    try:
        assert isinstance(review.reports_done(line), bool)  # it returns at all
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
