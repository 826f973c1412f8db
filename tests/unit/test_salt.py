"""The identity codes' salt: the setting when given, else one made once, for the owner only."""

from __future__ import annotations

from pathlib import Path

from pydantic import SecretStr

from bot.config import Settings
from bot.core.limits import IdentityHasher
from bot.salt import SALT_FILE, identity_salt


def settings(folder: Path, **values: object) -> Settings:
    return Settings(_env_file=None, data_dir=folder / "data", **values)  # type: ignore[arg-type]


def test_without_a_setting_a_salt_is_made_once_and_kept_private(tmp_path: Path) -> None:
    first = identity_salt(settings(tmp_path))

    assert identity_salt(settings(tmp_path)) == first
    assert len(first) == 64
    assert (tmp_path / "data" / SALT_FILE).stat().st_mode & 0o777 == 0o600
    assert list((tmp_path / "data").iterdir()) == [tmp_path / "data" / SALT_FILE]


def test_the_setting_wins_over_the_file(tmp_path: Path) -> None:
    salt = identity_salt(settings(tmp_path, identity_salt=SecretStr("from-the-vault")))

    assert salt == b"from-the-vault"
    assert not (tmp_path / "data" / SALT_FILE).exists()


def test_the_code_is_the_same_for_one_person_and_differs_by_salt_and_person() -> None:
    hasher = IdentityHasher(b"salt")

    assert hasher("telegram", "42") == hasher("telegram", "42")
    assert hasher("telegram", "42") != hasher("telegram", "43")
    assert hasher("telegram", "42") != IdentityHasher(b"other")("telegram", "42")
