"""Entry classification: procedural business, actionable decisions, referrals."""

from __future__ import annotations

import functools
import re

from minutes.extractors.formal import is_that_do
from minutes.extractors.resources import any_of, load_json, regex_list

# the minutes of another body (a committee, board or panel) received, noted or adopted: a
# decision, unlike approving the meeting's own minutes as a correct record
OTHER_BODY_MINUTES = re.compile(
    r"\b(?:[Mm]inutes?|MINUTES?) of (?:[Tt]he )?(?:(?:meeting|proceedings) of (?:the )?)?"
    r"(?:[A-Z0-9][\w&:,’'\-]*\s+"
    r"(?:(?:and|of|for|the)\s+)?){1,8}?(?:Committee|Sub-Committee|Board|Panel|Forum|Group"
    r"|Partnership|Commission)s?\b"
    r"|\b[Mm]inutes of (?:the )?(?:[a-z\-]+ )?(?:committees|sub-committees|boards|panels)\b")
OWN_MINUTES = re.compile(r"(?i)\b(?:correct|true|accurate|full) (?:and (?:correct|accurate) )?"
                         r"record|\bsigned\b|\bprevious (?:meeting|minutes)\b|\blast meeting\b")


def procedural(text: str) -> str | None:
    """The procedural-business pattern ``text`` matches (spec: never extracted), or None."""
    if OTHER_BODY_MINUTES.search(text) and not OWN_MINUTES.search(text):
        return None
    for pattern in regex_list("procedural.txt"):
        if pattern.search(text):
            return pattern.pattern
    return None


@functools.cache
def _referral() -> re.Pattern[str]:
    return re.compile(load_json("actionable.json")["referral"])


def is_referral(text: str) -> bool:
    """A referral or endorsement for another body's decision (a recommendation)."""
    return bool(_referral().search(text))


AUTHORITY = re.compile(r"(?i)\bdelegat(?:e|es|ed|ing)\b(?: \w+){0,3} to\b"
                       r"|\b(?:give|gives|given|gave|grant|granted) (?:delegated )?authority to\b"
                       r"|\bauthori[sz](?:e|es|ed)"
                       r"(?: (?:the|a|an|\w+))? (?:\w+ ){0,4}?to [a-z]")


def grants_authority(text: str) -> bool:
    """"Give delegated authority to the Chief Finance Officer to ...", "the Auditor is
    authorised to issue ...": the meeting's decision, never a task of its own."""
    return bool(AUTHORITY.search(text))


def decision_actionable(text: str) -> tuple[bool, str]:
    """Whether a decision directs, requests or authorises a future step, and why."""
    if any_of("actionable.json", "not_directive").search(text):
        return False, "standing scheme, nothing to do"
    strong = any_of("actionable.json", "strong_directive").search(text)
    done = any_of("actionable.json", "complete").search(text)
    if done and not strong:
        return False, f"complete on the spot ({done.group(0)!r})"
    if strong:
        return True, f"directs a future step ({strong.group(0)!r})"
    refused = any_of("actionable.json", "refusal").search(text)
    if refused:
        return False, f"a refusal, nothing to do ({refused.group(0)!r})"
    m = any_of("actionable.json", "directive").search(text)
    if m:
        return True, f"directs a future step ({m.group(0)!r})"
    if is_that_do(re.sub(r"^(?:That|THAT),\s+", "That ", text.strip())):
        return True, "directs someone to act ('That the Clerk write ...')"
    return False, "complete on the spot (noted, approved, agreed ...)"
