"""Damaged bytes of every kind give a Document or a one-line MinutesError, never a crash."""

from __future__ import annotations

import random

import pytest

from minutes.errors import MinutesError
from minutes.pipeline.readers import read_bytes

from .helpers import FIXTURES
from .test_pdf import action_log_pdf, minutes_pdf


def _samples() -> list[tuple[str, bytes]]:
    files = [(p.name, p.read_bytes()) for p in sorted(FIXTURES.iterdir())]
    return files + [("minutes.pdf", minutes_pdf()), ("log.pdf", action_log_pdf())]


def _damage(data: bytes, rng: random.Random, mode: int) -> bytes:
    d = bytearray(data)
    i = rng.randrange(len(d))
    if mode == 0:  # flipped bytes
        for _ in range(20):
            d[rng.randrange(len(d))] = rng.randrange(256)
    elif mode == 1:  # truncated
        d = d[:i]
    elif mode == 2:  # a hole
        del d[i : i + rng.randrange(1, 400)]
    else:  # junk inserted
        d[i:i] = bytes(rng.randrange(256) for _ in range(64))
    return bytes(d)


@pytest.mark.parametrize(("name", "data"), _samples(), ids=lambda v: v if isinstance(v, str)
                         else "")
def test_damaged_input_is_read_or_refused_in_one_line(name: str, data: bytes) -> None:
    rng = random.Random(name)
    for k in range(12):
        try:
            doc = read_bytes(_damage(data, rng, k % 4), name)
        except MinutesError as exc:
            assert str(exc).startswith(f"{name}: ") and "\n" not in str(exc)
            continue
        for b in doc.blocks:
            span = doc.text[b.start : b.end]
            assert span and "\n" not in span
