"""Give the memory freed by a long build back to the system."""

from __future__ import annotations

import ctypes
from functools import cache
from typing import Any


def give_back_freed_memory() -> None:
    """Return the heap's free pages to the system, where the C library can (glibc)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Any:
    # glibc keeps what a thread freed in its arena for later: after the index and the models
    # load, 10-15 MB of freed buffers (files read, vectors embedded in batches) stayed resident,
    # and every update after added to that peak. Other C libraries have no such call.
    return getattr(ctypes.CDLL(None), "malloc_trim", None)
