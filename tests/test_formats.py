"""Acceptance: the same document as .txt, .html and .pdf gives the same entries.

Each document is rendered at test time (into tmp_path) with samples/render.py's
functions, as a ModernGov agenda-item page and as printed-minutes PDF; all three
are read with ``read_path`` and extracted with ``extract``. Entries are compared
as the set of (kind, normalised text) -- lower-case alphanumeric tokens -- and,
for entries found in every format, by owner (same normalisation) and due_date.

The five seeds must agree exactly. The annotated dev set (../shared/eval/dev,
read in place, never copied) is measured as a ratio of documents that agree;
see ``DEV_MIN_AGREEMENT``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from tests.samples_render import load_render

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEEDS = sorted(SAMPLES.glob("*.txt"))
DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
TOKEN = re.compile(r"[a-z0-9]+")

# Share of dev documents whose three formats give the same entries. Measured
# 59/68 = 0.87 on 2 Dec 2026 (readers and extractors still being built); the
# floor sits just under it so a regression fails. Raise it as they improve.
DEV_MIN_AGREEMENT = 0.85


render = load_render()


def norm(text: str | None) -> str:
    """Lower-case alphanumeric tokens (accents folded), space-joined."""
    folded = unicodedata.normalize("NFKD", (text or "").lower())
    return " ".join(TOKEN.findall("".join(c for c in folded if not unicodedata.combining(c))))


def extract_all(txt: Path, out: Path, meeting_date: date | None = None) -> dict[str, list]:
    """Entries of ``txt`` read as text, and as its HTML and PDF renderings."""
    from minutes.extractors import extract
    from minutes.pipeline.readers import read_path

    text = txt.read_text(encoding="utf-8")
    html_path = out / f"{txt.stem}.html"
    pdf_path = out / f"{txt.stem}.pdf"
    html_path.write_text(render.render_item_html(text), encoding="utf-8")
    pdf_path.write_bytes(render.render_item_pdf(text))
    return {fmt: extract(read_path(path), meeting_date=meeting_date)
            for fmt, path in (("txt", txt), ("html", html_path), ("pdf", pdf_path))}


def differences(name: str, found: dict[str, list]) -> list[str]:
    """How the HTML and PDF entries differ from the text ones (empty when they agree)."""
    def keyed(entries: list) -> dict[tuple[str, str], object]:
        out: dict[tuple[str, str], object] = {}
        for e in entries:
            out.setdefault((e.kind, norm(e.text)), e)
        return out

    base = keyed(found["txt"])
    diffs = []
    for fmt in ("html", "pdf"):
        other = keyed(found[fmt])
        for kind, text in sorted(base.keys() - other.keys()):
            diffs.append(f"{name}.{fmt} lacks {kind} '{text[:70]}'")
        for kind, text in sorted(other.keys() - base.keys()):
            diffs.append(f"{name}.{fmt} adds {kind} '{text[:70]}'")
        for key in sorted(base.keys() & other.keys()):
            a, b = base[key], other[key]
            if norm(a.owner) != norm(b.owner):
                diffs.append(f"{name}.{fmt} owner {b.owner!r} != {a.owner!r} ('{key[1][:40]}')")
            if a.due_date != b.due_date:
                diffs.append(f"{name}.{fmt} due {b.due_date} != {a.due_date} ('{key[1][:40]}')")
    return diffs


def test_norm_ignores_case_punctuation_and_accents() -> None:
    assert norm("Children’s  Services: “Good”") == norm("children's services - good")
    assert norm("Māori") == "maori"
    assert norm("a) Feedback") != norm("Feedback")


def test_differences_reports_missing_and_changed_entries() -> None:
    from minutes.records import Entry

    a = Entry("action", "Ms X agreed to report back.", True, owner="Ms X",
              due_date=date(2025, 1, 31))
    b = Entry("action", "Ms X agreed to report back", True, owner="ms x", due_date=None)
    c = Entry("decision", "The report be noted.", False)
    found = {"txt": [a, c], "html": [b, c], "pdf": [a]}
    diffs = differences("doc", found)
    assert diffs == ["doc.html due None != 2025-01-31 ('ms x agreed to report back')",
                     "doc.pdf lacks decision 'the report be noted'"]
    assert differences("doc", {"txt": [a, c], "html": [a, c], "pdf": [c, a]}) == []


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem[:3] for s in SEEDS])
def test_seed_gives_the_same_entries_in_every_format(seed: Path, tmp_path: Path) -> None:
    found = extract_all(seed, tmp_path)
    assert found["txt"], "the seed should yield entries at all"
    diffs = differences(seed.stem, found)
    assert not diffs, "\n".join(diffs)


@pytest.mark.skipif(not DEV.is_dir(), reason="annotated dev set not beside the repo")
def test_dev_documents_mostly_agree_across_formats(tmp_path: Path) -> None:
    """Documents of the dev set whose .txt/.html/.pdf entries agree, as a ratio
    that must stay >= DEV_MIN_AGREEMENT (measured; raise it as things improve)."""
    docs = sorted(DEV.glob("*.txt"))
    assert docs
    disagreeing: dict[str, list[str]] = {}
    for txt in docs:
        gold = txt.with_suffix(".json")
        day = None
        if gold.is_file():
            raw = json.loads(gold.read_text(encoding="utf-8")).get("meeting_date")
            day = date.fromisoformat(raw) if raw else None
        diffs = differences(txt.stem, extract_all(txt, tmp_path, day))
        if diffs:
            disagreeing[txt.stem] = diffs
    ratio = 1 - len(disagreeing) / len(docs)
    report = "\n".join(d for diffs in disagreeing.values() for d in diffs)
    print(f"dev cross-format agreement: {len(docs) - len(disagreeing)}/{len(docs)} "
          f"= {ratio:.2f}\n{report}")
    assert ratio >= DEV_MIN_AGREEMENT, f"agreement {ratio:.2f}:\n{report}"
