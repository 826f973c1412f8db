"""Compile the gettext catalogs in locales/ whenever the package is built or installed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def compile_catalogs(locales_dir: Path) -> list[Path]:
    """Write a .mo file beside every .po file and return the written paths."""
    written = []
    for po_path in sorted(locales_dir.glob("*/LC_MESSAGES/*.po")):
        locale = po_path.parts[-3]
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=locale)
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog, use_fuzzy=False)
        written.append(mo_path)
    return written


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        compile_catalogs(Path(self.root) / "locales")
