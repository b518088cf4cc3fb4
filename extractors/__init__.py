"""Extractors: a ``Document`` in, register ``Entry`` records out.

Pure: no database, no network. ``extract`` is the one entry point: it walks the
document's units (``passages.scan``), drops procedural business and repeats
(``classify``, ``dedupe``), then resolves each entry's fields, calling
``dates.find_due`` and ``owners.find_owner``.
"""

from __future__ import annotations

import re
from datetime import date

from minutes.records import Document, Entry

TAIL = re.compile(r"(?:[;,]\s*(?:and|or)?|\s+and)\s*$")
NEXT_MEETING = re.compile(r"\b(?:next|following|subsequent) (?:\w+ )?meeting\b", re.IGNORECASE)


def extract(doc: Document, *, meeting_date: date | None = None) -> list[Entry]:
    """Find the decisions, recommendations and actions in ``doc``.

    ``meeting_date`` overrides the date found in the document; relative due
    dates count from it.
    """
    from minutes.extractors import classify, dedupe, passages, prose
    from minutes.extractors.candidate import PROSE
    from minutes.extractors.dates import happened_before

    anchor = meeting_date or doc.meeting_date
    cands = []
    for cand in passages.scan(doc):
        cand.end = _before_cell_bar(doc.text, cand.start, cand.end)
        text = _text(doc, cand.start, cand.end)
        why = classify.procedural(text) or (cand.lead_in and classify.procedural(cand.lead_in))
        if why or len(text.split()) < 2 and cand.rule != "prose:bare-outcome" \
                or prose.is_bare_result(text):
            continue
        if _cut_off(doc.text, cand.end, text):
            continue
        if cand.rank == PROSE and cand.kind == "decision" and happened_before(text, anchor):
            continue  # "The Board approved the budget on 20 May": history, not this meeting's
        cands.append(cand)
    texts = [_text(doc, c.start, c.end) for c in cands]
    kept = dedupe.dedupe(cands, texts)
    entries = [_entry(doc, c, anchor) for c in kept]
    return _pin_next_meeting(doc, entries, anchor)


def _pin_next_meeting(doc: Document, entries: list[Entry], anchor: date | None) -> list[Entry]:
    """Spec: "next meeting" has no date unless the text gives it; minutes often do
    ("The next meeting will be held on Tuesday 30 January")."""
    waiting = [e for e in entries if e.due_date is None and e.due_text
               and NEXT_MEETING.search(e.due_text)]
    if not waiting:
        return entries
    from minutes.extractors.dates import next_meeting_date

    pinned = next_meeting_date(doc.text, anchor)
    for e in waiting if pinned else ():
        e.due_date = pinned
        e.why["due"] = f"next meeting: the document gives its date ({pinned.isoformat()})"
    return entries


THAT_OPENING = re.compile(r"^(?:That|THAT),? ")  # a limb worded as a resolution
# who moved and seconded, before a motion's own words: "It was moved by Clark seconded by
# Petty that", "Hudson moved that", "Moved by Cr Lee, seconded by Cr Ng, that"
MOVER_PREFIX = re.compile(
    r"^(?:it was )?(?:regularly |duly )?(?:moved|proposed)(?: by [\w’'.\-]+(?: [\w’'.\-]+){0,3})?"
    r",?(?: (?:and |, ?)?(?:duly )?seconded(?: by [\w’'.\-]+(?: [\w’'.\-]+){0,3})?)?,? (?=that )"
    r"|^[A-Z][\w’'.\-]+(?: [A-Z][\w’'.\-]+){0,2} moved,? (?=that )", re.IGNORECASE)


def _motion_words(text: str) -> str:
    """A motion's own words, without who moved and seconded it ("that the Board select ...")."""
    m = MOVER_PREFIX.match(text)
    return "T" + text[m.end() + 1:] if m else text


PRONOUN_START = re.compile(r"^(?:[^,.;]{1,40},\s+)?(?:He|She|he|she)\s+(?:would|will|shall|agreed"
                           r"|undertook|offered|promised|is to|was to|said (?:that )?(?:he|she) "
                           r"would)\b")


def _context_before(text: str, start: int) -> str:
    """The text of the paragraph before ``start`` (at most 600 characters)."""
    window = text[max(0, start - 600):start]
    return window.rsplit("\n\n", 1)[-1]


def _cut_off(doc_text: str, end: int, text: str) -> bool:
    """A few words at the very end of a page cut short ("It was agreed to wr"): the
    passage stops before its outcome is known."""
    return (not doc_text[end:].strip() and len(text.split()) < 6
            and not re.search(r"[.;:!?)\]\"”’]\s*$", text))


def _before_cell_bar(text: str, start: int, end: int) -> int:
    """End a passage before the " |" a flattened page layout leaves after a cell."""
    while end > start and text[end - 1] in " \t|" and "|" in text[start:end]:
        end -= 1
    return end


def _text(doc: Document, start: int, end: int) -> str:
    return " ".join(doc.text[start:end].split())


def _entry(doc: Document, cand, anchor: date | None) -> Entry:
    from minutes.extractors import classify, status
    from minutes.extractors.dates import find_due
    from minutes.extractors.owners import actor_in, find_owner, previous_subject

    text = _text(doc, cand.start, cand.end)
    cut, note = status.split_note(doc.text[cand.start:cand.end])
    if note:
        text = _text(doc, cand.start, cand.start + cut)
        cand.note = cand.note or note
    text = TAIL.sub("", text)
    why = dict(cand.why)
    kind = cand.kind
    if kind == "decision" and classify.is_referral(text):
        kind, why["kind"] = "recommendation", "referral to another body"
    elif kind == "action" and cand.rule.startswith(("learned:", "prose:")) \
            and classify.grants_authority(text):
        kind, why["kind"] = "decision", "a delegation or authorisation is the meeting's decision"
    elif kind == "action" and cand.rule == "prose:modal-future" and THAT_OPENING.match(text):
        kind, why["kind"] = "decision", "worded as a resolution ('That X would ...')"
    else:
        why.setdefault("kind", f"{cand.rule}")
    words = _motion_words(text)  # "It was moved by X seconded by Y that the Board select ..."
    if kind == "decision":
        actionable, why["actionable"] = (cand.actionable, cand.why.get("actionable", "rule")) \
            if cand.actionable is not None \
            else classify.decision_actionable(text)
        if not actionable and words != text:
            actionable, why["actionable"] = classify.decision_actionable(words)
    else:
        actionable, why["actionable"] = True, f"{kind}s are always actionable"
    owner = cand.owner
    if owner is None:
        owner, why["owner"] = find_owner(text, kind=kind, lead_in=cand.lead_in)
        if owner is None and words != text:
            owner, why["owner"] = find_owner(words, kind=kind, lead_in=cand.lead_in)
        named = actor_in(cand.actor) if owner is None and cand.actor and kind == "action" \
            else None
        if named:  # only a subject that names someone ("The situation" is no owner)
            owner, why["owner"] = named, "subject of the commitment"
    if not actionable:  # spec: owner is who must act; an outcome complete on the spot has none
        owner, why["owner"] = None, "not actionable: no one must act"
    if owner is None and kind == "action" and PRONOUN_START.match(text):
        owner = previous_subject(_context_before(doc.text, cand.start))
        why["owner"] = "he/she: the person a sentence just before opens with" if owner \
            else why.get("owner", "no owner named")
    if cand.due_text:  # a Due / By when column or line: its value is the due text
        _, due_date, why["due"] = find_due(f"by {cand.due_text}", anchor)
        due_text = cand.due_text
    else:
        due_text, due_date, why["due"] = find_due(text, anchor)
    if due_text is None and cand.note:
        due_text, due_date, why["due"] = find_due(cand.note, anchor)
    if cand.note is None:  # "PK to price noticeboards – completed, ...": a status word
        cand.note = status.trailing_note(text, doc.text[cand.end:cand.end + 200].split("\n")[0])
    st, why["status"] = status.resolve(actionable, None, cand.note)
    if st == "open" and kind == "action" and cand.note is None and status.reports_done(text):
        st, why["status"] = "done", "the task is reported done ('had contacted ...')"
    return Entry(kind=kind, text=text, actionable=actionable, owner=owner, due_text=due_text,
                 due_date=due_date, status=st, start=cand.start, end=cand.end,
                 page=doc.page_at(cand.start), item=cand.item, rule=cand.rule, why=why)
