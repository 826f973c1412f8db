import platform
from pathlib import Path

import numpy as np
import pytest

from bot.allocator import give_back_freed_memory, limit_arenas

BLOCK = 64 * 1024  # under glibc's threshold for a mapping of its own: on the heap
BLOCKS = 2000

glibc = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")


@glibc
def test_glibc_takes_the_cap_on_arenas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)

    assert limit_arenas() is True


def test_the_operators_own_cap_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")

    assert limit_arenas() is False


def resident_mb() -> float:
    status = Path("/proc/self/status").read_text().splitlines()
    return int(next(line for line in status if line.startswith("VmRSS")).split()[1]) / 1024


@glibc
def test_holes_left_in_the_heap_go_back_to_the_system() -> None:
    blocks = [np.ones(BLOCK, dtype=np.uint8) for _ in range(BLOCKS)]
    del blocks[::2]  # every other block freed: holes the heap keeps, not its top
    holding = resident_mb()
    give_back_freed_memory()
    freed = holding - resident_mb()
    # Half of what the holes hold at least; without the call, none of it went back.
    assert freed > BLOCK * BLOCKS / 2 / 2**20 / 2, f"{freed:.1f} MB given back"
    assert len(blocks) == BLOCKS // 2
