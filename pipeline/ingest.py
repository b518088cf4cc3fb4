"""Batch ingest: documents in, register entries out, one transaction per document.

A batch never stops at a bad document: each failure becomes a ``DocOutcome``
with a one-line message, and the run goes on.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from minutes.errors import MinutesError
from minutes.pipeline.readers import read_file
from minutes.records import Document, Entry

if TYPE_CHECKING:
    from minutes.models.store import Register

log = logging.getLogger(__name__)

Outcome = Literal["new", "changed", "unchanged", "failed", "restricted"]

#: File endings a folder walk picks up; a file named explicitly is always tried.
DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".htm", ".html", ".xhtml", ".xml", ".pdf"})
#: Below this many documents a process pool costs more (model load) than it saves.
POOL_THRESHOLD = 8
_NEXT_MEETING = ("next meeting", "next scheduled meeting", "following meeting")


@dataclass(frozen=True)
class DocContext:
    """What a fetched or named document does not say about itself."""

    url: str | None = None
    committee: str | None = None
    meeting_date: date | None = None
    body: str | None = None
    item: str | None = None
    moderngov_meeting_id: str | None = None
    site: str | None = None
    restricted: bool = False
    next_meeting_date: date | None = None


@dataclass
class DocOutcome:
    """How one document fared."""

    source: str
    status: Outcome
    entries_added: int = 0
    message: str | None = None


@dataclass
class BatchReport:
    """Counts and failures of a batch."""

    outcomes: list[DocOutcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files a folder walk passed over

    def add(self, outcome: DocOutcome) -> None:
        self.outcomes.append(outcome)

    def count(self, status: Outcome) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failures(self) -> list[DocOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def entries_added(self) -> int:
        return sum(o.entries_added for o in self.outcomes)

    def summary(self) -> str:
        """One line for the clerk: documents by outcome and entries added."""
        parts = [f"{self.count(s)} {s}" for s in ("new", "changed", "unchanged", "restricted",
                                                  "failed") if self.count(s) or s != "restricted"]
        n = len(self.outcomes)
        return (f"{n} document{'s' if n != 1 else ''}: {', '.join(parts)}; "
                f"{self.entries_added} entr{'ies' if self.entries_added != 1 else 'y'} added")


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def apply_context(doc: Document, context: DocContext | None) -> Document:
    """Fill in what the document does not say from what the caller knows."""
    if context is None:
        return doc
    meta = dict(doc.meta)
    if context.moderngov_meeting_id and "moderngov_meeting_id" not in meta:
        meta["moderngov_meeting_id"] = context.moderngov_meeting_id
    if context.site and "site" not in meta:
        meta["site"] = context.site
    if context.url:
        meta.setdefault("url", context.url)
    if context.item:
        meta.setdefault("item", context.item)
    return replace(
        doc,
        committee=doc.committee or context.committee,
        meeting_date=doc.meeting_date or context.meeting_date,
        body=doc.body or context.body,
        meta=meta,
    )


def calendar_due_dates(entries: list[Entry],
                       next_meeting: date | None) -> dict[int, tuple[date, str]]:
    """Resolve "by the next meeting" to the committee's next meeting date."""
    if next_meeting is None:
        return {}
    return {
        i: (next_meeting, "calendar")
        for i, e in enumerate(entries)
        if e.due_date is None and e.due_text
        and any(p in e.due_text.lower() for p in _NEXT_MEETING)
    }


def read_and_extract(data: bytes, source: str, meeting_date: date | None,
                     context: DocContext | None) -> tuple[Document, list[Entry]]:
    """The pure part of ingest: bytes to a Document and its entries."""
    from minutes.extractors import extract
    from minutes.pipeline.readers import read_bytes

    doc = apply_context(read_bytes(data, source), context)
    if context is not None and context.restricted:
        return doc, []
    anchor = meeting_date or doc.meeting_date
    restricted_items = {i.number for i in doc.items if i.restricted}
    entries = [e for e in extract(doc, meeting_date=anchor) if e.item not in restricted_items]
    return doc, entries


def _save(register: Register, source: str, doc: Document, entries: list[Entry],
          context: DocContext | None) -> DocOutcome:
    restricted = bool(context and context.restricted)
    overrides = calendar_due_dates(entries, context.next_meeting_date if context else None)
    result = register.save_document(doc, entries, restricted=restricted, due_overrides=overrides)
    status: Outcome = "restricted" if restricted and result.status != "unchanged" else result.status
    return DocOutcome(source, status, result.entries_added)


def ingest_bytes(register: Register, data: bytes, source: str, *,
                 meeting_date: date | None = None,
                 context: DocContext | None = None) -> DocOutcome:
    """Read, extract and save one document; failures come back as an outcome."""
    if register.is_unchanged(source, sha256_of(data)):
        return DocOutcome(source, "unchanged")
    try:
        doc, entries = read_and_extract(data, source, meeting_date, context)
        return _save(register, source, doc, entries, context)
    except MinutesError as exc:
        return DocOutcome(source, "failed", message=str(exc))
    except Exception as exc:  # a bug on one document must not stop the batch
        log.debug("unexpected failure on %s", source, exc_info=True)
        return DocOutcome(source, "failed", message=f"{source}: internal error ({exc!r})")


def expand_paths(paths: Iterable[str | Path], report: BatchReport) -> list[Path]:
    """Files named, plus the documents inside folders (recursively, sorted)."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in
                                               child.relative_to(p).parts):
                    if child.suffix.lower() in DOCUMENT_SUFFIXES:
                        files.append(child)
                    else:
                        report.skipped.append(str(child))
        else:
            files.append(p)
    return files


def _worker(data: bytes, source: str, meeting_date: date | None
            ) -> tuple[Document, list[Entry]] | str:
    """Process-pool job: read and extract, or the one-line error."""
    try:
        return read_and_extract(data, source, meeting_date, None)
    except MinutesError as exc:
        return str(exc)
    except Exception as exc:
        return f"{source}: internal error ({exc!r})"


def _pending(register: Register, files: list[Path], report: BatchReport,
             progress: Callable[[str], None]) -> Iterator[tuple[Path, bytes]]:
    """Files that need work; missing and unchanged ones are settled here."""
    for path in files:
        try:
            data = read_file(path)
        except MinutesError as exc:
            report.add(DocOutcome(str(path), "failed", message=str(exc)))
            progress(str(path))
            continue
        if register.is_unchanged(str(path), sha256_of(data)):
            report.add(DocOutcome(str(path), "unchanged"))
            progress(str(path))
            continue
        yield path, data


def ingest_paths(register: Register, paths: Iterable[str | Path], *,
                 meeting_date: date | None = None, jobs: int | None = None,
                 progress: Callable[[str], None] | None = None) -> BatchReport:
    """Ingest files and folders; ``progress`` is called once per document."""
    report = BatchReport()
    tick = progress or (lambda _source: None)
    files = expand_paths(paths, report)
    todo = list(_pending(register, files, report, tick))
    results = extract_many([(str(path), data) for path, data in todo], meeting_date, jobs)
    for (path, _data), result in zip(todo, results, strict=True):
        source = str(path)
        if isinstance(result, str):
            report.add(DocOutcome(source, "failed", message=result))
        else:
            try:
                report.add(_save(register, source, *result, None))
            except MinutesError as exc:
                report.add(DocOutcome(source, "failed", message=str(exc)))
            except Exception as exc:  # one document's bug must not stop the batch
                log.debug("unexpected failure saving %s", source, exc_info=True)
                report.add(DocOutcome(source, "failed",
                                      message=f"{source}: internal error ({exc!r})"))
        tick(source)
    return report


def extract_many(todo: list[tuple[str, bytes]], meeting_date: date | None = None,
                 jobs: int | None = None) -> Iterator[tuple[Document, list[Entry]] | str]:
    """Read and extract each ``(source, bytes)`` in order: results, or one-line errors.

    Batches of ``POOL_THRESHOLD`` or more use a process pool (both cores by
    default); each worker loads the spaCy pipeline once.
    """
    workers = jobs if jobs is not None else min(2, os.cpu_count() or 1)
    if workers < 2 or len(todo) < POOL_THRESHOLD:
        for source, data in todo:
            yield _worker(data, source, meeting_date)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_worker, data, source, meeting_date) for source, data in todo]
        for future in futures:
            yield future.result()


def total_files(paths: Iterable[str | Path]) -> int:
    """How many documents ``ingest_paths`` will look at (for a progress bar)."""
    return len(expand_paths(paths, BatchReport()))
