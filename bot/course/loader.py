"""Read the course from `content/`: the outline, lessons, modules, glossary and speech lists."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

from bot.config import Language
from bot.core.yaml_text import SafeLoader, parse_yaml
from bot.course.model import (
    Card,
    CheckItem,
    Course,
    GlossaryTerm,
    Lesson,
    Module,
    PracticeTask,
    QuizItem,
)
from bot.course.speech import SpeechList, parse_speech_list


def load_yaml_with_nodes(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse YAML once into data and the node tree that knows each value's line."""
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        return (None if node is None else loader.construct_document(node)), node
    finally:
        loader.dispose()


def list_item_lines(node: yaml.Node | None, key: str) -> list[int]:
    """Return the file line where each item of the top-level list `key` starts."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if key_node.value == key and isinstance(value, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in value.value]
    return []


FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
FRONT_MATTER_LINE = 2  # the front matter starts on the line after the opening ---
CARD_HEADING = re.compile(r"^## +(.+?)\s*$", re.MULTILINE)
QUIZ_ITEM_ID = re.compile(r"[a-z][a-z0-9-]{1,31}")


class ContentError(Exception):
    """A content file that cannot be read; carries the file and line."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


@dataclass(frozen=True)
class OutlineLesson:
    """One lesson of the syllabus: what it must teach."""

    id: str
    title: str
    objective: str
    must_cover: tuple[str, ...]


@dataclass(frozen=True)
class OutlineModule:
    """One module of the syllabus."""

    id: str
    title: str
    lessons: tuple[OutlineLesson, ...]


def load_outline(path: Path) -> tuple[OutlineModule, ...]:
    """Read a syllabus file (`modules: [{id, title, lessons: [...]}]`)."""
    data = parse_yaml(path.read_text(encoding="utf-8"))
    return tuple(
        OutlineModule(
            id=module["id"],
            title=module["title"],
            lessons=tuple(
                OutlineLesson(
                    id=lesson["id"],
                    title=lesson["title"],
                    objective=lesson.get("objective", ""),
                    must_cover=tuple(lesson.get("must_cover", ())),
                )
                for lesson in module["lessons"]
            ),
        )
        for module in data["modules"]
    )


def parse_lesson(path: Path, language: Language) -> Lesson:
    """Parse one lesson file: YAML front matter, then `## Heading` cards."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if match is None:
        raise ContentError(path, 1, "the file must start with YAML front matter between --- lines")
    try:
        meta, meta_node = load_yaml_with_nodes(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + FRONT_MATTER_LINE if mark is not None else 1
        raise ContentError(path, line, f"invalid YAML: {error}") from None
    meta = meta or {}
    if not isinstance(meta, dict):
        raise ContentError(path, 2, "the front matter must be a mapping")
    body_offset = text[: match.end()].count("\n")
    body = text[match.end() :]
    return Lesson(
        id=_required(meta, "id", path),
        language=language,
        title=_required(meta, "title", path),
        keywords=tuple(str(k) for k in meta.get("keywords") or ()),
        cards=_parse_cards(body, body_offset, path),
        quiz=_parse_quiz(meta.get("quiz") or [], _quiz_item_lines(meta_node), path),
        path=str(path),
        simple=_string_list(meta.get("simple"), "simple", path),
        learner_questions=_string_list(meta.get("learner_questions"), "learner_questions", path),
    )


def _string_list(value: Any, key: str, path: Path) -> tuple[str, ...]:
    """Read a front-matter list of non-empty strings (missing: empty)."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ContentError(path, FRONT_MATTER_LINE, f"`{key}` must be a list of non-empty strings")
    return tuple(" ".join(v.split()) for v in value)


def _required(meta: dict[str, Any], key: str, path: Path) -> str:
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContentError(path, 2, f"front matter needs a non-empty `{key}`")
    return value.strip()


def _parse_cards(body: str, line_offset: int, path: Path) -> tuple[Card, ...]:
    headings = list(CARD_HEADING.finditer(body))
    if not headings:
        raise ContentError(path, line_offset + 1, "no card: each card starts with a `## Heading`")
    if body[: headings[0].start()].strip():
        line = line_offset + 1
        raise ContentError(path, line, "text before the first `## Heading` belongs to no card")
    cards = []
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(body)
        card_body = body[heading.end() : end].strip()
        line = line_offset + body[: heading.start()].count("\n") + 1
        cards.append(Card(heading=heading.group(1).strip(), body=card_body, line=line))
    return tuple(cards)


def _quiz_item_lines(front_matter: yaml.Node | None) -> list[int]:
    """Return the file line where each item of the front matter's `quiz` list starts."""
    lines: list[int] = []
    if isinstance(front_matter, yaml.MappingNode):
        # Like the mapping YAML builds, the last `quiz` key wins.
        for key, value in front_matter.value:
            if key.value == "quiz":
                items = value.value if isinstance(value, yaml.SequenceNode) else []
                lines = [item.start_mark.line + FRONT_MATTER_LINE for item in items]
    return lines


def _parse_quiz(items: Any, lines: list[int], path: Path) -> tuple[QuizItem, ...]:
    if not isinstance(items, list):
        raise ContentError(path, FRONT_MATTER_LINE, "`quiz` must be a list of items")
    return tuple(
        _parse_quiz_item(item, path, number, line)
        for number, (item, line) in enumerate(zip(items, lines, strict=True))
    )


def _parse_quiz_item(item: Any, path: Path, number: int, line: int) -> QuizItem:
    if not isinstance(item, dict):
        raise ContentError(path, line, f"quiz item {number + 1} must be a mapping")
    options = item.get("options") or []
    explanations = item.get("explanations") or []
    correct = item.get("correct")
    if not isinstance(correct, int):
        raise ContentError(path, line, f"quiz item {number + 1} needs `correct`, a whole number")
    return QuizItem(
        id=_quiz_item_id(item, path, number, line),
        question=str(item.get("question", "")).strip(),
        options=tuple(str(o).strip() for o in options),
        correct=correct,
        explanations=tuple(str(e).strip() for e in explanations),
        line=line,
    )


def _quiz_item_id(item: dict[str, Any], path: Path, number: int, line: int) -> str:
    item_id = item.get("id")
    if item_id is None:
        raise ContentError(path, line, f"quiz item {number + 1} needs an `id`, e.g. `spam-filter`")
    if not isinstance(item_id, str) or not QUIZ_ITEM_ID.fullmatch(item_id):
        raise ContentError(
            path,
            line,
            f"quiz item {number + 1}: id {item_id!r} must be kebab-case: 2 to 32 lowercase "
            "letters, digits and hyphens, starting with a letter",
        )
    return item_id


def parse_module(
    path: Path, module_id: str, language: Language, lesson_ids: tuple[str, ...]
) -> Module:
    """Parse a `_module.yaml` file into a module with its syllabus lesson order."""
    data = cast("dict[str, Any]", parse_yaml(path.read_text(encoding="utf-8")) or {})
    practice = tuple(
        PracticeTask(
            id=str(p["id"]),
            task=str(p["task"]).strip(),
            hint=str(p.get("hint", "")).strip(),
            topics=_topics(p.get("topics"), path),
        )
        for p in data.get("practice") or ()
    )
    return Module(
        id=module_id,
        language=language,
        title=str(data.get("title", module_id)),
        lesson_ids=lesson_ids,
        practice=practice,
    )


def _topics(value: Any, path: Path) -> tuple[tuple[str, ...], ...]:
    """Read a task's `topics`: a list of groups, each a list of words (missing: none)."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(g, list) and g for g in value):
        raise ContentError(path, 1, "`topics` must be a list of groups, each a list of words")
    return tuple(tuple(str(word).strip() for word in group) for group in value)


def parse_glossary(path: Path) -> tuple[GlossaryTerm, ...]:
    """Parse a glossary file (`terms: [{id, term, aliases, definition, lesson?, everyday?}]`)."""
    data = cast("dict[str, Any]", parse_yaml(path.read_text(encoding="utf-8")) or {})
    return tuple(
        GlossaryTerm(
            id=str(term["id"]),
            term=str(term["term"]),
            aliases=tuple(str(a) for a in term.get("aliases") or ()),
            definition=str(term["definition"]).strip(),
            lesson=str(term["lesson"]) if term.get("lesson") else None,
            everyday=bool(term.get("everyday", False)),
        )
        for term in data.get("terms") or ()
    )


CHECKS_FOLDER = "checks"
CHECK_FORMS = ("A", "B")  # the check-in's form, then the check-out's


def check_pool_path(content_dir: Path, language: Language) -> Path:
    """Return where a language's check-in/check-out pool lives."""
    return content_dir / CHECKS_FOLDER / f"{language}.yaml"


def parse_check_pool(path: Path) -> tuple[CheckItem, ...]:
    """Parse a check pool (`items: [{id, module, form, question, options, correct, ...}]`)."""
    try:
        data, node = load_yaml_with_nodes(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ContentError(path, mark.line + 1 if mark else 1, f"invalid YAML: {error}") from None
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ContentError(path, 1, "a check pool needs `items`, a list of questions")
    lines = list_item_lines(node, "items")
    return tuple(
        _check_item(item, path, number, line)
        for number, (item, line) in enumerate(zip(items, lines, strict=True))
    )


def _check_item(item: Any, path: Path, number: int, line: int) -> CheckItem:
    quiz_item = _parse_quiz_item(item, path, number, line)
    form = item.get("form")
    if form not in CHECK_FORMS:
        raise ContentError(path, line, f"item {number + 1}: `form` must be A or B, not {form!r}")
    module = item.get("module")
    if not isinstance(module, str) or not module:
        raise ContentError(path, line, f"item {number + 1} needs the `module` it checks")
    return CheckItem(**vars(quiz_item), module=module, form=form)


def load_course(content_dir: Path, languages: Iterable[Language]) -> Course:
    """Load every lesson the outline names that exists on disk, in each of the languages."""
    outline = load_outline(content_dir / "syllabus.yaml")
    modules: dict[Language, tuple[Module, ...]] = {}
    lessons: dict[tuple[Language, str], Lesson] = {}
    glossary: dict[Language, tuple[GlossaryTerm, ...]] = {}
    checks: dict[Language, tuple[CheckItem, ...]] = {}
    speech: dict[Language, SpeechList] = {}
    for language in languages:
        language_modules = []
        for outline_module in outline:
            present = []
            for outline_lesson in outline_module.lessons:
                path = lesson_path(content_dir, language, outline_lesson.id)
                if path.exists():
                    lessons[(language, outline_lesson.id)] = parse_lesson(path, language)
                    present.append(outline_lesson.id)
            module_file = content_dir / language / outline_module.id / "_module.yaml"
            if present and module_file.exists():
                language_modules.append(
                    parse_module(module_file, outline_module.id, language, tuple(present))
                )
            elif present:
                language_modules.append(
                    Module(outline_module.id, language, outline_module.title, tuple(present))
                )
        modules[language] = tuple(language_modules)
        glossary_file = content_dir / "glossary" / f"{language}.yaml"
        if glossary_file.exists():
            glossary[language] = parse_glossary(glossary_file)
        if (pool_file := check_pool_path(content_dir, language)).exists():
            checks[language] = parse_check_pool(pool_file)
        speech_file = content_dir / "speech" / f"{language}.yaml"
        if speech_file.exists():
            speech[language] = parse_speech_list(speech_file)
    return Course(modules=modules, lessons=lessons, glossary=glossary, checks=checks, speech=speech)


def lesson_path(content_dir: Path, language: Language, lesson_id: str) -> Path:
    """Return where a lesson's file lives."""
    return content_dir / language / f"{lesson_id}.md"
