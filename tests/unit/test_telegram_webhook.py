"""The webhook's secret token: the one set, or the same one in every replica."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import SecretStr

from bot.channels.telegram.application import webhook_secret
from bot.config import Settings

# What Telegram accepts as a secret token.
TELEGRAM_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


def settings(token: str, secret: str | None = None) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=Path("unused"),
        telegram_bot_token=SecretStr(token),
        webhook_secret=SecretStr(secret) if secret else None,
    )


def test_a_secret_set_in_the_settings_is_used() -> None:
    assert webhook_secret(settings("1:token", "s3cret-from-env")) == "s3cret-from-env"


def test_replicas_without_a_set_secret_derive_the_same_one_from_the_token() -> None:
    first, second = webhook_secret(settings("1:token")), webhook_secret(settings("1:token"))
    assert first == second
    assert TELEGRAM_SECRET.fullmatch(first)
    assert "token" not in first
    assert webhook_secret(settings("2:another-token")) != first
