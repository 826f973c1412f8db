"""Administrators in the settings: `channel:id` in TUTOR_ADMINS, Telegram ids in TUTOR_ADMIN_IDS."""

from __future__ import annotations

import pytest

from bot.channels.telegram.store import CHANNEL as TELEGRAM
from bot.channels.terminal.channel import CHANNEL as TERMINAL
from bot.config import CHANNELS, SettingsError, load_settings, parse_identity


def test_administrators_come_from_both_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TUTOR_ADMIN_IDS", "1001, 1002")
    monkeypatch.setenv("TUTOR_ADMINS", "Terminal:anna; telegram:1003,1004,terminal:a:b")
    settings = load_settings(_env_file=None)
    assert settings.admin_identities == {
        ("telegram", "1001"),
        ("telegram", "1002"),
        ("terminal", "anna"),
        ("telegram", "1003"),
        ("telegram", "1004"),
        ("terminal", "a:b"),  # an id may hold a colon; "Terminal" is the terminal's
    }


def test_no_administrators_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TUTOR_ADMIN_IDS", raising=False)
    monkeypatch.delenv("TUTOR_ADMINS", raising=False)
    assert load_settings(_env_file=None).admin_identities == frozenset()


@pytest.mark.parametrize("value", ["anna", "terminal:", ":anna", "terminal:anna,bob"])
def test_an_administrator_without_a_channel_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("TUTOR_ADMINS", value)
    with pytest.raises(SettingsError, match=r"^Invalid setting TUTOR_ADMINS: .* is not channel:id"):
        load_settings(_env_file=None)


def test_an_identity_is_read_with_spaces_trimmed_and_a_bare_number_is_telegram() -> None:
    assert parse_identity(" terminal : anna ") == ("terminal", "anna")
    assert parse_identity("4242") == ("telegram", "4242")
    with pytest.raises(ValueError, match="a Telegram id is a number"):
        parse_identity("telegram:abc")
    with pytest.raises(ValueError, match="is not channel:id"):
        parse_identity("telegram:12 34")


def test_an_administrator_on_no_channel_of_the_tutor_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TUTOR_ADMINS", "telgram:1003")
    with pytest.raises(
        SettingsError,
        match=r"^Invalid setting TUTOR_ADMINS: 'telgram:1003': the channel is one of telegram, "
        "terminal",
    ):
        load_settings(_env_file=None)


def test_the_channels_named_in_settings_are_the_tutors() -> None:
    assert set(CHANNELS) == {TELEGRAM, TERMINAL}
