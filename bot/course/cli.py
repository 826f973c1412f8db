"""`tutor content check | list | stats`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.course.checks import check_content
from bot.course.fairness import measure_fairness
from bot.course.loader import load_course
from bot.course.report import course_stats, lessons_as_json
from bot.paths import PROJECT_ROOT

SHARED_SYLLABUS = PROJECT_ROOT.parent / "shared" / "syllabus.yaml"


def add_commands(commands: Any) -> None:
    """Add `tutor content ...` to the command parser."""
    content = commands.add_parser("content", help="check, list and measure the course")
    actions = content.add_subparsers(dest="action", required=True, metavar="ACTION")

    check = actions.add_parser("check", help="validate every lesson; exit 1 on any problem")
    check.add_argument(
        "--syllabus", type=Path, help="reference syllabus (default: ../shared if present)"
    )
    check.add_argument("--report", action="store_true", help="print readability per lesson")
    check.add_argument("--no-language", action="store_true", help="skip the language detector")
    check.add_argument(
        "--fairness-as-warnings",
        action="store_true",
        help="only warn when a quiz can be guessed from its form, while rewriting it",
    )
    check.set_defaults(handler=_check)

    fairness = actions.add_parser(
        "fairness", help="how far a form-only guesser gets in each language's quiz"
    )
    fairness.add_argument("--json", action="store_true", help="print the figures as JSON")
    fairness.set_defaults(handler=_fairness)

    listing = actions.add_parser("list", help="list every lesson")
    listing.add_argument("--json", action="store_true", help="print the full lessons as JSON")
    listing.set_defaults(handler=_list)

    stats = actions.add_parser(
        "stats", help="lessons, cards, quiz items and readability per language"
    )
    stats.set_defaults(handler=_stats)


def _check(settings: Settings, args: argparse.Namespace) -> int:
    syllabus = args.syllabus or (SHARED_SYLLABUS if SHARED_SYLLABUS.exists() else None)
    language_of = None
    if not args.no_language:
        from bot.language import LanguageDetector

        language_of = LanguageDetector(settings.languages, min_confidence=0.5).detect
    report = check_content(
        settings.content_dir,
        settings.languages.codes,
        settings.default_language,
        syllabus,
        language_of,
        fairness_as_warnings=args.fairness_as_warnings,
    )
    for figures in report.fairness:
        print(f"Quiz fairness {figures.summary()}")
    for figures in report.pool_fairness:
        print(f"Check pool fairness {figures.summary()}")
    if args.report:
        for entry in sorted(report.readability, key=lambda r: (r.language, r.lesson_id)):
            print(
                f"{entry.language} {entry.lesson_id:36} "
                f"{entry.words_per_sentence:5.1f} words/sentence  "
                f"longest card {entry.max_card_words} words"
            )
    for warning in report.warnings:
        print(f"WARNING {warning}", file=sys.stderr)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    lessons = len(report.readability)
    if report.ok:
        print(f"Content OK: {lessons} lessons checked.")
        return 0
    print(f"{len(report.problems)} problems in {lessons} lessons.", file=sys.stderr)
    return 1


def _list(settings: Settings, args: argparse.Namespace) -> int:
    lessons = lessons_as_json(load_course(settings.content_dir, settings.languages.codes))
    if args.json:
        json.dump(lessons, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for lesson in lessons:
            print(f"{lesson['lang']} {lesson['id']:36} {lesson['title']}")
    return 0


def _stats(settings: Settings, args: argparse.Namespace) -> int:
    print(
        f"{'lang':4} {'lessons':>7} {'cards':>6} {'quiz':>5} "
        f"{'words/sentence':>15} {'words/card':>11}"
    )
    for row in course_stats(load_course(settings.content_dir, settings.languages.codes)):
        print(
            f"{row.language:4} {row.lessons:7} {row.cards:6} {row.quiz_items:5} "
            f"{row.words_per_sentence:15.1f} {row.words_per_card:11.1f}"
        )
    return 0


def _fairness(settings: Settings, args: argparse.Namespace) -> int:
    course = load_course(settings.content_dir, settings.languages.codes)
    figures = [
        measure_fairness(language, course.all_lessons(language))
        for language in settings.languages.codes
    ]
    if args.json:
        json.dump([f.as_json() for f in figures], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for entry in figures:
            print(entry.summary())
    return 0
