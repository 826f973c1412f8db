"""Locale choice, gettext catalogs and Belgian formats for dates and numbers."""

from __future__ import annotations

import gettext as gettext_module
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Final
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime, format_time
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

from bot.config import Language
from bot.core.languages import LanguageRegistry

BRUSSELS: Final = ZoneInfo("Europe/Brussels")
_TRAILING_YEAR: Final = re.compile(r"[\s,.]*y+[\s,.]*$")

logger = logging.getLogger(__name__)


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark a string for extraction; it is translated later, where the language is known."""
    return message


@dataclass(frozen=True)
class Translator:
    """Translate messages and format values for one language."""

    language: Language
    catalog: gettext_module.NullTranslations
    locale: Locale  # the formats of dates and numbers, Belgian ones for the built-in languages
    timezone: ZoneInfo = BRUSSELS

    def gettext(self, message: str) -> str:
        """Translate a message."""
        return self.catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """Translate a message with a plural form chosen by `count`."""
        return self.catalog.ngettext(singular, plural, count)

    def time(self, value: datetime) -> str:
        """Format a time of day, e.g. `07:00`, in local time."""
        return format_time(value, format="short", tzinfo=self.timezone, locale=self.locale)

    def day(self, value: datetime) -> str:
        """Format a weekday and date without the year, e.g. `mardi 1 décembre`, in local time."""
        # The locale's full date without its year: Babel's skeletons would abbreviate it.
        pattern = _TRAILING_YEAR.sub("", self.locale.date_formats["full"].pattern)
        return format_date(value.astimezone(self.timezone), pattern, locale=self.locale)

    def language_name(self, code: str) -> str:
        """Name a language in this one: `Frans` for `fr` in Dutch."""
        return Locale.parse(code).get_display_name(self.locale) or code

    def date(self, value: date | datetime) -> str:
        """Format a date the Belgian way, e.g. `23 nov. 2026`, in local time."""
        if isinstance(value, datetime) and value.tzinfo is not None:
            value = value.astimezone(self.timezone)
        return format_date(value, format="medium", locale=self.locale)

    def datetime(self, value: datetime) -> str:
        """Format a date and time the Belgian way, in local time."""
        return format_datetime(value, format="short", tzinfo=self.timezone, locale=self.locale)

    def number(self, value: float) -> str:
        """Format a number with the locale's separators and at most one decimal (2,5; 3)."""
        # Averages of lessons and scores: a second decimal says nothing a trainer can use.
        return format_decimal(value, format="#,##0.#", locale=self.locale)

    def alternatives(self, items: Sequence[str]) -> str:
        """Join items with the language's "or": `A, B ou C` in French."""
        return format_list(list(items), style="or", locale=self.locale)

    def percent(self, ratio: float) -> str:
        """Format a ratio as a percentage, e.g. `75 %` in French."""
        return format_percent(ratio, locale=self.locale)


def _load_domain(
    locales_dir: Path, language: Language, domain: str
) -> gettext_module.GNUTranslations:
    po_path = locales_dir / language / "LC_MESSAGES" / f"{domain}.po"
    mo_path = po_path.with_suffix(".mo")
    if not po_path.exists():
        raise FileNotFoundError(f"Missing catalog {po_path}")
    if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
        # A catalog edited after the last install is compiled in memory, so a stale .mo
        # never shows old text; installs compile them to files (scripts/hatch_build.py).
        logger.debug("Compiling %s in memory", po_path)
        return _compile_in_memory(po_path, language)
    with mo_path.open("rb") as mo_file:
        return gettext_module.GNUTranslations(mo_file)


def _compile_in_memory(po_path: Path, language: Language) -> gettext_module.GNUTranslations:
    import io

    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext_module.GNUTranslations(buffer)


def load_translators(
    locales_dir: Path, languages: LanguageRegistry, timezone: str = "Europe/Brussels"
) -> dict[Language, Translator]:
    """Load every domain's catalog (each feature and channel owns one) for each of the languages."""
    translators: dict[Language, Translator] = {}
    for profile in languages:
        language = profile.code
        catalogs = [
            _load_domain(locales_dir, language, po.stem)
            for po in sorted((locales_dir / language / "LC_MESSAGES").glob("*.po"))
        ]
        if not catalogs:
            raise FileNotFoundError(f"No catalogs for {language!r} in {locales_dir}")
        head = catalogs[0]
        for extra in catalogs[1:]:
            head.add_fallback(extra)
        locale = Locale.parse(profile.babel_locale)
        translators[language] = Translator(language, head, locale, ZoneInfo(timezone))
    return translators
