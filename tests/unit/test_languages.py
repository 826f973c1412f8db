"""The language registry: look-up by code, order, and clear errors for codes it does not have."""

from __future__ import annotations

import pytest

from bot.cli import main
from bot.config import SettingsError, load_settings
from bot.core.languages import (
    BUILT_IN,
    DUTCH,
    ENGLISH,
    FRENCH,
    LanguageProfile,
    LanguageRegistry,
    UnknownLanguageError,
)


def test_the_built_in_languages_are_french_dutch_and_english_in_that_order() -> None:
    assert BUILT_IN.codes == ("fr", "nl", "en")
    assert list(BUILT_IN) == [FRENCH, DUTCH, ENGLISH]
    assert len(BUILT_IN) == 3


def test_a_profile_is_found_by_its_code() -> None:
    assert BUILT_IN.profile("nl") is DUTCH
    assert BUILT_IN.profile("nl").babel_locale == "nl_BE"
    assert "nl" in BUILT_IN
    assert "de" not in BUILT_IN


def test_an_unknown_code_is_a_clear_error_naming_the_languages() -> None:
    with pytest.raises(UnknownLanguageError) as raised:
        BUILT_IN.profile("de")
    assert str(raised.value) == "'de' is not one of the languages (fr, nl, en)"


def test_a_selection_keeps_the_order_it_is_given() -> None:
    selected = BUILT_IN.select(["en", "fr"])
    assert selected.codes == ("en", "fr")
    assert selected.profile("en") is ENGLISH
    with pytest.raises(UnknownLanguageError):
        selected.profile("nl")


def test_a_selection_of_an_unknown_code_fails() -> None:
    with pytest.raises(UnknownLanguageError, match="'xx' is not one of the languages"):
        BUILT_IN.select(["fr", "xx"])


@pytest.mark.parametrize(
    ("profiles", "message"),
    [((), "at least one language is needed"), ((FRENCH, DUTCH, FRENCH), "'fr' is listed twice")],
)
def test_a_registry_needs_distinct_languages(
    profiles: tuple[LanguageProfile, ...], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        LanguageRegistry(profiles)


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("fr", "fr"),
        ("nl-BE", "nl"),
        ("en_GB", "en"),
        ("FR-be", "fr"),
        ("de", None),
        (None, None),
        ("", None),
    ],
)
def test_a_client_code_names_a_language_of_the_registry(
    code: str | None, language: str | None
) -> None:
    assert BUILT_IN.from_code(code) == language


def test_a_client_code_of_a_language_left_out_names_none() -> None:
    assert BUILT_IN.select(["fr", "en"]).from_code("nl-BE") is None


def test_a_registry_shows_its_codes_only() -> None:
    assert repr(BUILT_IN.select(["nl", "en"])) == "LanguageRegistry(nl, en)"
    assert FRENCH.label == "🇧🇪 Français"


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("TUTOR_LANGUAGES", "TUTOR_DEFAULT_LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_every_built_in_language_is_offered_by_default(environment: pytest.MonkeyPatch) -> None:
    settings = load_settings(_env_file=None)
    assert settings.languages.codes == ("fr", "nl", "en")
    assert settings.default_language == "en"


def test_tutor_languages_picks_languages_in_its_order(environment: pytest.MonkeyPatch) -> None:
    environment.setenv("TUTOR_LANGUAGES", " nl, fr ,")
    settings = load_settings(_env_file=None)
    assert settings.languages.codes == ("nl", "fr")
    # English is off, and no default was set: the first language is the default.
    assert settings.default_language == "nl"


def test_the_default_language_can_be_any_offered_one(environment: pytest.MonkeyPatch) -> None:
    environment.setenv("TUTOR_LANGUAGES", "nl,fr")
    environment.setenv("TUTOR_DEFAULT_LANGUAGE", "fr")
    assert load_settings(_env_file=None).default_language == "fr"


@pytest.mark.parametrize(
    ("variables", "line"),
    [
        (
            {"TUTOR_LANGUAGES": "fr,de"},
            "Invalid setting TUTOR_LANGUAGES: 'de' is not one of the languages (fr, nl, en)"
            " (for example TUTOR_LANGUAGES=fr,nl,en)",
        ),
        (
            {"TUTOR_LANGUAGES": "fr,nl,fr"},
            "Invalid setting TUTOR_LANGUAGES: 'fr' is listed twice"
            " (for example TUTOR_LANGUAGES=fr,nl,en)",
        ),
        (
            {"TUTOR_LANGUAGES": " , "},
            "Invalid setting TUTOR_LANGUAGES: at least one language is needed"
            " (for example TUTOR_LANGUAGES=fr,nl,en)",
        ),
        (
            {"TUTOR_LANGUAGES": "fr,nl", "TUTOR_DEFAULT_LANGUAGE": "en"},
            "Invalid setting TUTOR_DEFAULT_LANGUAGE: 'en' is not one of the languages (fr, nl)"
            " (for example TUTOR_DEFAULT_LANGUAGE=fr)",
        ),
    ],
)
def test_a_wrong_language_setting_is_one_clear_line(
    environment: pytest.MonkeyPatch, variables: dict[str, str], line: str
) -> None:
    for name, value in variables.items():
        environment.setenv(name, value)
    with pytest.raises(SettingsError) as raised:
        load_settings(_env_file=None)
    assert str(raised.value) == line


def test_a_language_option_that_is_not_offered_is_one_clear_line(
    environment: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    environment.setenv("TUTOR_LANGUAGES", "fr,nl")

    assert main(["chat", "--lang", "en"]) == 2
    assert capsys.readouterr().err == "'en' is not one of the languages (fr, nl)\n"
