"""Prose outcomes and commitments: "It was agreed that ...", "X agreed to ...", "... would ..."."""

from __future__ import annotations

import functools
import re

from minutes.extractors.candidate import PROSE, Candidate
from minutes.extractors.owners import actor_in
from minutes.extractors.resources import any_of, load_json
from minutes.extractors.units import clauses

AGREEMENTS = ("prose:it-was-agreed", "prose:body-agreed-that")
TRAILING_ACTION = re.compile(r"\s*\(?\b(?:ACTION|Action)\b\)?[.:]?\s*$")
ACTION_TAG = re.compile(r"\s*\((?:Action|ACTION)\s*[:\-–]\s*(?P<who>[^)]{1,60})\)\s*\.?\s*$")
CUT_BEFORE = re.compile(r"(?:,\s+and\s+|\s+and\s+|\s+but\s+|,\s+which\s+|“|\"|,\s+that\s+)")
NAMED_RELATIVE = re.compile(r"\bwhich (?:[A-Z][\w’'\-]+ ){1,3}(?:would|will|shall)\b")
PARTICIPLE = re.compile(r"^[a-z][a-z\-]*(?:ed|en|wn|ne|ld|ght|ung|ept|ent|ut|et|id|de|un)$")


@functools.cache
def _rules() -> tuple[list[tuple[str, bool, re.Pattern[str], bool]],
                      list[tuple[str, bool, re.Pattern[str]]]]:
    data = load_json("prose.json")
    dec = [(r["name"], r.get("needs_directive", False), re.compile(r["pattern"]),
            r.get("whole", False)) for r in data["decision_rules"]]
    act = [(r["name"], r.get("actor", False), re.compile(r["pattern"]))
           for r in data["action_rules"]]
    return dec, act


@functools.cache
def _sentence_rules() -> list[tuple[str, re.Pattern[str]]]:
    return [(r["name"], re.compile(r["pattern"]))
            for r in load_json("prose.json")["sentence_decision_rules"]]


@functools.cache
def _words(key: str) -> frozenset[str]:
    return frozenset(load_json("prose.json")[key])


def words(key: str) -> frozenset[str]:
    """The word list ``key`` of ``data/prose.json``."""
    return _words(key)


@functools.cache
def _pattern(key: str) -> re.Pattern[str]:
    return re.compile(load_json("prose.json")[key])


def _label_word_before(sentence: str, pos: int) -> bool:
    """"Approval of Agenda   Official Action", "Receipt of Action": "Action" is part of
    a title or column label there, not a marker that the line is a task."""
    before = sentence[:pos].split()
    return bool(before) and before[-1].lower() in words("action_label_words")


LIST_LEAD_IN = re.compile(r"\b(?:the following|as follows|below)\b[^.;:]{0,40}:\s*$")


def find(doc_text: str, start: int, end: int, item: str | None) -> list[Candidate]:
    """Prose candidates in the sentence ``doc_text[start:end]``."""
    sentence = doc_text[start:end]
    forced_action = False
    tag_owner = None
    m = ACTION_TAG.search(sentence)
    if m:
        tag_owner, end = m.group("who").strip(), start + m.start()
    else:
        m = TRAILING_ACTION.search(sentence)
        if m and m.start() > 0 and not _label_word_before(sentence, m.start()):
            forced_action, end = True, start + m.start()
    out = []
    if _pattern("narrative_markers").search(sentence) or LIST_LEAD_IN.search(sentence):
        return out  # "Cabinet agreed the following recommendations:": its limbs are the entries
    if is_mover_only(sentence):
        return out  # "Cllr A proposed, Cllr B seconded and approved": the motion is elsewhere
    standing = _standing(sentence)
    for name, pattern in _sentence_rules():
        if not standing and pattern.search(sentence):
            return [Candidate("decision", start, end, f"prose:{name}", PROSE, item)]
    spans = clauses(doc_text[start:end], start)
    for cs, ce in spans:
        cand = None if standing else _decision(doc_text, cs, ce, item)
        cand = cand or _action(doc_text, cs, ce, item)
        if cand is not None and is_bare_result(doc_text[cs:ce]):
            continue  # "motion passed 4-0", "Minutes: AGREED:": a result or a label, no outcome
        if cand is None and (forced_action or tag_owner):
            cand = Candidate("action", cs, ce, "prose:action-marker", PROSE, item)
        if cand is None:
            continue
        if forced_action or tag_owner:
            cand.kind, cand.rank = "action", 2
            cand.owner = tag_owner or cand.owner
        elif out and out[-1].rule in AGREEMENTS and cand.rule == "prose:modal-future":
            cand.kind = "decision"  # "it was agreed that X would ...; otherwise Y would ..."
            cand.why["kind"] = "continues the agreement before it"
        out.append(cand)
    if len(out) == 1 and len(spans) > 1 and out[0].end == spans[0][1] and _steps_follow(
            doc_text, spans):
        out[0].end = spans[-1][1]  # "carried to: approve the deed; authorize ...; record ..."
    return out


def _steps_follow(doc_text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the clauses after the first go on with its list of steps: each follows a
    semicolon and opens in lower case ("; authorize the transmission ...")."""
    return all(";" in doc_text[a[1]:b[0]] and doc_text[b[0]:b[0] + 1].islower()
               for a, b in zip(spans, spans[1:], strict=False))


EMPTY_CLAUSE = re.compile(
    r"(?i)^\s*(?:(?:the |a |an )?(?:motion|resolution)s?(?: was| were)?(?: duly)?(?: unanimously)?"
    r"\s*:?\s*(?:passed|carried|approved|adopted|lost|defeated|failed)(?: unanimously)?"
    r"(?:\s*\(?\d+\s*(?:[-–/]|to)\s*\d+\)?|\s+(?:on|by) a vote of \d+\s*(?:[-–]|to)\s*\d+)?"
    r"|(?:approved|carried|passed|adopted|lost|defeated)\s*[:–-]?\s*\(?\d+\s*(?:[-–/]|to)\s*\d+\)?"
    r"|(?:recorded |roll call )?vote\s*:\s*(?:all in favou?r|unanimous(?:ly)?|\d+\s*[-–/]\s*\d+)"
    r"|(?:[a-z]+\s*:\s*)?(?:agreed|resolved|decided|decision|approved)\s*:"
    r"|(?:[a-z]+\s*:\s*)?(?:it was\s+)?(?:resolved|agreed|decided)\s*:?\s*(?:that|to)"
    r"|(?:it|this) was (?:then )?(?:unanimously |duly )?(?:agreed|approved|carried|resolved)"
    r"(?: unanimously| by all)?(?: with immediate effect)?"
    r"|(?:[a-z]+\s*:\s*)?(?:agreed|approved|carried|resolved)\s+(?:unanimously\s+)?by\s+all"
    r"(?:\s+(?:the\s+)?(?:members|partners|present|councillors|trustees|governors|directors))?"
    r"|(?:it was\s+)?(?:duly\s+)?(?:moved|proposed)(?:\s*(?:,|and)\s*(?:duly\s+)?seconded)?"
    r"(?:\s*,?\s*and)?)\s*[.;]?\s*$")


def is_bare_result(text: str) -> bool:
    """"Approved: 6-0", "Motion carried.", "Minutes: AGREED:": a vote's result or a label, no
    outcome of its own."""
    return bool(EMPTY_CLAUSE.match(" ".join(re.sub(r"<[^>]{0,40}>", " ", text).split())))


INITIALS_ACTOR = re.compile(r"^[A-Z]{2,4}(?:\s*(?:,|/|&|and)\s*[A-Z]{2,4})*$")
SUBJUNCTIVE_THAT = re.compile(
    r"\s*(?:that|THAT)\b[^.;]{0,240}?\b(?:be|BE) (?:\w+ly )?\w+(?:ed|en|t)\b")


def set_aside(sentence: str) -> bool:
    """Narrative, a hypothesis or a routine: never an entry, however it is worded."""
    return bool(_pattern("narrative_markers").search(sentence)
                or _pattern("hypothetical_markers").search(sentence)
                or (_pattern("standing_markers").search(sentence)  # stricter than _standing:
                    and not _pattern("outcome_first").match(sentence))  # "noted" does not save
                or _pattern("decision_exclude").search(sentence))


def opens_with_imperative(sentence: str) -> bool:
    """"Raise awareness ...": an action-plan row that opens with its verb."""
    first = sentence.split()[0].lower().strip(",.:;") if sentence.split() else ""
    return first in _words("commitment_verbs")


def orders_a_task(sentence: str) -> bool:
    """"Order new litter signs", "Write to the Clerk ...": a line that opens with the verb
    of a task (not of an outcome such as "Agree ..." or "Approve ...") is an action."""
    first = sentence.split()[0].lower().strip(",.:;") if sentence.split() else ""
    return opens_with_imperative(sentence) and first not in _words("outcome_imperatives")


def opens_with_outcome(sentence: str) -> bool:
    """"Approve the closure of ...", "Note the responses ...": a limb worded as the
    meeting's act, its verb capitalised and an object after it."""
    words = sentence.split()
    return len(words) >= 4 and words[0][:1].isupper() and words[0].lower() in _words(
        "outcome_imperatives") and words[0].lower() not in ("report", "update", "work")


def predicts_effect(sentence: str) -> bool:
    """"The strategy would act as the foundation for ...": what something is expected to
    achieve (an aim or a view), not a task, unless its subject names an actor."""
    m = _pattern("effect_prediction").match(sentence.strip())
    return bool(m) and actor_in(m.group("subject")) is None


AGREEMENT_RULES = ("it-was-agreed", "agreed-by-all", "all-agreed", "body-agreed-that",
                   "body-decided")


def reads_as_agreement(sentence: str) -> bool:
    """"It was unanimously agreed to accept the quote ...": worded as the meeting's
    agreement (whether or not the rule took it), so a decision."""
    return any(name in AGREEMENT_RULES and pattern.search(sentence)
               for name, _, pattern, _ in _rules()[0])


def agenda_wording(sentence: str) -> bool:
    """"To consider the quotes for ...": an agenda item's wording, not its outcome."""
    return bool(_pattern("agenda_wording").match(sentence.strip()))


def only_reports(sentence: str) -> bool:
    """"The clerk reported that ...": what someone said or presented, with no commitment."""
    return bool(_pattern("report_opening").match(sentence)) and not _pattern(
        "commitment_cue").search(sentence)


def _standing(sentence: str) -> bool:
    """"The Council approves its budget each February": a routine, not the meeting's act."""
    return bool(_pattern("standing_markers").search(sentence)) and not (
        _pattern("meeting_act_verbs").search(sentence)
        or _pattern("outcome_first").match(sentence))


def _decision(text: str, s: int, e: int, item: str | None) -> Candidate | None:
    clause = text[s:e]
    directive = any_of("actionable.json", "directive")
    if _pattern("decision_exclude").search(clause):
        return None
    for name, needs_directive, pattern, whole in _rules()[0]:
        m = pattern.search(clause)
        if not m:
            continue
        after = clause[m.end():]
        if needs_directive and not (directive.search(after) or re.match(r"\s*to\s+[a-z]", after)
                                    or SUBJUNCTIVE_THAT.match(after)):
            continue
        start = s if whole else s + _cut(clause, m.start())
        return Candidate("decision", start, e, f"prose:{name}", PROSE, item)
    return None


def _action(text: str, s: int, e: int, item: str | None) -> Candidate | None:
    clause = text[s:e]
    for name, has_actor, pattern in _rules()[1]:
        for m in pattern.finditer(clause):
            if name == "modal-future" and not (_completable(clause, m) and _agent_or_occasion(
                    clause, m)):
                continue
            if name == "to-be-done" and set(m.group("np").lower().split()) & _words("np_verbs"):
                continue
            if name == "going-to" and m.group("verb") in _words("modal_stative_verbs"):
                continue
            if name in ("to-be-done", "going-to") and (
                    _pattern("hypothetical_markers").search(clause)
                    or _pattern("standing_markers").search(clause)):
                continue
            if name == "agreed-to" and _actor_is_body(m.group("actor")):
                continue
            if name == "who-to-verb" and m.group("verb") not in _words("who_to_verbs") and not (
                    INITIALS_ACTOR.match(m.group("actor")) and m.group("verb").islower()):
                continue  # "LG and DW to facilitate ...": initials name who acts, any verb
            if name == "intends-to" and (m.group("verb") not in _words("intention_verbs")
                                         or _pattern("hypothetical_markers").search(clause)
                                         or _pattern("standing_markers").search(clause)):
                continue
            if name in ("asked-to", "passive-request") and m.group("verb") in _words(
                    "request_in_meeting_verbs"):
                continue
            if name == "passive-request" and _pattern("proposal_request").match(
                    clause[m.start("actor"):]):
                continue  # "Members are asked to ...": a report's request to the meeting
            begin = m.start("actor") if "actor" in m.groupdict() and has_actor else m.start()
            begin = _cut(clause, begin) if name != "modal-future" else _modal_start(clause, m)
            actor = _actor(m.group("actor")) if "actor" in m.groupdict() else None
            if name == "modal-future" and m.group("verb").startswith("be ") or (
                    name == "who-to-verb" and m.group("verb") == "be"):
                actor = None  # "Local Offers to be reviewed": the thing, not who acts
            elif name == "modal-future" and actor is not None:
                actor = _actor(clause[begin:m.start("verb")].rsplit(" would ", 1)[0]
                               .rsplit(" will ", 1)[0].rsplit(" shall ", 1)[0])
            return Candidate("action", s + begin, e, f"prose:{name}", PROSE, item,
                             actor=actor)
    return None


def _cut(clause: str, at: int) -> int:
    """Start the entry at ``at`` when what precedes it is a separate narrative clause."""
    prefix = clause[:at]
    if len(prefix.split()) < 4:
        return 0
    if re.search(r"(?:,|\band|\bbut|;|:)\s*$", prefix):
        return at
    m = re.search(r"(?:,|\band|\bbut|;|:)\s+((?:the|The|a|an)\s+)$", prefix)
    return m.start(1) if m else 0  # "..., and the Secretary was instructed to ..."


def _modal_start(clause: str, m: re.Match[str]) -> int:
    """Where the clause holding the modal verb begins."""
    modal_at = m.start("verb")
    prefix = clause[:modal_at]
    best = 0
    for cut in CUT_BEFORE.finditer(prefix):
        tail = prefix[cut.end():]
        word = cut.group().strip(" ,")
        if word == "and" and len(prefix[:cut.start()].split()) < 6:
            continue
        if len(tail.split()) <= 10 and word != "that":
            best = cut.end()
        elif cut.group().strip(" ,") == "that" and len(prefix[:cut.start()].split()) > 15:
            best = cut.end()
    return best


def _completable(clause: str, m: re.Match[str]) -> bool:
    """A specific, completable future step (not a view, a hypothesis or a routine)."""
    verb = m.group("verb").split()
    before = clause[:m.start("verb")]
    if _pattern("hypothetical_markers").search(clause) or _pattern("standing_markers").search(
            clause):
        return False
    rels = list(_pattern("relative_modal").finditer(before))
    rel = rels[-1] if rels else None
    if rel is not None and rel.end() >= len(before.rstrip()) - 12:
        words_before = {w.lower().strip(",") for w in before[:rel.start()].split()[-3:]}
        named = NAMED_RELATIVE.search(before)  # "..., which Jess Bailiss would circulate"
        if not words_before & _words("reporting_verbs") and not named:
            return False
    subject = before.rsplit(None, 2)[-2:] if before.split() else []
    if subject and subject[0].lower() in ("there", "it", "this", "that", "which", "what"):
        if not _pronoun_to_meeting(clause, m, subject) and (
                verb[0] == "be" or subject[0].lower() != "this"):
            return False
    if verb[0] == "get" and len(verb) > 1 and not PARTICIPLE.match(verb[1].lower()):
        verb = ["get"]  # "would get the contractor to ...": get as a main verb
    if verb[0] == "be" and len(verb) > 1 and _progressive(verb[1]):
        return True  # "the Council would be writing to ..."
    if verb[0] in ("be", "get") and len(verb) > 1:
        part = verb[1].lower()
        if part in _words("modal_be_ok"):  # "would be in attendance", not "will be in May"
            return part != "in" or bool(re.match(r"\s*(?:attendance|touch|contact)\b",
                                                 clause[m.end("verb"):]))
        return part in _words("commitment_participles") or (
            part not in _words("modal_stative_participles") and bool(PARTICIPLE.match(part))
            and _person_subject(before))
    if verb[0].lower() in _words("commitment_verbs"):
        return True
    return verb[0].lower() not in _words("modal_stative_verbs") and (
        _person_subject(before) or _named_person(before))


NAME_BEFORE = re.compile(r"(?:^|[.;:,]\s+|\band\s+|\bthat\s+)((?-i:[A-Z][a-z’'\-]+)"
                         r"(?:\s+(?-i:[A-Z][a-z’'\-]+)){0,2})\s*$")


def _named_person(before: str) -> bool:
    """"Fiona will attend ...": a person's name, as spaCy's entity recogniser reads it, just
    before the modal (asked only of a capitalised name, so most sentences never parse)."""
    m = NAME_BEFORE.search(before)
    if m is None or m.group(1).split()[0].lower() in _words("not_agent_first"):
        return False
    from minutes.extractors.owners import _tagged  # spaCy's tags, cached per text

    return _tagged(before.rstrip() + " will").get(m.start(1), ("", "", ""))[2] == "PERSON"


def _pronoun_to_meeting(clause: str, m: re.Match[str], subject: list[str]) -> bool:
    """"This will be discussed at the next Finance Committee": a pronoun sent to a meeting."""
    verb = m.group("verb").split()
    return (subject[0].lower() in ("this", "it", "these") and verb[0] == "be" and len(verb) > 1
            and verb[1].lower() in _words("commitment_participles")
            and bool(_pattern("meeting_occasion").search(clause[m.end("verb"):])))


def _progressive(word: str) -> bool:
    """"writing", "contacting": the -ing form of a completable verb."""
    word = word.lower()
    if not word.endswith("ing"):
        return False
    stem = word[:-3]
    verbs = _words("commitment_verbs")
    return stem in verbs or stem + "e" in verbs or (len(stem) > 2 and stem[-1] == stem[-2]
                                                    and stem[:-1] in verbs)


def _person_subject(before: str) -> bool:
    """The words before the modal end in a person or role ("the Clerk", "Cllr Ray", "officers")."""
    words = [w.lower().strip(",.’'s()") for w in before.split()[-4:]]
    return bool(set(words) & _words("person_nouns"))


def _agent_or_occasion(clause: str, m: re.Match[str]) -> bool:
    """Active: the subject names a person, role or body; passive: a when or a to-whom."""
    verb = m.group("verb").split()
    passive = (verb[0] == "be" and not (len(verb) > 1 and _progressive(verb[1]))) or (
        verb[0] == "get" and len(verb) > 1 and bool(PARTICIPLE.match(verb[1].lower())))
    if passive and verb[-1] not in _words("modal_be_ok"):
        return verb[-1].lower() in _words("strong_participles") or bool(
            _pattern("passive_occasion").search(clause[m.start("verb"):]))
    start = _modal_start(clause, m)
    subject = re.split(r"(?:^|\s+)(?:would|will|shall)\b", clause[start:m.start("verb")])[0]
    subject = re.sub(r"^.*\b(?:that|said|advised|confirmed|reported|stated|explained)\s+", "",
                     subject).strip(" ,;:–—-“”\"'")
    words = subject.split()
    if not words and re.search(r"\band\s*$", clause[:start]):
        words = clause.split()[:3]  # "X had attended ... and would circulate": X acts
    if not words:
        return False
    if words[0][:1].isupper() and words[0].lower().strip(",") not in _words("not_agent_first"):
        return True
    if any(w[:1].isupper() for w in words[1:]):
        return True
    return any(w.lower().strip(",.’'s") in _words("agent_nouns") for w in words)


BODY = re.compile(r"(?i)(?<!\bof )(?<!\bof the )\b(?:members|councillors|committee|board|panel|"
                  r"council|cabinet|forum|commission|authority|group|partnership|governing body|"
                  r"trust|meeting)"
                  r"(?:\s+of\s+(?:the\s+)?(?-i:[A-Z][\w&’'\-]*)(?:\s+(?-i:[A-Z][\w&’'\-]*))*)?\s*$")


def _actor_is_body(actor: str) -> bool:
    return bool(BODY.search(actor.strip()))


def _actor(text: str | None) -> str | None:
    """The named actor, or None for pronouns and things."""
    if not text:
        return None
    text = re.split(r"\b(?:that|said|advised|confirmed|reported|stated|explained|informed "
                    r"\w+ that)\s+", text)[-1]
    text = text.strip(" ,;:–—-“”\"'")
    if not text or len(text.split()) > 10:
        return None
    if text.lower() in _words("non_actor_subjects") or text.split()[0].lower() in (
            "he", "she", "they", "it", "this", "there", "which", "we", "i", "a", "an"):
        return None
    return text


def motion_carried(doc_text: str, start: int, end: int, next_text: str | None,
                   item: str | None) -> Candidate | None:
    """A motion sentence ("It was moved ... to approve ...") carried by the next sentence."""
    if next_text is None or not _pattern_in("motion_rules", "carried").search(next_text.strip()):
        return None
    if not _pattern_in("motion_rules", "motion").search(doc_text[start:end]):
        return None
    return Candidate("decision", start, end, "prose:motion-then-carried", PROSE, item)


def is_motion(sentence: str) -> bool:
    """"It was moved by ... to approve ...": the words of a motion, whatever became of it."""
    return bool(_pattern_in("motion_rules", "motion").search(sentence))


def is_mover_only(sentence: str) -> bool:
    """"Cllr A proposed, Cllr B seconded and approved": who moved a motion, not the motion."""
    return bool(_pattern("mover_only").match(sentence.strip()))


# "..., Carrie seconded." / "and Mark seconded.": who seconded, after the motion's words
SECONDER_TAIL = re.compile(r"(?:,\s*|\s+and\s+)(?:(?:cllr|councillor|commissioner|director|mr|"
                           r"mrs|ms|dr)\.?\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)?\s+"
                           r"seconded(?: the motion)?(?=\W*$)", re.IGNORECASE)
# "Jim motioned to approve.": a motion with no words of its own (what it approves is elsewhere)
BARE_VERB_MOTION = re.compile(r"(?i)\b(?:moved|motioned)\s+to\s+[a-z]+\W*$")


def is_moved_motion(sentence: str) -> bool:
    """"MOVED by Councillor X to tender two graders.": a whole motion put by a named mover,
    recorded as the meeting's business (not a lead-in to a list, nor a call for a motion)."""
    body = SECONDER_TAIL.sub("", sentence.strip())
    return (bool(_pattern_in("motion_rules", "moved").search(body))
            and not BARE_VERB_MOTION.search(body)
            and bool(re.search(r"[.!?)\"”’]\s*$", body))  # whole, not cut by a line end
            and not _pattern_in("motion_rules", "not_moved").search(body))


@functools.cache
def _pattern_in(group: str, key: str) -> re.Pattern[str]:
    return re.compile(load_json("prose.json")[group][key])


BARE_CARRIED = re.compile(
    r"(?i)^\W*(?:the\s+)?(?:motion|resolution|vote|amendment|recommendation)?\s*"
    r"(?:(?:was|is|then|duly|unanimously|therefore)\s+)*"
    r"(?:carried|passed|approved|adopted|agreed|lost|defeated|failed)(?:\s+unanimously)?"
    r"(?:[\s,(]*(?:by\s+)?\d+\s*(?:[-–:]|to|votes? to)\s*\d+\)?(?:\s+votes?)?)?\W*$")


def is_carried_line(text: str) -> bool:
    """A bare "Motion carried." / "CARRIED 5-0" line: it carries the motion before it,
    and says nothing itself ("Motion to approve X carried 4-1" is not bare)."""
    return bool(BARE_CARRIED.match(text.strip()))
