"""The ``minutes`` command: a thin Click skin over the library.

Each command parses options, calls one library function and prints. Heavy
modules (spaCy, SQLAlchemy, pdfplumber) are imported inside the commands so
``minutes --help`` stays instant.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from minutes.errors import MinutesError

DATE = click.DateTime(["%Y-%m-%d"])


def default_db() -> str:
    """``MINUTES_DB``, else a SQLite file in the user's data folder."""
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return f"sqlite:///{data_home / 'minutes-register' / 'register.db'}"


def db_url(value: str | None) -> str:
    """A SQLAlchemy URL from ``--db`` (a URL, or a plain path to a SQLite file)."""
    url = value or os.environ.get("MINUTES_DB") or default_db()
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    return url


db_option = click.option("--db", "db", metavar="URL", default=None,
                         help="Register database: a SQLAlchemy URL or a SQLite file path "
                              "(default: $MINUTES_DB, else a SQLite file in your data folder).")


def open_register(db: str | None) -> Any:
    from minutes.models.store import Register

    return Register.open(db_url(db))


def fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def guarded(run: Callable[[], None]) -> None:
    """Run a command body; a MinutesError becomes one line on stderr and exit 1."""
    try:
        run()
    except MinutesError as exc:
        fail(str(exc))


@click.group()
@click.version_option(package_name="minutes-register")
def cli() -> None:
    """minutes-register: meeting papers in, a tracked action register out.

    \b
    minutes ingest samples/            read minutes into the register
    minutes register --overdue         what is outstanding and late
    minutes trace REF                  where an entry came from, and its history
    minutes status REF done --note ..  record progress
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines (one entry a line).")
@click.option("--meeting-date", type=DATE, default=None,
              help="Anchor relative due dates to this date (YYYY-MM-DD).")
@click.option("--explain", is_flag=True,
              help="Show which rule produced each entry and why its owner and date were chosen.")
def extract(paths: tuple[str, ...], as_json: bool, meeting_date: Any, explain: bool) -> None:
    """Print the decisions, recommendations and actions found in PATHS (no database)."""
    from minutes.pipeline.ingest import extract_many
    from minutes.pipeline.readers import read_file

    failed = 0
    anchor = meeting_date.date() if meeting_date else None
    todo: list[tuple[str, bytes]] = []
    for path in paths:
        try:
            todo.append((path, read_file(path)))
        except MinutesError as exc:
            click.echo(f"error: {exc}", err=True)
            failed += 1
    for result in extract_many(todo, anchor):
        if isinstance(result, str):
            click.echo(f"error: {result}", err=True)
            failed += 1
            continue
        doc, entries = result
        for entry in entries:
            record = entry.to_json(doc.source, anchor or doc.meeting_date)
            if explain:
                record["explain"] = {"rule": entry.rule, **entry.why}
            if as_json:
                click.echo(json.dumps(record, ensure_ascii=False))
            else:
                click.echo(_entry_line(record))
                if explain:
                    for key, why in record["explain"].items():
                        click.echo(f"    {key}: {why}")
    if failed:
        sys.exit(1)


def _entry_line(record: dict[str, Any]) -> str:
    loc = record["location"]
    where = f"p.{loc['page']} " if loc.get("page") else ""
    bits = [f"owner={record['owner']}" if record["owner"] else "",
            f"due={record['due_date'] or record['due_text']}" if record["due_text"] else "",
            f"status={record['status']}" if record["status"] else ""]
    extra = " ".join(b for b in bits if b)
    return f"[{record['kind']}] {record['text']}\n    {where}@{loc['start']}-{loc['end']} {extra}"


@cli.command()
@click.argument("paths", nargs=-1)
@db_option
@click.option("--meeting-date", type=DATE, default=None,
              help="Meeting date for documents that do not state one (YYYY-MM-DD).")
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="Processes for reading and extraction (default: up to 2).")
@click.option("--site", metavar="URL", help="A ModernGov site to crawl (with --committee).")
@click.option("--committee", metavar="ID", help="The committee's id (CId) on --site, or its name.")
@click.option("--since", type=DATE, help="First meeting date of the crawl (default: a year ago).")
@click.option("--until", type=DATE, help="Last meeting date of the crawl (default: today).")
@click.option("--from-file", type=click.Path(dir_okay=False), default=None,
              help="A file of meeting or document addresses, one a line.")
@click.option("--max-rate", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Requests a second to one site (0: no limit, for a local mirror).")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Response cache (default: $MINUTES_CACHE_DIR, else ~/.cache/minutes-register).")
@click.option("--recheck", is_flag=True,
              help="Download everything again: settled meetings (minutes approved) and the "
                   "documents of unchanged meetings too.")
def ingest(paths: tuple[str, ...], db: str | None, meeting_date: Any, jobs: int | None,
           site: str | None, committee: str | None, since: Any, until: Any,
           from_file: str | None, max_rate: float, cache_dir: str | None,
           recheck: bool) -> None:
    """Read files, folders or ModernGov addresses into the register.

    \b
    minutes ingest minutes/ report.pdf
    minutes ingest 'https://democracy.example.gov.uk/ieListDocuments.aspx?CId=144&MId=4967'
    minutes ingest --site https://democracy.example.gov.uk --committee 144 --since 2024-01-01
    """
    from minutes.pipeline.ingest import ingest_paths, total_files

    urls = [p for p in paths if p.lower().startswith(("http://", "https://"))]
    files = [p for p in paths if p not in urls]
    if bool(site) != bool(committee):
        raise click.UsageError("--site and --committee go together")
    if (since or until) and not site:
        raise click.UsageError("--since/--until need --site and --committee")
    if not (files or urls or site or from_file):
        raise click.UsageError("give files, folders, addresses, --from-file or --site")

    def run() -> None:
        register = open_register(db)
        failed = False
        if files:
            anchor = meeting_date.date() if meeting_date else None
            with click.progressbar(length=total_files(files), label="Ingesting",
                                   file=sys.stderr, show_pos=True) as bar:
                report = ingest_paths(register, files, meeting_date=anchor, jobs=jobs,
                                      progress=lambda _s: bar.update(1))
            for failure in report.failures:
                click.echo(f"failed: {failure.message}", err=True)
            click.echo(report.summary())
            if report.skipped:
                click.echo(f"({len(report.skipped)} other files in the folders were not "
                           "documents and were skipped)", err=True)
            failed = bool(report.failures)
        if urls or site or from_file:
            failed = _ingest_remote(register, urls, from_file, site, committee, since, until,
                                    max_rate, cache_dir, recheck) or failed
        register.close()
        if failed:
            sys.exit(1)

    guarded(run)


class _Bars:
    """A click progress bar per meeting, stepping through its documents."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.meeting: str | None = None

    def __call__(self, kind: str, label: str, index: int, total: int) -> None:
        if kind == "meeting":
            self.close()
            self.meeting = f"Meeting {index}/{total}: {label}"
            click.echo(self.meeting, err=True)
            return
        if index == 1 or self.bar is None:
            self.close()
            self.bar = click.progressbar(length=total, label="  documents", file=sys.stderr,
                                         show_pos=True, item_show_func=lambda t: t)
            self.bar.__enter__()
            self.bar.update(0, label[:40])
        else:
            self.bar.update(1, label[:40])  # the one before is done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.update(self.bar.length - self.bar.pos, "")
            self.bar.__exit__(None, None, None)
            self.bar = None


def _ingest_remote(register: Any, urls: list[str], from_file: str | None, site: str | None,
                   committee: str | None, since: Any, until: Any, max_rate: float,
                   cache_dir: str | None, recheck: bool) -> bool:
    """Fetch meetings from council websites; True when something failed."""
    from minutes.pipeline.cache import ResponseCache
    from minutes.pipeline.fetch import Fetcher
    from minutes.pipeline.remote import ingest_remote, read_address_file

    addresses = urls + (read_address_file(from_file) if from_file else [])
    bars = _Bars()
    with Fetcher(cache=ResponseCache(cache_dir), max_rate=max_rate) as fetcher:
        try:
            report = ingest_remote(register, fetcher=fetcher, urls=addresses, site=site,
                                   committee=committee, since=since.date() if since else None,
                                   until=until.date() if until else None, progress=bars,
                                   recheck=recheck)
        finally:
            bars.close()
    for line in report.summary_lines():
        click.echo(line)
    return bool(report.failures)


@cli.command("register")
@db_option
@click.option("--status", type=click.Choice(["open", "done"]),
              help="Only entries with this status.")
@click.option("--kind", type=click.Choice(["decision", "recommendation", "action"]))
@click.option("--owner", help="Owner contains this text (case-insensitive).")
@click.option("--committee", help="Committee contains this text (case-insensitive).")
@click.option("--overdue", is_flag=True, help="Open, actionable and past its due date.")
@click.option("--due-before", type=DATE, help="Due before this date (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
def register_cmd(db: str | None, status: str | None, kind: str | None, owner: str | None,
                 committee: str | None, overdue: bool, due_before: Any, fmt: str) -> None:
    """List register entries, filtered; export as a table, CSV or JSON Lines."""
    from minutes.pipeline import export

    def run() -> None:
        register = open_register(db)
        views = register.entries(status=status, kind=kind, owner=owner, committee=committee,
                                 overdue=overdue, today=date.today(),
                                 due_before=due_before.date() if due_before else None)
        records = [v.to_json() for v in views]
        render = {"table": export.to_table, "csv": export.to_csv, "json": export.to_jsonl}[fmt]
        click.echo(render(records), nl=False)
        register.close()

    guarded(run)


@cli.command()
@click.argument("ref")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the trace as JSON.")
def trace(ref: str, db: str | None, as_json: bool) -> None:
    """Show where entry REF came from: document, page, the quote in its paragraph, history."""
    from minutes.pipeline.tracing import format_trace

    def run() -> None:
        register = open_register(db)
        view = register.trace(ref)
        if as_json:
            click.echo(json.dumps(view.to_json(), ensure_ascii=False, default=str, indent=1))
        else:
            click.echo(format_trace(view))
        register.close()

    guarded(run)


@cli.command()
@click.argument("ref")
@click.argument("new_status", metavar="STATUS", type=click.Choice(["open", "done"]))
@click.option("--note", help="Why the status changed (kept in the history).")
@click.option("--by", default=None, help="Who made the change (default: your user name).")
@db_option
def status(ref: str, new_status: str, note: str | None, by: str | None, db: str | None) -> None:
    """Set entry REF's status (open or done); the change is appended to its history."""

    def run() -> None:
        register = open_register(db)
        who = by or os.environ.get("USER") or "user"
        register.set_status(ref, new_status, note=note, by=who)
        click.echo(f"{ref}: {new_status}" + (f" ({note})" if note else ""))
        register.close()

    guarded(run)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 to share on your network).")
@click.option("--port", type=int, default=8000, show_default=True)
def serve(db: str | None, host: str, port: int) -> None:
    """Serve the register as a web page: filters, CSV/JSON downloads, traces, status updates."""

    def run() -> None:
        import uvicorn

        from minutes.web.app import create_app

        register = open_register(db)
        click.echo(f"Serving the register on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
        uvicorn.run(create_app(register), host=host, port=port, log_level="warning")
        register.close()

    guarded(run)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
