"""Owners: who must act, as the text names them."""

from __future__ import annotations


def find_owner(text: str, *, kind: str, lead_in: str | None = None) -> tuple[str | None, str]:
    """Return ``(owner, why)`` for an entry's ``text``.

    ``lead_in`` is the preamble before the limb ("The Committee recommends to
    Cabinet that:") when there is one: a recommendation's addressee lives there.
    """
    return None, "no owner found"  # interim: real rules land with the owners work
