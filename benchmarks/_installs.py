"""Install the tutor from one lock file into a virtual environment of its own, once per lock.

The stack benchmark runs its workers from requirements-server.lock, as the image does, and the
chroma server from requirements.lock (the full chromadb). Each environment is kept under
benchmarks/.venvs/, named by a hash of the lock and pyproject.toml, so a run builds it again only
when the pins change; uv's cache makes a build a matter of seconds once the wheels were fetched.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bot.paths import PROJECT_ROOT

VENVS = Path(__file__).parent / ".venvs"
MARK = "installed.json"


@dataclass(frozen=True)
class Install:
    """A virtual environment built from one lock file."""

    lock: str
    folder: Path
    build_seconds: float  # how long its build took, in the run that made it
    reused: bool  # built by an earlier run

    @property
    def python(self) -> Path:
        """Return its interpreter."""
        return self.folder / "bin" / "python"

    def executable(self, name: str) -> str:
        """Return the path of one of its console scripts, such as `chroma`."""
        return str(self.folder / "bin" / name)

    def site_packages_mb(self) -> float:
        """Return the disk space of its site-packages, as `du` counts it."""
        found = next(self.folder.glob("lib/python*/site-packages"))
        kilobytes = subprocess.run(
            ["du", "-sk", str(found)], capture_output=True, text=True, check=True
        ).stdout.split()[0]
        return round(int(kilobytes) / 1024, 1)

    def report(self) -> dict[str, object]:
        """Return its figures for the benchmark's JSON."""
        return {
            "lock": self.lock,
            "site_packages_mb": self.site_packages_mb(),
            "build_seconds": self.build_seconds,
            "reused": self.reused,
        }


def uv() -> str:
    """Return the uv that installed the project's own environment."""
    beside = Path(sys.executable).with_name("uv")
    return str(beside) if beside.exists() else shutil.which("uv") or "uv"


def installed(lock: str) -> Install:
    """Return the environment of a lock file, building it first when the pins changed."""
    digest = hashlib.sha256(
        (PROJECT_ROOT / lock).read_bytes() + (PROJECT_ROOT / "pyproject.toml").read_bytes()
    ).hexdigest()[:12]
    stem = Path(lock).stem
    folder = VENVS / f"{stem}-{digest}"
    mark = folder / MARK
    if mark.exists():
        return Install(lock, folder, json.loads(mark.read_text())["build_seconds"], reused=True)
    # Earlier builds of this lock only: "requirements-*" would match requirements-server's too.
    for old in VENVS.glob(f"{stem}-{'[0-9a-f]' * len(digest)}"):
        shutil.rmtree(old)
    started = time.perf_counter()
    build(lock, folder)
    seconds = round(time.perf_counter() - started, 1)
    mark.write_text(json.dumps({"build_seconds": seconds}) + "\n")
    return Install(lock, folder, seconds, reused=False)


def build(lock: str, folder: Path) -> None:
    """Make the environment, install the lock's pins, then the tutor itself (editable)."""
    python = str(folder / "bin" / "python")
    steps = [
        ["venv", "--quiet", "--python", sys.executable, str(folder)],
        # Compiled now, as the image does, so that starts do not pay for it.
        ["pip", "install", "--quiet", "--compile-bytecode", "--python", python, "-r", lock],
        ["pip", "install", "--quiet", "--python", python, "--no-deps", "-e", "."],
    ]
    for step in steps:
        subprocess.run([uv(), *step], cwd=PROJECT_ROOT, check=True)
