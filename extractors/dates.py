"""Due dates: find the words that set when something is due and pin them to a date.

``find_due(text, meeting_date)`` scans one register entry's text for date
phrases (explicit dates, months, quarters, "within N weeks", weekdays, "the
next meeting", "in due course" ...), drops the ones that are not deadlines
(narrative "held on"/"was sent on", start dates "from April", durations "for
six months", "until" without a deferral, dates before the meeting), and pins
the last remaining deadline by the spec's rules:

- a period's deadline is its last day: a month ("by April 2021" -> 30 April),
  a calendar quarter ("Q2 2018" -> 30 June; "Q2 2018/19" -> None), a year
  after "by"/"end of" (31 December), "w/c 5 May" (5 May + 6 days), a day range;
- a day or month without a year takes the first year that puts it on or after
  the meeting ("the December meeting" too); a yearless *day* after on/in/at
  that would land 10+ months ahead is read as past narrative instead;
- "within N days/weeks/months" (and "in N weeks' time") count from the
  meeting; a weekday alone is the first such day after it;
- "next meeting", seasons, estimates ("around", "mid-"), financial years and
  anything vaguer give due_text with due_date None.

Numbers: day-first (1/4/2025 is 1 April) unless that reading is impossible
(4/13/2025) or the same text writes dates US style ("April 1, 2025"); two-digit
years 00-69 are 20xx, 70-99 are 19xx. Word lists and phrase patterns live in
``data/dates.json``.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

_DATA = json.loads((Path(__file__).parent / "data" / "dates.json").read_text(encoding="utf-8"))
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d+(?:st|nd|rd|th)?|&")
_BOUNDARY = re.compile(r"[.;!?()\[\]]")


def _norm(phrase: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(phrase))


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


MONTHS: dict[str, int] = _DATA["months"]
WEEKDAYS: dict[str, int] = _DATA["weekdays"]
NUMBERS: dict[str, int] = _DATA["numbers"]
_SETS = {
    name: {_norm(p) for p in _DATA[name]}
    for name in (
        "deadline_triggers", "point_triggers", "until_triggers", "start_triggers",
        "duration_triggers", "week_of_triggers", "deferral_words", "estimate_words",
        "strong_narrative", "weak_narrative", "future_markers", "meeting_modifiers",
        "weak_meeting_modifiers", "meeting_determiners", "meeting_bare_triggers",
        "meeting_dated_triggers", "meeting_phrase_stop_words", "seasons", "clause_words",
        "past_meeting_modifiers", "before_words", "infinitive_verbs", "past_verbs",
        "year_triggers",
    )
}
_TRIGGER_KINDS = (  # checked in this order when one phrase is in several lists
    ("week_of_triggers", "week"), ("deadline_triggers", "deadline"),
    ("until_triggers", "until"), ("start_triggers", "start"),
    ("duration_triggers", "duration"), ("point_triggers", "point"),
)
_ALL_TRIGGERS = set().union(*(_SETS[n] for n, _ in _TRIGGER_KINDS), _SETS["meeting_bare_triggers"])
_MAX_TRIGGER = max(len(p.split()) for p in _ALL_TRIGGERS)

_FLAGS = re.IGNORECASE
_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_MON = (rf"(?P<mon>(?:{_alt(_FULL_MONTHS)})|"
        rf"(?:{_alt(m for m in MONTHS if m not in _FULL_MONTHS)})\.?)(?![\w'’])")
_WD_BEFORE = re.compile(  # "Friday 14 June", "Tuesday, January 30th": joined after matching
    rf"\b(?:{_alt(list(WEEKDAYS) + list(_DATA['weekday_abbreviations']))})\.?,?\s+$", _FLAGS)
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
_NUMW = _alt(list(NUMBERS))

_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("num", re.compile(
        r"\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)(?![\d/.-]\d)"
    )),
    ("dm", re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/]|\.\d)")),
    ("dmy", re.compile(
        rf"\b(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MON}"
        rf"(?:,?\s+{_YEAR})?\b", _FLAGS)),
    ("drange", re.compile(
        rf"\b(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|to|-|–|&)\s*(?:the\s+)?"
        rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MON}(?:,?\s+{_YEAR})?\b", _FLAGS)),
    ("mdy", re.compile(
        rf"\b{_MON}\s+(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:,?\s+{_YEAR})?\b",
        _FLAGS)),
    ("my", re.compile(rf"\b{_MON},?\s+(?:of\s+)?{_YEAR}", _FLAGS)),
    ("mon", re.compile(rf"\b{_MON}(?![\w'’])", _FLAGS)),
    ("quarter", re.compile(
        r"\b(?:Q(?P<q>[1-4])|quarter\s+(?P<q2>[1-4])|(?:the\s+)?(?P<qo>first|second|third|fourth"
        r"|1st|2nd|3rd|4th)\s+quarter)(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)(?P<fy>\s*[/-]\s*\d{2,4})?)?"
        r"(?!\w)", _FLAGS)),
    ("year", re.compile(r"\b(?P<y>(?:19|20)\d\d)(?P<fy>\s*/\s*\d{2,4})?(?![\w/-])")),
    ("within", re.compile(
        r"\b(?P<trig>within|in|inside)\s+(?P<next>the\s+(?:next|following|coming)\s+)?(?:a\s+period\s+of\s+"
        r"|a\s+maximum\s+of\s+|no\s+more\s+than\s+|up\s+to\s+)?(?:(?P<n>\d+|" + _NUMW + r")\s+)?"
        r"(?P<work>working\s+|business\s+|calendar\s+|clear\s+)?"
        r"(?P<unit>days?|weeks?|fortnights?|months?|years?)(?P<time>['’]?s?\s+time)?"
        r"(?P<of>\s+(?:of|from|after)\s+(?:the\s+|this\s+|its\s+)?[\w'’-]+"
        r"(?:\s+of\s+(?:the\s+)?[\w'’-]+)?)?\b",
        _FLAGS)),
    ("over", re.compile(
        r"\b(?:over|during|across)\s+the\s+(?:next|following|coming)\s+(?:(?:\d+|" + _NUMW
        + r")\s+)?(?:days|weeks|months|years)\b", _FLAGS)),
    ("endof", re.compile(
        r"\b(?:the\s+)?end\s+of\s+(?P<which>this\s+|next\s+|the\s+current\s+|the\s+following\s+"
        r"|the\s+present\s+|the\s+)?(?:(?:19|20)\d\d\s*/\s*\d{2,4}\s+)?"
        r"(?P<what>(?:calendar|financial|municipal|academic|school|civic"
        r"|council|fiscal)\s+year|month|year|week|quarter|(?:spring|summer|autumn|school)\s+term"
        r"|term)\b", _FLAGS)),
    ("thismonth", re.compile(
        r"\b(?P<which>this|next|the\s+coming|the\s+following)\s+month\b", _FLAGS)),
    ("weekday", re.compile(
        rf"\b(?:(?P<next>next|this\s+coming|this|coming)\s+)?(?P<wd>{_alt(WEEKDAYS)})(?P<pl>s)?\b",
        _FLAGS)),
]
_GATES = {  # a cheap test a text must pass before a pattern is run on it
    "iso": "digit", "num": "digit", "dm": "digit", "dmy": "digit", "drange": "digit",
    "mdy": "digit", "my": "digit", "year": "digit", "endof": "end", "thismonth": "month",
    "weekday": "day",
}
_US_WRITTEN = re.compile(rf"\b{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?,\s+(?:19|20)\d\d", _FLAGS)
_SPACE = r"\s+"
_VAGUE = re.compile(
    "|".join(r"(?:\b" + p.replace(" ", _SPACE) + ")" for p in _DATA["vague_patterns"]), _FLAGS)
_NOTING = [re.compile(p, _FLAGS) for p in _DATA["noting_only_patterns"]]
_MEETING_WORD = re.compile(rf"\b(?:{_alt(_DATA['meeting_nouns'])})\b", _FLAGS)
_BODY = _alt(_DATA["body_nouns"])
_CAP = r"[A-Z][\w&'’-]*"
_NEXT_BODY = re.compile(
    rf"\b(?:(?i:{_alt(_DATA['meeting_modifiers'])})|{_alt(m.title() for m in _FULL_MONTHS)})"
    rf"\s+(?:(?:{_CAP}|and|&|of|the)\s+){{0,6}}"
    rf"(?i:{_BODY})s?\b(?!\s*\(|['’]|\s+{_CAP}|\s+(?i:{_alt(_DATA['body_not_followed_by'])})\b)")
_STRONG_BY_FIRST: dict[str, list[list[str]]] = {}
for _phrase in _SETS["strong_narrative"]:
    _STRONG_BY_FIRST.setdefault(_phrase.split()[0], []).append(_phrase.split())
_DAY_KINDS = ("mon", "my", "dmy", "mdy", "iso", "num", "dm")
_BODY_TAIL = re.compile(
    rf"\s+of\s+(?:the\s+|this\s+|its\s+|their\s+)?(?!(?i:{_alt(MONTHS)})\b){_CAP}"
    rf"(?:\s+(?:and\s+|&\s+|of\s+(?:the\s+)?)?{_CAP})*")
_MEETING_DATE_LINK = re.compile(
    r",?\s+(?:(?:to\s+be\s+|which\s+will\s+be\s+|that\s+will\s+be\s+)?(?:held|scheduled|arranged"
    r"|planned)\s+)?(?:on|of|in|for|scheduled\s+for|dated)?\s*(?:the\s+)?", _FLAGS)
_MEETING_PAST = re.compile(
    r"^\s*,?\s*(?:which\s+|that\s+)?(?:was\s+|were\s+|had\s+been\s+|has\s+been\s+)?"
    r"(?:held|took\s+place|dated|last\s+year|previously)\b", _FLAGS)
_DEFERRAL = re.compile(rf"\b(?:{_alt(_DATA['deferral_words'])})\b", _FLAGS)
_LIST_GAP = re.compile(r"^[\s,]*(?:and|or|&|and/or|to|-|–|—|through|until)?[\s,]*$", _FLAGS)
_TERSE_BEFORE = re.compile(r"[-–—|\t]\s*$")
_TERSE_AFTER = re.compile(r"^\s*[.;]?\s*$")


@dataclass
class _Cand:
    """One phrase that may say when something is due."""

    kind: str
    start: int
    end: int
    value: date | None
    why: str
    full: bool = False  # an explicit day and month
    year: bool = False  # the year is written
    ok: bool | None = None
    phrase_start: int = 0  # where due_text starts (trigger included)
    month: int = 0  # for month names: the month number


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _year4(y: str) -> int:
    v = int(y)
    if len(y) == 2:
        v += 2000 if v < 70 else 1900
    return v


def _month_no(token: str) -> int | None:
    return MONTHS.get(token.lower().rstrip("."))


def _on_or_after(meeting: date, month: int, day: int | None) -> date | None:
    """The date (or month end) in the first year that puts it on/after the meeting."""
    for year in range(meeting.year, meeting.year + 9):  # 29 February may be years away
        try:
            d = _last_day(year, month) if day is None else date(year, month, day)
        except ValueError:
            continue
        if d >= meeting:
            return d
    return None


def _words_before(text: str, pos: int, n: int = 8) -> list[tuple[str, int]]:
    """The last ``n`` words before ``pos`` in the same clause, with their offsets."""
    lo = max(0, pos - 90)
    chunk = text[lo:pos]
    cut = 0
    for m in _BOUNDARY.finditer(chunk):
        cut = m.end()
    return [(m.group().lower(), lo + cut + m.start()) for m in _WORD.finditer(chunk[cut:])][-n:]


def _trigger(words: list[tuple[str, int]]) -> tuple[str | None, str | None, int]:
    """The longest trigger phrase ending the ``words``: (phrase, kind, index of first word).

    A deadline word just before it joins the phrase: "no later than" + "the end of".
    """
    phrase, kind, ti = _one_trigger(words)
    if phrase is not None and ti > 0:
        lead, lead_kind, li = _one_trigger(words[:ti])
        if lead is not None and lead_kind == "deadline":
            return phrase, kind, li
    return phrase, kind, ti


def _one_trigger(words: list[tuple[str, int]]) -> tuple[str | None, str | None, int]:
    for k in range(min(_MAX_TRIGGER, len(words)), 0, -1):
        phrase = " ".join(w for w, _ in words[-k:])
        for list_name, kind in _TRIGGER_KINDS:
            if phrase in _SETS[list_name]:
                return phrase, kind, len(words) - k
        if phrase in _SETS["meeting_bare_triggers"]:
            return phrase, "deadline", len(words) - k
    return None, None, len(words)


def _parse_dates(text: str, meeting: date | None) -> list[_Cand]:
    """Every date-like phrase in ``text``, longest first where they overlap."""
    low = text.lower()
    digits = any(ch.isdigit() for ch in text)
    us = digits and bool(_US_WRITTEN.search(text))
    raw: list[_Cand] = []
    for kind, pattern in _DATE_PATTERNS:
        gate = _GATES.get(kind)
        if (gate == "digit" and not digits) or (gate and gate != "digit" and gate not in low):
            continue
        for m in pattern.finditer(text):
            cand = _make(kind, m, meeting, us)
            if cand is not None:
                if kind in ("dmy", "mdy", "drange"):
                    wd = _WD_BEFORE.search(text, max(0, cand.start - 12), cand.start)
                    if wd:
                        cand.start = wd.start()
                raw.append(cand)
    raw.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[_Cand] = []
    for c in raw:
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    _share_years(text, out, meeting)
    return out


def _share_years(text: str, cands: list[_Cand], meeting: date | None) -> None:
    """'February and May, 2021': a month list takes the year written at its end."""
    for i in range(len(cands) - 2, -1, -1):
        c, nxt = cands[i], cands[i + 1]
        if c.kind == "mon" and nxt.year and nxt.value and _LIST_GAP.match(text[c.end:nxt.start]):
            c.value = _last_day(nxt.value.year, c.month)
            c.year = True
            c.kind = "my"
            c.why = "month alone -> last day (year shared with the list)"


def _make(kind: str, m: re.Match[str], meeting: date | None, us: bool) -> _Cand | None:
    """Turn one regex match into a candidate with its date (or None) and why."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    if kind == "iso":
        try:
            return _Cand(kind, s, e, date(int(g["y"]), int(g["m"]), int(g["d"])), "ISO date",
                         full=True, year=True)
        except ValueError:
            return None
    if kind == "num":
        a, b, y = int(g["a"]), int(g["b"]), _year4(g["y"])
        if g["sep"] == "." and len(g["y"]) == 2:
            return None
        orders = [(b, a, "day-first"), (a, b, "month-first")]
        if us or b > 12:
            orders.reverse()
        for month, day, how in orders:
            try:
                return _Cand(kind, s, e, date(y, month, day), f"numeric date ({how})",
                             full=True, year=True)
            except ValueError:
                continue
        return None
    if kind == "dm":  # "by 14/02": day-first (month-first in US texts), no year
        a, b = int(g["a"]), int(g["b"])
        day, month = (b, a) if (us or b > 12) and a <= 12 else (a, b)
        if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]):
            return None
        if meeting is None:
            return _Cand(kind, s, e, None, "no year and no meeting date", full=True)
        return _Cand(kind, s, e, _on_or_after(meeting, month, day),
                     "day without year -> on/after meeting", full=True)
    if kind == "drange":  # "3 and 9 March 2024", "3-9 March": the range's last day
        kind = "dmy"
    if kind in ("dmy", "mdy", "my", "mon"):
        token = g["mon"]
        month = _month_no(token)
        if month is None:
            return None
        short = token.lower().rstrip(".") not in ("may",) and len(token.rstrip(".")) <= 4
        if kind in ("my", "mon") and token.islower() and (token == "may" or short):
            return None  # "may" the verb, "mar"/"dec" as words
        if kind == "mon" and (token.isupper() and len(token) <= 3):
            return None
        day = int(g["d"]) if g.get("d") else None
        if g.get("y"):
            y = int(g["y"])
            try:
                value = date(y, month, day) if day else _last_day(y, month)
            except ValueError:
                return None
            why = "date" if day else "month alone -> last day"
            c = _Cand(kind, s, e, value, why, full=bool(day), year=True)
        else:
            if day is not None and day > calendar.monthrange(2000, month)[1]:
                return None
            if meeting is None:
                value, why = None, "no year and no meeting date"
            else:
                value = _on_or_after(meeting, month, day)
                why = ("day without year -> on/after meeting" if day else
                       "month alone -> last day, on/after meeting")
            c = _Cand(kind, s, e, value, why, full=bool(day))
        c.month = month
        return c
    if kind == "quarter":
        q = int(g["q"] or g["q2"] or _DATA["quarter_ordinals"][g["qo"].lower()])
        if not g["y"]:
            return _Cand(kind, s, e, None, "quarter without year")
        if g["fy"]:
            return _Cand(kind, s, e, None, "financial-year quarter", year=True)
        return _Cand(kind, s, e, _last_day(int(g["y"]), q * 3), "calendar quarter -> last day",
                     year=True)
    if kind == "year":
        if g["fy"]:
            return _Cand(kind, s, e, None, "financial year", year=True)
        return _Cand(kind, s, e, date(int(g["y"]), 12, 31), "year alone -> last day", year=True)
    if kind in ("within", "over"):
        return _relative(kind, m, meeting)
    if kind == "endof":
        return _end_of(m, meeting)
    if kind == "thismonth":
        if meeting is None:
            return _Cand(kind, s, e, None, "month named from the meeting, no meeting date")
        n = 0 if g["which"].lower() == "this" else 1
        d = _add_months(meeting.replace(day=1), n)
        return _Cand(kind, s, e, _last_day(d.year, d.month), "month alone -> last day")
    if kind == "weekday":
        if g["pl"]:
            return None  # "on Mondays": a standing practice
        if meeting is None:
            return _Cand(kind, s, e, None, "weekday alone, no meeting date")
        wd = WEEKDAYS[g["wd"].lower()]
        ahead = (wd - meeting.weekday()) % 7 or 7
        return _Cand(kind, s, e, meeting + timedelta(days=ahead),
                     "weekday alone -> first such day after meeting")
    return None


def _relative(kind: str, m: re.Match[str], meeting: date | None) -> _Cand | None:
    """'within six months', 'in two weeks' time' counted from the meeting."""
    g = m.groupdict()
    s, e = m.start(), m.end()
    if kind == "over":
        return _Cand("over", s, e, None, "a period, not a deadline")
    if g["trig"].lower() == "in" and (not g["n"] or g["next"]):
        return _Cand("over", s, e, None, "a period, not a deadline") if g["n"] else None
    unit = g["unit"].lower().rstrip("s")
    n_text = (g["n"] or "a").lower()
    n = int(n_text) if n_text.isdigit() else NUMBERS.get(n_text)
    if n is None:
        return None
    of = (g["of"] or "").lower()
    if of and not re.search(r"\b(meeting|decision|this|today)\b", of):
        return _Cand("within", s, e, None, f"counted from another event ({' '.join(of.split())})")
    if of and "meeting" not in of and "decision" not in of:
        e = m.start("of")
    if meeting is None:
        return _Cand("within", s, e, None, "relative period, no meeting date")
    work = (g["work"] or "").strip().lower()
    if unit == "fortnight":
        d = meeting + timedelta(days=14 * n)
    elif unit == "week":
        d = meeting + timedelta(weeks=n)
    elif unit == "day" and work in ("working", "business"):
        d, left = meeting, n
        while left:
            d += timedelta(days=1)
            if d.weekday() < 5:
                left -= 1
    elif unit == "day":
        d = meeting + timedelta(days=n)
    elif unit == "month":
        d = _add_months(meeting, n)
    else:
        d = _add_months(meeting, 12 * n)
    return _Cand("within", s, e, d, f"within {n} {work + ' ' if work else ''}{unit}(s) of "
                 f"meeting {meeting.isoformat()}")


def _end_of(m: re.Match[str], meeting: date | None) -> _Cand:
    """'the end of the year', 'end of next month'; other periods have no fixed end."""
    s, e = m.start(), m.end()
    what = " ".join(m.group("what").lower().split())
    which = " ".join((m.group("which") or "").lower().split())
    if what not in ("month", "year", "calendar year"):
        return _Cand("endof", s, e, None, f"end of the {what}: no fixed date")
    if meeting is None:
        return _Cand("endof", s, e, None, f"end of the {what}, no meeting date")
    step = 1 if which in ("next", "the following") else 0
    if what == "month":
        d = _add_months(meeting.replace(day=1), step)
        return _Cand("endof", s, e, _last_day(d.year, d.month), "end of month -> last day")
    return _Cand("endof", s, e, date(meeting.year + step, 12, 31), "end of year -> 31 December")


def _deferral(text: str, pos: int) -> bool:
    """Whether the text before ``pos`` defers or postpones something."""
    return bool(_DEFERRAL.search(text[:pos]))


def _far_ahead(c: _Cand, meeting: date | None) -> bool:
    """A yearless day that only fits some 10+ months after the meeting is most likely past."""
    return (not c.year and c.full and c.value is not None and meeting is not None
            and (c.value - meeting).days > 300)


def _is_future(words: list[tuple[str, int]], upto: int) -> bool:
    return any(w in _SETS["future_markers"] for w, _ in words[max(0, upto - 3):upto])


def _judge(text: str, c: _Cand, meeting: date | None) -> None:
    """Decide whether a date-like candidate is a deadline; set ``ok`` and ``phrase_start``."""
    words = _words_before(text, c.start)
    estimate, own_start = False, c.start
    while words and words[-1][0] in _SETS["estimate_words"]:
        estimate, own_start = True, words[-1][1]
        words = words[:-1]
    if c.kind == "weekday" and text[c.start:c.end].lower().startswith(("next", "this", "coming")):
        words = words + [("by", c.start)]  # "next Monday" sets its own day
    phrase, tkind, ti = _trigger(words)
    c.phrase_start = words[ti][1] if phrase else own_start
    if _strong_narrative(words):
        c.ok, c.why = False, "narrative date (held/dated/ended ...)"
        return
    if c.kind in ("within", "over", "endof") and tkind not in ("start", "duration"):
        c.ok = True
    elif c.kind == "year" and phrase not in _SETS["year_triggers"]:
        c.ok, c.why = False, "a year alone without 'by'/'end of'"
        return
    elif c.kind == "dm" and tkind not in ("deadline", "week"):
        c.ok, c.why = False, "a bare day/month number without 'by'/'due'"
        return
    elif tkind in ("start", "duration"):
        c.ok, c.why = False, f"{tkind} date ('{phrase}'), not a deadline"
        return
    elif tkind == "until":
        deferral = _deferral(text, c.start)
        c.ok = deferral
        if not deferral:
            c.why = f"'{phrase}' without a deferral: a duration"
            return
    elif tkind in ("deadline", "week"):
        c.ok = True
        if tkind == "week" and c.value is not None and c.full:
            c.value = c.value + timedelta(days=6)
            c.why = "week commencing -> its last day"
    elif tkind == "point":
        if c.kind == "year":
            c.ok, c.why = False, "year alone after a point preposition"
            return
        narrative = _narrative(text, words, ti)
        if narrative:
            c.ok, c.why = False, narrative
            return
        if all(w.isdigit() or len(w) == 1 for w, _ in words[:ti]) and _past_after(text, c.end):
            c.ok, c.why = False, "opens a clause in the past tense"
            return
        if _far_ahead(c, meeting):
            c.ok, c.why = False, "no year and almost a year ahead: a past date"
            return
        c.ok = True
    else:
        terse = _TERSE_BEFORE.search(text[: c.start]) and _TERSE_AFTER.match(text[c.end:])
        c.ok = bool((c.full and terse and c.kind != "weekday") or estimate)
        if not c.ok:
            c.why = "no deadline word before it"
            return
        narrative = _narrative(text, words, len(words))
        if narrative:
            c.ok, c.why = False, narrative
            return
    if estimate and c.value is not None:
        c.value, c.why = None, "estimate ('early/mid/around ...')"
    if c.value is not None and meeting is not None and c.year and c.value < meeting:
        c.ok, c.why = False, "before the meeting: not a deadline"
    if (c.value is not None and c.value == meeting and c.full
            and tkind not in ("deadline", "week", "until")):
        c.ok, c.why = False, "the meeting's own date"


def _meeting_phrases(text: str, dates: list[_Cand], meeting: date | None) -> list[_Cand]:
    """'at the next meeting', 'the December meeting', 'to the meeting of 9 February 1982'."""
    by_start = {c.start: c for c in dates}
    found: list[_Cand] = []
    anchors = [(m.start(), m.end(), False) for m in _MEETING_WORD.finditer(text)]
    anchors += [(m.start(), m.end(), True) for m in _NEXT_BODY.finditer(text)]
    for a_start, a_end, is_body in sorted(anchors):
        if found and a_start < found[-1].end:
            continue
        cand = _one_meeting(text, a_start, a_end, is_body, by_start, meeting)
        if cand is not None:
            found.append(cand)
    return found


def _one_meeting(text: str, a_start: int, a_end: int, is_body: bool,
                 by_start: dict[int, _Cand], meeting: date | None) -> _Cand | None:
    """Judge one meeting phrase ending at the anchor word ``text[a_start:a_end]``."""
    words = _words_before(text, a_start)
    mods: list[str] = []
    first, det, i = a_start, None, len(words)
    if is_body:
        mods = [w.lower() for w in _WORD.findall(text[a_start:a_end])]
        if words and words[-1][0] in _SETS["meeting_determiners"]:
            det, first, i = words[-1][0], words[-1][1], i - 1
        elif mods[0] == "following":
            return None  # "Following the Scrutiny Committee's decision": a preposition
    else:
        while i > 0 and len(mods) < 6:
            w, off = words[i - 1]
            if w in _SETS["meeting_determiners"]:
                det, first, i = w, off, i - 1
                break
            if not (w in _SETS["meeting_modifiers"] or w in _SETS["weak_meeting_modifiers"]) and (
                    w in _SETS["meeting_phrase_stop_words"] or w in _ALL_TRIGGERS):
                break
            mods.insert(0, w)
            first, i = off, i - 1
    if det is None and not is_body:
        keep = next((k for k, w in enumerate(mods) if w in _SETS["meeting_modifiers"]
                     or w in _SETS["weak_meeting_modifiers"] or w in MONTHS), len(mods))
        if keep:
            i += keep
            first = words[i][1] if i < len(words) else a_start
            mods = mods[keep:]
    before = words[:i]
    phrase, tkind, ti = _trigger(before)
    start = before[ti][1] if phrase else first
    end = a_end
    tail = _BODY_TAIL.match(text, end)
    if tail:
        end = tail.end()
    upto = a_end if is_body else a_start  # "the February Cabinet": the month is in the anchor
    pre_date = next((c for s, c in sorted(by_start.items()) if first <= s < upto
                     and c.end <= upto and c.kind in _DAY_KINDS), None)
    post_date = _attached_date(text, end, by_start)
    if post_date is not None:
        end = post_date.end

    def no(why: str) -> _Cand:
        return _Cand("meeting", start, end, None, why, ok=False, phrase_start=start)

    if _strong_narrative(before):
        return no("a past meeting (minutes of / held ...)")
    if any(w in _SETS["past_meeting_modifiers"] for w in mods) or _MEETING_PAST.match(text[end:]):
        return no("a past meeting")
    if phrase and phrase not in _SETS["meeting_bare_triggers"] and tkind in ("start", "duration"):
        if phrase != "for":
            return no(f"'{phrase}' the meeting: not a deadline")
    if tkind == "until" and phrase != "to" and not _deferral(text, start):
        return no(f"'{phrase}' without a deferral: a duration")
    strong = any(w in _SETS["meeting_modifiers"] for w in mods)
    if "following" in mods and text[a_start:a_end].lower().endswith("s") and not is_body:
        strong = False  # "the following meetings": a list, not the next one
    narrative = _narrative(text, before, ti if phrase else len(before))
    if narrative and not strong:
        return no(narrative)
    weak = any(w in _SETS["weak_meeting_modifiers"] for w in mods)
    season = any(w in _SETS["seasons"] for w in mods)
    dated = post_date or pre_date
    if post_date is not None and post_date.kind == "year" and pre_date is None:
        dated = None  # "the Autumn term meeting 2015": the year alone pins nothing
    cand = _Cand("meeting", start, end, None, "meeting phrase without a date", phrase_start=start)
    if dated is not None:
        value = dated.value
        if post_date is not None and post_date.kind == "year":
            value = (_last_day(post_date.value.year, pre_date.month)
                     if pre_date is not None and pre_date.kind == "mon" else None)
        cand.value = value
        cand.why = ("meeting named by its month -> last day" if dated.kind in ("mon", "my")
                    else "meeting with its date")
        if value is None and dated.kind != "year":
            cand.why += ": " + dated.why
        if strong or pre_date is not None:
            cand.ok = True
        elif phrase in _SETS["meeting_dated_triggers"]:
            cand.ok = not (phrase == "at" and (meeting is None or value is None))
        else:
            return no("a meeting's own date, not a deadline")
        if value is not None and meeting is not None and (
                value < meeting or (dated.full and value == meeting)):
            return no("a meeting on or before this one")
        if season and value is None:
            cand.why = "season: no fixed date"
    elif strong or season:
        cand.ok = True
        cand.why = "season: no fixed date" if season else "next/future meeting: no date given"
    elif weak:
        cand.ok = phrase in _SETS["meeting_bare_triggers"] or phrase == "to"
    else:
        cand.ok = (phrase in _SETS["meeting_bare_triggers"] and det not in ("a", "an", None)
                   and not (det == "this" and phrase in _SETS["before_words"]))
    return cand


def _attached_date(text: str, end: int, by_start: dict[int, _Cand]) -> _Cand | None:
    """A date written right after a meeting phrase: 'meeting on 5 May', 'meeting 2015'."""
    link = _MEETING_DATE_LINK.match(text, end)
    for pos in (link.end() if link else -1, end, end + 1):
        c = by_start.get(pos)
        if c is not None and (c.kind in _DAY_KINDS or (c.kind == "year" and c.value)):
            return c
    return None


def _strong_narrative(words: list[tuple[str, int]]) -> bool:
    """'held on', 'dated', 'year ended', 'minutes of' in the last six words, not 'to be held'."""
    for k in range(max(0, len(words) - 6), len(words)):
        for n in _STRONG_BY_FIRST.get(words[k][0], ()):
            if [x for x, _ in words[k:k + len(n)]] == n and not _is_future(words, k):
                return True
    return False


def _narrative(text: str, words: list[tuple[str, int]], ti: int) -> str | None:
    """Why the clause before the trigger at ``words[ti]`` reads as past narrative, if it does."""
    lo = max(0, ti - 5)
    for k in range(ti - 1, lo - 1, -1):
        if words[k][0] in _SETS["clause_words"]:
            lo = k + 1
            break
    for k in range(lo, ti):
        w = words[k][0]
        if w not in _SETS["weak_narrative"] or _is_future(words, k):
            continue
        if _infinitive_after(text, words, k, ti):
            continue  # "agreed to report", "were asked to reply"
        return f"narrative ('{w} ...')"
    return None


def _infinitive_after(text: str, words: list[tuple[str, int]], k: int, ti: int) -> bool:
    """'agreed to', 'were asked to': a verb that takes a to-infinitive, and the 'to' follows."""
    if words[k][0] not in _SETS["infinitive_verbs"]:
        return False
    for j in range(k + 1, min(ti, k + 4)):
        if words[j][0] == "to" and j + 1 < len(words):
            nxt, off = words[j + 1]
            if nxt not in _SETS["meeting_determiners"] and not text[off].isupper():
                return True
    return False


def _past_after(text: str, end: int) -> bool:
    """'On 17th December, Mr Love visited ...': the clause a leading date opens is past tense."""
    for w in (m.group().lower() for m in _WORD.finditer(text[end:end + 80])):
        if w in _SETS["future_markers"]:
            return False
        if w in _SETS["weak_narrative"] or w in _SETS["past_verbs"] or (
                len(w) > 4 and w.endswith("ed")):
            return True
    return False


def _vague(text: str) -> list[_Cand]:
    return [_Cand("vague", m.start(), m.end(), None, "no fixed date", ok=True,
                  phrase_start=m.start()) for m in _VAGUE.finditer(text)]


@lru_cache(maxsize=8192)
def _find_due_cached(text: str, meeting: date | None) -> tuple[str | None, date | None, str]:
    if any(p.search(text) for p in _NOTING):
        return None, None, "only notes something: no deadline"
    dates = _parse_dates(text, meeting)
    meetings = _meeting_phrases(text, dates, meeting)
    inside = [(m.phrase_start, m.end) for m in meetings]
    dates = [c for c in dates if not any(s <= c.start and c.end <= e for s, e in inside)]
    prev: _Cand | None = None
    for c in dates:
        if prev is not None and prev.ok is not None and _LIST_GAP.match(text[prev.end:c.start]):
            why = c.why
            _judge(text, c, meeting)
            if not (c.phrase_start < c.start):  # no trigger of its own: it joins the list
                c.ok, c.phrase_start, c.why = prev.ok, prev.phrase_start, why
                if prev.ok and c.value is not None and meeting and c.year and c.value < meeting:
                    c.ok = False
                _order_range(prev, c)
        elif prev is not None and prev.ok and _short_and_gap(text[prev.end:c.start]):
            _judge(text, c, meeting)
            if not c.ok and c.why == "no deadline word before it":
                c.ok, c.phrase_start = True, prev.phrase_start
        else:
            _judge(text, c, meeting)
        prev = c
    accepted = [c for c in dates + meetings if c.ok]
    dated = [c for c in accepted if c.value is not None]
    if dated:
        best = max(dated, key=lambda c: (c.value, c.start))
        return text[best.phrase_start:best.end], best.value, best.why
    taken = [(c.phrase_start, c.end) for c in accepted]
    undated = accepted + [v for v in _vague(text)
                          if not any(s < v.end and v.start < e for s, e in taken)]
    if undated:
        first = min(undated, key=lambda c: (c.phrase_start, -c.end))
        return text[first.phrase_start:first.end], None, first.why
    return None, None, "no date phrase"


def _order_range(first: _Cand, last: _Cand) -> None:
    """'between 26 April and 4 May': a yearless start falls before the end it runs to."""
    if (first.value and last.value and not first.year and first.full
            and first.value > last.value):
        try:
            first.value = first.value.replace(year=first.value.year - 1)
        except ValueError:  # 29 February
            first.value = first.value.replace(year=first.value.year - 1, day=28)


def _short_and_gap(gap: str) -> bool:
    """'August 21, 2013, as bid due date and August 27, 2013': a short list gap."""
    words = [w.lower() for w in _WORD.findall(gap)]
    return (0 < len(words) <= 6 and words[-1] in ("and", "or")
            and not _BOUNDARY.search(gap))


def find_due(text: str, meeting_date: date | None) -> tuple[str | None, date | None, str]:
    """Return ``(due_text, due_date, why)`` for the passage ``text``.

    ``due_text`` is verbatim from ``text``; ``due_date`` follows the spec's
    rules, counted from ``meeting_date``; ``why`` is a short explanation.
    """
    if not text or not text.strip():
        return None, None, "no text"
    return _find_due_cached(text, meeting_date)


_NEXT_MEETING = re.compile(
    r"\bnext\s+(?:[\w'’-]+\s+){0,4}?(?:meeting|sitting|session)s?\b(?P<tail>[^.;\n]{0,100})",
    _FLAGS)


def next_meeting_date(doc_text: str, meeting_date: date | None) -> date | None:
    """The date a document gives for its next meeting ("The next meeting will be held on
    Tuesday 30 January"), for entries due "at the next meeting"; None unless exactly one
    date after ``meeting_date`` is given."""
    found: set[date] = set()
    for m in _NEXT_MEETING.finditer(doc_text):
        tail = m.group("tail")
        for c in _parse_dates(tail, meeting_date):
            if c.kind in _DAY_KINDS and c.full and c.value is not None and (
                    meeting_date is None or c.value > meeting_date):
                found.add(c.value)
                break
    return found.pop() if len(found) == 1 else None


_ON_BEFORE = re.compile(r"(?<!\bheld )(?<!\bmeeting )(?<!\bmeetings )\bon\s+(?:the\s+)?"
                        r"(?:\w+day,?\s+)?$", re.IGNORECASE)


def happened_before(text: str, meeting_date: date | None) -> bool:
    """Whether ``text`` dates what it tells "on" a day before the meeting ("The Board
    approved the budget on 20th May 2022"): history, not the meeting's act."""
    if meeting_date is None:
        return False
    return any(c.full and c.year and c.value is not None and c.value < meeting_date
               and _ON_BEFORE.search(text[max(0, c.start - 24):c.start])
               for c in _parse_dates(text, meeting_date))
