"""Owners: who must act, as the text names them.

Rules, first match wins: an action tag ("Action: RG/GP", a trailing "(CP)"); a
delegate ("delegate to the Head of Planning"); the subject of a commitment or a
request ("X agreed to", "X would", "X to circulate", "X be requested to", "That
X write"); the object of a request ("asks the Clerk to"); a passive agent ("to
be kept by the Clerk"); the party a step is enabled for or rests with; the body
a recommendation or referral goes to. Then the lead-in gets the same rules.
None when the text names no one. Word lists live in ``data/owners.json``.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from minutes.extractors.resources import load_json

DATA = Path(__file__).parent / "data" / "owners.json"
TOKEN = re.compile(r"\s*(\([^()]{1,80}\)|(?:[A-Z]\.){2,4}(?![A-Za-z])|[A-Za-z][\w'’\-]*"
                   r"|\d[\w/.\-]*|\S)")
PRONOUN = re.compile(r"\s*\b(he|she|they)\b", re.IGNORECASE)
ENUMERATOR = re.compile(
    r"^\s*(?:\(?(?:[0-9]{1,2}|[a-z]|[ivx]{1,5})[.)]|\([a-z0-9]{1,4}\)|[•·▪◦●\-–*])\s+")
OBJECT_AHEAD = re.compile(  # "order *the* signs": a noun/verb word taking an object is a verb
    r"\s+(?:the|a|an|this|these|those|their|its|his|her|all|any|each|every|further|back)\b",
    re.IGNORECASE)
RECOMMENDS_THAT = re.compile(r"\brecommend(?:s|ed)?(?:\s+to\s+[^,;]{1,60}?)?\s+that\s*,?\s*$",
                             re.IGNORECASE)
WHY = {  # how a subject acts, for --explain
    "request": "'be asked/authorised to'", "commitment": "'agreed/undertook to'",
    "modal": "'would/will'", "infinitive": "'X to do'", "subjunctive": "'That X do'",
    "perfect": "'has done'", "progressive": "'is doing'",
}
STRONG_LABELS = frozenset({"request", "commitment", "modal", "infinitive", "subjunctive"})
PLACEHOLDER = " take the following steps"  # stands in for the limbs after a lead-in's colon
LEAD_IN_LABELS = STRONG_LABELS
INITIALS = re.compile(r"^(?:[A-Z]{1,4}|(?:[A-Z]\.){2,4})$")
POSSESSIVE = re.compile(r"['’]s?$")
PARTICIPLE = r"(?:[\w-]+ed|[\w-]+en|made|put|set|sent|held|brought|taken|given|done|shown|kept|" \
    r"paid|sought|met|read|told|built|bought|left|run|found|known|seen|drawn|heard|led|lost|" \
    r"sold|spent|won|cut|let|shut|split|spread|undertaken|withdrawn|laid|begun|overseen)"
ADV_LY = r"(?!(?:comply|apply|reply|supply|rely|multiply|ally)\b)\w+ly"
NO_ARTICLE = r"(?!the\b|a\b|an\b|this\b|that\b|these\b|those\b|its\b|their\b|his\b|her\b)"


@dataclass(frozen=True)
class Actor:
    """A phrase naming who acts, where it lies in the searched text."""

    text: str
    start: int
    end: int
    head: str  # lower-cased head word, e.g. "director" in "the Director of Finance"


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """The word lists of ``data/owners.json``, as sets."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    lex: dict = {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}
    lex["initials_stop"] = frozenset(raw["initials_stop"])  # these two kept upper case
    return lex


def _alt(words: frozenset[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any gap."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The rules' regexes, built once from the word lists."""
    lex = lexicon()
    adv = rf"(?:\s+(?:{_alt(lex['adverbs'])}|{ADV_LY}))*"
    flags = re.IGNORECASE
    return {
        "request": re.compile(
            rf"{adv}\s+(?:has\s+been|have\s+been|had\s+been|will\s+be|would\s+be|shall\s+be|to\s+be|"
            rf"should\s+be|be|is|are|was|were|been|being){adv}\s+"
            rf"{_alt(lex['request_participles'])}\b(?:\s*,[^,;]{{1,100}},)?(?:\s+(?!and\b)[\w’'-]+){{0,3}}?"
            r"\s+(?:to|with)(?:\s+(\w+)|\s*[:\-–]*\s*$)",
            flags),
        "commitment": re.compile(
            rf"{adv}\s+{_alt(lex['commitment_verbs'])}\s+to{adv}\s+{NO_ARTICLE}([a-z]+)", flags),
        "passive": re.compile(
            rf"{adv}\s+{_alt(lex['modals'])}{adv}\s+(?:not\s+)?be{adv}\s+{PARTICIPLE}\b", flags),
        "modal": re.compile(rf"{adv}\s+{_alt(lex['modals'])}{adv}\s+(?:not\s+)?([a-z]+)", flags),
        "infinitive": re.compile(rf"\s+to{adv}\s+(?!be\b){NO_ARTICLE}([a-z]+)\b"),
        "perfect": re.compile(
            rf"{adv}\s+(?:has|have|had){adv}\s+(?!been\b|to\b|not\b|no\b|a\b|an\b|the\b)[a-z]+",
            flags),
        "progressive": re.compile(
            r"\s+(?:is|are|was|were)(?:\s+(?:currently|now|still|already))?\s+(?!being\b)[a-z]+ing\b",
            flags),
        "subjunctive": re.compile(rf"(?:\s+{ADV_LY})?\s+([a-z]+)\b"),
        "aside": re.compile(r"\s*,(?:\s*(?:in consultation|in conjunction|in discussion|together|"
                            r"jointly) with [^;]{1,140}?,(?=\s*(?:be|is|are|will|would|should|"
                            r"shall|must|to|has|have)\b)|[^,;]{1,100},)"),
        "clause": re.compile(
            rf"(?:^|[.;:!?,]\s+|(?-i:(?<=[a-z]\s)(?=The\s))|\bthat\s+|\b(?:and|but|whereby|which|so|otherwise|accordingly)\s+|"
            rf"\b{_alt(lex['reporting_verbs'])}(?:\s+{_alt(lex['reporting_objects'])})?\s+)",
            flags),
        "opener": re.compile(rf"(?:{_alt(lex['clause_openers'])}\s*,?\s+)+", flags),
        "noted_that": re.compile(r"\bnot(?:e|ed|es|ing)\s+that\s+$", flags),
        "delegation": re.compile(rf"\b{_alt(lex['delegation_words'])}\b", flags),
        "to": re.compile(r"\bto\s+", flags),
        "object_request": re.compile(rf"\b{_alt(lex['request_verbs'])}\s+", flags),
        "then_to": re.compile(r"(?:\s*,[^,;]{1,100},)?\s+to\s+(\w+)"),
        "by_agent": re.compile(
            rf"\b(?:to\s+be|be|will\s+be|would\s+be|shall\s+be|should\s+be|must\s+be|"
            rf"needs?\s+to\s+be){adv}\s+([\w-]+)\s+(?:[\w-]+\s+){{0,2}}?by\s+", flags),
        "enabling": re.compile(
            rf"\b(?:{_alt(lex['enabling_verbs'])}|{_alt(lex['grants'])}\s+(?:was\s+|were\s+|be\s+)?"
            rf"(?:given|granted)\s+to|(?:gave|give|gives|grant|grants|granted)\s+(?:the\s+)?"
            rf"{_alt(lex['grants'])}\s+to)\s+", flags),
        "enabled_to": re.compile(
            rf"(?:\s*,[^,;]{{1,100}},)?\s*(?:(?:{_alt(lex['enabling_objects'])}\s+)?to\s+[a-z]"
            r"|for\s+the\s+[a-z]+(?:ion|ment|ance|al)\b|for\s+the\s+[a-z]+\s+of\b)",
            flags),
        "responsibility": re.compile(rf"\b{_alt(lex['responsibility_verbs'])}\s+", flags),
        "referral": re.compile(
            rf"\b{_alt(lex['referral_verbs'])}\b(?:\s+(?!that\b)[\w’'-]+){{0,8}}?\s+to\s+", flags),
        "referral_passive": re.compile(
            rf"\b(?:be|been|being|is|are|was|were)\s+{_alt(lex['referral_verbs'])}\b"
            rf"(?:\s+(?!that\b)[\w’'-]+){{0,8}}?\s+to\s+", flags),
        "agreed_to_refer": re.compile(
            rf"\b(?:agreed|resolved|decided)\s+to\s+{_alt(lex['referral_verbs'])}\b"
            rf"(?:\s+(?!that\b)[\w’'-]+){{0,8}}?\s+to\s+", flags),
        "for_by": re.compile(rf"\bfor\s+{_alt(lex['referral_purposes'])}\s+by\s+", flags),
        "tag": re.compile(
            rf"(?:^|[\s.;(\[])(?:{_alt(lex['tag_words'])})\s*(?:by\s*)?[:–—-]\s*"
            r"(?P<who>[^.;:\n]{1,60}?)\s*[.;)\]]*\s*$", flags),
        "tag_bare": re.compile(
            r"\bACTIONS?\s+(?P<who>[A-Z]{1,4}(?:\s*[/,&]\s*[A-Z]{1,4})*)\s*[.;]?\s*$"),
        "tag_dash": re.compile(r"\s[–—-]\s*(?P<who>[^–—\-.;:()]{1,40}?)\s*[.;]?\s*$"),
        "tag_initials_date": re.compile(  # an action log row: "... ratio MW 14.8.12 Not yet due"
            r"\s(?P<who>[A-Z]{2,3}(?:\s*[/&]\s*[A-Z]{2,3})*)\s+(?=\d{1,2}(?:[./]\d{1,2}[./]\d{2,4}\b"
            r"|\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b))"),
        "tag_paren": re.compile(
            r"\((?P<who>[^()]{1,40})\)\s*[.;]?\s*$"),
    }


def _is_role(word: str) -> bool:
    """Whether ``word`` is a role, body or group word ("Clerk", "Cabinet", "everyone")."""
    lex = lexicon()
    w = POSSESSIVE.sub("", word.lower())
    return w in lex["roles"] or w in lex["bodies"] or w in lex["groups"]


def _role_ahead(s: str, pos: int) -> bool:
    """Whether the next word is a lower-case role or body word ("parish *councillor*")."""
    m = TOKEN.match(s, pos)
    return bool(m) and m.group(1)[0].islower() and _is_role(m.group(1)) \
        and m.group(1).lower() not in lexicon()["groups"]


def _noun_ahead(s: str, pos: int, after_to: bool = False) -> bool:
    """Whether a connector at ``pos`` leads on to more of a name ("Head *of Planning*");
    after "to" a lower-case word other than a role is a verb ("Mrs Oxley *to contact* members")."""
    m = TOKEN.match(s, pos)
    if not m:
        return False
    tok = m.group(1)
    if after_to and tok[0].isupper() and not _is_role(tok) and (
            _imperative(tok) or tok.lower() in lexicon()["contract_verbs"]):
        return False  # "the Mayor to Sign a Contract": a title-cased verb, not "to Council"
    return tok.lower() in lexicon()["determiners"] or tok[0].isupper() or _is_role(tok) \
        or (not after_to and tok.isalpha() and _modifier(tok.lower()) and _role_ahead(s, m.end()))


def _capital_ahead(s: str, pos: int) -> bool:
    """Whether a name particle leads on to a capitalised word ("van *der Berg*")."""
    m = TOKEN.match(s, pos)
    while m and m.group(1).lower() in lexicon()["name_particles"]:
        m = TOKEN.match(s, m.end())
    return bool(m) and m.group(1)[0].isupper()


def _modifier(word: str) -> bool:
    """Whether a lower-case word may qualify a role ("responsible officers"), not a verb."""
    lex = lexicon()
    return not (word in lex["non_subjunctive"] or word in lex["reporting_verbs"]
                or word in lex["request_verbs"] or word in lex["commitment_verbs"]
                or bool(re.fullmatch(ADV_LY, word)))


def _sentence_initial(s: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence or limb, where capitals say nothing about names."""
    before = s[:pos].rstrip()
    return not before or before[-1] in ".!?:;" or before.lower().endswith(("that", "resolved"))


def actor_at(s: str, pos: int) -> Actor | None:
    """The actor phrase starting at ``pos`` (after spaces), or None if none is named there."""
    lex = lexicon()
    parts: list[tuple[str, int, int, str]] = []  # (token, start, end, kind)
    i = pos
    while True:
        m = TOKEN.match(s, i)
        if not m:
            break
        tok, low, start, end = m.group(1), m.group(1).lower(), m.start(1), m.end(1)
        last = parts[-1][3] if parts else None
        if low in lex["determiners"] and last in (None, "conn"):
            kind = "det"
        elif len(tok) == 1 and tok.isupper() and last == "name" and _capital_ahead(s, end):
            kind = "name"  # "Cllr A Lee": an initial, not the article
        elif low in lex["determiners"] and tok[0].isupper():
            break  # "... Analysis The Board will": a heading glued to a sentence
        elif tok[0].isupper():
            if tok.isupper() and tok.isalpha() and (len(tok) >= 5 or tok in lex["initials_stop"]):
                break  # RESOLVED, NOTED, BE: shouted verbs, not names
            kind = "name"
            if (low in lex["titles"] or len(tok) == 1) and s.startswith(".", end):
                end += 1  # "Dr.", "J. Smith"
        elif tok[0] == "(":
            inner = tok[1:-1]
            if last not in ("name", "role") or not re.search(r"[A-Z]", inner) \
                    or len(inner.split()) > 8:
                break
            kind = "paren"
        elif low in lex["name_particles"] and last in ("name", "conn") and _capital_ahead(s, end):
            kind = "conn"  # "Ruth van der Berg"
        elif tok[0].isdigit() and last == "name" and len(tok) <= 4:
            kind = "num"  # "Section 151 Officer"; never the end of a name
        elif _is_role(tok):
            kind = "role"
        elif low in lex["connectors"] or tok == "/":
            if last in (None, "det", "conn") or not _noun_ahead(s, end, after_to=low == "to"):
                break
            kind = "conn"
        elif tok[0].islower() and tok.isalpha() and last in (None, "det", "conn", "mod", "name") \
                and _modifier(low) and _role_ahead(s, end):
            kind = "mod"
        else:
            break
        parts.append((tok, start, end, kind))
        i = end
    while parts and parts[-1][3] in ("det", "conn", "mod", "num"):
        parts.pop()
    if not parts:
        return None
    text = s[parts[0][1]:parts[-1][2]]
    head = _head(parts)
    if not _valid(parts, head, _sentence_initial(s, parts[0][1]), s):
        return None
    return Actor(text, parts[0][1], parts[-1][2], head)


def _head(parts: list[tuple[str, int, int, str]]) -> str:
    """The head word: the last word before the first of/for/to/at (last conjunct)."""
    head = ""
    for tok, _, _, kind in parts:
        if kind == "conn" and tok.lower() in ("of", "for", "to", "at"):
            break
        if kind in ("name", "role"):
            head = POSSESSIVE.sub("", tok.lower()) if kind == "name" else tok.lower()
    return head


# "Chair will discuss ...", "Chair to write ...": a modal or "to" after it makes the word a noun
NOUN_FOLLOWS = re.compile(r"\s+(?:will|would|shall|should|to|is|was|has|had|agreed|undertook)\s")


def _valid(parts: list[tuple[str, int, int, str]], head: str, initial: bool, s: str) -> bool:
    """Whether a scanned phrase names someone: a role or body, a titled or full name, initials."""
    lex = lexicon()
    content = [p for p in parts if p[3] in ("name", "role", "paren")]
    words = [POSSESSIVE.sub("", p[0].lower()) for p in content if p[3] != "paren"]
    names = [p for p in content if p[3] == "name"]
    titled = any(p[0].lower().rstrip(".") in lex["titles"] for p in names[:-1])
    if not words or not head or head in lex["pronouns"] or (
            head in lex["not_owner_heads"] and not titled):
        return False  # "The Grant will ...", but "Cllr Amy Grant will ..."
    if parts[0][0].lower() in lex["connectors"]:
        return False  # "To delegate authority ...": a limb's opening verb, not a name
    if re.search(r"['’]s?$", parts[-1][0]) and parts[-1][3] != "paren":
        return False  # "the Director's" qualifies a noun that follows
    if initial and parts[0][3] == "name" and _imperative(parts[0][0]) \
            and not (len(parts) == 1 and NOUN_FOLLOWS.match(s, parts[-1][2])):
        return False  # "Ask Cllrs to send ...", "Write to ...": a task worded as an order
    if any(w in lex["roles"] or w in lex["bodies"] or w in lex["groups"] for w in words):
        return True
    if titled:
        return True
    if all(INITIALS.match(p[0]) and p[0] not in lex["initials_stop"] for p in names):
        return True
    if len(names) >= 2:
        return True
    return not initial or _proper_noun(s, names[0][1])


def _imperative(word: str) -> bool:
    """Whether ``word`` is a verb that opens an order ("Ask", "Write", "Circulate")."""
    low = word.lower()
    return low in lexicon()["request_verbs"] or low in load_json("prose.json")["commitment_verbs"]


@functools.lru_cache(maxsize=64)
def _tagged(s: str) -> dict[int, tuple[str, str, str]]:
    """spaCy's (pos, tag, entity type) for each token start of ``s`` (loaded lazily)."""
    from minutes.extractors.nlp import load_nlp

    doc = load_nlp()(s[:1000], disable=["parser", "lemmatizer"])
    return {t.idx: (t.pos_, t.tag_, t.ent_type_) for t in doc}


def _proper_noun(s: str, start: int) -> bool:
    """Whether the capitalised word at ``start`` is a proper noun (spaCy tagger)."""
    pos, _, ent = _tagged(s).get(start, ("", "", ""))
    return pos == "PROPN" or ent in ("PERSON", "ORG", "GPE", "NORP", "FAC")


def _present_verb(s: str, start: int) -> bool:
    """Whether the word at ``start`` is a present-tense or bare verb ("write", "writes")."""
    return _tagged(s).get(start, ("", "", ""))[1] in ("VB", "VBP", "VBZ")


def _verb_after(s: str, actor: Actor, kind: str, after_that: bool, initial: bool,
                allowed: frozenset[str] | None) -> str | None:
    """How ``actor`` acts in the words after it ("request", "commitment", ...), or None."""
    lex, pat = lexicon(), _patterns()
    body = actor.head in lex["meeting_bodies"]
    starts = [actor.end]
    aside = pat["aside"].match(s, actor.end)
    if aside:
        starts.append(aside.end())
    for start in starts:
        label = _label(s, start, kind, after_that, initial, lex, pat)
        if label is None or (allowed is not None and label[0] not in allowed):
            continue
        name, verb = label
        if name == "request":
            return None if (verb or "").lower() in lex["no_owner_infinitives"] else name
        if body and kind == "decision" and name != "modal":
            return None  # the meeting itself is no owner of its own outcome, unless it
            # "will look at this further" or "should continue to look at ..."
        if body and kind == "recommendation" and (
                (name == "subjunctive" and verb.endswith("s"))
                or (name == "commitment" and verb.lower() in lex["outcome_verbs"])):
            return None
        return name
    return None


def _label(s: str, start: int, kind: str, after_that: bool, initial: bool, lex: dict,
           pat: dict[str, re.Pattern[str]]) -> tuple[str, str] | None:
    """The kind of verb group at ``s[start:]`` that makes its subject an actor, and its verb."""
    rest = s[start:]
    m = pat["request"].match(rest)
    if m:
        return "request", m.group(1)
    m = pat["commitment"].match(rest)
    if m:
        return "commitment", m.group(1)
    if pat["passive"].match(rest):
        return None
    m = pat["modal"].match(rest)
    if m:
        return "modal", m.group(1)
    m = pat["infinitive"].match(rest)
    if m and initial:
        return "infinitive", m.group(1)
    if pat["perfect"].match(rest):
        return "perfect", ""
    if kind == "action" and pat["progressive"].match(rest):
        return "progressive", ""
    m = pat["subjunctive"].match(rest)
    if m and (after_that or (initial and (kind != "action" or not (
            m.group(1).endswith("s") or m.group(1).lower() in lex["request_verbs"])))):
        verb = m.group(1)
        if verb in lex["non_subjunctive"] or verb in lex["reporting_verbs"] \
                or verb in lex["past_tense"] or verb.endswith("ed") or re.fullmatch(ADV_LY, verb):
            return None
        if _present_verb(s, start + m.start(1)) or (
                OBJECT_AHEAD.match(rest, m.end(1)) and not verb.endswith("ing")):
            return "subjunctive", verb
    return None


INITIAL_BEFORE = re.compile(r"(?:^|\s)[A-Z]$")  # a lone capital just before a dot


def _clause_subject(s: str, kind: str, allowed: frozenset[str] | None = None
                    ) -> tuple[Actor, str] | None:
    """The first clause whose subject is an actor doing something."""
    pat = _patterns()
    speaker: Actor | None = None
    for m in pat["clause"].finditer(s):
        if s.startswith(".", m.start()) and INITIAL_BEFORE.search(s, 0, m.start()):
            continue  # "John E. Parker": an initial's dot ends no clause
        pos = m.end()
        opener = pat["opener"].match(s, pos)
        if opener:
            pos = opener.end()
        before = s[:pos]
        if kind == "decision" and pat["noted_that"].search(before):
            continue
        actor = actor_at(s, pos)
        pronoun = PRONOUN.match(s, pos) if actor is None else None
        if pronoun:  # "the Clerk said that she would ...": she is the speaker
            actor = Actor(pronoun.group(1), pronoun.start(1), pronoun.end(1), "")
        if actor is None:
            continue
        after_that = bool(re.search(r"\bthat\s*,?\s+$", before, re.IGNORECASE))
        initial = _sentence_initial(s, actor.start)
        clause_kind = "recommendation" if RECOMMENDS_THAT.search(before) else kind
        label = _verb_after(s, actor, clause_kind, after_that, initial, allowed)
        if label:
            owner = actor
            if pronoun:  # after "said"/"confirmed" the speaker, else the nearest agreeing name
                words = m.group(0).split()
                reported = bool(words) and words[0].lower() in lexicon()["reporting_verbs"]
                near = _antecedent(s, actor)
                owner = (speaker or near) if reported else (near or speaker)
            if owner:
                return (owner if pronoun else _with_list_before(s, owner)), label
        if not pronoun:
            speaker = actor
    return None


LIST_GAP = re.compile(r",\s*(?:and\s+|&\s*)?$")
LIST_OPENS = re.compile(r"(?:^|[.;:!?]\s+|\bthat\s+|\n\s*)$", re.IGNORECASE)
OPENING_WORDS = frozenset({"in", "on", "at", "after", "following", "before", "during", "as",
                           "if", "when", "for", "from", "with", "by", "since", "until", "once",
                           "of", "to", "that", "it", "this", "then", "also", "however"})
WORD_START = re.compile(r"(?<![\w'’.\-])[A-Za-z]")


def _with_list_before(s: str, actor: Actor) -> Actor:
    """"Messrs. Webb, Brady and Sokolowsky were asked to ...": the whole list of names the
    clause split at its commas, not only its last two."""
    if not (re.search(r"\s(?:and|&)\s", actor.text) or re.search(r",\s*(?:and|&)\s*$",
                                                                 s[:actor.start])):
        return actor
    start = actor.start
    for _ in range(8):
        gap = LIST_GAP.search(s, 0, start)
        if gap is None:
            break
        seg = max(s.rfind(ch, 0, gap.start()) for ch in ",;:()") + 1
        if gap.start() - seg > 60:
            seg = gap.start() - 60
        prev = next((a for m in WORD_START.finditer(s, seg, gap.start())
                     if s[m.start():gap.start()].split()[0].lower() not in OPENING_WORDS
                     and (a := actor_at(s, m.start())) is not None and a.end >= gap.start()),
                    None)
        if prev is None:
            break
        start = prev.start
    if start == actor.start or not LIST_OPENS.search(s, 0, start):
        return actor  # "In March, Cllr A and Cllr B ...": a list opens a clause or follows "that"
    return Actor(s[start:actor.end], start, actor.end, actor.head)


def previous_subject(context: str) -> str | None:
    """Who "He will place a proposal ..." means: the person the nearest of the three
    sentences before opens with ("Supervisor Dietrich reported that ..."), when that
    sentence opens with one person."""
    for sent in reversed([x for x in re.split(r"(?<=[.!?])\s+", context.strip()) if x][-3:]):
        opener = _patterns()["opener"].match(sent)
        actor = actor_at(sent, opener.end() if opener else 0)
        if actor is None:
            continue
        if re.search(r"\band\b|&", actor.text) or actor.head in lexicon()["roles"] \
                and actor.head.endswith("s"):
            return None
        return actor.text
    return None


def _antecedent(s: str, pronoun: Actor) -> Actor | None:
    """The nearest actor before a he/she/they that agrees with it in number."""
    plural = pronoun.text.lower() == "they"
    found = None
    for m in re.finditer(r"\b(?=[A-Za-z])", s[:pronoun.start]):
        actor = actor_at(s, m.start())
        if actor and actor.end <= pronoun.start and (found is None or actor.start >= found.end):
            many = bool(re.search(r"\band\b|&", actor.text)) or (
                actor.head.endswith("s") and actor.head in lexicon()["roles"])
            if many == plural:
                found = actor
    return found


def _after(s: str, pattern: re.Pattern[str], then: re.Pattern[str] | None = None
           ) -> tuple[Actor, re.Match[str]] | None:
    """The first actor right after a match of ``pattern`` (and followed by ``then``)."""
    for m in pattern.finditer(s):
        actor = actor_at(s, m.end())
        if actor is None:
            continue
        if then is not None and not then.match(s, actor.end):
            continue
        return actor, m
    return None


def _tag(s: str) -> str | None:
    """The owner an action tag at the end names ("Action: RG/GP", "(CP)", "– Clerk")."""
    pat, lex = _patterns(), lexicon()
    for name in ("tag", "tag_bare", "tag_dash", "tag_paren"):
        m = pat[name].search(s)
        if not m:
            continue
        who = m.group("who").strip()
        tokens = re.split(r"\s*(?:/|,|&|\band\b)\s*", who)
        if all(INITIALS.match(t) and t not in lex["initials_stop"] for t in tokens):
            return who
        actor = actor_at(who, 0)
        if actor and actor.end >= len(who.rstrip(" .")) and (
                name not in ("tag_paren", "tag_dash") or _is_role(actor.head)):
            return actor.text
    return None


def _delegate(s: str) -> Actor | None:
    """The delegate of "delegate(d) (authority) ... to X" within one clause."""
    pat = _patterns()
    for m in pat["delegation"].finditer(s):
        stop = re.search(r"[.;]", s[m.end():])
        window_end = m.end() + (stop.start() if stop else len(s))
        for t in pat["to"].finditer(s, m.end(), window_end):
            actor = actor_at(s, t.end())
            if actor:
                return actor
    return None


def _object_request(s: str) -> Actor | None:
    """X in "asks/requests/invites/directs X to ..."."""
    lex, pat = lexicon(), _patterns()
    for m in pat["object_request"].finditer(s):
        actor = actor_at(s, m.end())
        if actor is None:
            continue
        then = pat["then_to"].match(s, actor.end)
        if not then or then.group(1).lower() in lex["no_owner_infinitives"]:
            continue
        if m.group(0).lower().startswith("invit") and actor.head in lex["meeting_bodies"] \
                and then.group(1).lower() in lex["outcome_verbs"]:
            continue  # the Chair inviting the meeting to consider: the meeting's own business
        return actor
    return None


FOR_TO = re.compile(r"\bfor\s+")
ASKED = re.compile(r"\b(?:asked|asks)\s+")
THEN_INFINITIVE = re.compile(r"\s+to\s+(?:\w+ly\s+)?(?!be\b)([a-z]+)\b")
ASKED_IF = re.compile(r"(?i)\s+(?:if|whether)\s+(?:he|she|they|it|the\s+\w+)\s+"
                      r"(?:could|would|can|will)\b")


def _for_to(s: str) -> Actor | None:
    """X in "agreed for the Clerk to write ..."; a question put to someone ("asked RB if he
    could estimate ...") names the one asked."""
    lex = lexicon()
    for m in FOR_TO.finditer(s):
        actor = actor_at(s, m.end())
        then = THEN_INFINITIVE.match(s, actor.end) if actor else None
        if then and then.group(1).lower() not in lex["no_owner_infinitives"]:
            return actor
    for m in ASKED.finditer(s):
        actor = actor_at(s, m.end())
        if actor and ASKED_IF.match(s, actor.end):
            return actor
    return None


def _by_agent(s: str) -> Actor | None:
    """X in a future passive "to be kept by X" (not "proposed by", "seconded by")."""
    lex, pat = lexicon(), _patterns()
    for m in pat["by_agent"].finditer(s):
        if m.group(1).lower() in lex["by_not_agent"]:
            continue
        actor = actor_at(s, m.end())
        if actor:
            return actor
    return None


def _normalise(text: str) -> str:
    """One line: tags, a leading enumerator, bullet, cell bar or slash, and a leading
    "Action 2.1 -" label before a sentence removed, spaces collapsed."""
    text = re.sub(r"<[^>]{0,40}>", " ", text)
    text = ENUMERATOR.sub("", text)
    text = re.sub(r"\s+", " ", text).strip().lstrip("/|*•·>–—- ")
    label = LEADING_LABEL.match(text)
    if label and len(text[label.end():].split()) >= 4:
        text = text[label.end():]
    return text


# "NB to look at the shelter roof": initials that are also a word, read as who acts
STOP_INITIALS_TO = re.compile(r"^(?P<who>[A-Z]{2,3})\s+(?:to|will|would|is to|are to)"
                              r"\s+(?!be\b)[a-z]")


def _from_text(s: str, kind: str) -> tuple[str | None, str]:
    """The rules in order on the entry's own text."""
    pat = _patterns()
    tag = _tag(s)
    if tag:
        return tag, "action tag"
    actor = _delegate(s)
    if actor:
        return actor.text, "delegate"
    found = _clause_subject(s, kind, STRONG_LABELS)
    if found:
        return found[0].text, f"subject of {WHY[found[1]]}"
    lead = STOP_INITIALS_TO.match(s)
    if lead and lead.group("who") in lexicon()["initials_also_people"]:
        return lead.group("who"), "initials that open 'X to do' (NB, PM: here a person)"
    actor = _object_request(s)
    if actor:
        return actor.text, "asked to act"
    actor = _for_to(s)
    if actor:
        return actor.text, "'for X to do'"
    actor = _directed_subject(s)
    if actor:
        return actor.text, "subject of a limb directing it ('That the Clerk write ...')"
    actor = _by_agent(s)
    if actor:
        return actor.text, "passive agent ('by')"
    hit = _after(s, pat["enabling"], pat["enabled_to"])
    if hit:
        return hit[0].text, "enabled to act"
    hit = _after(s, pat["responsibility"])
    if hit:
        return hit[0].text, "responsibility rests with"
    found = _clause_subject(s, kind, frozenset({"perfect", "progressive"}))
    if found:  # "RH has completed ...": weaker than any commitment above
        return found[0].text, f"subject of {WHY[found[1]]}"
    if kind != "action":
        referral = pat["referral"] if kind == "recommendation" else pat["referral_passive"]
        hit = _after(s, pat["for_by"]) or _after(s, referral) or (
            _after(s, pat["agreed_to_refer"]) if kind == "decision" else None)
        if hit:
            return hit[0].text, "addressee / referred to"
    sub = SUBORDINATE.match(s) or HEADING_BEFORE.match(s)
    if sub:  # "Once costs have been supplied the Clerk will apply ...": the main clause's subject
        owner, why = _from_text(s[sub.end():], kind)  # "Park inspection- clerk to get quotes"
        if owner:
            return owner, why + " (after the opening clause)"
    if kind == "action":
        for m in pat["tag_initials_date"].finditer(s):
            if all(t not in lexicon()["initials_stop"] for t in re.split(r"\s*[/&]\s*",
                                                                          m.group("who"))):
                return m.group("who"), "initials before the row's date (an action log)"
    return None, ""


@functools.cache
def _direction() -> re.Pattern[str]:
    verbs = load_json("triggers.json")["direction_verbs"]
    return re.compile(r"\s*(?:,[^,;]{1,100},\s*)?(?:should |shall |will |must )?(?:" + verbs
                      + r")(?:s|es)?\b")


def _directed_subject(s: str) -> Actor | None:
    """"That the supporting officers take responsibility ...", "that the Steering Committee
    should source ...": the subject of a limb worded as the meeting's direction."""
    m = re.match(r"^(?:(?:it was )?agreed,? )?(?:that|That|THAT),?\s+(?:(?:in (?:consultation|"
                 r"conjunction|discussion) with|together with|following|subject to)"
                 r"[^;]{1,140}?,\s*)?", s)
    if not m:
        return None
    actor = actor_at(s, m.end())
    if actor is None or not _direction().match(s, actor.end):
        return None
    return actor


def _governs_limbs(s: str, actor: Actor, label: str) -> bool:
    """Whether the lead-in's subject governs its limbs: its clause runs to the colon."""
    rest = s[actor.end:]
    if label == "subjunctive":
        return bool(re.fullmatch(rf"(?:\s*,[^,;]{{1,100}},)?{PLACEHOLDER}", rest))
    return not re.search(r"[.;]", rest)


LEADING_LABEL = re.compile(r"(?i)(?:action(?:\s+point)?s?|ap)\s*[\d.]*\s*[:–—-]\s*")
SUBORDINATE = re.compile(r"(?i)^(?:once|when|after|until|as soon as)\b[^,;:.]{3,120}?\s"
                         r"(?=(?-i:(?:the\s+)?[A-Z]))")


# a row's title before its task: "Park inspection- clerk to ...", "4.2 Item 4.2.3 –EW to ..."
HEADING_BEFORE = re.compile(r"^(?:[^.;:–—]|(?<=\d)\.(?=\d)){2,60}?"
                            r"(?:\s[–—-]\s*|[–—-]\s+|\s*[–—](?=[A-Z])|:\s+)(?=\S)")
SMALL_WORDS = frozenset({"to", "that", "the", "of", "and", "for", "by", "be", "in", "on", "with"})


def _from_lead_in(s: str, kind: str) -> tuple[str | None, str]:
    """The rules that can name an owner from a preamble, for its limbs."""
    if s.isupper():  # "RECOMMENDED TO CABINET:": a shouted heading, read as a sentence
        s = " ".join(w.lower() if w.lower() in SMALL_WORDS else w.title() for w in s.split())
    pat = _patterns()
    actor = _delegate(s)
    if actor:
        return actor.text, "delegate (lead-in)"
    hit = _after(s, pat["referral"]) if kind == "recommendation" else None
    if hit:  # spec: a recommendation's owner is its addressee ("RECOMMENDED TO CABINET:")
        return hit[0].text, "addressee (lead-in)"
    if re.search(r"(?:\bto|:)\s*[-–]*\s*$", s):  # "... be requested to:" reads on into its limbs
        s = re.sub(r"(?:,\s*(?:in consultation|together) with [^,;:]*)?[\s:\-–]*$", "", s) \
            + PLACEHOLDER
    found = _clause_subject(s, kind, LEAD_IN_LABELS)
    if found and _governs_limbs(s, found[0], found[1]):
        return found[0].text, f"subject of {WHY[found[1]]} in the lead-in"
    actor = _object_request(s)
    if actor:
        return actor.text, "asked to act (lead-in)"
    hit = _after(s, pat["for_by"]) or _after(s, pat["referral"])
    if hit:
        return hit[0].text, "addressee (lead-in)"
    return None, ""


def actor_in(phrase: str) -> str | None:
    """The actor a short phrase names ("the Clerk", "Cllr Smith", "RG/GP"), else None.

    For callers holding a candidate subject ("The situation", "him") to check it
    names someone before using it as an owner.
    """
    s = _normalise(phrase)
    opener = _patterns()["opener"].match(s)
    actor = actor_at(s, opener.end() if opener else 0)
    return actor.text if actor else _tag("Action: " + s)


def find_owner(text: str, *, kind: str, lead_in: str | None = None) -> tuple[str | None, str]:
    """Return ``(owner, why)`` for an entry's ``text``.

    ``lead_in`` is the preamble before the limb ("The Committee recommends to
    Cabinet that:") when there is one: a recommendation's addressee lives there.
    """
    if lead_in and kind == "recommendation":  # spec: its addressee, when the lead-in names one
        plain = " ".join(re.sub(r"[():]", " ", _normalise(lead_in)).split())  # "RECOMMEND: (to X)"
        hit = _after(plain, _patterns()["referral"])
        if hit:
            return hit[0].text, "addressee (lead-in)"
    owner, why = _from_text(_normalise(text), kind)
    if owner:
        return owner, why
    if lead_in:
        owner, why = _from_lead_in(_normalise(lead_in), kind)
        if owner:
            return owner, why
    return None, "no owner named"
