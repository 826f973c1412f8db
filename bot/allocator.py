"""Keep the C allocator to a few arenas, so threads that load the index leave less behind."""

from __future__ import annotations

import ctypes
import os
from typing import Final

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
