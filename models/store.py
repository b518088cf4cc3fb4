"""The register store: the one API the CLI and the ingest pipeline use.

``Register.open(url)`` opens (and migrates) any SQLAlchemy database; each
``save_document`` call is one transaction that links a document, its meeting and
items, a new content version, the entries found and their history.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, func
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, select

from minutes.errors import StoreError
from minutes.models import migrate
from minutes.models.enums import KINDS, STATUSES
from minutes.models.fingerprint import fingerprint, tokens
from minutes.models.matching import DISTINCTIVE_TOKENS, Candidate, match
from minutes.models.refs import (
    item_label,
    limb_ref,
    limbs,
    ref_prefix,
    source_slug,
    source_stem,
    with_suffix,
)
from minutes.models.tables import (
    AgendaItem,
    DocumentVersion,
    EntrySource,
    Meeting,
    SourceDocument,
    StatusChange,
)
from minutes.models.tables import Entry as EntryRow
from minutes.models.views import EntryView, HistoryView, SaveResult, SourceView, TraceView
from minutes.records import Document, Entry

__all__ = ["Register", "SaveResult", "EntryView", "TraceView", "paragraph_around"]


_WRITE = "minutes_write"  # execution option: does this transaction write?


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime) -> datetime:
    """Timestamps as aware UTC datetimes (SQLite hands them back naive)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


def _norm(text: str | None) -> str:
    """Lower-cased words, for comparing committee and council names."""
    words = re.findall(r"[a-z0-9]+", (text or "").lower())
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def _site(site: str | None) -> str:
    s = (site or "").strip().lower()
    s = re.sub(r"^[a-z]+://", "", s).rstrip("/")
    return s[4:] if s.startswith("www.") else s


def _host(url: str | None) -> str:
    """The site of an http(s) URL ('' for a path)."""
    if not url or not re.match(r"^https?://", url, re.I):
        return ""
    return _site(url.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0])


def _clean_text(text: str) -> str:
    """PostgreSQL text cannot hold NUL; replace it keeping every offset."""
    return text.replace("\x00", " ")


def paragraph_around(text: str, start: int, end: int, quote: str = "") -> str:
    """The line(s) of ``text`` holding ``text[start:end]`` (or the quote, if offsets are off)."""
    if not text:
        return ""
    if not (0 <= start <= end <= len(text)) or (quote and text[start:end] != quote):
        found = text.find(quote) if quote else -1
        if found < 0:
            return ""
        start, end = found, found + len(quote)
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a : len(text) if b < 0 else b]


def _make_engine(url: str) -> sa.Engine:
    u = sa.make_url(url)
    if u.get_backend_name() != "sqlite":
        return sa.create_engine(u, pool_pre_ping=True)
    database = u.database or ""
    memory = database in ("", ":memory:") or database.startswith("file::memory:")
    if memory:
        engine = sa.create_engine(u, poolclass=StaticPool,
                                  connect_args={"check_same_thread": False})
    else:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(u, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # writers take the lock up front, so two ingests queue instead of deadlocking;
        # readers use a deferred BEGIN and (with WAL) never wait for a writer
        write = conn.get_execution_options().get(_WRITE, True)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _upgrade_when_free(engine: sa.Engine, attempts: int = 8) -> None:
    """Migrate, waiting out another process doing the same: two first opens of one new
    SQLite file can collide while it switches to WAL, and SQLite then answers "database is
    locked" at once instead of waiting for its busy timeout."""
    for attempt in range(1, attempts + 1):
        try:
            migrate.upgrade(engine)
            return
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts:
                raise
            engine.dispose()
            time.sleep(0.1 * attempt)


class Register:
    """The tracked action register in one database."""

    def __init__(self, engine: sa.Engine, label: str) -> None:
        self._engine = engine
        self._reader = engine.execution_options(**{_WRITE: False})
        self.label = label

    # -- lifecycle -----------------------------------------------------------------

    @classmethod
    def open(cls, url: str) -> Register:
        """Open the register at a SQLAlchemy URL, creating or upgrading its schema."""
        try:
            engine = _make_engine(url)
        except (ArgumentError, ValueError):
            raise StoreError(f"{url}: not a database URL (e.g. sqlite:///register.db)") from None
        except ModuleNotFoundError as exc:
            raise StoreError(f"{url}: no database driver installed ({exc.name})") from None
        except OSError as exc:
            raise StoreError(f"{url}: cannot create the database folder ({exc})") from None
        label = engine.url.render_as_string(hide_password=True)
        try:
            _upgrade_when_free(engine)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise StoreError(f"{label}: cannot open the register ({_first_line(exc)})") from None
        except Exception as exc:  # alembic CommandError: e.g. a newer, unknown revision
            engine.dispose()
            raise StoreError(f"{label}: cannot upgrade the register schema ({exc})") from None
        return cls(engine, label)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def engine(self) -> sa.Engine:
        return self._engine

    @contextmanager
    def _session(self, *, write: bool = True) -> Iterator[Session]:
        """One transaction: commit at the end, roll back everything on any error."""
        bind = self._engine if write else self._reader
        with Session(bind, expire_on_commit=False) as session, session.begin():
            yield session

    def _read(self, what: str, fn: Any) -> Any:
        try:
            with self._session(write=False) as s:
                return fn(s)
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.label}: cannot {what} ({_first_line(exc)})") from None

    # -- documents -----------------------------------------------------------------

    def is_unchanged(self, source: str, sha256: str) -> bool:
        """True if ``source`` is already stored with exactly this content."""
        def q(s: Session) -> bool:
            current = s.exec(select(SourceDocument.sha256)
                             .where(SourceDocument.source == source)).first()
            return current == sha256
        return self._read("read the register", q)

    def document_hashes(self) -> dict[str, str]:
        """Every stored source with its current sha256, in one query (for batch re-runs)."""
        def q(s: Session) -> dict[str, str]:
            rows = s.exec(select(SourceDocument.source, SourceDocument.sha256)).all()
            return {source: sha for source, sha in rows}
        return self._read("read the register", q)

    def save_document(self, doc: Document, entries: list[Entry], *, restricted: bool = False,
                      due_overrides: dict[int, tuple[date, str]] | None = None) -> SaveResult:
        """Store one document and its entries in one transaction (retried once on a race)."""
        for attempt in (1, 2):
            try:
                with self._session() as s:
                    return self._save(s, doc, entries, restricted, due_overrides or {})
            except (IntegrityError, OperationalError) as exc:
                if attempt == 2:
                    raise StoreError(f"{doc.source}: not saved ({_first_line(exc)})") from None
            except SQLAlchemyError as exc:
                raise StoreError(f"{doc.source}: not saved ({_first_line(exc)})") from None
        raise AssertionError("unreachable")

    def _save(self, s: Session, doc: Document, entries: list[Entry], restricted: bool,
              overrides: dict[int, tuple[date, str]]) -> SaveResult:
        now = _now()
        row = s.exec(select(SourceDocument).where(SourceDocument.source == doc.source)).first()
        if row is not None and row.sha256 == doc.sha256:
            return SaveResult("unchanged", row.id or 0)
        prev_version = None
        if row is not None:
            prev_version = s.exec(select(DocumentVersion.id)
                                  .where(DocumentVersion.document_id == row.id)
                                  .order_by(DocumentVersion.id.desc())).first()
        if restricted:
            entries = []
        meeting = self._meeting_for(s, doc, row, entries)
        items = self._items_for(s, meeting, doc, entries)
        doc_item = items.get(item_label(doc.meta.get("item")) or "")
        status = "new" if row is None else "changed"
        if row is None:
            row = SourceDocument(source=doc.source, format=doc.format, sha256=doc.sha256,
                                 meeting_id=meeting.id, first_ingested_at=now,
                                 last_ingested_at=now)
        row.format, row.title, row.sha256 = doc.format, doc.title, doc.sha256
        row.restricted, row.meeting_id, row.last_ingested_at = restricted, meeting.id, now
        row.item_id = doc_item.id if doc_item else row.item_id
        s.add(row)
        s.flush()
        text = "" if restricted else _clean_text(doc.text)
        version = DocumentVersion(document_id=row.id, sha256=doc.sha256, text=text,
                                  ingested_at=now)
        s.add(version)
        s.flush()

        before: set[int] = set()
        if prev_version is not None:
            before = set(s.exec(select(EntrySource.entry_id)
                                .where(EntrySource.version_id == prev_version)).all())
        existing = list(s.exec(select(EntryRow).where(EntryRow.meeting_id == meeting.id)
                               .order_by(EntryRow.id)).all())
        labels = {i.id: i.number for i in items.values()}
        matches = match(
            [Candidate(e.kind, e.text, item_label(e.item)) for e in entries],
            [Candidate(r.kind, r.text, labels.get(r.item_id)) for r in existing],
        )
        prefix = self._prefix_for(s, meeting, doc.source)
        numbering = limbs([e.item for e in entries])
        own = {r.ref for r in existing}  # a later paper of the meeting continues its numbering
        added = matched = 0
        seen: set[int] = set()
        refs: list[str] = []
        for i, e in enumerate(entries):
            j = matches[i]
            if j is None:
                label, n = numbering[i]
                while limb_ref(prefix, label, n) in own:
                    n += 1
                entry_row = self._new_entry(s, e, meeting, items, limb_ref(prefix, label, n),
                                            overrides.get(i), now, doc.source)
                own.add(entry_row.ref)
                added += 1
            else:
                entry_row = existing[j]
                self._update_entry(s, entry_row, e, overrides.get(i), now, doc.source,
                                   again=entry_row.id in before)
                matched += 1
            seen.add(entry_row.id or 0)
            refs.append(entry_row.ref)
            s.add(self._source_row(entry_row, version, doc, e))
        vanished = sorted(before - seen)
        for entry_id in vanished:
            old = s.get(EntryRow, entry_id)
            s.add(StatusChange(entry_id=entry_id, at=now, event="no-longer-in-source",
                               old_status=old.status if old else None,
                               new_status=old.status if old else None,
                               note=f"not in the new version of {doc.source}",
                               by="extraction"))
        s.flush()
        return SaveResult(status, row.id or 0, added, matched, len(vanished), refs)

    def _meeting_for(self, s: Session, doc: Document, row: SourceDocument | None,
                     entries: list[Entry]) -> Meeting:
        """Find or create the document's meeting: by ModernGov key, else committee + date,
        else (a document naming neither) the meeting whose entries it repeats."""
        mg_id = (doc.meta.get("moderngov_meeting_id") or "").strip()
        site = _site(doc.meta.get("site")) or _host(doc.meta.get("url")) or _host(doc.source)
        # meeting ids are per site: without the site an id alone could be another council's
        mg_key = f"{site}#{mg_id}" if mg_id and site else None
        committee = (doc.committee or "").strip() or None
        when = doc.meeting_date
        body = (doc.body or "").strip() or None
        meeting = None
        if mg_key:
            meeting = s.exec(select(Meeting).where(Meeting.moderngov_key == mg_key)).first()
        if meeting is None and committee and when:
            for m in s.exec(select(Meeting).where(Meeting.date == when).order_by(Meeting.id)):
                if _norm(m.committee) != _norm(committee):
                    continue
                if body and m.body and _norm(body) != _norm(m.body):
                    continue
                if mg_key and m.moderngov_key:
                    continue  # a different ModernGov meeting of the same name and day
                meeting = m
                break
        if meeting is None and not mg_key and not (committee and when) and row is not None:
            meeting = s.get(Meeting, row.meeting_id)
        if meeting is None:
            meeting = self._meeting_by_content(s, doc, entries, committee, when, mg_key,
                                               body)
        if meeting is None:
            if mg_key:
                key = f"mg:{mg_key}"
            elif committee and when:
                key = f"cd:{_norm(body)}|{_norm(committee)}|{when.isoformat()}"
            else:
                key = f"doc:{doc.sha256}"
            meeting = s.exec(select(Meeting).where(Meeting.key == key)).first()
            if meeting is None:
                meeting = Meeting(key=key)
        if mg_key and not meeting.moderngov_key:
            meeting.moderngov_key = mg_key
        meeting.body = meeting.body or body
        meeting.committee = meeting.committee or committee
        meeting.date = meeting.date or when
        s.add(meeting)
        s.flush()
        return meeting

    @staticmethod
    def _meeting_by_content(s: Session, doc: Document, entries: list[Entry],
                            committee: str | None, when: date | None, mg_key: str | None,
                            body: str | None) -> Meeting | None:
        """The meeting that already has these entries (another rendering of the same
        minutes), if nothing known about it contradicts the document. Evidence: at least
        two, and half, of the distinctive entries; or, when a document of that meeting has
        the same specific file stem (000_9b30.txt / 000_9b30.pdf), half of all entries."""
        every = {fingerprint(e.text) for e in entries}
        distinctive = {fingerprint(e.text) for e in entries
                       if len(tokens(e.text)) >= DISTINCTIVE_TOKENS}
        if not every:
            return None
        hits: dict[int, set[str]] = {}
        for meeting_id, print_ in s.exec(select(EntryRow.meeting_id, EntryRow.fingerprint)
                                         .where(EntryRow.fingerprint.in_(sorted(every)))
                                         .distinct()):
            hits.setdefault(meeting_id, set()).add(print_)
        stem = source_stem(doc.source)
        if not (len(stem) >= 6 and re.search(r"\d", stem)):
            stem = ""  # "minutes", "page": names many meetings' papers share

        def score(meeting_id: int) -> tuple[int, int, int]:
            found = hits[meeting_id]
            return (-len(found & distinctive), -len(found), meeting_id)

        for meeting_id in sorted(hits, key=score):
            m = s.get(Meeting, meeting_id)
            if m is None or (when and m.date and m.date != when):
                continue
            if committee and m.committee and _norm(committee) != _norm(m.committee):
                continue
            if (mg_key and m.moderngov_key) or (body and m.body and _norm(body) != _norm(m.body)):
                continue
            found = hits[meeting_id]
            strong = len(found & distinctive)
            if strong >= 2 and 2 * strong >= len(distinctive):
                return m
            if 2 * len(found) >= len(every) and stem and any(
                    source_stem(other) == stem for other in s.exec(
                        select(SourceDocument.source)
                        .where(SourceDocument.meeting_id == meeting_id))):
                return m
        return None

    def _items_for(self, s: Session, meeting: Meeting, doc: Document,
                   entries: list[Entry]) -> dict[str, AgendaItem]:
        """The meeting's agenda items by label, adding those the document names."""
        rows = {i.number: i for i in s.exec(select(AgendaItem)
                                            .where(AgendaItem.meeting_id == meeting.id))}
        wanted: list[tuple[str | None, str | None, bool]] = [
            (it.number, it.title, it.restricted) for it in doc.items]
        wanted += [(e.item, None, False) for e in entries]
        wanted.append((doc.meta.get("item"), None, False))
        for number, title, restricted in wanted:
            label = item_label(number)
            if label is None:
                continue
            item = rows.get(label)
            if item is None:
                item = rows[label] = AgendaItem(meeting_id=meeting.id, number=label)
            item.title = item.title or ((title or "").strip() or None)
            item.restricted = item.restricted or restricted
            s.add(item)
        s.flush()
        return rows

    @staticmethod
    def _prefix_for(s: Session, meeting: Meeting, source: str) -> str:
        """The meeting's ref prefix; a file-stem slug grows (8, 16, 24... characters)
        until no other meeting's refs use it, so similar file names stay apart."""
        if meeting.committee or meeting.date:
            return ref_prefix(meeting.committee, meeting.date, source)
        prefix = ""
        for length in (8, 16, 24, 32, 64):
            candidate = source_slug(source, length)
            if candidate == prefix:
                break
            prefix = candidate
            clash = s.exec(select(EntryRow.id)
                           .where(EntryRow.ref.startswith(prefix + "-", autoescape=True),
                                  EntryRow.meeting_id != meeting.id)).first()
            if clash is None:
                break
        return prefix

    def _free_ref(self, s: Session, base: str) -> str:
        for attempt in range(1000):
            ref = with_suffix(base, attempt)
            if s.exec(select(EntryRow.id).where(EntryRow.ref == ref)).first() is None:
                return ref
        raise StoreError(f"{base}: no free entry reference")

    def _new_entry(self, s: Session, e: Entry, meeting: Meeting, items: dict[str, AgendaItem],
                   base_ref: str, override: tuple[date, str] | None, now: datetime,
                   source: str) -> EntryRow:
        due_date, due_source = (e.due_date, "text" if e.due_date else None)
        if override:
            due_date, due_source = override
        status = e.status or ("open" if e.actionable else None)
        item = items.get(item_label(e.item) or "")
        row = EntryRow(ref=self._free_ref(s, base_ref), meeting_id=meeting.id,
                       item_id=item.id if item else None, kind=e.kind, text=e.text,
                       actionable=e.actionable, owner=e.owner, due_text=e.due_text,
                       due_date=due_date, due_source=due_source, status=status,
                       fingerprint=fingerprint(e.text), created_at=now, updated_at=now)
        s.add(row)
        s.flush()
        s.add(StatusChange(entry_id=row.id, at=now, event="created", old_status=None,
                           new_status=status, note=f"found in {source}", by="extraction"))
        return row

    def _update_entry(self, s: Session, row: EntryRow, e: Entry,
                      override: tuple[date, str] | None, now: datetime, source: str,
                      again: bool) -> None:
        """An entry found again. From a new version of a document that already gave it,
        follow the new text, owner and due date; from another document, only fill gaps."""
        notes = []
        if again and row.text != e.text:
            row.text, row.fingerprint = e.text, fingerprint(e.text)
            notes.append("text changed")
        if e.owner and (row.owner is None or (again and row.owner != e.owner)):
            if row.owner is not None:
                notes.append("owner changed")
            row.owner = e.owner
        due: tuple[date, str] | None = override or ((e.due_date, "text") if e.due_date else None)
        if due and (row.due_date is None or (again and (row.due_date, row.due_source) != due)):
            if row.due_date is not None:
                notes.append("due date changed")
            row.due_date, row.due_source = due
        if e.due_text and (row.due_text is None or again):
            row.due_text = e.due_text
        row.updated_at = now
        s.add(row)
        detail = f" ({', '.join(notes)})" if notes else ""
        s.add(StatusChange(entry_id=row.id, at=now,
                           event="source-changed" if again else "source-added",
                           old_status=row.status, new_status=row.status,
                           note=f"{source}{detail}", by="extraction"))
        if e.status == "done" and row.status != "done":
            s.add(StatusChange(entry_id=row.id, at=now, event="status", old_status=row.status,
                               new_status="done", note=f"marked complete in {source}",
                               by="extraction"))
            row.status = "done"

    @staticmethod
    def _source_row(row: EntryRow, version: DocumentVersion, doc: Document,
                    e: Entry) -> EntrySource:
        located = 0 <= e.start < e.end <= len(doc.text)
        quote = doc.text[e.start:e.end] if located else e.text
        page = e.page if e.page is not None else (doc.page_at(e.start) if located else None)
        return EntrySource(entry_id=row.id, version_id=version.id, page=page,
                           start=e.start if located else 0, end=e.end if located else 0,
                           quote=_clean_text(quote), rule=e.rule or "")

    # -- the register ----------------------------------------------------------------

    def entries(self, *, status: str | None = None, kind: str | None = None,
                owner: str | None = None, committee: str | None = None, overdue: bool = False,
                due_before: date | None = None, today: date | None = None) -> list[EntryView]:
        """Register rows, filtered; owner/committee match case-insensitive substrings."""
        if status is not None and status not in STATUSES:
            raise StoreError(f"unknown status {status!r}: use one of {', '.join(STATUSES)}")
        if kind is not None and kind not in KINDS:
            raise StoreError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")
        query = (select(EntryRow, Meeting, AgendaItem.number)
                 .join(Meeting, EntryRow.meeting_id == Meeting.id)
                 .outerjoin(AgendaItem, EntryRow.item_id == AgendaItem.id))
        if status is not None:
            query = query.where(EntryRow.status == status)
        if kind is not None:
            query = query.where(EntryRow.kind == kind)
        if owner:
            query = query.where(func.lower(EntryRow.owner).contains(owner.lower(),
                                                                    autoescape=True))
        if committee:
            query = query.where(func.lower(Meeting.committee).contains(committee.lower(),
                                                                       autoescape=True))
        if overdue:
            query = query.where(EntryRow.actionable.is_(True), EntryRow.status == "open",
                                EntryRow.due_date < (today or date.today()))
        if due_before is not None:
            query = query.where(EntryRow.due_date < due_before)
        query = query.order_by(Meeting.date.asc().nulls_last(), EntryRow.id)

        def q(s: Session) -> list[EntryView]:
            rows = s.exec(query).all()
            firsts = self._first_sources(s, [r[0].id for r in rows])
            return [_view(entry, meeting, number, firsts.get(entry.id))
                    for entry, meeting, number in rows]
        return self._read("read the register", q)

    @staticmethod
    def _first_sources(s: Session, ids: list[int | None]) -> dict[int, tuple[Any, ...]]:
        """entry id -> (source, page, start, end) of its earliest source."""
        out: dict[int, tuple[Any, ...]] = {}
        wanted = [i for i in ids if i is not None]
        for chunk in (wanted[k:k + 500] for k in range(0, len(wanted), 500)):
            q = (select(EntrySource.entry_id, SourceDocument.source, EntrySource.page,
                        EntrySource.start, EntrySource.end)
                 .join(DocumentVersion, EntrySource.version_id == DocumentVersion.id)
                 .join(SourceDocument, DocumentVersion.document_id == SourceDocument.id)
                 .where(EntrySource.entry_id.in_(chunk))
                 .order_by(EntrySource.id))
            for entry_id, *rest in s.exec(q):
                out.setdefault(entry_id, tuple(rest))
        return out

    def trace(self, ref: str) -> TraceView:
        """The entry, every source with the paragraph around its quote, and its history."""
        def q(s: Session) -> TraceView | None:
            found = s.exec(select(EntryRow, Meeting, AgendaItem.number)
                           .join(Meeting, EntryRow.meeting_id == Meeting.id)
                           .outerjoin(AgendaItem, EntryRow.item_id == AgendaItem.id)
                           .where(EntryRow.ref == ref)).first()
            if found is None:
                return None
            entry, meeting, number = found
            sources = []
            rows = s.exec(select(EntrySource, DocumentVersion, SourceDocument)
                          .join(DocumentVersion, EntrySource.version_id == DocumentVersion.id)
                          .join(SourceDocument,
                                DocumentVersion.document_id == SourceDocument.id)
                          .where(EntrySource.entry_id == entry.id)
                          .order_by(EntrySource.id)).all()
            for src, version, document in rows:
                sources.append(SourceView(
                    source=document.source, format=document.format, sha256=version.sha256,
                    ingested_at=_utc(version.ingested_at), page=src.page, start=src.start,
                    end=src.end, quote=src.quote,
                    paragraph=paragraph_around(version.text, src.start, src.end, src.quote),
                    rule=src.rule, current=version.sha256 == document.sha256))
            history = [HistoryView(_utc(h.at), h.event, h.old_status, h.new_status, h.note, h.by)
                       for h in s.exec(select(StatusChange)
                                       .where(StatusChange.entry_id == entry.id)
                                       .order_by(StatusChange.id))]
            first = rows[0] if rows else None
            head = (first[2].source, first[0].page, first[0].start, first[0].end) if first \
                else None
            return TraceView(_view(entry, meeting, number, head), sources, history)
        view = self._read("read the register", q)
        if view is None:
            raise StoreError(f"no entry with reference {ref}")
        return view

    def set_status(self, ref: str, status: str, *, note: str | None = None,
                   by: str = "user") -> StatusChange:
        """Set an entry's status (open/done), appending the change to its history."""
        if status not in STATUSES:
            raise StoreError(f"unknown status {status!r}: use one of {', '.join(STATUSES)}")

        def q(s: Session) -> StatusChange | None:
            entry = s.exec(select(EntryRow).where(EntryRow.ref == ref)).first()
            if entry is None:
                return None
            now = _now()
            change = StatusChange(entry_id=entry.id, at=now, event="status",
                                  old_status=entry.status, new_status=status, note=note,
                                  by=(by or "user").strip() or "user")
            entry.status, entry.updated_at = status, now
            s.add(entry)
            s.add(change)
            s.flush()
            return change
        try:
            with self._session() as s:
                change = q(s)
        except SQLAlchemyError as exc:
            raise StoreError(f"{ref}: status not changed ({_first_line(exc)})") from None
        if change is None:
            raise StoreError(f"no entry with reference {ref}")
        return change

    def counts(self) -> dict[str, int]:
        """How many documents, versions, meetings, items, entries and sources are stored."""
        tables = {"documents": SourceDocument, "versions": DocumentVersion,
                  "meetings": Meeting, "items": AgendaItem, "entries": EntryRow,
                  "sources": EntrySource, "history": StatusChange}

        def q(s: Session) -> dict[str, int]:
            return {name: s.exec(select(func.count()).select_from(t)).one()
                    for name, t in tables.items()}
        return self._read("count the register", q)


def _view(entry: EntryRow, meeting: Meeting, number: str | None,
          first: tuple[Any, ...] | None) -> EntryView:
    source, page, start, end = first if first else (None, None, None, None)
    return EntryView(
        ref=entry.ref, kind=entry.kind, text=entry.text, actionable=entry.actionable,
        owner=entry.owner, due_text=entry.due_text, due_date=entry.due_date,
        due_source=entry.due_source, status=entry.status, committee=meeting.committee,
        meeting_date=meeting.date, item=number, source=source, page=page, start=start,
        end=end, body=meeting.body)
