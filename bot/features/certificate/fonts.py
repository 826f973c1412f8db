"""The Unicode font of the certificate: DejaVu Sans, as matplotlib ships it."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path


def _font_dir() -> Path:
    # Found without importing matplotlib, which takes a while to load.
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("matplotlib, which ships the certificate's font, is missing")
    return Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"


def regular() -> Path:
    """Return the regular font file."""
    return _font_dir() / "DejaVuSans.ttf"


def bold() -> Path:
    """Return the bold font file."""
    return _font_dir() / "DejaVuSans-Bold.ttf"


@cache
def drawable() -> frozenset[int]:
    """Return the code points the font has a glyph for."""
    from fontTools.ttLib import TTFont

    with TTFont(regular(), lazy=True) as font:
        return frozenset(font.getBestCmap())
