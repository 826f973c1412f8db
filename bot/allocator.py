"""Keep the C allocator to a few arenas, and give back what long loads freed."""

from __future__ import annotations

import ctypes
import os
from functools import cache
from typing import Any, Final

# glibc's malloc.h: the option of mallopt() that caps the number of arenas.
M_ARENA_MAX: Final = -8
# glibc gives each thread that allocates an arena of its own, up to eight per core. The threads
# that load the index, the encoder and the detector, and those that search, each kept freed
# memory in theirs: two arenas hold the warm `tutor run` 7-8 MB lower (docs/retrieval.md).
ARENAS: Final = 2


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Cap this process's malloc arenas, unless MALLOC_ARENA_MAX says otherwise; True if done."""
    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        # Not glibc (macOS, Windows): its allocator does not take this option.
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, arenas))


def give_back_freed_memory() -> None:
    """Return the heap's free pages to the system, where the C library can (glibc)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Any:
    # glibc keeps what was freed in an arena for later: after the index, the encoder and the
    # detector load, 10-15 MB of freed buffers (files read, phrases embedded in batches) stayed
    # resident, and each update after added to that peak. Other C libraries have no such call.
    return getattr(ctypes.CDLL(None), "malloc_trim", None)
