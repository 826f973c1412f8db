"""`tutor ingest`, `tutor search` and `tutor eval retrieval`."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any, Final

from bot.adapters.search.evaluation import DEV_CASES, CasesError, evaluate, load_cases
from bot.cli_args import whole_number
from bot.config import Settings
from bot.course.loader import load_course

# `tutor search --k`: more lessons than a screen shows say nothing more.
MOST_SHOWN: Final = 20


def add_commands(commands: Any) -> None:
    """Add the retrieval subcommands to the command parser."""
    ingest = commands.add_parser("ingest", help="index the course for search (only what changed)")
    ingest.add_argument("--rebuild", action="store_true", help="drop the index and embed it all")
    ingest.set_defaults(handler=_ingest)

    search = commands.add_parser("search", help="find the lessons that answer a question")
    search.add_argument("text", type=_question, help="the question, as a learner would type it")
    search.add_argument(
        "--lang",
        help="search in, one of TUTOR_LANGUAGES (default: as the tutor answers a learner of "
        "TUTOR_DEFAULT_LANGUAGE: that language, unless the question is clearly in another)",
    )
    search.add_argument(
        "--k", type=_lesson_count, default=5, help="how many lessons, 1 to 20 (default 5)"
    )
    search.add_argument("--json", action="store_true", help="print the result as JSON")
    search.set_defaults(handler=_search)

    evaluation = commands.add_parser("eval", help="measure the tutor on questions with answers")
    suites = evaluation.add_subparsers(dest="suite", required=True, metavar="SUITE")
    retrieval = suites.add_parser("retrieval", help="hit@1, hit@3, MRR@5 and latency of search")
    retrieval.add_argument(
        "--cases", type=Path, default=DEV_CASES, help=f"cases file (default: {DEV_CASES.name})"
    )
    retrieval.add_argument("--json", action="store_true", help="print the report as JSON")
    retrieval.set_defaults(handler=_eval_retrieval)


def _ingest(settings: Settings, args: argparse.Namespace) -> int:
    from bot.adapters.search.search import index_course, terminal_progress

    report = index_course(
        settings,
        load_course(settings.content_dir, settings.languages.codes),
        rebuild=args.rebuild,
        progress=terminal_progress(),
    )
    print(
        f"Index ready: {report.lessons} lessons, {report.embedded_lessons} embedded "
        f"({report.embedded_chunks} chunks), {report.removed_lessons} removed, "
        f"{report.seconds:.1f} s."
    )
    return 0


def _question(text: str) -> str:
    """Read the question to search for: some words, not an empty string."""
    if not text.strip():
        raise argparse.ArgumentTypeError("give a question, as a learner would type it")
    return text


def _search(settings: Settings, args: argparse.Namespace) -> int:
    from bot.adapters.search.search import open_retriever, terminal_progress
    from bot.core.reply_language import ReplyLanguageRule
    from bot.language import LanguageDetector

    languages = settings.languages
    # The detector alone takes a short English "what is chatgpt" for Dutch; the tutor keeps a
    # learner's language for it, and so does this command, for a learner of the default one.
    language = (
        languages.profile(args.lang).code
        if args.lang
        else ReplyLanguageRule(languages)
        .choose(args.text, settings.default_language, LanguageDetector(languages))
        .language
    )
    retriever = open_retriever(
        settings, load_course(settings.content_dir, languages.codes), progress=terminal_progress()
    )
    try:
        result = retriever.search_sync(args.text, language, k=args.k)
    finally:
        asyncio.run(retriever.close())
    if args.json:
        json.dump(
            {
                "language": result.language,
                "confident": result.confident,
                "hits": [
                    {
                        "lesson_id": hit.lesson_id,
                        "title": hit.title,
                        "score": hit.score,
                        "card_index": hit.card_index,
                        "passage": hit.passage,
                    }
                    for hit in result.hits
                ],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
        return 0
    sure = "confident" if result.confident else "not confident: the tutor offers the menu"
    print(f"Language: {result.language} ({sure})")
    for number, hit in enumerate(result.hits, 1):
        print(f"{number}. {hit.score:.3f}  {hit.lesson_id}  {hit.title}")
    if result.hits:
        print(f"\n{result.hits[0].passage}")
    return 0


def _eval_retrieval(settings: Settings, args: argparse.Namespace) -> int:
    course = load_course(settings.content_dir, settings.languages.codes)
    lesson_ids = {id_ for code in settings.languages.codes for id_ in course.lesson_order(code)}
    try:
        cases = load_cases(settings.languages.codes, args.cases, lesson_ids)
    except CasesError as error:
        print(error, file=sys.stderr)
        return 2
    from bot.adapters.search.search import open_retriever, terminal_progress

    retriever = open_retriever(settings, course, progress=terminal_progress())
    try:
        report = evaluate(
            lambda text, language: [
                hit.lesson_id for hit in retriever.search_sync(text, language).hits
            ],
            cases,
            settings.languages.codes,
        )
    finally:
        asyncio.run(retriever.close())
    if args.json:
        json.dump(report.as_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(report.as_text())
    return 0


def _lesson_count(text: str) -> int:
    """Read how many lessons to show, 1 to `MOST_SHOWN`, for argparse."""
    return whole_number(text, 1, MOST_SHOWN, f"a number of lessons, 1 to {MOST_SHOWN}")
