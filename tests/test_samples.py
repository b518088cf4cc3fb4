"""samples/render.py rebuilds the seed renderings, and the readers read them back.

The render script runs for real (a subprocess into tmp_path); its HTML is
checked for ModernGov's structure and its PDFs with pdfplumber, before the
project's own readers (``read_path``) are asked for every line of each seed.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.samples_render import load_render

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEEDS = sorted(SAMPLES.glob("*.txt"))
TOKEN = re.compile(r"[a-z0-9]+")


render = load_render()


def tokens(text: str) -> list[str]:
    """Lower-case alphanumeric tokens, accents folded."""
    folded = unicodedata.normalize("NFKD", text.lower())
    return TOKEN.findall("".join(c for c in folded if not unicodedata.combining(c)))


def contains(hay: list[str], needle: list[str]) -> bool:
    """True when ``needle`` occurs as a contiguous run of ``hay``."""
    n = len(needle)
    first = needle[0]
    return any(hay[i : i + n] == needle for i, t in enumerate(hay) if t == first)


def body_lines(text: str) -> list[str]:
    """The seed's title and content lines (page chrome and short labels left out)."""
    item = render.parse_item(text)
    lines = [item.title] + [ln.text for sec in item.sections if not sec.documents
                            for ln in sec.lines if ln.text]
    return [ln for ln in lines if len(tokens(ln)) >= 3]


def pdf_pages(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def pdf_body(pages: list[str]) -> str:
    """The pages' text without the renderer's running header and page-number footer."""
    return "\n".join("\n".join(p.strip().splitlines()[1:-1]) for p in pages)


def unhyphenate(text: str) -> str:
    """Undo the renderer's soft-hyphen line breaks (a hyphen, a newline, lower case)."""
    return re.sub(r"([a-z])-\n([a-z])", r"\1\2", text)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rendered")
    subprocess.run([sys.executable, str(SAMPLES / "render.py"), str(out)], check=True,
                   capture_output=True, timeout=300)
    return out


def test_five_seeds_are_in_samples() -> None:
    assert len(SEEDS) == 5
    for seed in SEEDS:
        assert seed.read_bytes().strip(), seed


def test_script_writes_an_html_page_and_a_pdf_per_seed(built: Path) -> None:
    from bs4 import BeautifulSoup

    for seed in SEEDS:
        page = BeautifulSoup((built / "html" / f"{seed.stem}.html").read_bytes(), "lxml")
        title = render.parse_item(seed.read_text(encoding="utf-8")).title
        assert page.select_one("div#modgov div.mgHeader h1.mgMainTitleTxt"), seed.name
        assert page.select_one("div#modgov h2.mgSubTitleTxt").get_text(strip=True) == title
        assert page.select("div#modgov div.mgContent div.mgWordPara div.WordSection1 p")
        assert page.select_one("footer") and page.select_one("nav"), "page chrome missing"
        if "\nMinutes:" in seed.read_text(encoding="utf-8"):
            labels = [p.get_text(strip=True) for p in page.select("p.mgSubItemTitleTxt")]
            assert "Minutes:" in labels
        pages = pdf_pages(built / "pdf" / f"{seed.stem}.pdf")
        assert pages and all(p.strip() for p in pages)
        for number, text in enumerate(pages, start=1):
            assert text.strip().splitlines()[-1].strip() == str(number), "footer page number"


def test_meeting_page_has_item_rows_with_decision_and_minutes(built: Path) -> None:
    from bs4 import BeautifulSoup

    page = BeautifulSoup((built / "html" / "invented-meeting_ieListDocuments.html")
                         .read_bytes(), "lxml")
    rows = page.select("div#modgov table.mgItemTable tr")
    assert len(rows) == 4
    assert [r.select_one("td.mgItemNumberCell").get_text(strip=True) for r in rows][:2] == [
        "31.", "32."]
    labels = [p.get_text(strip=True) for p in rows[2].select("p.mgSubItemTitleTxt")]
    assert labels == ["Decision:", "Minutes:", "Supporting documents:"]
    assert rows[2].select("ul.mgBulletList a span.mgFileSize")


def test_committed_renderings_are_what_the_script_makes(built: Path) -> None:
    for made in sorted((built / "html").iterdir()):
        assert (SAMPLES / "html" / made.name).read_bytes() == made.read_bytes(), made.name
    for made in sorted((built / "pdf").iterdir()):
        committed = SAMPLES / "pdf" / made.name
        if render._font_files():  # same fonts as when committed: byte-identical
            assert committed.read_bytes() == made.read_bytes(), made.name
        else:  # core-font fallback: same words
            assert tokens(" ".join(pdf_pages(committed))) == tokens(" ".join(pdf_pages(made)))


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem[:3] for s in SEEDS])
def test_renderings_keep_every_line_of_the_seed(built: Path, seed: Path) -> None:
    """Independent of the project's readers: bs4 and pdfplumber see every line's words."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup((built / "html" / f"{seed.stem}.html").read_bytes(), "lxml")
    html_words = tokens(page.select_one("div#modgov").get_text(" "))
    pdf_words = tokens(unhyphenate(pdf_body(pdf_pages(built / "pdf" / f"{seed.stem}.pdf"))))
    for line in body_lines(seed.read_text(encoding="utf-8")):
        assert contains(html_words, tokens(line)), f"HTML lost: {line[:60]}"
        assert contains(pdf_words, tokens(line)), f"PDF lost: {line[:60]}"


@pytest.mark.parametrize("fmt", ["html", "pdf"])
@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem[:3] for s in SEEDS])
def test_reader_gives_every_line_of_the_seed(seed: Path, fmt: str) -> None:
    """``read_path`` on the committed rendering gives each seed line's words, in order,
    with no markup, chrome, running header or page number in between."""
    from minutes.pipeline.readers import read_path

    doc = read_path(SAMPLES / fmt / f"{seed.stem}.{fmt}")
    assert doc.format != "text"
    assert "<p" not in doc.text and "mgSubTitleTxt" not in doc.text
    words = tokens(doc.text)
    missing = [ln[:70] for ln in body_lines(seed.read_text(encoding="utf-8"))
               if not contains(words, tokens(ln))]
    assert not missing, f"{len(missing)} lines not read whole, e.g. {missing[:3]}"
    if fmt == "html":
        for chrome in ("Skip to main content", "Privacy notice", "Accessibility statement"):
            assert chrome not in doc.text
    else:
        assert doc.pages and doc.pages[0].number == 1


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_reader_reads_the_invented_meeting(fmt: str) -> None:
    import json

    from minutes.pipeline.readers import read_path

    meeting = json.loads((SAMPLES / "invented-meeting.json").read_text(encoding="utf-8"))
    name = ("invented-meeting_ieListDocuments.html" if fmt == "html"
            else "invented-meeting_printed-minutes.pdf")
    doc = read_path(SAMPLES / fmt / name)
    words = tokens(doc.text)
    for item in meeting["items"]:
        for line in item["minutes"]:
            assert contains(words, tokens(line)), line
