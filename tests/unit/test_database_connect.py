import sqlite3

import pytest

from bot.adapters.db.database import _until_unlocked


def test_a_pragma_refused_while_another_process_holds_the_file_is_tried_again() -> None:
    refusals = ["database is locked", "database is locked"]
    ran: list[str] = []

    def statement() -> None:
        if refusals:
            raise sqlite3.OperationalError(refusals.pop())
        ran.append("PRAGMA journal_mode=WAL")

    _until_unlocked(statement)

    assert ran == ["PRAGMA journal_mode=WAL"]


def test_other_errors_are_not_tried_again() -> None:
    calls: list[int] = []

    def statement() -> None:
        calls.append(1)
        raise sqlite3.OperationalError("disk I/O error")

    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        _until_unlocked(statement)
    assert len(calls) == 1
