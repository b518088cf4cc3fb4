"""Alembic: an empty or older database is upgraded to head and matches the models."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from minutes.errors import StoreError
from minutes.models import migrate
from minutes.models.store import Register
from minutes.models.tables import metadata
from tests.models.builders import entry_at, make_doc

TABLES = {"meeting", "agenda_item", "source_document", "document_version", "entry",
          "entry_source", "status_change"}


def test_empty_database_is_migrated_to_head(db_url: str) -> None:
    engine = sa.create_engine(db_url)
    try:
        assert migrate.current_revision(engine) is None
        assert not TABLES & set(sa.inspect(engine).get_table_names())
        Register.open(db_url).close()
        assert migrate.current_revision(engine) == migrate.head_revision() is not None
        assert TABLES <= set(sa.inspect(engine).get_table_names())
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(ctx, metadata) == []
    finally:
        engine.dispose()


def test_reopening_keeps_data_and_older_database_is_upgraded(db_url: str) -> None:
    reg = Register.open(db_url)
    doc = make_doc("/p/a.txt", ["Cabinet", "The Clerk to publish the notice."])
    ref = reg.save_document(doc, [entry_at(doc, "The Clerk to publish the notice.")]).refs[0]
    reg.close()
    reg = Register.open(db_url)
    assert reg.trace(ref).entry.text == "The Clerk to publish the notice."
    reg.close()
    engine = sa.create_engine(db_url)
    try:
        migrate.downgrade(engine, "base")
        assert migrate.current_revision(engine) is None
        assert not TABLES & set(sa.inspect(engine).get_table_names())
        Register.open(db_url).close()
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def test_unknown_revision_is_a_one_line_error(db_url: str) -> None:
    Register.open(db_url).close()
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'f00dfeed'"))
    engine.dispose()
    with pytest.raises(StoreError) as info:
        Register.open(db_url)
    assert "cannot upgrade the register schema" in str(info.value)
    assert "\n" not in str(info.value)


def test_bad_urls_are_one_line_errors(tmp_path) -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        Register.open("no-such-scheme:::")
    with pytest.raises(StoreError, match="cannot open the register") as info:
        Register.open("postgresql+psycopg://postgres:secret@127.0.0.1:1/nothing")
    assert "secret" not in str(info.value) and "\n" not in str(info.value)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError):
        Register.open(f"sqlite:///{blocker / 'sub' / 'register.db'}")
    notes = tmp_path / "notes.db"
    notes.write_bytes(b"these are my meeting notes, not a database" * 100)
    with pytest.raises(StoreError, match="cannot open the register") as info:
        Register.open(f"sqlite:///{notes}")
    assert str(notes) in str(info.value) and "\n" not in str(info.value)


def test_sqlite_file_and_folder_are_created(tmp_path) -> None:
    path = tmp_path / "deep" / "er" / "register.db"
    Register.open(f"sqlite:///{path}").close()
    assert path.is_file()


def test_in_memory_sqlite_works() -> None:
    reg = Register.open("sqlite://")
    doc = make_doc("/p/m.txt", ["Cabinet", "The Clerk to act."])
    assert reg.save_document(doc, [entry_at(doc, "The Clerk to act.")]).entries_added == 1
    assert reg.counts()["entries"] == 1
    reg.close()
