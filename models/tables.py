"""SQLModel tables of the register: documents and their versions, meetings, agenda
items, entries, where each entry was found, and its append-only history."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from minutes.models.enums import DUE_SOURCES, EVENTS, KINDS, STATUSES, sql_in

metadata = SQLModel.metadata

_TS = sa.DateTime(timezone=True)


class Meeting(SQLModel, table=True):
    """One meeting of a committee; ``key`` is its unique natural key."""

    __tablename__ = "meeting"
    __table_args__ = (
        sa.UniqueConstraint("key", name="uq_meeting_key"),
        sa.UniqueConstraint("moderngov_key", name="uq_meeting_moderngov_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(sa_type=sa.Text, nullable=False)
    moderngov_key: str | None = Field(default=None, sa_type=sa.Text)
    body: str | None = Field(default=None, sa_type=sa.Text)
    committee: str | None = Field(default=None, sa_type=sa.Text)
    date: dt.date | None = Field(default=None, sa_type=sa.Date, index=True)


class AgendaItem(SQLModel, table=True):
    """An agenda item or minute of a meeting, by the number the papers give it."""

    __tablename__ = "agenda_item"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "number", name="uq_agenda_item_number"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", nullable=False)
    number: str = Field(sa_type=sa.Text, nullable=False)
    title: str | None = Field(default=None, sa_type=sa.Text)
    restricted: bool = Field(default=False, nullable=False)


class SourceDocument(SQLModel, table=True):
    """A document (path or URL) the register has read; ``sha256`` is its current content."""

    __tablename__ = "source_document"
    __table_args__ = (sa.UniqueConstraint("source", name="uq_source_document_source"),)

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(sa_type=sa.Text, nullable=False)
    format: str = Field(sa_type=sa.String(32), nullable=False)
    title: str | None = Field(default=None, sa_type=sa.Text)
    sha256: str = Field(sa_type=sa.String(64), nullable=False)
    restricted: bool = Field(default=False, nullable=False)
    meeting_id: int = Field(foreign_key="meeting.id", nullable=False, index=True)
    item_id: int | None = Field(default=None, foreign_key="agenda_item.id")
    first_ingested_at: dt.datetime = Field(sa_type=_TS, nullable=False)
    last_ingested_at: dt.datetime = Field(sa_type=_TS, nullable=False)


class DocumentVersion(SQLModel, table=True):
    """The full extracted text of one content version (sha256) of a document."""

    __tablename__ = "document_version"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="source_document.id", nullable=False, index=True)
    sha256: str = Field(sa_type=sa.String(64), nullable=False)
    text: str = Field(sa_type=sa.Text, nullable=False)
    ingested_at: dt.datetime = Field(sa_type=_TS, nullable=False)


class Entry(SQLModel, table=True):
    """A decision, recommendation or action of a meeting, tracked by a stable ``ref``."""

    __tablename__ = "entry"
    __table_args__ = (
        sa.UniqueConstraint("ref", name="uq_entry_ref"),
        sa.CheckConstraint(sql_in("kind", KINDS), name="ck_entry_kind"),
        sa.CheckConstraint(sql_in("status", STATUSES, nullable=True), name="ck_entry_status"),
        sa.CheckConstraint(
            sql_in("due_source", DUE_SOURCES, nullable=True), name="ck_entry_due_source"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    ref: str = Field(sa_type=sa.String(200), nullable=False)
    meeting_id: int = Field(foreign_key="meeting.id", nullable=False, index=True)
    item_id: int | None = Field(default=None, foreign_key="agenda_item.id")
    kind: str = Field(sa_type=sa.String(20), nullable=False)
    text: str = Field(sa_type=sa.Text, nullable=False)
    actionable: bool = Field(nullable=False)
    owner: str | None = Field(default=None, sa_type=sa.Text)
    due_text: str | None = Field(default=None, sa_type=sa.Text)
    due_date: dt.date | None = Field(default=None, sa_type=sa.Date, index=True)
    due_source: str | None = Field(default=None, sa_type=sa.String(20))
    status: str | None = Field(default=None, sa_type=sa.String(20))
    fingerprint: str = Field(sa_type=sa.String(64), nullable=False, index=True)
    created_at: dt.datetime = Field(sa_type=_TS, nullable=False)
    updated_at: dt.datetime = Field(sa_type=_TS, nullable=False)


class EntrySource(SQLModel, table=True):
    """Where an entry was found: a document version, page, char offsets and exact quote."""

    __tablename__ = "entry_source"

    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="entry.id", nullable=False, index=True)
    version_id: int = Field(foreign_key="document_version.id", nullable=False, index=True)
    page: int | None = Field(default=None)
    start: int = Field(nullable=False)
    end: int = Field(nullable=False)
    quote: str = Field(sa_type=sa.Text, nullable=False)
    rule: str = Field(default="", sa_type=sa.Text, nullable=False)


class StatusChange(SQLModel, table=True):
    """One append-only history event of an entry (creation, status, sources)."""

    __tablename__ = "status_change"
    __table_args__ = (sa.CheckConstraint(sql_in("event", EVENTS), name="ck_status_change_event"),)

    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="entry.id", nullable=False, index=True)
    at: dt.datetime = Field(sa_type=_TS, nullable=False)
    event: str = Field(sa_type=sa.String(32), nullable=False)
    old_status: str | None = Field(default=None, sa_type=sa.String(20))
    new_status: str | None = Field(default=None, sa_type=sa.String(20))
    note: str | None = Field(default=None, sa_type=sa.Text)
    by: str = Field(sa_type=sa.Text, nullable=False)
