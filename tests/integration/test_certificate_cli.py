"""`tutor certificate verify | revoke` on SQLite and PostgreSQL, opening the database alone."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.adapters.db.database import Database
from bot.adapters.db.learners import SqlLearners
from bot.cli import main
from bot.core.limits import IdentityHasher
from bot.features.certificate import codes
from bot.features.certificate.ports import Certificate
from bot.features.certificate.repo import SqlCertificates
from tests.support.cli import SLOW_LIBRARIES, run_tutor

SALT = "a salt only these tests know"
ISSUED = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)  # 7 December in Brussels
KEPT, FORGOTTEN = "ABCDEFGHJK", "KMNPQRSTUV"


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, database_url: str) -> str:
    monkeypatch.chdir(tmp_path)  # no developer's .env
    for name, value in {
        "TUTOR_DATABASE_URL": database_url,
        "TUTOR_DATA_DIR": str(tmp_path / "data"),
        "TUTOR_IDENTITY_SALT": SALT,
    }.items():
        monkeypatch.setenv(name, value)
    return database_url


async def issue(database_url: str) -> None:
    """Give two learners a certificate each, straight in the database."""
    database = Database(database_url)
    await database.upgrade()
    hasher = IdentityHasher(SALT.encode())
    try:
        async with database.session() as session:
            for user, code, name in (("anna", KEPT, "Anna Peeters"), ("zoe", FORGOTTEN, "Zoë")):
                learner = await SqlLearners(session).create("test", user, ISSUED, "en", None)
                certificate = Certificate(
                    code[:3], name, "en", ("Discover AI", "Stay safe"), ISSUED
                )
                await SqlCertificates(session).issue(
                    learner.id, codes.digest(hasher, code), certificate, ISSUED
                )
    finally:
        await database.close()


async def forget(database_url: str, user: str) -> None:
    """Do what /forget does to a learner's certificates and data."""
    database = Database(database_url)
    try:
        async with database.session() as session:
            learner = await SqlLearners(session).find("test", user)
            assert learner is not None
            await SqlCertificates(session).forget(learner.id, ISSUED)
            await SqlLearners(session).delete(learner.id)
    finally:
        await database.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_verify_says_valid_revoked_or_unknown_in_one_line(
    environment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    asyncio.run(issue(environment))
    assert run(capsys, "certificate", "verify", "abcde-fghjk") == (
        0,
        "valid: Anna Peeters · issued 2026-12-07 · modules: Discover AI; Stay safe\n",
    )
    assert run(capsys, "certificate", "verify", "ABCDE-FGHJM") == (
        1,
        "unknown: no certificate has this code\n",
    )
    for not_a_code in ("hello", "ABCDEFGHIJ"):
        assert run(capsys, "certificate", "verify", not_a_code) == (
            1,
            "unknown: this is not a certificate code (10 letters and digits, never 0, 1, I, L "
            "or O)\n",
        )
    today = datetime.now(UTC).astimezone().date()
    code, out = run(capsys, "certificate", "revoke", KEPT)
    # Whose certificate it was, so that the operator sees it was the one meant.
    assert (code, out.split(" · ")[0]) == (0, "revoked now: Anna Peeters")
    code, out = run(capsys, "certificate", "verify", KEPT)
    assert code == 1
    assert out.startswith("revoked: this certificate was withdrawn on ")
    assert abs((datetime.fromisoformat(out.split()[-1]).date() - today).days) <= 1
    assert run(capsys, "certificate", "revoke", KEPT) == (1, f"already {out}")

    asyncio.run(forget(environment, "zoe"))
    assert run(capsys, "certificate", "verify", FORGOTTEN) == (
        1,
        "revoked: this certificate was withdrawn on 2026-12-07\n",
    )


def test_verify_loads_no_index_no_model_and_no_telegram(tmp_path: Path, sqlite_url: str) -> None:
    code, loaded, printed = run_tutor(tmp_path, sqlite_url, "certificate", "verify", KEPT)
    assert (code, printed) == (1, ["unknown: no certificate has this code"])
    assert "sqlalchemy" in loaded
    assert loaded.isdisjoint(SLOW_LIBRARIES), sorted(loaded & set(SLOW_LIBRARIES))
    assert not {"fpdf", "fontTools"} & loaded
