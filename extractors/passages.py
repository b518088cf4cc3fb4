"""Walk a document's units once: formal resolutions, action lines, then prose sentences."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator

from minutes.extractors import (
    consent,
    formal,
    learned,
    motions,
    owners,
    prose,
    review,
    status,
    tables,
)
from minutes.extractors.candidate import FORMAL, PROSE, Candidate
from minutes.extractors.units import Unit, build_units, norm, sentences, wrap_width
from minutes.records import Document

ACTION_LINE = re.compile(r"^(?:ACTIONS?|Actions?|actions?(?=\s*[:–—-]))"
                         r"(?:(?:\s+(?:Point|POINT|point|No\.?)\s*\d*"
                         r"\s*[:–—-]?)|\s+(?P<item>[Ii]tems?|ITEMS?)\s*\d*\s*[:–—-](?=\s*\S)|\s*\d*\s*[:–—-]|\s*$"
                         r"|(?<=ACTION)\s+(?=[A-Z][\w’'&/\-]*(?: [A-Z][\w’'&/\-]*){0,3} to [a-z]))"
                         r"\s*(?P<rest>.*)$")
FIELD_LINE = re.compile(r"^(?P<name>Owner|OWNER|Lead|LEAD|Responsible|Who|WHO|By whom|Assigned to"
                        r"|Due|DUE|By when|Deadline|Target date|Date due|Status|STATUS|RAG)"
                        r"\s*[:–—-]\s*(?P<value>.+)$")
WHO_TO = re.compile(r"^(?P<who>(?:[A-Z][\w’'&/\-]*|the|of|and)(?: (?:[A-Z][\w’'&/\-]*|the|of|and"
                    r"|for)){0,6}) to [a-z]")
THAT_LEAD = re.compile(r"^(?:That|THAT)\b.*[:–—-]\s*-?$|" + formal.BARE_BODY_LEAD.pattern)
THAT_BE = re.compile(r"^(?:That|THAT)\b.*\b(?:be|BE) \w+"
                     r"|^(?:That|THAT) (?:the )?(?:[A-Z][\w’'&\-]* ){0,4}"
                     r"(?:Council|Committee|Board|Cabinet|Panel|Forum|Authority|Commission)\b"
                     r"[^.]{0,40}?\b(?:adopts?|approves?|notes?|receives?|endorses?|agrees?|requests?"
                     r"|resolves?|authori[sz]es?|delegates?|supports?|accepts?|declines?|refuses?)\b")
BARE_OUTCOME = re.compile(r"(?i)^(?:it was (?:then )?)?(?:unanimously |all )?"
                          r"(?:agreed|approved|carried|resolved)"
                          r"(?: unanimously| by all)?(?: with immediate effect)?\.?$"
                          r"|^(?:adopted|approved|passed|carried) by "
                          r"(?:consent|voice|roll call|unanimous)(?: vote)?\s*"
                          r"(?:\[[^\]]*\]|\([^)]*\))?\.?$"
                          r"|^(?:the )?motion (?:was )?(?:approved|carried|passed|adopted)"
                          r"(?: unanimously)? (?:on|by) a vote of \d+\s*(?:[-–]|to)\s*\d+\.?$")
CARRIED_AFTER = re.compile(r"(?i)^(?:the )?motion (?:was )?(?:duly )?(?:carried|passed|approved)\b")
# "Directors Edwards, Knight and Potter voted in favor of the motion.", "Director Foy was
# opposed.", "Director Potter was absent for the vote.": how members voted, no outcome
MEMBER_VOTES = re.compile(r"(?i)^[^.;]{1,160}?\b(?:voted (?:in favou?r|for|against)(?: of)?(?: the "
                          r"(?:motion|resolution))?|(?:was|were) (?:opposed|absent for the vote)"
                          r"|abstained(?: from (?:the )?voting)?)\.?$")
OWNER_TAG = re.compile(r"^(?:ACTION|Action|action)\s*[:–—-]\s*(?P<who>[A-Z][\w’'.&/\-]*"
                       r"(?: (?!to [a-z])[\w’'.&/\-]+){0,5})\s*$"
                       r"|^(?P<initials>[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*)\s+(?:ACTION|Action)\.?$")
# an action-log row that closes on its own status: "Telephone Box - Now working. Action complete."
STATUS_CLOSER = re.compile(
    r"(?:[.;!]\s+|\s[–—-]\s+)(?P<closer>(?:Action|ACTION)\s+(?:now\s+)?(?:complete[d]?|closed"
    r"|continues|ongoing|outstanding|carried forward)"
    r"|(?:No|NO) further action(?: (?:required|needed|necessary))?|Complete[d]?|Ongoing|Closed)"
    r"\s*\.?\s*$")
# "... was insecure ACTION Constable Aldous please." - the owner tagged at the end of a line
TRAILING_TAG = re.compile(r"(?<=[a-z.,;)])\s+(?:ACTION|Action\s*:)\s*[:–—-]?\s*"
                          r"(?P<who>[A-Z][\w’'.&/\-]*(?: (?:[A-Z][\w’'.&/\-]*|and|&)){0,4})"
                          r"(?: please)?\s*\.?\s*$")
# "Mrs. Wing seconded." / "Seconded by Cllr Lee." between a motion and its "MCU." / "Carried."
SECONDED_ONLY = re.compile(r"^(?:(?:[A-Z][\w.’'\-]*\s){1,4}(?:seconded|second(?:ed)? the motion"
                           r"|supported(?: the motion)?)"
                           r"|(?:Seconded|SECONDED|Second|SECOND)(?: by)?\s*[:\-–]?\s*"
                           r"[A-Z][^.;]{0,60})\.?$")
INITIALS_ONLY = re.compile(r"^[A-Z]{2,4}(?:\s*(?:,|/|&|and)\s*[A-Z]{2,4})*\.?$")
OWNER_ONLY = re.compile(r"^[A-Z][\w’'.&/\-]*(?: [\w’'.&/\-]+){0,5}\.?$")


def scan(doc: Document) -> list[Candidate]:
    """Every candidate entry of ``doc`` (before procedural filtering and dedupe)."""
    units = build_units(doc)
    doc = unwrapped(doc, units)
    found = rule_candidates(doc, units)  # a lost motion's words come back with no kind
    return [c for c in found if c.kind] + _learned(doc, units, found)


def unwrapped(doc: Document, units: list[Unit]) -> Document:
    """``doc`` with the line breaks inside each re-joined unit read as spaces, so that a
    rule sees "DD agreed to" whether or not a PDF broke the line after "DD". Same length,
    so every offset still points into the original text."""
    if doc.format not in ("text", "pdf"):
        return doc
    chars = None
    for u in units:
        if u.table is not None:
            continue
        at = doc.text.find("\n", u.start, u.end)
        while at != -1:
            if doc.text[at + 1:at + 2] != "\n" and doc.text[at - 1:at] != "\n":
                chars = chars if chars is not None else list(doc.text)
                chars[at] = " "
            at = doc.text.find("\n", at + 1, u.end)
    if chars is None:
        return doc
    meta = dict(doc.meta, wrap_width=str(wrap_width(doc.text)))  # the page's own, before
    return dataclasses.replace(doc, text="".join(chars), meta=meta)


def rule_candidates(doc: Document, units: list[Unit]) -> list[Candidate]:
    """The candidates the rules find in ``doc``, split into ``units``."""
    text = doc.text
    out: list[Candidate] = tables.find(doc, units)
    generic_list = False
    section: review.Section | None = None
    consumed: set[int] = set()  # list units a consent-calendar lead took
    i = 0
    while i < len(units):
        u = units[i]
        if u.table is not None or tables.is_pipe_row(text[u.start:u.end]) or i in consumed:
            i += 1
            continue
        body_start = u.enum.end if u.enum else u.start
        body = text[body_start:u.end]
        if u.enum is None:
            generic_list = False
        listed = consent.listed_items(text, units, i)
        if listed is not None:
            out.extend(listed[0])
            consumed.update(range(i + 1, listed[1]))
            if listed[2]:  # the lead's motion is the items' vote, not an entry itself
                out.append(Candidate("", u.start, u.end, consent.RULE, FORMAL, u.item))
                i = listed[1]
                continue
        if consent.LEAD.search(body):
            out.extend(consent.inline_items(text, body_start, u.end, u.item))
        opened = review.heading(body, u)
        if opened is not None:
            section = opened
            if not ACTION_LINE.match(body):  # a bare "Actions" line: _action_line takes it
                i += 1
                continue
        if section is None and not formal.match_trigger(body, 0):
            section = review.opener(body, u)
        inline = None if ACTION_LINE.match(body) else review.inline_heading(body, u)
        if inline is not None:
            section = inline[0]
            out.extend(review.rows(doc, u, section, body_start + inline[1]))
            i += 1
            continue
        if section is not None and INITIALS_ONLY.match(body.strip()) and out:
            if out[-1].owner is None and out[-1].kind == "action":
                out[-1].owner = body.strip().rstrip(".")
                out[-1].why["owner"] = "initials on the line after the action-log row"
            i += 1
            continue
        if section is not None and (formal.match_trigger(body, 0) or review.ends(
                section, u, body, _is_heading(doc, u))):
            section = None
        if section is not None:
            found = review.rows(doc, u, section)
            if found:
                out.extend(found)
                out.extend(_after_row(doc, found, u))
                i += 1
                continue
        if formal.is_mover_line(body):
            motion = motions.block(text, units, i)
            if motion is not None:
                out.extend(motion[0])
                i = motion[1]
                continue
        moved = _moved_that(doc, units, i) if MOVER_LEAD.search(body) else None
        if moved is not None:
            out.append(moved[0])  # a lost one too: the model must not read it as an entry
            i = moved[1]
            continue
        row = _closed_row(u, body_start, body)
        if row is not None:
            out.append(row)
            i += 1
            continue
        tagged = _action_line(doc, units, i, out)
        if tagged is not None:
            i = tagged
            continue
        if formal.is_proposal_limb(body):
            i += 1
            continue
        if THAT_LEAD.match(body) and not generic_list:
            kind = "recommendation" if formal.RECOMMEND_LEAD.search(body) else "decision"
            trig = formal.Trigger("that-lead-in", kind, u.end, True)
            limbs, j, _ = formal.gather(text, units, i + 1, trig, norm(body), heading=False)
            if limbs:
                out.extend(limbs)
                i = j
                continue
        outcomes = _body_outcome_limbs(doc, units, i)
        if outcomes is not None:
            out.extend(outcomes[0])
            i = outcomes[1]
            continue
        labelled = None if formal.match_trigger(body, 0) else LABELLED_THAT.match(body)
        if labelled and THAT_BE.match("T" + body[labelled.start("that") + 1:]) \
                and not generic_list:
            that = body_start + labelled.start("that")  # "Reg Pointe – that ... be accepted"
            end = sentences(text[that:u.end], that)[0][1]
            out.extend(formal.limbs_from(text, that, end, formal.Trigger(
                "labelled-that", "decision", that, False), None, u.item))
            i += 1
            continue
        if (THAT_BE.match(body) or _subjunctive_limb(u, body) or formal.is_that_do(body)
                or _outcome_limb(u, body)) \
                and not generic_list \
                and not formal.match_trigger(body, 0):
            out.extend(formal.limbs_from(text, body_start, u.end, formal.Trigger(
                "that-be", "decision", body_start, False), None, u.item))
            i += 1
            continue
        i, generic = _sentences(doc, units, i, body_start, out)
        generic_list = generic_list or generic
    return out


# a mover's name or the item's label before a motion's words: "Councillor Klein that ...",
# "(Bank Reconciliation) / Reg Pointe – that ...", "11-13 REPORTS – Ardagh: That ..."
LABELLED_THAT = re.compile(r"^(?:(?:[A-Z(\d][\w’'.#&()/\-]*|of|and|the|&|[/–—:-])\s+){1,10}?"
                           r"(?:[–—:-]\s+)?(?P<that>[Tt]hat|THAT)\s")


BODY_COLON = re.compile(r"\b(?:Council|Committee|Board|Cabinet|Panel|Forum|Authority|Commission"
                        r"|Executive|Trust|Sub-Committee|Community Board|Local Board)\s*:-?\s*$")


def _body_outcome_limbs(doc: Document, units: list[Unit],
                        i: int) -> tuple[list[Candidate], int] | None:
    """"On Thursday 9 February, the Community Board:" over bullets "approved parking
    restrictions ...;": each limb that opens with the body's act (``outcome_past``) is a
    decision (a recommendation for "recommended"); with the index after the list."""
    text = doc.text
    if not BODY_COLON.search(text[units[i].start:units[i].end]) or i + 1 >= len(units) \
            or units[i + 1].enum is None:
        return None
    style, out, j = units[i + 1].enum.style, [], i + 1
    acts = prose.words("outcome_past")
    while j < len(units) and units[j].enum is not None and units[j].enum.style == style:
        u = units[j]
        limb = text[u.enum.end:u.end]
        if formal.match_trigger(limb, 0):
            return None  # "AGREED that ...": the formal rules read such a list
        first = limb.split()[0].lower().strip(",;:") if limb.split() else ""
        if first in acts:
            kind = "recommendation" if first == "recommended" else "decision"
            out.append(Candidate(kind, u.enum.end, u.end, "formal:body-limb", FORMAL, u.item))
        j += 1
    return (out, j) if out else None


def _closed_row(u: Unit, body_start: int, body: str) -> Candidate | None:
    """A row that reports its own status or names its owner at the end ("Small Works
    Grant - Action complete.", "... ACTION Constable Aldous please."): one action."""
    closer = STATUS_CLOSER.search(body)
    tag = None if closer else TRAILING_TAG.search(body)
    m = closer or tag
    if m is None or len(body[:m.start()].split()) < 2 or formal.match_trigger(body, 0):
        return None
    end = body_start + len(body.rstrip())
    if tag:
        end = body_start + tag.start()
    label = ACTION_LINE.match(body)  # "ACTION: RS to ... Completed.": the task, not its label
    if label and label.group("rest"):
        body_start += label.start("rest")
    cand = Candidate("action", body_start, end, "row:status" if closer else "row:tag", FORMAL,
                     u.item)
    if closer:
        done = status.is_done(closer.group("closer"))
        cand.note = "done" if done else "open"
        cand.why["status"] = f"the row closes on {closer.group('closer')!r}"
    else:
        cand.owner = tag.group("who")
        cand.why["owner"] = "ACTION tag at the end of the line"
    return cand


def _learned(doc: Document, units: list[Unit], found: list[Candidate]) -> list[Candidate]:
    """Sentences no rule took that the sentence model scores as entries: by the syntax
    model where the weights have one (only sentences past the detector's gate are
    parsed), else by the detector alone."""
    text = doc.text
    syntax = learned.syntax_model() is not None
    floor = learned.GATE if syntax else learned.THRESHOLD
    offered = []
    context = learned.reads_context()
    index = {id(u): i for i, u in enumerate(units)} if context else {}
    for s, e, u in residual(doc, units, found):
        if prose.only_reports(text[s:e]) or _verbless(text[s:e]) or prose.predicts_effect(
                text[s:e]) or prose.agenda_wording(text[s:e]):
            continue
        p = learned.probability(text[s:e])
        if p >= floor:
            offered.append((s, e, u, p))
    if syntax:
        said = [" ".join(text[s:e].split()) for s, e, _, _ in offered]
        where = [learned.context_terms(text, units, index[id(u)], s, e) if context else ""
                 for s, e, u, _ in offered]
        scored = [(s, e, u, learned.syntax_probability(words, f"{terms} {ctx}".rstrip(), dense))
                  for (s, e, u, _), words, (terms, dense), ctx in zip(
                      offered, said, learned.parse_features(said), where, strict=True)]
        offered = [x for x in scored if x[3] >= learned.SYNTAX_THRESHOLD]
    out = []
    model_name = ("sentence model (words, parse and place)" if context else
                  "sentence model (words and parse)") if syntax else "sentence model"
    for s, e, u, p in offered:
        if prose.orders_a_task(text[s:e]):
            kind, how = "action", "a task worded as an order"
        elif prose.reads_as_agreement(" ".join(text[s:e].split())):
            kind, how = "decision", "worded as the meeting's agreement"
        else:
            kind, how = learned.kind_of(text[s:e]), "kind by its words"
        cand = Candidate(kind, s, e, "learned:sentence", PROSE, u.item)
        cand.why["kind"] = f"{model_name}: entry p={p:.2f}, {how}"
        out.append(cand)
    return out


AUX_OR_VERB = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being|will|would|shall|should|can|could"
                         r"|may|might|must|has|have|had|do|does|did|to|agreed|noted|approved"
                         r"|resolved)\b|[a-z](?:ed|ing|en)\b")


def _verbless(sentence: str) -> bool:
    """"Additional village notice board": a capitalised title with no verb is no entry."""
    return (sentence[:1].isupper() and not AUX_OR_VERB.search(sentence)
            and not prose.opens_with_imperative(sentence))


def residual(doc: Document, units: list[Unit],
             found: list[Candidate]) -> Iterator[tuple[int, int, Unit]]:
    """The sentences the model reads: outside tables, four words or more, overlapping no
    rule's candidate in ``found`` and outside the rules' territory (``_rule_territory``)."""
    text = doc.text
    taken = _merged(sorted((c.start, c.end) for c in found))
    starts = [a for a, _ in taken]
    for u in units:
        if u.table is not None:
            continue
        start = u.enum.end if u.enum else u.start
        for s, e in sentences(text[start:u.end], start):
            k = bisect.bisect_left(starts, e) - 1  # the last taken span starting before e
            if len(text[s:e].split()) < 4 or (k >= 0 and taken[k][1] > s):
                continue
            if not _rule_territory(text[s:e]):
                yield s, e, u


def _outcome_limb(u: Unit, body: str) -> bool:
    """"2) Approve the closure of the school from 31 August.": a numbered or lettered limb
    worded as the meeting's act, its "RESOLVED to:" printed apart (or not at all)."""
    return u.enum is not None and not u.enum.style.startswith("bullet") \
        and prose.opens_with_outcome(body)


SUBJUNCTIVE_LIMB = re.compile(
    r"^(?:(?:and|that|That|THAT)\s+)?[^.;:?]{0,200}?"
    r"(?<!\bwould )(?<!\bshould )(?<!\bcould )(?<!\bwill )(?<!\bshall )(?<!\bmay )"
    r"(?<!\bmight )(?<!\bmust )(?<!\bcan )(?<!\bto )(?<!\bnot )(?<!\bcannot )(?<!\bwho )"
    r"(?<!\bwhich )(?<!\bit )\b(?:be|BE) (?:\w+ly )?" + owners.PARTICIPLE + r"\b")


def _subjunctive_limb(u: Unit, body: str) -> bool:
    """"(a) the work programme be approved;": a lettered or numbered limb worded as a
    resolution, whose "RESOLVED -" a page printed apart (or not at all)."""
    return u.enum is not None and not u.enum.style.startswith("bullet") and bool(
        SUBJUNCTIVE_LIMB.match(body))


def _after_row(doc: Document, found: list[Candidate], u: Unit) -> list[Candidate]:
    """A row that runs on for sentences ("DW renewed the pads. DW agreed to attend ..."):
    the row is its first sentence, and the sentences no row covers are read as prose."""
    if len(found) == 1:
        spans = sentences(doc.text[found[0].start:found[0].end], found[0].start)
        if len(spans) > 1:
            found[0].end = spans[0][1]
    body_start = u.enum.end if u.enum else u.start
    more: list[Candidate] = []
    for s, e in sentences(doc.text[body_start:u.end], body_start):
        if not any(c.start < e and s < c.end for c in found):
            more.extend(prose.find(doc.text, s, e, u.item))
    return more


VIEW = re.compile(r"(?i)\b(?:indicated|suggested|felt|hoped|believed|expressed|forecast|"
                  r"sets? out|explained|considered|thought|understood) (?:that|how|what|whether)\b"
                  r"|\b(?:will|would|could|may|might) be (?:\w+ly )?(?:difficult|helpful|useful|"
                  r"important|necessary|good|possible|beneficial|interesting|welcome|"
                  r"challenging|easier|harder|better|worse)\b"
                  r"|\bput (?:the |it )?(?:\w+ )?to (?:the )?(?:vote|meeting)\b")


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans merged where they overlap, so one bisect finds any overlap."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _rule_territory(sentence: str) -> bool:
    """Sentences the rules read and set aside on purpose: lead-ins, triggers, a report's
    proposals, narrative, hypotheses and routines. The model never overrules them."""
    body = sentence.strip()
    if not re.search(r"[a-z]", body):  # an agenda title in capitals: "TO RECEIVE THE MINUTES"
        return True
    return (bool(re.search(r"[:–—-]\s*-?$", body)) or formal.match_trigger(body, 0) is not None
            or formal.is_proposal_limb(body) or formal.is_proposal(body)
            or prose.set_aside(body) or prose.is_carried_line(body) or prose.is_mover_only(body)
            or _seconds_or_tallies(body)
            or review.reports_done(body) or motions.is_vote_record(body) or VIEW.search(body))


# "Community Checks: Item deferred ...", "Bus Shelter – The Clerk will ...": a topic's title
# run into its first sentence (a few capitalised words, then a colon or a spaced dash)
INLINE_TITLE = re.compile(r"^(?P<title>[A-Z][\w’'&/()\-]*,?(?:\s+(?:[A-Z][\w’'&/()\-]*,?|of|and"
                          r"|the|for|to|in|on|at|&)){0,6})\s*(?::|\s[–—-])\s+(?=[A-Z][a-z])")


def _after_title(text: str, s: int, e: int) -> tuple[int, int]:
    """The sentence without an inline title before it (not a trigger or label such as
    "RESOLVED:", "Action:", "Motion:", nor "Cllr Ames:" before a member's words, nor a
    reference number "DOC-2017-151 :" that the entry quotes)."""
    m = INLINE_TITLE.match(text[s:e])
    if m is None or formal.match_trigger(text[s:e], s) is not None:
        return s, e
    title = m.group("title")
    first = title.split()[0].rstrip(".").lower()
    if TITLE_NOT.search(title) or first in owners.lexicon()["titles"] or re.search(r"\d", title):
        return s, e
    return s + m.end(), e


TITLE_NOT = re.compile(r"(?i)\b(?:action|actions|motion|moved|seconded|proposed|resolved|agreed"
                       r"|decision|decided|recommendation|recommended|noted|present|apologies"
                       r"|minutes|outcome|result|vote|carried|note|update|response|answer|reply"
                       r"|question|comment|comments|owner|status|due|by)\b")


def _is_heading(doc: Document, u: Unit) -> bool:
    block = doc.block_at(u.start)
    return block is not None and block.kind == "heading"


def _sentences(doc: Document, units: list[Unit], i: int, body_start: int,
               out: list[Candidate]) -> tuple[int, bool]:
    """Scan unit ``i`` sentence by sentence; returns the next unit index."""
    text = doc.text
    u = units[i]
    spans = sentences(text[body_start:u.end], body_start)
    if spans:
        spans[0] = _after_title(text, *spans[0])
    for k, (s, e) in enumerate(spans):
        tag = OWNER_TAG.match(text[s:e])
        if tag and k > 0:  # "... Action: Clerk" or "... MG Action."
            _tag_previous(text, out, spans[k - 1], tag.group("who") or tag.group("initials"),
                          u.item)
            continue
        if BARE_OUTCOME.match(text[s:e]) and k > 0:
            back = _motion_before(text, spans, k)  # "... moved to X. Seconded by Y. Carried."
            if back >= 0:
                _outcome_of_previous(out, spans[back], u.item)
            continue
        if motions.is_vote_record(text[s:e]) or MEMBER_VOTES.match(text[s:e]) \
                or SECONDED_ONLY.match(text[s:e].strip()):
            continue
        back = _motion_before(text, spans, k) if CARRIED_AFTER.match(text[s:e]) else -1
        if back >= 0 and out and out[-1].start <= spans[back][1] \
                and out[-1].end >= spans[back][0]:
            continue  # "... moved that X. Y supported. Motion carried and ...": the motion is it
        inline = MOVER_INLINE.search(text[s:e])
        if inline is not None:
            cand = Candidate("decision", s + inline.end(), e, "prose:moved-that", FORMAL, u.item)
            cand.why["kind"] = "the motion after its mover and seconder"
            out.append(cand)
            continue
        trig = formal.match_trigger(text[s:e], s)
        last = k == len(spans) - 1
        if trig is None and last and k and MOVER_LEAD.search(text[s:e]):
            moved = _moved_that(doc, units, i)
            if moved is not None:
                out.append(moved[0])
                return moved[1], False
        if trig is None:
            nxt, step = _next_text(doc, units, i, spans, k), 1
            while nxt is not None and step < 4 and (SECONDED_ONLY.match(nxt.strip())
                                                    or VOTE_TALLY.match(nxt.strip())):
                nxt, step = _next_text(doc, units, i, spans, k + step), step + 1
            motion = prose.motion_carried(text, s, e, nxt, u.item)
            if motion is not None:
                out.append(motion)
            elif nxt is not None and _lost(nxt) and prose.is_motion(text[s:e]):
                out.append(Candidate("", s, e, "prose:motion-lost", PROSE, u.item))
            elif prose.is_moved_motion(text[s:e]) and not (nxt and _lost(nxt)):
                titled = TITLED_MOTION.match(text, s, e)  # "Valley Ski Hill – MOVED by ..."
                cand = Candidate("decision", titled.end() if titled else s, e,
                                 "prose:motion-moved", PROSE, u.item)
                cand.why["kind"] = "a motion the minutes record as moved, and nothing lost it"
                out.append(cand)
            elif not prose.is_carried_line(text[s:e]):
                out.extend(prose.find(text, s, e, u.item))
            if last and text[s:e].rstrip().endswith(":"):
                return i + 1, True
            continue
        rest = text[trig.end:e]
        if last and (trig.bare or formal.is_lead_in(rest)):
            lead = norm(text[s:e])
            limbs, j, notes = formal.gather(text, units, i + 1, trig, lead, heading=trig.heading)
            if not formal.is_outcome_trigger(trig) and (formal.is_proposal(lead) or (
                    limbs and formal.is_proposal(limbs[0].lead_in or ""))):
                limbs = []
            for idx, note in notes:
                limbs[idx].note = note if limbs else None
            if not limbs and text[s:e].rstrip().endswith("."):
                # "The recommendations of the 4 January meeting were agreed.": no limbs
                # follow a whole sentence, which is the outcome itself
                out.extend(prose.find(text, s, e, u.item))
                return i + 1, False
            out.extend(limbs)
            return max(j, i + 1), False
        cands = formal.limbs_from(text, trig.end, e, trig, norm(text[s:trig.end]) or None, u.item)
        if len(cands) == 1 and text[cands[0].start:cands[0].end].strip(" .").isalpha() \
                and len(text[s:trig.end].split()) >= 2:
            cands[0].start = s  # "Unanimously AGREED to recommend APPROVAL": one word is no limb
        out.extend(cands)
        if last and rest.rstrip().endswith(":"):
            return _skip_details(units, i + 1), False
    return i + 1, False


VOTE_TALLY = re.compile(r"(?i)^(?:all (?:ayes|in favou?r|voted aye|members? (?:present )?voted)"
                        r"|ayes?\b|yeas?\b|nays?\b|voting (?:aye|yes|for)|roll call|vote:"
                        r"|unanimous(?:ly)?\.?$)[^.]{0,100}\.?$")
MOVER = r"(?i)\b(?:moved|proposed)(?: by)?\b[^;]{2,80}?,?\s+seconded(?: by)?\b[^;]{2,80}?"
# "Proposed by Cllr X, seconded by Cllr Y and agreed:" ending its line; the motion follows
MOVER_LEAD = re.compile(MOVER + r"(?:,?\s*and\s+(?:agreed|carried|resolved|approved)"
                        r"(?:\s+unanimously)?)?\s*[:,\-–]?\s*$")
# "... Moved by X, Seconded by Y, That ..." in one sentence
MOVER_INLINE = re.compile(MOVER + r"[,:]?\s+(?:and\s+)?(?:(?:resolved|agreed)\s*[:–—-]?\s*)?"
                          r"[“\"‘']?(?=(?-i:That|THAT)\s)")
TITLED_MOTION = re.compile(r"[^.\n]{1,150}?\s[–—-]\s+(?=(?i:(?:it was )?moved by)\b)")
QUOTED_THAT = re.compile(r"^[“\"‘']?\s*(?:That|THAT)\s+\S")


def _lost(line: str) -> bool:
    """"The motion failed 2-3.", "LOST": a result line that lost the motion above it."""
    return motions.result_of(line) in ("lost", "defeated", "failed", "withdrawn")


def _moved_that(doc: Document, units: list[Unit], i: int) -> tuple[Candidate, int] | None:
    """"Moved by Cllr X, Seconded by Cllr Y," (or "... and agreed:") ending unit ``i`` and
    the motion's "That ..." in the next: one decision, the motion's own words, and the unit
    to go on from. A lost motion comes back with no kind, its result line skipped too."""
    if i + 1 >= len(units) or units[i + 1].table is not None:
        return None
    u = units[i + 1]
    body = doc.text[u.start:u.end]
    if not QUOTED_THAT.match(body) or re.search(r":-?\s*$", body):  # a lead-in to limbs
        return None
    lost = i + 2 < len(units) and _lost(doc.text[units[i + 2].start:units[i + 2].end])
    lead = len(body) - len(body.lstrip("“\"‘' "))
    words = body.rstrip()
    if re.search(r"[”\"’']\.?$", words):  # “That ... be approved”.
        words = words.rstrip(".").rstrip("”\"’'")
    cand = Candidate("" if lost else "decision", u.start + lead, u.start + len(words),
                     "prose:moved-that", FORMAL, u.item)
    cand.why["kind"] = "the motion under a mover and seconder line"
    return cand, i + (3 if lost else 2)


def _next_text(doc: Document, units: list[Unit], i: int, spans: list[tuple[int, int]],
               k: int) -> str | None:
    """The sentence after sentence ``k`` of unit ``i`` (the next unit's first, at the end)."""
    if k + 1 < len(spans):
        return doc.text[spans[k + 1][0]:spans[k + 1][1]]
    if i + 1 < len(units):
        u = units[i + 1]
        return doc.text[u.start:u.end][:200]
    return None


def _skip_details(units: list[Unit], j: int) -> int:
    """Skip the detail list under a limb ending in ":" (names, dates, documents)."""
    style = None
    while j < len(units) and units[j].enum is not None:
        if style is None:
            style = units[j].enum.style
        elif units[j].enum.style != style:
            break
        j += 1
    return j


def _action_line(doc: Document, units: list[Unit], i: int, out: list[Candidate]) -> int | None:
    """An "ACTION: ..." / "Action Point 1" line with its Owner:/Due: lines, if unit ``i`` is one."""
    text = doc.text
    u = units[i]
    body_start = u.enum.end if u.enum else u.start
    body = text[body_start:u.end]
    m = ACTION_LINE.match(body)
    field = FIELD_LINE.match(body)
    if field and out and _fills(out[-1], field):
        return i + 1
    if not m or formal.match_trigger(body, 0):
        return None
    rest = m.group("rest").strip()
    rest_start = body_start + m.start("rest")
    j = i + 1
    if not rest or re.fullmatch(r"\d+", rest):
        if j >= len(units):
            return None
        nxt = units[j]
        rest_start, end, j = nxt.start, nxt.end, j + 1
    elif OWNER_ONLY.match(rest) and " to " not in rest and i > 0:
        prev = units[i - 1]
        last = sentences(text[prev.start:prev.end], prev.start)[-1]
        _tag_previous(text, out, last, rest, prev.item)
        return i + 1
    else:
        end = _action_line_end(text, rest_start, u.end)
    for piece_start, piece_end in _tasks(text, rest_start, end):
        cand = Candidate("action", piece_start, piece_end, "action-line", FORMAL, u.item)
        who = WHO_TO.match(text[piece_start:piece_end])
        named = PAREN_OWNER.search(text[piece_start:piece_end])
        if who:
            cand.owner = who.group("who")
            cand.why["owner"] = "action line names who is 'to' act"
        elif named:
            cand.owner = named.group("who")
            cand.why["owner"] = "action line ends with who acts in brackets"
        out.append(cand)
    while j < len(units):
        field = FIELD_LINE.match(text[units[j].start:units[j].end])
        if not field or not _fills(cand, field):
            break
        j += 1
    return j


# "Action item: Forward the letter (Lise)": who acts, in brackets at the end of the line
PAREN_OWNER = re.compile(r"\((?P<who>[Aa]ll|[Ee]veryone|[A-Z][\w’'.\-]*"
                         r"(?:(?:\s*[/,&]\s*|\s+and\s+|\s+)[A-Z][\w’'.\-]*){0,3})\)\s*\.?\s*$")


# "Also to look into ...": more of the task before it
TASK_GOES_ON = re.compile(r"\s*(?:(?:Also|And|Then|Plus)\b|To [a-z]|[a-z])")


def _action_line_end(text: str, start: int, end: int) -> int:
    """Where an "Action: ..." run-on line's tasks end: at the first sentence after them
    that is neither another "X to ..." task, nor more of the same ("Also to ..."), nor a
    short note ("Completed."), as when the minutes run the next item on in the same
    paragraph ("... roles. 1.4 The Clerk ...")."""
    spans = sentences(text[start:end], start)
    stop = spans[0][1] if spans else end
    for s, e in spans[1:]:
        piece = text[s:e]
        if not (WHO_TO.match(piece) or len(piece.split()) <= 6 or TASK_GOES_ON.match(piece)) \
                or _opens_with_number(piece):
            break
        stop = e
    return stop if spans and stop < end and text[stop:end].strip() else end


def _opens_with_number(sentence: str) -> bool:
    """Whether a sentence opens with a list number ("1.4 The Clerk ..."): the next item."""
    return bool(re.match(r"\s*\d+(?:\.\d+)+\s", sentence))


def _tasks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"JM to circulate the forms; SG to add the item" (or two such sentences): one task
    per actor, when every clause names who is to act; otherwise the whole line."""
    pieces, at = [], start
    for m in re.finditer(r";\s*(?:and\s+)?", text[start:end]):
        pieces.append((at, start + m.start()))
        at = start + m.end()
    pieces.append((at, end))
    if len(pieces) > 1 and all(WHO_TO.match(text[a:b]) for a, b in pieces):
        return pieces
    said = sentences(text[start:end], start)  # "The Chair to contact ... The Clerk to share ..."
    if len(said) > 1 and all(WHO_TO.match(text[a:b]) and not TASK_GOES_ON.match(text[a:b])
                             for a, b in said):
        return said
    return [(start, end)]


def _motion_before(text: str, spans: list[tuple[int, int]], k: int) -> int:
    """The index of the sentence before ``spans[k]`` that is not a seconding or a tally (the
    motion a result belongs to), or -1."""
    back = k - 1
    while back >= 0 and _seconds_or_tallies(text[spans[back][0]:spans[back][1]]):
        back -= 1
    return back


def _seconds_or_tallies(sentence: str) -> bool:
    """"Seconded by Councillor Day." or "All in favour.": part of a vote, not its motion."""
    body = sentence.strip()
    return bool(SECONDED_ONLY.match(body) or VOTE_TALLY.match(body) or SECOND_MADE.match(body)
                or MEMBER_VOTES.match(body))


# "Second was made by John, all in favor, motion carried.": the seconding, with its result
SECOND_MADE = re.compile(r"(?i)^(?:the )?(?:motion was )?second(?:ed)?(?: was made)? by "
                         r"[^.;]{1,60}?(?:[,;]\s*(?:and )?(?:all in favou?r|(?:the )?motion "
                         r"(?:was )?(?:carried|passed)|carried|passed|unanimous(?:ly)?)"
                         r"[^.;]{0,30})*\.?$")


def _outcome_of_previous(out: list[Candidate], span: tuple[int, int], item: str | None) -> None:
    """A bare "Agreed." after a sentence: that sentence is the meeting's decision."""
    prev = out[-1] if out else None
    if prev is not None and prev.start <= span[1] and prev.end >= span[0]:
        return  # already an entry (a motion, an agreement)
    out.append(Candidate("decision", span[0], span[1], "prose:agreed-after", FORMAL, item))


def _tag_previous(text: str, out: list[Candidate], span: tuple[int, int], who: str,
                  item: str | None) -> None:
    """An "ACTION: <who>" tag: the owner of the entry just before, made an action if needed
    (a decision worded as the meeting's agreement stays one, with its owner)."""
    who = who.strip().rstrip(". ")
    prev = out[-1] if out else None
    if prev is None or prev.end < span[0] or prev.start > span[1]:
        prev = Candidate("action", span[0], span[1], "action-tag", FORMAL, item)
        out.append(prev)
    elif prev.rank < FORMAL:
        if prev.kind == "decision" and prose.reads_as_agreement(
                " ".join(text[prev.start:prev.end].split())):
            # "It was agreed to accept the quote. Action: BR": still a decision, now owned
            prev.actionable = True
            prev.why["actionable"] = "an ACTION tag names who must act"
        else:
            prev.kind = "action"
        prev.rank = FORMAL
    if status.is_status_value(who):  # "Action: Complete": the row's status, no owner
        prev.note = prev.note or who
        return
    prev.owner = who
    prev.why["owner"] = "ACTION tag after the entry"


def _fills(cand: Candidate, field: re.Match[str]) -> bool:
    """Put an Owner:/Due:/Status: line's value on the action it follows."""
    if cand.rule not in ("action-line",) and not cand.rule.startswith("formal"):
        return False
    name, value = field.group("name").lower(), field.group("value").strip()
    if name in ("owner", "lead", "responsible", "who", "by whom", "assigned to"):
        cand.owner = value
        cand.why["owner"] = f"{field.group('name')}: line"
    elif name in ("status", "rag"):
        cand.note = value
    else:
        cand.due_text = value
    return True
