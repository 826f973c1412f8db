"""The server install: chromadb-client in place of chromadb, and one line without a server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot import config
from bot.adapters.search.store import open_client
from bot.config import SERVER_ONLY_INDEX, SettingsError, load_settings
from bot.paths import PROJECT_ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)$", re.MULTILINE)


def pins(lock: str) -> dict[str, str]:
    return dict(PIN.findall((PROJECT_ROOT / lock).read_text()))


@pytest.fixture(scope="module")
def full() -> dict[str, str]:
    return pins("requirements.lock")


@pytest.fixture(scope="module")
def server() -> dict[str, str]:
    return pins("requirements-server.lock")


def test_the_server_lock_keeps_every_shared_pin(
    full: dict[str, str], server: dict[str, str]
) -> None:
    shared = full.keys() & server.keys()
    assert {name: (full[name], server[name]) for name in shared if full[name] != server[name]} == {}
    assert len(shared) > len(full) // 2


def test_the_server_lock_has_chromadb_client_at_chromadb_version(
    full: dict[str, str], server: dict[str, str]
) -> None:
    assert server["chromadb-client"] == full["chromadb"]
    assert not {"chromadb", "kubernetes", "onnxruntime"} & server.keys()


def test_the_image_installs_the_server_lock() -> None:
    dockerfile = (PROJECT_ROOT / "Dockerfile").read_text()
    assert "-r requirements-server.lock" in dockerfile
    assert "requirements.lock" not in dockerfile.replace("requirements-server.lock", "")


@pytest.fixture
def client_only(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Pretend only chromadb-client is installed, as in the image."""
    monkeypatch.setattr(config, "full_chromadb_installed", lambda: False)
    for name in ("TUTOR_CHROMA_HOST", "TUTOR_CHROMA_PORT"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_a_start_without_a_chroma_server_fails_in_one_line(
    client_only: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with pytest.raises(SettingsError, match=re.escape(SERVER_ONLY_INDEX)):
        load_settings(_env_file=None, data_dir=tmp_path)
    assert "\n" not in SERVER_ONLY_INDEX


def test_a_start_with_a_chroma_server_needs_only_the_client(
    client_only: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    client_only.setenv("TUTOR_CHROMA_HOST", "chroma")
    assert load_settings(_env_file=None, data_dir=tmp_path).chroma_host == "chroma"


def test_the_embedded_index_is_not_opened_with_the_client_alone(
    client_only: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = config.Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    with pytest.raises(SettingsError, match=re.escape(SERVER_ONLY_INDEX)):
        open_client(settings)
    assert not settings.resolved_index_dir.exists()


def test_the_full_chromadb_is_found_where_it_is_installed() -> None:
    assert config.full_chromadb_installed()
