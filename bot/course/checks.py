"""Validate the course: structure, parity across languages, Telegram limits, plain language."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from bot.config import Language
from bot.core.text import sentences as full_sentences
from bot.course.facts import (
    check_register,
    check_statements,
    check_unlisted,
    load_register,
    stale_facts,
)
from bot.course.fairness import (
    FairnessLimits,
    LanguageFairness,
    measure_fairness,
    measure_item_fairness,
)
from bot.course.loader import (
    CHECK_FORMS,
    CHECKS_FOLDER,
    ContentError,
    OutlineModule,
    check_pool_path,
    lesson_path,
    load_outline,
    parse_check_pool,
    parse_glossary,
    parse_lesson,
    parse_module,
)
from bot.course.model import CheckItem, Lesson, QuizItem
from bot.course.passages import (
    Passage,
    glossary_passages,
    lesson_passages,
    module_passages,
    pool_passages,
)
from bot.course.problem import Problem
from bot.course.readability import measure, sentences, words
from bot.course.style import check_style, load_style
from bot.course.vocabulary import Vocabulary, ai_terms, glossary_vocabulary, terms_to_explain

MAX_MESSAGE_CHARS = 4096
MAX_QUESTION_CHARS = 300
MAX_OPTION_CHARS = 100
MAX_EXPLANATION_CHARS = 200
MAX_CARD_WORDS = 90
MAX_WORDS_PER_SENTENCE = 15.0
CARDS_RANGE = (3, 6)
OPTIONS_RANGE = (3, 4)  # with two options, guessing gets half of them right
MIN_QUIZ_ITEMS = 4
KEYWORDS_RANGE = (3, 8)
NOT_LANGUAGE_FOLDERS = ("glossary", "style", "speech", CHECKS_FOLDER)
FACTS_REGISTER = "facts.yaml"
MAX_SIMPLE_WORDS = 30
MAX_SIMPLE_SENTENCES = 2
TOPIC_GROUPS_RANGE = (2, 4)
LEARNER_QUESTIONS_RANGE = (8, 32)
MAX_LEARNER_QUESTION_WORDS = 30


@dataclass(frozen=True)
class LessonReadability:
    """Per-lesson plain-language figures reported by the check."""

    language: Language
    lesson_id: str
    words_per_sentence: float
    max_card_words: int


@dataclass(frozen=True)
class CheckReport:
    """Everything the content check found."""

    problems: list[Problem]
    readability: list[LessonReadability]
    # Worth a look, but no reason to fail: content in a language that is not offered, a fact
    # not checked for six months, and an unfair quiz while it is rewritten.
    warnings: list[Problem] = field(default_factory=list)
    fairness: list[LanguageFairness] = field(default_factory=list)
    # The same figures for the check-in/check-out pool of each language, when there is one.
    pool_fairness: list[LanguageFairness] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Tell whether the course passed every check."""
        return not self.problems


LanguageOf = Callable[[str], Language | None]


def check_content(
    content_dir: Path,
    languages: Sequence[Language],
    reference: Language,
    syllabus: Path | None = None,
    language_of: LanguageOf | None = None,
    today: date | None = None,
    *,
    fairness_limits: FairnessLimits | None = None,
    fairness_as_warnings: bool = False,
) -> CheckReport:
    """Check every lesson of the languages against the outline and content/AUTHORING.md.

    The other languages are compared with `reference`: same quiz items, same glossary ids.
    The facts register and the style sheets are checked when they exist; `today` dates the
    register's six-month check (the real date when left out). Quiz fairness beyond its limits
    is a problem, or only a warning when `fairness_as_warnings` (while a quiz is rewritten).
    """
    problems: list[Problem] = []
    outline_path = syllabus or content_dir / "syllabus.yaml"
    outline = load_outline(outline_path)
    if syllabus is not None and syllabus != content_dir / "syllabus.yaml":
        problems += _compare_outlines(content_dir / "syllabus.yaml", outline)
    lessons: dict[tuple[Language, str], Lesson] = {}
    warnings: list[Problem] = []
    for language in languages:
        glossary = _glossary_of(content_dir, language)
        for module in outline:
            for outline_lesson in module.lessons:
                path = lesson_path(content_dir, language, outline_lesson.id)
                if not path.exists():
                    problems.append(Problem(str(path), 0, "missing lesson"))
                    continue
                try:
                    lesson = parse_lesson(path, language)
                except ContentError as error:
                    problems.append(Problem(str(error.path), error.line, error.message))
                    continue
                lessons[(language, outline_lesson.id)] = lesson
                problems += _check_lesson(lesson, outline_lesson.id, language_of)
                problems += _check_simple_lines(lesson) + _check_learner_questions(lesson)
                warnings += _unexplained_simple_terms(lesson, glossary) + _questions_missing(lesson)
            problems += _check_module_file(content_dir, language, module)
            problems += _check_practice_topics(content_dir, language, module)
    problems += _check_unknown_files(content_dir, languages, outline)
    problems += _check_parity(lessons, reference)
    problems += _check_duplicate_cards(lessons) + _check_shared_learner_questions(lessons)
    problems += _check_glossary(content_dir, languages, reference, outline)
    glossaries = _glossary_passages(content_dir, languages)
    pools, pool_problems = _load_pools(content_dir, languages)
    problems += pool_problems
    pool_texts = {
        language: list(pool_passages(check_pool_path(content_dir, language), pool))
        for language, pool in pools.items()
    }
    problems += _check_style(content_dir, languages, outline, lessons, glossaries, pool_texts)
    fact_problems, fact_warnings = _check_facts(
        content_dir,
        languages,
        outline,
        lessons,
        glossaries,
        today or datetime.now(UTC).date(),
        pool_texts,
    )
    problems += fact_problems
    warnings += fact_warnings
    readability = [_readability(lesson) for lesson in lessons.values()]
    warnings += _other_language_folders(content_dir, languages)
    fairness = [
        measure_fairness(language, [ls for (lang, _), ls in lessons.items() if lang == language])
        for language in languages
    ]
    limits = fairness_limits or FairnessLimits()
    problems += _check_pools(content_dir, pools, reference, outline, lessons)
    pool_fairness = [
        # No feedback during a check: the guesser never learns where the last answer was.
        measure_item_fairness(language, [[item] for item in pool])
        for language, pool in pools.items()
    ]
    unfair = _unfair(content_dir, fairness, limits, "quiz fairness")
    unfair += _unfair(content_dir / CHECKS_FOLDER, pool_fairness, limits, "check pool fairness")
    if fairness_as_warnings:
        warnings += unfair
    else:
        problems += unfair
    return CheckReport(
        problems=problems,
        readability=readability,
        warnings=warnings,
        fairness=fairness,
        pool_fairness=pool_fairness,
    )


def _unfair(
    folder: Path, figures: list[LanguageFairness], limits: FairnessLimits, what: str
) -> list[Problem]:
    return [
        Problem(str(folder / language.language), 0, f"{what}: {breach}")
        for language in figures
        for breach in language.breaches(limits)
    ]


def _load_pools(
    content_dir: Path, languages: Sequence[Language]
) -> tuple[dict[Language, tuple[CheckItem, ...]], list[Problem]]:
    """Read the check pool of each language; a course without any pool has no check."""
    paths = {language: check_pool_path(content_dir, language) for language in languages}
    if not any(path.exists() for path in paths.values()):
        return {}, []
    pools: dict[Language, tuple[CheckItem, ...]] = {}
    problems = []
    for language, path in paths.items():
        if not path.exists():
            problems.append(Problem(str(path), 0, "missing check pool"))
            continue
        try:
            pools[language] = parse_check_pool(path)
        except ContentError as error:
            problems.append(Problem(str(error.path), error.line, error.message))
    return pools, problems


def _check_pools(
    content_dir: Path,
    pools: dict[Language, tuple[CheckItem, ...]],
    reference: Language,
    outline: tuple[OutlineModule, ...],
    lessons: dict[tuple[Language, str], Lesson],
) -> list[Problem]:
    """Check each pool's items, its forms, its parity with the reference and its overlap."""
    problems: list[Problem] = []
    modules = [module.id for module in outline]
    reference_pool = pools.get(reference) or next(iter(pools.values()), ())
    for language, pool in pools.items():
        path = str(check_pool_path(content_dir, language))
        for number, item in enumerate(pool, start=1):
            problems += [
                Problem(path, item.line, f"item {number} ({item.id}): {m}")
                for m in _quiz_item_problems(item)
            ]
        problems += _check_pool_forms(path, pool, modules)
        problems += _check_pool_parity(path, pool, reference_pool, reference)
        problems += _check_pool_overlap(path, pool, lessons, language)
    return problems


def _check_pool_forms(path: str, pool: tuple[CheckItem, ...], modules: list[str]) -> list[Problem]:
    """Each form asks one question per syllabus module, and every id is used once."""
    problems = []
    ids = [item.id for item in pool]
    for item_id in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(Problem(path, 1, f"id {item_id!r} is used more than once"))
    for item in pool:
        if item.module not in modules:
            problems.append(Problem(path, item.line, f"{item.id}: no module {item.module!r}"))
    for form in CHECK_FORMS:
        covered = [item.module for item in pool if item.form == form]
        if sorted(covered) != sorted(modules):
            missing = sorted(set(modules) - set(covered))
            twice = sorted({m for m in covered if covered.count(m) > 1})
            message = (
                f"form {form} must ask one question per module: missing "
                f"{', '.join(missing) or 'none'}, more than one {', '.join(twice) or 'none'}"
            )
            problems.append(Problem(path, 1, message))
    return problems


def _check_pool_parity(
    path: str, pool: tuple[CheckItem, ...], reference: tuple[CheckItem, ...], language: Language
) -> Iterator[Problem]:
    """The same items in every language: ids in the same order, same form, module and answer."""
    if [item.id for item in pool] != [item.id for item in reference]:
        yield Problem(path, 1, f"item ids or their order differ from the {language} pool")
        return
    for item, ref in zip(pool, reference, strict=True):
        if (item.form, item.module, item.correct, len(item.options)) != (
            ref.form,
            ref.module,
            ref.correct,
            len(ref.options),
        ):
            message = (
                f"{item.id} differs from {language} (form, module, number of options or "
                "correct index)"
            )
            yield Problem(path, item.line, message)


def _check_pool_overlap(
    path: str,
    pool: tuple[CheckItem, ...],
    lessons: dict[tuple[Language, str], Lesson],
    language: Language,
) -> Iterator[Problem]:
    """A check question is never one a lesson asks: the check would measure recall of the quiz."""
    asked = {
        _same_words(item.question): lesson.id
        for (lang, _), lesson in lessons.items()
        if lang == language
        for item in lesson.quiz
    }
    for item in pool:
        if (lesson_id := asked.get(_same_words(item.question))) is not None:
            message = f"{item.id}: the question is the same as a quiz question of {lesson_id}"
            yield Problem(path, item.line, message)


def _compare_outlines(local: Path, reference: tuple[OutlineModule, ...]) -> list[Problem]:
    if not local.exists():
        return [Problem(str(local), 0, "missing course outline")]
    local_ids = [lesson.id for module in load_outline(local) for lesson in module.lessons]
    reference_ids = [lesson.id for module in reference for lesson in module.lessons]
    if local_ids != reference_ids:
        return [Problem(str(local), 1, "lesson ids differ from the reference syllabus")]
    return []


def _check_lesson(
    lesson: Lesson, expected_id: str, language_of: LanguageOf | None
) -> list[Problem]:
    path = lesson.path
    found: list[Problem] = []
    if lesson.id != expected_id:
        found.append(
            Problem(path, 2, f"id {lesson.id!r} does not match its path ({expected_id!r})")
        )
    if not CARDS_RANGE[0] <= len(lesson.cards) <= CARDS_RANGE[1]:
        found.append(Problem(path, 1, f"{len(lesson.cards)} cards, expected 3 to 6"))
    if not KEYWORDS_RANGE[0] <= len(lesson.keywords) <= KEYWORDS_RANGE[1]:
        found.append(Problem(path, 2, f"{len(lesson.keywords)} keywords, expected 3 to 8"))
    for card in lesson.cards:
        count = len(words(card.text))
        if count > MAX_CARD_WORDS:
            found.append(
                Problem(path, card.line, f"card has {count} words, at most {MAX_CARD_WORDS}")
            )
        if len(lesson.title) + len(card.text) + 20 > MAX_MESSAGE_CHARS:
            found.append(Problem(path, card.line, "card is too long for one Telegram message"))
        if not card.body:
            found.append(Problem(path, card.line, "card has a heading but no text"))
        if language_of is not None and (detected := language_of(card.body)) != lesson.language:
            found.append(
                Problem(
                    path, card.line, f"card reads as {detected or 'unclear'}, not {lesson.language}"
                )
            )
    stats = measure([card.text for card in lesson.cards])
    if stats.words_per_sentence > MAX_WORDS_PER_SENTENCE:
        found.append(
            Problem(
                path,
                1,
                f"{stats.words_per_sentence:.1f} words per sentence on average, "
                f"at most {MAX_WORDS_PER_SENTENCE:.0f}",
            )
        )
    if len(lesson.quiz) < MIN_QUIZ_ITEMS:
        found.append(Problem(path, 2, f"{len(lesson.quiz)} quiz items, at least {MIN_QUIZ_ITEMS}"))
    for number, item in enumerate(lesson.quiz, start=1):
        found += [
            Problem(path, item.line, f"quiz item {number}: {m}") for m in _quiz_item_problems(item)
        ]
    return found + _check_duplicate_item_ids(lesson)


def _quiz_item_problems(item: QuizItem) -> Iterator[str]:
    if not item.question:
        yield "empty question"
    if len(item.question) > MAX_QUESTION_CHARS:
        yield f"question has {len(item.question)} characters, at most {MAX_QUESTION_CHARS}"
    if not OPTIONS_RANGE[0] <= len(item.options) <= OPTIONS_RANGE[1]:
        yield f"{len(item.options)} options, expected {OPTIONS_RANGE[0]} to {OPTIONS_RANGE[1]}"
    if len(item.explanations) != len(item.options):
        yield "needs exactly one explanation per option"
    if not 0 <= item.correct < len(item.options):
        yield f"correct index {item.correct} is not one of the options"
    if len(set(item.options)) != len(item.options):
        yield "two options are the same"
    for option in item.options:
        if len(option) > MAX_OPTION_CHARS:
            yield (
                f"option {option[:30]!r}… has {len(option)} characters, at most {MAX_OPTION_CHARS}"
            )
    for explanation in item.explanations:
        if len(explanation) > MAX_EXPLANATION_CHARS:
            yield (
                f"explanation {explanation[:30]!r}… has {len(explanation)} characters, "
                f"at most {MAX_EXPLANATION_CHARS}"
            )


def _check_duplicate_item_ids(lesson: Lesson) -> list[Problem]:
    first_use: dict[str, int] = {}
    problems = []
    for number, item in enumerate(lesson.quiz, start=1):
        if item.id in first_use:
            problems.append(
                Problem(
                    lesson.path,
                    item.line,
                    f"quiz item {number}: id {item.id!r} is already used by quiz item "
                    f"{first_use[item.id]}",
                )
            )
        first_use.setdefault(item.id, number)
    return problems


def _check_module_file(
    content_dir: Path, language: Language, module: OutlineModule
) -> list[Problem]:
    path = content_dir / language / module.id / "_module.yaml"
    return [] if path.exists() else [Problem(str(path), 0, "missing module file")]


def _glossary_of(content_dir: Path, language: Language) -> Vocabulary:
    path = content_dir / "glossary" / f"{language}.yaml"
    return glossary_vocabulary(ai_terms(parse_glossary(path)) if path.exists() else ())


def _check_simple_lines(lesson: Lesson) -> list[Problem]:
    """Check the `simple:` key ideas: one per card, short, and not a sentence of the card."""
    path = lesson.path
    if not lesson.simple:
        return [Problem(path, 2, "no `simple:` key ideas (one plain line per card)")]
    if len(lesson.simple) != len(lesson.cards):
        message = f"{len(lesson.simple)} `simple:` lines for {len(lesson.cards)} cards"
        return [Problem(path, 2, message)]
    found = []
    for number, (line, card) in enumerate(zip(lesson.simple, lesson.cards, strict=True), 1):
        count = len(words(line))
        if count > MAX_SIMPLE_WORDS:
            message = f"simple line {number} has {count} words, at most {MAX_SIMPLE_WORDS}"
            found.append(Problem(path, card.line, message))
        # Counted at full stops only: a colon that opens a short list keeps one sentence.
        if len(full_sentences(line)) > MAX_SIMPLE_SENTENCES:
            message = f"simple line {number} has more than {MAX_SIMPLE_SENTENCES} sentences"
            found.append(Problem(path, card.line, message))
        if _same_words(line) in {_same_words(s) for s in sentences(card.body)}:
            message = f"simple line {number} copies a sentence of its card; say it more simply"
            found.append(Problem(path, card.line, message))
    return found


def _same_words(text: str) -> tuple[str, ...]:
    return tuple(word.lower() for word in words(text))


def _unexplained_simple_terms(lesson: Lesson, glossary: Vocabulary) -> list[Problem]:
    """Warn about glossary words in a key idea that "Simpler, please" would not define."""
    found = []
    for line, card in zip(lesson.simple, lesson.cards, strict=False):
        shown = terms_to_explain(line, card.text, glossary)
        unexplained = [term for term in glossary.find(line) if term not in shown]
        if unexplained:
            message = f"simple line uses glossary words it cannot explain: {', '.join(unexplained)}"
            found.append(Problem(lesson.path, card.line, message))
    return found


def _check_practice_topics(
    content_dir: Path, language: Language, module: OutlineModule
) -> list[Problem]:
    """Check that every practice task names the topics a prompt for it must address."""
    path = content_dir / language / module.id / "_module.yaml"
    if not path.exists():
        return []
    try:
        tasks = parse_module(path, module.id, language, ()).practice
    except (ContentError, KeyError) as error:
        return [Problem(str(path), getattr(error, "line", 1), f"unreadable practice: {error}")]
    low, high = TOPIC_GROUPS_RANGE
    return [
        Problem(str(path), 1, f"task {task.id}: {len(task.topics)} topic groups, {low} to {high}")
        for task in tasks
        if not low <= len(task.topics) <= high
    ]


def _check_unknown_files(
    content_dir: Path, languages: Sequence[Language], outline: tuple[OutlineModule, ...]
) -> list[Problem]:
    known = {lesson.id for module in outline for lesson in module.lessons}
    problems = []
    for language in languages:
        for path in sorted((content_dir / language).glob("*/*.md")):
            lesson_id = f"{path.parent.name}/{path.stem}"
            if lesson_id not in known:
                problems.append(Problem(str(path), 1, f"{lesson_id!r} is not in the syllabus"))
    return problems


def _check_parity(
    lessons: dict[tuple[Language, str], Lesson], reference_language: Language
) -> list[Problem]:
    problems: list[Problem] = []
    by_id: dict[str, dict[Language, Lesson]] = defaultdict(dict)
    for (language, lesson_id), lesson in lessons.items():
        by_id[lesson_id][language] = lesson
    for versions in by_id.values():
        reference = versions.get(reference_language) or next(iter(versions.values()))
        for lesson in versions.values():
            problems += _quiz_parity(lesson, reference)
    return problems


def _quiz_parity(lesson: Lesson, reference: Lesson) -> Iterator[Problem]:
    if len(lesson.quiz) != len(reference.quiz):
        message = f"{len(lesson.quiz)} quiz items but {len(reference.quiz)} in {reference.language}"
        yield Problem(lesson.path, 2, message)
        return
    for number, (item, ref_item) in enumerate(zip(lesson.quiz, reference.quiz, strict=True), 1):
        if item.id != ref_item.id:
            message = (
                f"quiz item {number}: id {item.id!r}, but {ref_item.id!r} in {reference.language}"
            )
            yield Problem(lesson.path, item.line, message)
        elif item.correct != ref_item.correct or len(item.options) != len(ref_item.options):
            message = (
                f"quiz item {number} ({item.id}) differs from {reference.language} "
                "(number of options or correct index)"
            )
            yield Problem(lesson.path, item.line, message)


def _questions_missing(lesson: Lesson) -> list[Problem]:
    """Warn when a lesson lists no learner questions: search finds it less often."""
    # Only a warning: a new language can go live before its questions are written.
    if lesson.learner_questions:
        return []
    return [Problem(lesson.path, 2, "no `learner_questions`: search finds this lesson less often")]


def _check_learner_questions(lesson: Lesson) -> list[Problem]:
    """Check the questions learners type: enough of them, short, none listed twice."""
    path, asked = lesson.path, lesson.learner_questions
    low, high = LEARNER_QUESTIONS_RANGE
    if not asked:
        return []
    problems = []
    if not low <= len(asked) <= high:
        message = f"{len(asked)} learner questions, expected {low} to {high}"
        problems.append(Problem(path, 2, message))
    seen: set[tuple[str, ...]] = set()
    for question in asked:
        if len(words(question)) > MAX_LEARNER_QUESTION_WORDS:
            message = f"learner question over {MAX_LEARNER_QUESTION_WORDS} words: {question!r}"
            problems.append(Problem(path, 2, message))
        if _same_words(question) in seen:
            problems.append(Problem(path, 2, f"learner question listed twice: {question!r}"))
        seen.add(_same_words(question))
    return problems


def _check_shared_learner_questions(
    lessons: dict[tuple[Language, str], Lesson],
) -> list[Problem]:
    """Find a learner question listed under two lessons: search could not tell them apart."""
    seen: dict[tuple[Language, tuple[str, ...]], str] = {}
    problems = []
    for (language, lesson_id), lesson in lessons.items():
        for question in lesson.learner_questions:
            key = (language, _same_words(question))
            if seen.setdefault(key, lesson_id) != lesson_id:
                message = f"learner question {question!r} is also listed under {seen[key]}"
                problems.append(Problem(lesson.path, 2, message))
    return problems


def _check_duplicate_cards(lessons: dict[tuple[Language, str], Lesson]) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for lesson in lessons.values():
        for card in lesson.cards:
            key = " ".join(card.body.lower().split())
            if key in seen and seen[key] != lesson.id:
                problems.append(
                    Problem(lesson.path, card.line, f"card text repeats a card of {seen[key]}")
                )
            seen.setdefault(key, lesson.id)
    return problems


def _check_glossary(
    content_dir: Path,
    languages: Sequence[Language],
    reference: Language,
    outline: tuple[OutlineModule, ...],
) -> list[Problem]:
    ids: dict[Language, list[str]] = {}
    problems = []
    lesson_ids = {lesson.id for module in outline for lesson in module.lessons}
    for language in languages:
        path = content_dir / "glossary" / f"{language}.yaml"
        if path.exists():
            terms = parse_glossary(path)
            ids[language] = [term.id for term in terms]
            problems += [
                Problem(str(path), 1, f"glossary term {term.id}: no lesson {term.lesson}")
                for term in terms
                if term.lesson is not None and term.lesson not in lesson_ids
            ]
    if ids and len({tuple(v) for v in ids.values()}) > 1:
        for language, language_ids in ids.items():
            if language_ids != ids.get(reference, language_ids):
                path = content_dir / "glossary" / f"{language}.yaml"
                problems.append(Problem(str(path), 1, f"glossary ids differ from {reference}.yaml"))
    return problems


def _glossary_passages(
    content_dir: Path, languages: Sequence[Language]
) -> dict[Language, dict[str, Passage]]:
    paths = {language: content_dir / "glossary" / f"{language}.yaml" for language in languages}
    return {language: glossary_passages(path) for language, path in paths.items() if path.exists()}


def _check_style(
    content_dir: Path,
    languages: Sequence[Language],
    outline: tuple[OutlineModule, ...],
    lessons: dict[tuple[Language, str], Lesson],
    glossaries: dict[Language, dict[str, Passage]],
    pools: dict[Language, list[Passage]],
) -> list[Problem]:
    problems: list[Problem] = []
    for language in languages:
        path = content_dir / "style" / f"{language}.yaml"
        if not path.exists():
            continue
        rules, problems_in_sheet = load_style(path)
        passages = [
            *(
                p
                for (lang, _), lesson in lessons.items()
                if lang == language
                for p in lesson_passages(lesson)
            ),
            *glossaries.get(language, {}).values(),
            *(
                p
                for module in outline
                for p in _module_file_passages(content_dir, language, module)
            ),
            *pools.get(language, ()),
        ]
        problems += problems_in_sheet + list(check_style(rules, passages))
    return problems


def _module_file_passages(
    content_dir: Path, language: Language, module: OutlineModule
) -> list[Passage]:
    path = content_dir / language / module.id / "_module.yaml"
    return list(module_passages(path, language)) if path.exists() else []


def _check_facts(
    content_dir: Path,
    languages: Sequence[Language],
    outline: tuple[OutlineModule, ...],
    lessons: dict[tuple[Language, str], Lesson],
    glossaries: dict[Language, dict[str, Passage]],
    today: date,
    pools: dict[Language, list[Passage]],
) -> tuple[list[Problem], list[Problem]]:
    """Return the register's problems and its warnings (facts due for a new check)."""
    path = content_dir / FACTS_REGISTER
    if not path.exists():
        return [], []
    register, problems = load_register(path)
    lesson_ids = {lesson.id for module in outline for lesson in module.lessons}
    glossary_ids = {term for terms in glossaries.values() for term in terms}
    problems += check_register(register, languages, lesson_ids, glossary_ids)
    for language in languages:
        texts = {
            lesson_id: list(lesson_passages(lesson))
            for (lang, lesson_id), lesson in lessons.items()
            if lang == language
        }
        texts |= {f"glossary:{term}": [p] for term, p in glossaries.get(language, {}).items()}
        problems += check_statements(register, language, texts)
        problems += check_unlisted(register, language, pools.get(language, []))
    return problems, list(stale_facts(register, today))


def _other_language_folders(content_dir: Path, languages: Sequence[Language]) -> list[Problem]:
    codes = ", ".join(languages)
    return [
        Problem(
            str(folder),
            0,
            f"{folder.name!r} is not one of the languages ({codes}), "
            "so its lessons are neither checked nor offered",
        )
        for folder in sorted(content_dir.iterdir())
        if folder.is_dir() and folder.name not in {*languages, *NOT_LANGUAGE_FOLDERS}
    ]


def _readability(lesson: Lesson) -> LessonReadability:
    stats = measure([card.text for card in lesson.cards])
    return LessonReadability(
        language=lesson.language,
        lesson_id=lesson.id,
        words_per_sentence=stats.words_per_sentence,
        max_card_words=max((len(words(card.text)) for card in lesson.cards), default=0),
    )
