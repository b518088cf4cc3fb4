"""samples/render.py, imported once from its path for the tests that render documents."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def load_render() -> ModuleType:
    """Import samples/render.py (a script, not a package module); registered in
    sys.modules first so its dataclasses resolve."""
    if "samples_render" in sys.modules:
        return sys.modules["samples_render"]
    spec = importlib.util.spec_from_file_location("samples_render", SAMPLES / "render.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod
