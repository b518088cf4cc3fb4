"""The ``minutes`` command: a thin Click skin over the library."""

from __future__ import annotations

import click


@click.group()
def cli() -> None:
    """minutes-register: meeting papers in, a tracked action register out."""


def main() -> None:
    cli()
