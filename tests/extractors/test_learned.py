"""The sentence model: its weights file, its scores, and how extraction uses it."""

from __future__ import annotations

import json

from minutes.extractors import learned

from .helpers import entries

TASK = "Arrange for the new defibrillator location to be publicised in the next newsletter."


def test_model_file_is_consistent():
    data = json.loads(learned.DATA.read_text())
    for part in ("detector", "kind", "syntax"):
        model = data[part]
        assert len(model["vocab"]) == len(model["idf"]) > 1000
        assert all(len(row) == len(model["vocab"]) for row in model["coef"])
    assert sorted(data["kind"]["classes"]) == ["action", "decision", "recommendation"]
    dense = data["syntax"]["dense"]
    assert len(dense["mean"]) == len(dense["coef"]) > 0


def test_dense_features_are_the_token_vectors_mean_and_root():
    [(terms, dense)] = learned.parse_features(["The Clerk will write to the landowner."])
    assert "D_root_write" in terms.split()
    assert len(dense) == len(json.loads(learned.DATA.read_text())["syntax"]["dense"]["mean"])
    text = "The Clerk will write to the landowner."
    with_vectors = learned.syntax_probability(text, terms, dense)
    assert with_vectors != learned.syntax_probability(text, terms)  # the vectors count
    assert learned.syntax_probability(text, terms, dense + [1.0]) == learned.syntax_probability(
        text, terms)  # vectors of another width are not read


def test_probability_separates_tasks_from_narrative_and_procedure():
    task = learned.probability("Arrange for the new defibrillator location to be "
                               "publicised in the next newsletter.")
    assert task >= learned.THRESHOLD
    for other in ("Apologies were received from Cllr Smith.",
                  "The Chairman welcomed everyone to the meeting.",
                  "The weather had been poor all month."):
        assert learned.probability(other) < learned.THRESHOLD, other


def test_a_wording_no_rule_knows_is_an_entry_with_its_provenance():
    got = {e.text: e for e in entries(
        "Village hall\n\nThe weather had been poor all month.\n\n"
        "Arrange for the new defibrillator location to be publicised in the next newsletter.\n")}
    entry = got[TASK]
    assert entry.rule == "learned:sentence"
    assert entry.kind == "action" and entry.status == "open"
    assert "The weather had been poor all month." not in got


def test_procedural_filter_still_applies_to_model_sentences():
    got = [e.text for e in entries("Minutes\n\nMatter to be listed at next meeting.\n\n"
                                   "The minutes of the last meeting were approved as a correct "
                                   "record and to be signed.\n")]
    assert got == ["Matter to be listed at next meeting."]


def test_another_weights_file_can_be_named(monkeypatch, tmp_path):
    monkeypatch.setenv("MINUTES_SENTENCE_MODEL", str(tmp_path / "missing.json"))
    learned.clear()
    try:
        assert learned.probability("Arrange for the new defibrillator location to be "
                                   "publicised in the next newsletter.") == 0.0
        got = [e.text for e in entries(f"Village hall\n\n{TASK}\n")]
        assert got == []  # no model: only the rules, and no rule takes this wording
    finally:
        monkeypatch.delenv("MINUTES_SENTENCE_MODEL")
        learned.clear()


def test_residual_sentences_are_those_no_rule_took():
    from minutes.extractors import passages
    from minutes.extractors.units import build_units
    from minutes.pipeline.readers.text import read_text

    doc = read_text(b"RESOLVED that the budget be approved.\n\nThe hall was busy.\n\n"
                    b"Too short here.\n\nThe Clerk will order new chairs for the hall.\n",
                    "r.txt")
    units = build_units(doc)
    found = passages.rule_candidates(doc, units)
    seen = [doc.text[s:e] for s, e, _ in passages.residual(doc, units, found)]
    assert "The hall was busy." in seen  # four words, no rule: the model reads it
    assert "Too short here." not in seen
    assert not any("budget" in s or "chairs" in s for s in seen)  # taken by rules
    assert any("chairs" in doc.text[c.start:c.end] for c in found)


def test_the_model_may_not_make_a_report_or_a_title_an_entry():
    from minutes.extractors import passages, prose

    assert prose.only_reports("The County Engineer updated the Board on the road crews' work.")
    assert prose.only_reports("The clerk reported that the sergeant had moved to Taunton.")
    assert not prose.only_reports("The clerk reported that she would write to the sergeant.")
    assert passages._verbless("Additional village notice board")
    assert not passages._verbless("Locations to be publicised.")
    assert not passages._verbless("the Office include Members in its circulation list")
    assert not passages._verbless("Provide a summary of housing actions for May Area Panel")
    text = ("Reports\nThe County Engineer updated the Board on the road crews' work and the "
            "status of current maintenance projects.\nAdditional village notice board\n")
    assert entries(text) == []


def test_syntax_terms_say_what_the_parse_says_of_the_main_verb():
    commitment, narrative = learned.parse_terms([
        "Councillor Osei agreed to write to the bus operator.",
        "The hall was very busy on Saturday."])
    assert "D_root_agree" in commitment.split() and "D_xcomp_VB" in commitment.split()
    assert "D_subj_PROPN" in commitment.split()
    assert "D_root_be" in narrative.split() and "D_xcomp_VB" not in narrative.split()
    assert learned.syntax_text("Some words.", "D_root_x") == "Some words. \n D_root_x"


def test_only_sentences_past_the_gate_are_parsed(monkeypatch):
    parsed: list[list[str]] = []
    real = learned.parse_features
    monkeypatch.setattr(learned, "parse_features",
                        lambda texts: parsed.append(texts) or real(texts))
    got = [e.text for e in entries("Village hall\n\nThe weather had been poor all month.\n\n"
                                   "Arrange for the new defibrillator location to be "
                                   "publicised in the next newsletter.\n")]
    assert TASK in got
    seen = [t for batch in parsed for t in batch]
    assert "The weather had been poor all month." not in seen  # under the gate: never parsed
    assert all(learned.probability(t) >= learned.GATE for t in seen)


def test_weights_without_a_syntax_model_use_the_detector_alone(monkeypatch, tmp_path):
    data = json.loads(learned.DATA.read_text())
    del data["syntax"]
    path = tmp_path / "words-only.json"
    path.write_text(json.dumps(data))
    monkeypatch.setenv("MINUTES_SENTENCE_MODEL", str(path))
    learned.clear()
    try:
        assert learned.syntax_model() is None and learned.model() is not None
        [entry] = [e for e in entries("Village hall\n\nArrange for the new defibrillator "
                                      "location to be publicised in the next newsletter.\n")]
        assert entry.rule == "learned:sentence"
        assert entry.why["kind"].startswith("sentence model:")
    finally:
        monkeypatch.delenv("MINUTES_SENTENCE_MODEL")
        learned.clear()


def test_a_predicted_effect_is_no_task_unless_an_actor_is_its_subject():
    from minutes.extractors import prose

    assert prose.predicts_effect("The new depot would reduce travel times for crews.")
    assert not prose.predicts_effect("The Clerk would help the group with its bid.")
    assert not prose.predicts_effect("The depot would open in May.")
    assert prose.predicts_effect("The review the panel would be carrying out with partners "
                                 "would help to shape the new strategy.")
    assert prose.predicts_effect("Early engagement would be essential to the scheme's success.")
    assert not prose.predicts_effect("The Treasurer would be the contact for the auditors.")


def test_a_vote_record_with_all_in_favour_says_nothing_of_the_motion():
    from minutes.extractors import motions

    assert motions.is_vote_record("Proposed by Cllr Amos, seconded by Cllr Lee, all in favour.")
    assert not motions.is_vote_record("Proposed by Cllr Amos, seconded by Cllr Lee, that the "
                                      "hall be repainted.")


def test_context_terms_say_where_a_sentence_stands():
    from minutes.extractors.units import build_units, sentences
    from minutes.pipeline.readers import read_bytes

    doc = read_bytes(b"3. Apologies for absence\n\nApologies were received from Cllr Ward. "
                     b"Carried unanimously.\n\n(a) The Clerk will write to the landowner.\n",
                     "ctx.txt")
    units = build_units(doc)
    i = next(k for k, u in enumerate(units) if "Apologies were" in doc.text[u.start:u.end])
    s, e = sentences(doc.text[units[i].start:units[i].end], units[i].start)[0]
    terms = learned.context_terms(doc.text, units, i, s, e).split()
    assert {"hd_apologies", "hd_absence", "en_none", "nx_carried", "first_in_unit"} <= set(terms)
    j = next(k for k, u in enumerate(units) if "Clerk will" in doc.text[u.start:u.end])
    start = units[j].enum.end
    terms = learned.context_terms(doc.text, units, j, start, units[j].end).split()
    assert "en_none" not in terms and any(t.startswith("en_") for t in terms)


def test_the_syntax_model_reads_context_only_when_trained_with_it(monkeypatch, tmp_path):
    data = json.loads(learned.DATA.read_text())
    assert learned.reads_context() is bool(data["syntax"].get("context"))
    data["syntax"].pop("context", None)
    path = tmp_path / "no-context.json"
    path.write_text(json.dumps(data))
    monkeypatch.setenv("MINUTES_SENTENCE_MODEL", str(path))
    learned.clear()
    try:
        assert learned.reads_context() is False
    finally:
        monkeypatch.delenv("MINUTES_SENTENCE_MODEL")
        learned.clear()


def test_the_models_read_a_date_the_same_in_any_form() -> None:
    from minutes.extractors.learned import features_text, tokens

    forms = ["18 January 2021", "18th January, 2021", "January 18, 2021", "18/01/2021",
             "Jan. 18 2021"]
    read = {" ".join(tokens(features_text(f"to be presented at the {d} meeting"))) for d in forms}
    assert read == {"to be presented at the zdate meeting"}
    assert tokens(features_text("the May meeting may decide")) == [
        "the", "may", "meeting", "may", "decide"]
