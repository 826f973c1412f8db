"""Memory freed by a long build goes back to the system."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.core.heap import _malloc_trim, give_back_freed_memory

BLOCK = 64 * 1024  # under glibc's threshold for a mapping of its own: on the heap
BLOCKS = 2000


def resident_mb() -> float:
    status = Path("/proc/self/status").read_text().splitlines()
    return int(next(line for line in status if line.startswith("VmRSS")).split()[1]) / 1024


@pytest.mark.skipif(_malloc_trim() is None, reason="a C library without malloc_trim")
def test_holes_left_in_the_heap_go_back_to_the_system() -> None:
    blocks = [np.ones(BLOCK, dtype=np.uint8) for _ in range(BLOCKS)]
    del blocks[::2]  # every other block freed: holes the heap keeps, not its top
    holding = resident_mb()
    give_back_freed_memory()
    freed = holding - resident_mb()
    assert freed > BLOCK * BLOCKS / 2 / 2**20 / 2, f"{freed:.1f} MB given back"
    assert len(blocks) == BLOCKS // 2
