"""The catalogs are complete, consistent and give Belgian formats."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.pofile import read_po

from bot.core.languages import BUILT_IN
from bot.i18n import load_translators
from bot.paths import PROJECT_ROOT

LOCALES = PROJECT_ROOT / "locales"
CATALOGS = sorted(LOCALES.glob("*/LC_MESSAGES/*.po"))
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _messages(path: Path) -> list[Message]:
    # A catalog sits in locales/<lang>/LC_MESSAGES/; a template (.pot) has no language.
    locale = path.parts[-3] if path.suffix == ".po" else None
    with path.open("rb") as po_file:
        return [m for m in read_po(po_file, locale=locale) if m.id]


def test_every_language_has_the_same_domains() -> None:
    domains = {
        lang: {p.stem for p in (LOCALES / lang / "LC_MESSAGES").glob("*.po")}
        for lang in BUILT_IN.codes
    }
    assert domains["fr"] == domains["nl"] == domains["en"]
    assert "tutor" in domains["en"]


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_catalog_has_no_untranslated_or_fuzzy_entry(path: Path) -> None:
    problems = []
    for message in _messages(path):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        if not all(strings):
            problems.append(f"untranslated: {message.id!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_translations_keep_the_placeholders(path: Path) -> None:
    for message in _messages(path):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) == expected, message.id


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_catalog_matches_the_code(path: Path) -> None:
    template = LOCALES / f"{path.stem}.pot"
    assert template.exists(), f"run scripts/update_catalogs.sh {path.stem}"
    expected = {m.id if isinstance(m.id, str) else m.id[0] for m in _messages(template)}
    found = {m.id if isinstance(m.id, str) else m.id[0] for m in _messages(path)}
    assert found == expected


def test_plural_forms_follow_each_language() -> None:
    translators = load_translators(LOCALES, BUILT_IN)
    singular, plural = "{count} question to review", "{count} questions to review"
    # French treats 0 and 1 as singular; Dutch and English only 1.
    assert translators["fr"].ngettext(singular, plural, 0) == translators["fr"].ngettext(
        singular, plural, 1
    )
    assert translators["nl"].ngettext(singular, plural, 0) == translators["nl"].ngettext(
        singular, plural, 2
    )
    assert translators["en"].ngettext(singular, plural, 0) == plural
    assert translators["fr"].ngettext(singular, plural, 2) != translators["fr"].ngettext(
        singular, plural, 1
    )


def test_belgian_formats() -> None:
    translators = load_translators(LOCALES, BUILT_IN)
    day = datetime(2026, 11, 23, 22, 30, tzinfo=UTC)  # already the 23rd in Brussels, 23:30
    assert translators["fr"].date(day) == "23 nov. 2026"
    assert translators["nl"].date(day) == "23 nov 2026"
    assert translators["fr"].percent(0.75).replace("\u202f", " ").replace("\xa0", " ") == "75 %"
    assert translators["nl"].number(1234.5) == "1.234,5"
    assert translators["fr"].number(1234.5).replace("\u202f", " ").replace("\xa0", " ") == "1 234,5"
    late = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)  # past midnight in Brussels
    assert translators["nl"].date(late) == "24 nov 2026"
