"""The secret salt of the identity codes: from the settings, else made once in the data folder."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Final

from bot.config import Settings

SALT_FILE: Final = "identity-salt"


def identity_salt(settings: Settings) -> bytes:
    """Return `TUTOR_IDENTITY_SALT`, else the data folder's salt, made on first use."""
    if settings.identity_salt is not None:
        return settings.identity_salt.get_secret_value().encode()
    path = settings.data_dir / SALT_FILE
    if not path.exists():
        _create(path)
    return path.read_bytes().strip()


def _create(path: Path) -> None:
    # Written whole under another name, then linked into place: a process starting at the same
    # time reads either no file or the full salt, and the first link wins.
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(secrets.token_hex(32))
    try:
        os.link(draft, path)
    except FileExistsError:
        pass
    finally:
        draft.unlink()
