"""Time the tutor's entry points from process start, against `python -c "import bot"`.

On a built index and a fresh SQLite database in a temporary folder, each repetition starts, in
turn, new processes for:

- `python -c "import bot"`: the floor, a Python start with nothing of the tutor loaded;
- `tutor chat` on a terminal (a pty): the time to the first prompt (target 2 s), then, but for
  `--short`, to the answer of a question typed at once (no target: it waits for the index,
  loading meanwhile);
- `tutor cohort list` and `tutor db upgrade`: commands that need only the database (target 1.5 s).

The database is migrated once before the repetitions (timed as `first_migration`), as a
deployment's first start does. Each figure is the median of the repetitions; the machine's load
average is recorded, since other work on it slows every start alike.

    python -m benchmarks.startup                   # 7 repetitions, on a new index of the course
    python -m benchmarks.startup --short           # 3 repetitions, no answer, for CI
    python -m benchmarks.startup --index-dir DIR   # reuse an index built by `tutor ingest`

Results go to stdout and benchmarks/results/startup.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from bot.adapters.search.search import index_course
from bot.config import Settings
from bot.course.loader import load_course

RESULTS = Path(__file__).parent / "results" / "startup.json"
TARGETS: Final = {"chat_first_prompt": 2.0, "cohort_list": 1.5, "db_upgrade": 1.5}
QUESTION = "how can I spot a deepfake"
PROMPT = b"\n> "
TIMEOUT_SECONDS = 120


def _environment(data_dir: Path, index_dir: Path) -> dict[str, str]:
    """Return this process's environment without any tutor setting but the two folders."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TUTOR_", "TELEGRAM_"))}
    return env | {"TUTOR_DATA_DIR": str(data_dir), "TUTOR_INDEX_DIR": str(index_dir)}


def _timed(command: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


class Terminal:
    """A `tutor chat` on a pseudo-terminal, as a person starts it."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.started = time.perf_counter()
        self.screen, child_side = pty.openpty()
        command = [sys.executable, "-m", "bot", "chat", "--lang", "en"]
        self.process = subprocess.Popen(
            command, stdin=child_side, stdout=child_side, stderr=child_side, env=env, cwd=cwd
        )
        os.close(child_side)
        self.output = b""

    def seconds_to_prompt(self) -> float:
        """Read until the next prompt; return the seconds since the process started."""
        seen = len(self.output)
        while PROMPT not in self.output[seen:]:
            ready, _, _ = select.select([self.screen], [], [], TIMEOUT_SECONDS)
            if not ready:
                raise RuntimeError(f"no prompt after {TIMEOUT_SECONDS} s: {self.output!r}")
            self.output += os.read(self.screen, 65536)
        return time.perf_counter() - self.started

    def type(self, line: str) -> None:
        """Type a line and press Enter."""
        os.write(self.screen, f"{line}\n".encode())

    def close(self) -> None:
        """End the process at once: a /quit would wait for the index to finish loading."""
        self.process.kill()
        self.process.wait(timeout=TIMEOUT_SECONDS)
        os.close(self.screen)


def _chat(env: dict[str, str], cwd: Path, *, ask: bool) -> tuple[float, float | None]:
    terminal = Terminal(env, cwd)
    try:
        prompt = terminal.seconds_to_prompt()
        if not ask:
            return prompt, None
        terminal.type(QUESTION)
        answer = terminal.seconds_to_prompt()
        if b"deepfake" not in terminal.output.lower().split(QUESTION.encode())[-1]:
            raise RuntimeError(f"the answer does not speak of deepfakes: {terminal.output!r}")
        return prompt, answer
    finally:
        terminal.close()


def _summary(runs: list[float], baseline: float, target: float | None) -> dict[str, Any]:
    median = statistics.median(runs)
    summary: dict[str, Any] = {
        "median_seconds": round(median, 3),
        "runs_seconds": [round(run, 3) for run in runs],
        "ratio_to_import_bot": round(median / baseline, 1),
    }
    if target is not None:
        summary |= {"target_seconds": target, "met": median <= target}
    return summary


def measure(repetitions: int, data_dir: Path, index_dir: Path, *, ask: bool) -> dict[str, Any]:
    """Run the repetitions and return the medians, targets and ratios."""
    env = _environment(data_dir, index_dir)
    tutor = [sys.executable, "-m", "bot"]
    first_migration = _timed([*tutor, "db", "upgrade"], env, data_dir)
    commands: dict[str, Callable[[], float]] = {
        "import_bot": lambda: _timed([sys.executable, "-c", "import bot"], env, data_dir),
        "cohort_list": lambda: _timed([*tutor, "cohort", "list"], env, data_dir),
        "db_upgrade": lambda: _timed([*tutor, "db", "upgrade"], env, data_dir),
    }
    runs: dict[str, list[float]] = {name: [] for name in [*commands, *TARGETS]}
    if ask:
        runs["chat_answer"] = []
    load_before = os.getloadavg()
    # In turn, so that a busy moment of the machine slows every measure alike.
    for _ in range(repetitions):
        for name, command in commands.items():
            runs[name].append(command())
        prompt, answer = _chat(env, data_dir, ask=ask)
        runs["chat_first_prompt"].append(prompt)
        if answer is not None:
            runs["chat_answer"].append(answer)
    baseline = statistics.median(runs["import_bot"])
    measures = {name: _summary(runs[name], baseline, TARGETS.get(name)) for name in runs}
    if ask:
        measures["chat_answer"]["what"] = f"to the answer of {QUESTION!r} typed at the prompt"
    return {
        "repetitions": repetitions,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_before_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
        "first_migration_seconds": round(first_migration, 3),
        "measures": measures,
        "all_targets_met": all(measures[name]["met"] for name in TARGETS),
    }


def _build_index(index_dir: Path) -> float:
    started = time.perf_counter()
    settings = Settings(_env_file=None, data_dir=index_dir.parent, index_dir=index_dir)
    index_course(settings, load_course(settings.content_dir, settings.languages.codes))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="3 repetitions instead of 7")
    parser.add_argument("--index-dir", type=Path, help="a built index (default: build one)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tutor-startup-") as folder:
        data_dir = Path(folder)
        index_dir = args.index_dir or data_dir / "index"
        indexing = None if args.index_dir else round(_build_index(index_dir), 1)
        results = measure(3 if args.short else 7, data_dir, index_dir, ask=not args.short)
    results["index_built_seconds"] = indexing
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
