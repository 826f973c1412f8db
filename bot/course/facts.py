"""The facts register (`content/facts.yaml`): time-sensitive facts and the lessons that state them.

Each fact has its value as written in each language. A lesson the register lists must state
that value; a sentence there that names the fact (one of its cues) with another value of the same
kind (another date, another phone number) fails the check, and so does a listed lesson that no
longer states the fact at all. A fact not checked for six months is a warning.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bot.config import Language
from bot.course.loader import ContentError, list_item_lines, load_yaml_with_nodes
from bot.course.passages import Passage, phrases_pattern
from bot.course.problem import Problem

KINDS = ("date", "phone", "service", "product", "age", "legal")
RECHECK_AFTER_MONTHS = 6


@dataclass(frozen=True)
class Source:
    """Where a fact was checked: an authority's name and address, and a caveat if any."""

    name: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Fact:
    """One time-sensitive fact, its accepted wording per language and where the course states it."""

    id: str
    statement: str
    kind: str
    values: Mapping[Language, tuple[str, ...]]
    cues: Mapping[Language, tuple[str, ...]]
    lessons: tuple[str, ...]
    glossary: tuple[str, ...]
    source: Source
    checked: date
    line: int


@dataclass(frozen=True)
class FactRegister:
    """The register: how to spot a value of each kind per language, and the facts."""

    path: str
    patterns: Mapping[str, Mapping[Language, re.Pattern[str]]]
    facts: tuple[Fact, ...]


def load_register(path: Path) -> tuple[FactRegister, list[Problem]]:
    """Read the register; a malformed fact is reported and left out, the others are kept."""
    try:
        data, node = load_yaml_with_nodes(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        return FactRegister(str(path), {}, ()), [Problem(str(path), 1, f"invalid YAML: {error}")]
    data = data if isinstance(data, dict) else {}
    problems: list[Problem] = []
    facts = []
    for item, line in zip(data.get("facts") or [], list_item_lines(node, "facts"), strict=False):
        try:
            facts.append(_parse_fact(item, line, path))
        except ContentError as error:
            problems.append(Problem(str(path), error.line, error.message))
    try:
        patterns = _parse_patterns(data.get("patterns") or {}, path)
    except ContentError as error:
        problems.append(Problem(str(path), error.line, error.message))
        patterns = {}
    return FactRegister(str(path), patterns, tuple(facts)), problems


def _parse_patterns(data: Any, path: Path) -> dict[str, dict[Language, re.Pattern[str]]]:
    patterns: dict[str, dict[Language, re.Pattern[str]]] = {}
    for kind, by_language in dict(data).items():
        if kind not in KINDS:
            raise ContentError(path, 1, f"patterns: unknown kind {kind!r}, expected one of {KINDS}")
        try:
            patterns[kind] = {
                lang: re.compile(str(regex), re.IGNORECASE) for lang, regex in by_language.items()
            }
        except re.error as error:
            message = f"patterns: {kind}: invalid regular expression: {error}"
            raise ContentError(path, 1, message) from None
    return patterns


def _parse_fact(item: Any, line: int, path: Path) -> Fact:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        raise ContentError(path, line, "a fact must be a mapping with an `id`")
    fact_id = item["id"]

    def fail(message: str) -> ContentError:
        return ContentError(path, line, f"fact {fact_id!r}: {message}")

    if item.get("kind") not in KINDS:
        raise fail(f"`kind` must be one of {', '.join(KINDS)}")
    source = item.get("source")
    if not isinstance(source, dict) or not source.get("name") or not source.get("url"):
        raise fail("`source` needs a `name` and a `url`")
    checked = item.get("checked")
    if not isinstance(checked, date):
        raise fail("`checked` must be a date written YYYY-MM-DD")
    if not item.get("lessons") and not item.get("glossary"):
        raise fail("list the `lessons` or `glossary` terms that state it")
    return Fact(
        id=fact_id,
        statement=str(item.get("statement", "")).strip(),
        kind=item["kind"],
        values=_phrases_by_language(item.get("value"), fail),
        cues=_phrases_by_language(item.get("cues") or {}, fail),
        lessons=tuple(str(lesson) for lesson in item.get("lessons") or ()),
        glossary=tuple(str(term) for term in item.get("glossary") or ()),
        source=Source(str(source["name"]), str(source["url"]), str(source.get("note", ""))),
        checked=checked,
        line=line,
    )


def _phrases_by_language(
    data: Any, fail: Callable[[str], ContentError]
) -> dict[Language, tuple[str, ...]]:
    """Read `{language: phrase or [phrases]}`; the first phrase is the one to write."""
    if not isinstance(data, dict):
        raise fail("`value` and `cues` map each language to a phrase or a list of phrases")
    return {
        str(language): tuple(str(p) for p in (phrases if isinstance(phrases, list) else [phrases]))
        for language, phrases in data.items()
    }


def check_register(
    register: FactRegister,
    languages: Iterable[Language],
    lesson_ids: set[str],
    glossary_ids: set[str],
) -> Iterator[Problem]:
    """Check that each fact has a value in every language and names lessons and terms that exist."""
    for fact in register.facts:
        for language in languages:
            if not fact.values.get(language):
                yield Problem(register.path, fact.line, f"fact {fact.id!r} has no {language} value")
        for lesson_id in fact.lessons:
            if lesson_id not in lesson_ids:
                yield Problem(
                    register.path, fact.line, f"fact {fact.id!r}: no lesson {lesson_id!r}"
                )
        for term_id in fact.glossary:
            if term_id not in glossary_ids:
                yield Problem(
                    register.path, fact.line, f"fact {fact.id!r}: no glossary term {term_id!r}"
                )


def stale_facts(register: FactRegister, today: date) -> Iterator[Problem]:
    """Warn about each fact last checked more than six months before `today`."""
    for fact in register.facts:
        if _months_later(fact.checked, RECHECK_AFTER_MONTHS) < today:
            yield Problem(
                register.path,
                fact.line,
                f"fact {fact.id!r} was last checked on {fact.checked.isoformat()}, more than "
                f"{RECHECK_AFTER_MONTHS} months ago: check it at {fact.source.url} "
                "and update `checked`",
            )


def _months_later(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def check_statements(
    register: FactRegister, language: Language, texts: Mapping[str, list[Passage]]
) -> Iterator[Problem]:
    """Check the texts of one language that the register lists against each fact's value.

    `texts` maps a lesson id, or `glossary:<term id>`, to its passages in that language.
    """
    for fact in register.facts:
        places = [*fact.lessons, *(f"glossary:{term}" for term in fact.glossary)]
        for place in places:
            passages = texts.get(place)
            if passages and fact.values.get(language):
                yield from _fact_in_passages(
                    fact, passages, register.patterns.get(fact.kind, {}).get(language), language
                )


def check_unlisted(
    register: FactRegister, language: Language, passages: list[Passage]
) -> Iterator[Problem]:
    """Check texts no fact lists (the check pool): a value they give for a fact must be its own."""
    for fact in register.facts:
        if passages and fact.values.get(language):
            pattern = register.patterns.get(fact.kind, {}).get(language)
            yield from _contradictions(fact, passages, pattern, language)


def _fact_in_passages(
    fact: Fact, passages: list[Passage], pattern: re.Pattern[str] | None, language: Language
) -> Iterator[Problem]:
    yield from _contradictions(fact, passages, pattern, language)
    stated = phrases_pattern(fact.values[language])
    if not any(stated.search(sentence) for p in passages for sentence in p.sentences()):
        first = passages[0]
        yield Problem(
            first.path,
            first.line,
            f"does not state fact {fact.id!r} ({fact.values[language][0]!r}) any more, but the "
            "facts register lists it here: update the text or the register",
        )


def _contradictions(
    fact: Fact, passages: list[Passage], pattern: re.Pattern[str] | None, language: Language
) -> Iterator[Problem]:
    """Yield each sentence that is about the fact (a cue) but gives another value of its kind."""
    if pattern is None:
        return
    accepted = fact.values[language]
    stated = phrases_pattern(accepted)
    cues = phrases_pattern(fact.cues.get(language, ()))
    for passage in passages:
        for sentence in passage.sentences():
            if stated.search(sentence) or not cues.search(sentence):
                continue
            other = pattern.search(sentence)
            if other is not None:
                yield Problem(
                    passage.path,
                    passage.line,
                    f"states {other.group(0)!r} for fact {fact.id!r}; "
                    f"the facts register says {accepted[0]!r}",
                )
