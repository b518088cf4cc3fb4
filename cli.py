"""The ``minutes`` command: a thin Click skin over the library."""

from __future__ import annotations

import json
import sys

import click

from minutes.errors import MinutesError


@click.group()
def cli() -> None:
    """minutes-register: meeting papers in, a tracked action register out."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines (one entry a line).")
@click.option("--meeting-date", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Anchor relative due dates to this date (YYYY-MM-DD).")
def extract(paths: tuple[str, ...], as_json: bool, meeting_date) -> None:
    """Print the decisions, recommendations and actions found in PATHS."""
    from minutes.extractors import extract as extract_entries
    from minutes.pipeline.readers import read_path

    failed = 0
    anchor = meeting_date.date() if meeting_date else None
    for path in paths:
        try:
            doc = read_path(path)
            entries = extract_entries(doc, meeting_date=anchor)
        except MinutesError as exc:
            click.echo(f"error: {exc}", err=True)
            failed += 1
            continue
        for entry in entries:
            record = entry.to_json(doc.source, anchor or doc.meeting_date)
            if as_json:
                click.echo(json.dumps(record, ensure_ascii=False))
            else:
                click.echo(f"[{entry.kind}] {entry.text}")
    if failed:
        sys.exit(1)


def main() -> None:
    cli()
