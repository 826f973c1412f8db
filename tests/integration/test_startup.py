"""Each entry point opens only what it needs: the database commands load no index or model."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from bot.adapters.db.database import Database, alembic_config, head_revision
from tests.support.cli import SLOW_LIBRARIES, run_tutor


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
    first_code, _, _ = run_tutor(tmp_path, sqlite_url, "db", "upgrade")
    code, loaded, _ = run_tutor(tmp_path, sqlite_url, *argv)

    assert (first_code, code) == (0, 0)
    assert "sqlalchemy" in loaded  # the probe does see what the command loaded
    assert loaded.isdisjoint(SLOW_LIBRARIES), sorted(loaded & set(SLOW_LIBRARIES))
    # At the latest migration already, nothing of Alembic is needed either.
    assert "alembic" not in loaded
