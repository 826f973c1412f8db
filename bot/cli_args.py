"""Read the arguments of the `tutor` commands that argparse's own types leave unchecked."""

from __future__ import annotations

import argparse


def whole_number(text: str, least: int, most: int | None, wanted: str) -> int:
    """Read a whole number from `least` to `most` (no bound when None), or say what is wanted."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(wanted) from None
    if number < least or (most is not None and number > most):
        raise argparse.ArgumentTypeError(wanted)
    return number
