"""find_due: every reading rule, on invented council sentences."""

from __future__ import annotations

import time
from datetime import date

import pytest

from minutes.extractors.dates import find_due

M = date(2024, 1, 10)  # a Wednesday
LATE = date(2024, 11, 20)

CASES = [
    # month alone / month and year -> last day of the month
    ("The Head of Housing to report back by April 2025.", M, "by April 2025", date(2025, 4, 30)),
    ("A revised policy will be brought to Cabinet in September 2024.", M,
     "in September 2024", date(2024, 9, 30)),
    ("Officers to circulate the draft by the end of March 2024.", M,
     "by the end of March 2024", date(2024, 3, 31)),
    ("Officers to circulate the draft by end March 2025.", M, "by end March 2025",
     date(2025, 3, 31)),
    ("The survey will close before Sept. 2024 ends.", M, "before Sept. 2024", date(2024, 9, 30)),
    # a month without a year: the first one ending on or after the meeting
    ("The clerk to obtain three quotes by March.", M, "by March", date(2024, 3, 31)),
    ("The clerk to obtain three quotes by March.", LATE, "by March", date(2025, 3, 31)),
    ("Members to send comments before the end of January.", M,
     "before the end of January", date(2024, 1, 31)),
    # calendar quarters; financial-year quarters stay null
    ("The new system will be live in Q2 2025.", M, "in Q2 2025", date(2025, 6, 30)),
    ("Implementation is due by Q4 2024.", M, "due by Q4 2024", date(2024, 12, 31)),
    ("A progress report to come back in Q3 2024/25.", M, "in Q3 2024/25", None),
    ("The review to conclude by the third quarter of 2024.", M,
     "by the third quarter of 2024", date(2024, 9, 30)),
    # days with and without a year
    ("The contractor to finish the works by 31 March 2025.", M, "by 31 March 2025",
     date(2025, 3, 31)),
    ("Responses to be returned on the 18 May.", M, "on the 18 May", date(2024, 5, 18)),
    ("Responses to be returned by 18th May.", M, "by 18th May", date(2024, 5, 18)),
    ("Responses to be returned by 5 January.", M, "by 5 January", date(2025, 1, 5)),
    ("Responses to be returned by the 10th of January.", M, "by the 10th of January",
     date(2024, 1, 10)),
    ("Action: update the asset register by Friday 14 June 2024.", M,
     "by Friday 14 June 2024", date(2024, 6, 14)),
    # numeric dates: day-first unless impossible or the text writes US dates
    ("Comments to the Clerk by 1/4/2025.", M, "by 1/4/2025", date(2025, 4, 1)),
    ("Comments to the Clerk by 01.04.2025.", M, "by 01.04.2025", date(2025, 4, 1)),
    ("Comments to the Clerk by 4/13/2025.", M, "by 4/13/2025", date(2025, 4, 13)),
    ("ACTION: JB to circulate the revised terms by 14/02.", M, "by 14/02", date(2024, 2, 14)),
    ("ACTION: JB to circulate the revised terms by 14/1.", LATE, "by 14/1", date(2025, 1, 14)),
    ("Comments to the Clerk by 3/2/24.", M, "by 3/2/24", date(2024, 2, 3)),
    ("Bids due April 1, 2025; the award to follow by 5/6/2025.", M, "by 5/6/2025",
     date(2025, 5, 6)),
    ("The draft to be published by 2024-06-30.", M, "by 2024-06-30", date(2024, 6, 30)),
    # US style written dates
    ("Staff to return the item to the Commission on March 12, 2024.", M,
     "on March 12, 2024", date(2024, 3, 12)),
    ("Staff to report back on May 7th.", M, "on May 7th", date(2024, 5, 7)),
    # "before", "prior to", "no later than", "by" all mean the date itself
    ("Papers to be sent prior to 20 February 2024.", M, "prior to 20 February 2024",
     date(2024, 2, 20)),
    ("Papers to be sent no later than 20 February 2024.", M,
     "no later than 20 February 2024", date(2024, 2, 20)),
    ("Papers to be sent before 20 February 2024.", M, "before 20 February 2024",
     date(2024, 2, 20)),
    # relative periods count from the meeting
    ("The Director to respond within six months.", M, "within six months", date(2024, 7, 10)),
    ("The Director to respond within 28 days.", M, "within 28 days", date(2024, 2, 7)),
    ("The Director to respond within two weeks.", M, "within two weeks", date(2024, 1, 24)),
    ("Officers to reply within the next fortnight.", M, "within the next fortnight",
     date(2024, 1, 24)),
    ("Officers to reply within 5 working days.", M, "within 5 working days", date(2024, 1, 17)),
    ("A further update in three months' time.", M, "in three months' time", date(2024, 4, 10)),
    ("The Director to respond within six months.", None, "within six months", None),
    ("The Director to respond within 28 days of the meeting.", M,
     "within 28 days of the meeting", date(2024, 2, 7)),
    # several dates: the last one by which the task is complete
    ("Consult between 12 February and 8 March 2024 and report by 30 April 2024.", M,
     "by 30 April 2024", date(2024, 4, 30)),
    ("Meetings to be arranged between 26 April and 4 May.", M, "between 26 April and 4 May",
     date(2024, 5, 4)),
    ("Setting 14 March 2024 as the closing date and 2 April 2024 as the date of the hearing.", M,
     "Setting 14 March 2024 as the closing date and 2 April 2024", date(2024, 4, 2)),
    # a meeting named by its month
    ("Northern Water to be invited to attend the March meeting.", M, "the March meeting",
     date(2024, 3, 31)),
    ("The item to be brought back to the December meeting of the Board.", LATE,
     "to the December meeting of the Board", date(2024, 12, 31)),
    ("The item to be brought back to the January meeting.", LATE,
     "to the January meeting", date(2025, 1, 31)),
    ("A report to the next Committee meeting in June.", M,
     "to the next Committee meeting in June", date(2024, 6, 30)),
    ("Continue the application to the meeting of 12 February 2024.", M,
     "to the meeting of 12 February 2024", date(2024, 2, 12)),
    ("The item to be brought back to the January meeting.", None, "to the January meeting",
     None),
    ("The Chair to update members at the next meeting on 5 March 2024.", M,
     "at the next meeting on 5 March 2024", date(2024, 3, 5)),
    ("Progress must be evident by the next monitoring visit in February 2025.", M,
     "by the next monitoring visit in February 2025", date(2025, 2, 28)),
    ("The appeal will be considered at the next hearing.", M, "at the next hearing", None),
    ("The works to be finished by the end of Q3 2024.", M, "by the end of Q3 2024",
     date(2024, 9, 30)),
    ("Officers to reply within 3 months of the date of this meeting.", M, "within 3 months",
     date(2024, 4, 10)),
    ("Officers to reply within 3 months of receipt of the request.", M,
     "within 3 months of receipt of the request", None),
    ("Bids to be returned no later than 5pm on 12 March 2024.", M, "on 12 March 2024",
     date(2024, 3, 12)),
    ("The item to come to the February Cabinet.", M, "to the February Cabinet",
     date(2024, 2, 29)),
    ("Officers to report by the end of the 2024/25 financial year.", M,
     "by the end of the 2024/25 financial year", None),
    ("Send the cards before Christmas.", M, "before Christmas", None),
    ("Circulate the figures when available.", M, "when available", None),
    ("Papers to go to the next meeting of the Committee, scheduled for 5 March 2024.", M,
     "to the next meeting of the Committee, scheduled for 5 March 2024", date(2024, 3, 5)),
    ("Motion to table the item until the next meeting carried 5-0.", M,
     "until the next meeting", None),
    ("Officers to report no later than the end of March.", M,
     "no later than the end of March", date(2024, 3, 31)),
    ("Motion to continue the public hearing to September 12, 2024 carried.", M,
     "to September 12, 2024", date(2024, 9, 12)),
    ("Staff will bring back the item at the second meeting in October.", M,
     "at the second meeting in October", date(2024, 10, 31)),
    ("Reply by COB Friday.", M, "by COB Friday", date(2024, 1, 12)),
    # a weekday alone: the first such day after the meeting
    ("The Clerk to circulate the notes by Friday.", M, "by Friday", date(2024, 1, 12)),
    ("The Clerk to circulate the notes by Wednesday.", M, "by Wednesday", date(2024, 1, 17)),
    ("The Clerk to circulate the notes next Monday.", M, "next Monday", date(2024, 1, 15)),
    # week commencing: that week's last day
    ("Site visit to take place w/c 5 February 2024.", M, "w/c 5 February 2024",
     date(2024, 2, 11)),
    # end of the month / year from the meeting
    ("Officers to finalise the plan before the end of the year.", M,
     "before the end of the year", date(2024, 12, 31)),
    ("Officers to finalise the plan by the end of next month.", M,
     "by the end of next month", date(2024, 2, 29)),
    ("Officers to finalise the plan by the end of the financial year.", M,
     "by the end of the financial year", None),
    ("Officers to finalise the plan by 2026.", M, "by 2026", date(2026, 12, 31)),
    # deferrals
    ("That the report be deferred until 11 April 2024.", M, "until 11 April 2024",
     date(2024, 4, 11)),
    ("The item was postponed to 7 March 2024.", M, "to 7 March 2024", date(2024, 3, 7)),
    # null dates that still set when it is due
    ("The Chair to update members at the next meeting.", M, "at the next meeting", None),
    ("A report to be brought to a future meeting of the Panel.", M,
     "to a future meeting of the Panel", None),
    ("A report would be presented at the next Audit and Standards Committee.", M,
     "at the next Audit and Standards Committee", None),
    ("The minutes to be circulated before the next meeting.", M, "before the next meeting", None),
    ("Copies to be supplied to Members before their meeting.", M, "before their meeting", None),
    ("The Treasurer would meet the auditors following the meeting.", M,
     "following the meeting", None),
    ("A written response would be sent in due course.", M, "in due course", None),
    ("The Clerk to reply as soon as possible.", M, "as soon as possible", None),
    ("The trial will be reviewed in the summer.", M, "in the summer", None),
    ("The trial will be reviewed by Spring 2025.", M, "by Spring 2025", None),
    ("The hedges will be cut when the nesting season is over.", M, None, None),
    ("The path will be reopened when the new bridge comes into operation.", M,
     "when the new bridge comes into operation", None),
    ("A full review will take place as part of the annual review of the Constitution.", M,
     "as part of the annual review of the Constitution", None),
    ("Officers to report back by mid-March 2024.", M, "by mid-March 2024", None),
    ("Completion is expected around April 2024.", M, "around April 2024", None),
    ("The Chair would be invited to attend future meetings.", M, "future meetings", None),
    ("Members to bring their views to the Autumn term meeting 2024.", M,
     "to the Autumn term meeting 2024", None),
    ("A paper to be circulated during the coming week.", M, "during the coming week", None),
    ("The Town Clerk undertook to make these changes for future reports.", M,
     "for future reports", None),
    # infinitives after a past verb are still commitments
    ("Officers were asked to report back in March 2024.", M, "in March 2024", date(2024, 3, 31)),
    ("Members agreed to report on 5 February.", M, "on 5 February", date(2024, 2, 5)),
    ("A report was already scheduled for the next meeting of the Board.", M,
     "scheduled for the next meeting of the Board", None),
    ("The Board will meet after this Board meeting to agree the plan.", M,
     "after this Board meeting", None),
    ("Staff to report to the February 12, 2024 Planning Commission meeting.", M,
     "to the February 12, 2024 Planning Commission meeting", date(2024, 2, 12)),
    ("The scheme is to be reviewed in the next ten years.", M, "in the next ten years", None),
    ("The first phase, to be held between 3 and 9 March 2024, is agreed.", M,
     "between 3 and 9 March 2024", date(2024, 3, 9)),
    # a terse action-log row: a date with no preposition
    ("Update the risk register – JS – 31/05/2024", M, "31/05/2024", date(2024, 5, 31)),
    ("Deadline: 15 March 2024. Circulate the revised terms of reference.", M,
     "Deadline: 15 March 2024", date(2024, 3, 15)),
]

NEGATIVE = [
    # narrative dates, start dates, durations, past meetings
    ("That the minutes of the meeting held on 31 March 2023 be approved.", M),
    ("The report dated 3 January 2024 was considered.", M),
    ("The new charges apply from April 2024.", M),
    ("With effect from 1 April 2024 the fees rise by 3%.", M),
    ("The scheme will run for a further six months.", M),
    ("The arrangements were extended for a period of 6 months.", M),
    ("That the decisions made by Cabinet at their meeting on 10 January 2024 be noted.", M),
    ("The accounts for the year ended 31 March 2023 were approved.", M),
    ("The investment report for the quarter ending December 31, 2023 was received.", M),
    ("The event was held on 18 December 2023 and was well attended.", M),
    ("The minutes of the committees held between 1 October 2023 and 5 January 2024.", M),
    ("The constitution, as agreed in July 2023, remains in place until October 2024.", M),
    ("Ms Green was approved as Chair until the date of the summer term meeting 2025.", M),
    ("The timetable under which the Minister will lay the Order in March 2024 be noted.", M),
    ("Funding for schools was confirmed in 2023/24.", M),
    ("The Chair and Vice Chair would hold a meeting to discuss future items.", M),
    ("The working group may convene a further meeting as necessary.", M),
    ("The Officer said that the meeting would address the roles of the two committees.", M),
    ("It was noted that the May fair raised £400.", M),
    ("Residents may wish to attend.", M),
    ("Councillor March agreed to contact the school.", M),
    ("The following meetings held in 2023 were noted.", M),
    ("The grant of £2,000 was received last March.", M),
    ("Orders for July 1 - 15, 2023 were approved.", M),
    ("A 2/3 majority of members agreed the change.", M),
    ("The vote was carried on 7/2.", M),
    ("The grant ran from 1 April 2023 to 31 March 2024.", M),
    ("The bins are collected on Mondays.", M),
    ("The report was sent to the Executive on the 13th of July.", M),
    ("The Strategic Plan was endorsed by Cabinet on 28 October.", M),
    ("Centrally retained items were agreed by the Forum in December 2022 and January 2023.", None),
    ("There were 1800 cases at the end of July 2023, now down to 760.", None),
    ("Written questions had been submitted in advance of the meeting.", M),
    ("Questions from the public would be taken at the end of the meeting.", M),
    ("Members should consider decisions published in the five working days before this meeting.",
     M),
    ("Councillor Smith said that, after a meeting with the landlord, the rent was agreed.", M),
    ("The minutes of the 29th April meeting were agreed and signed.", M),
    ("That the agenda for the 10 January 2024 Planning Committee meeting be adopted.", M),
    ("The update provided after the last meeting was welcomed.", M),
    ("15/03/2024 - Highway works - item deferred", M),
    ("Decision published: 15/03/2024", M),
    ("Planning Committee    4 October 2023", None),
    ("Upcoming decisions of the Cabinet can be seen in the Forward Plan.", M),
    ("In May Cabinet members visited the site.", M),
    ("The item will remain on the agenda until the next meeting.", M),
    ("", M),
]


@pytest.mark.parametrize(("text", "meeting", "due_text", "due_date"), CASES)
def test_find_due(text: str, meeting: date | None, due_text: str | None,
                  due_date: date | None) -> None:
    got_text, got_date, why = find_due(text, meeting)
    assert (got_text, got_date) == (due_text, due_date), why
    assert why
    if got_text is not None:
        assert got_text in text  # verbatim


@pytest.mark.parametrize(("text", "meeting"), NEGATIVE)
def test_not_a_deadline(text: str, meeting: date | None) -> None:
    got_text, got_date, why = find_due(text, meeting)
    assert (got_text, got_date) == (None, None), why


def test_day_without_year_needs_a_meeting_date() -> None:
    assert find_due("Comments to be sent by 18 May.", None)[1] is None
    assert find_due("Comments to be sent by 18 May.", date(2024, 6, 1))[1] == date(2025, 5, 18)


def test_meeting_date_itself_counts_as_on_or_after() -> None:
    assert find_due("Reply by 10 January.", M)[1] == date(2024, 1, 10)


def test_dates_before_the_meeting_are_not_deadlines() -> None:
    assert find_due("Officers to report by 31 March 2023.", M) [1] is None


def test_leap_day_without_year_takes_the_next_leap_year() -> None:
    assert find_due("Return the forms by 29 February.", date(2025, 3, 1))[1] == date(2028, 2, 29)


def test_fast_on_long_text() -> None:
    text = ("The Committee considered the report and the officers agreed to reply. " * 60
            + "Officers to report back by 31 March 2025.")
    start = time.perf_counter()
    got = find_due(text + " x", M)
    assert got[1] == date(2025, 3, 31)
    assert time.perf_counter() - start < 0.5


def test_a_yearless_range_ends_after_the_meeting() -> None:
    text = "Meetings with partners to be held between 26 April and 4 May."
    assert find_due(text, date(2024, 5, 2)) == ("between 26 April and 4 May", date(2024, 5, 4),
                                                 "day without year -> on/after meeting")


@pytest.mark.parametrize("text", [
    "On 17th December, Mr Hale visited the new library in Ashford.",
    "In December Mrs Hale ran a competition for the best card design.",
    "A letter was sent to council leaders in July about the review.",
    "Mr Lyle referred to the 7 November meeting and the debate there.",
    "The draft budget published in October before the Autumn Budget statement.",
    "In Q2 there had been 119 empty homes brought back into use.",
    "The charge was set at 2018 levels and continued to 2018.",
])
def test_past_narrative_is_not_a_deadline(text: str) -> None:
    assert find_due(text, date(2024, 12, 19))[1] is None


def test_a_yearless_point_date_almost_a_year_ahead_is_read_as_past() -> None:
    assert find_due("The river flooded its banks on 6th January.", date(2025, 1, 30))[1] is None
    assert find_due("Reply by 6 January.", date(2025, 1, 30))[1] == date(2026, 1, 6)
    got = find_due("Officers to report back in November.", date(2024, 12, 19))
    assert got[1] == date(2025, 11, 30)


def test_next_meeting_date_from_the_document() -> None:
    from minutes.extractors.dates import next_meeting_date

    doc = ("Minutes of the Parish Council, 30 October 2023.\n"
           "5. Clerk: for agenda at next meeting.\n"
           "The next meeting will be held on Tuesday January 30th at 7.00 pm in the Hall.\n")
    assert next_meeting_date(doc, date(2023, 10, 30)) == date(2024, 1, 30)
    assert next_meeting_date("The next meeting is to be arranged.", date(2023, 10, 30)) is None
    two = "Next meeting: 5 March 2024. The next meeting after that: 9 April 2024."
    assert next_meeting_date(two, date(2024, 1, 10)) is None
    past = "The next meeting was held on 2 October 2023."
    assert next_meeting_date(past, date(2023, 10, 30)) is None
