"""An "Action:" line run on into the next item, and procedural lines that look like tasks."""

from __future__ import annotations

import pytest

from .helpers import entries, texts


def test_an_action_line_run_on_into_the_next_item_ends_with_its_tasks():
    got = {e.text: e for e in entries(
        "2 Governance\n\n2.3 The Treasurer said she would stand down in the spring. Action: The "
        "Chair to approach two possible successors. The Clerk to send the role profile to the "
        "Chair. 2.4 The Clerk confirmed that the accounts had been filed on time and that the "
        "auditor had raised no issues with the format this year.\n")}
    chair = got["The Chair to approach two possible successors."]
    clerk = got["The Clerk to send the role profile to the Chair."]
    assert (chair.kind, chair.owner) == ("action", "The Chair")
    assert (clerk.kind, clerk.owner) == ("action", "The Clerk")
    assert not any("accounts had been filed" in t for t in got)


def test_more_of_the_same_task_stays_in_it():
    got = texts("Membership\n\nACTION: RS to draft the welcome pack for new members. Also to "
                "check the renewal dates held on the database. Completed.\n")
    assert got == ["RS to draft the welcome pack for new members. Also to check the renewal "
                   "dates held on the database."]


@pytest.mark.parametrize("line", [
    "Priya Shah agreed to take the minutes.",
    "Cllr Moss asked that her abstention be recorded.",
    "Nothing to report.",
    "Motion carried with unanimous vote.",
    "That the Minute be approved and signed by the Convener.",
    "The Chair directed Members' attention to page two of the protocol.",
])
def test_running_the_meeting_is_no_entry(line):
    assert texts("Business\n\n" + line + "\n") == []
