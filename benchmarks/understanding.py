"""Benchmark how the tutor understands learners: the topic gate, typos and unseen phrasings.

Measures, per language, on a course index built from scratch (or `--index-dir`):

- the topic gate: the share of off-topic probes redirected and of course questions answered,
  with the gate and with the rule before it (the best lesson's similarity, or a course word);
- retrieval (hit@1, hit@3, MRR@5, search p50/p95 warm) on the learner questions (development
  and held-out), the older sets, and a typo variant of each (benchmarks/_typos.py);
- answer cards: the share of questions of eval/cards answered with the card readers chose from
  the right lesson;
- small talk: the share of stray messages (eval/smalltalk/messages.yaml) read as what they ask
  for, and the learner questions taken for small talk (there should be none);
- with `--fit-gate`, the gate's weights fitted again on the development sets (printed, not
  applied: they are copied into bot/features/answers/gate.py by hand).

Which sets were used for what (also in the JSON, under "sets"):
- eval/learners/dev-*.yaml, eval/retrieval-dev.yaml, eval/retrieval-syllabus.yaml: development
  (ranking and the gate were tuned on them);
- eval/learners/holdout-*.yaml: never tuned on, reported only;
- eval/off-topic/<lang>.yaml: the first six probes of each topic tuned the gate, the last three
  of each topic are held out; eval/off-topic-dev.yaml: development probes;
- eval/cards/<lang>.yaml: the tuning split chose how a lesson's card is picked, the other is
  held out.

    .venv/bin/python -m benchmarks.understanding [--short] [--index-dir DIR] [--fit-gate]

`--short` (CI) leaves out the older sets.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
import yaml

from benchmarks._typos import SEED, with_typos
from bot.adapters.search.evaluation import EvalCase, EvalReport, evaluate, load_cases
from bot.adapters.search.search import Retriever, SearchResult, open_retriever
from bot.config import Language, Settings
from bot.core.languages import BUILT_IN
from bot.core.text import word_count
from bot.course.loader import load_course
from bot.course.model import Course
from bot.course.vocabulary import Vocabulary, ai_vocabulary, glossary_phrases
from bot.features.answers.definitions import Definitions
from bot.features.answers.flows import SHORT_WORDS
from bot.features.answers.follow_up import opens_as_follow_up, read_after, refers_back
from bot.features.answers.gate import WEIGHTS, GateWeights, on_topic
from bot.features.menu.typed_language import language_reader
from bot.features.smalltalk.kinds import Kind
from bot.features.smalltalk.recognise import phrasebook, words_file
from bot.features.smalltalk.requests import Request
from bot.features.smalltalk.stray import Phrases, StrayMessages
from bot.paths import PROJECT_ROOT

RESULTS: Final = PROJECT_ROOT / "benchmarks" / "results" / "understanding.json"
EVAL: Final = PROJECT_ROOT / "eval"
LANGUAGES: Final = BUILT_IN.codes
# Of each topic's probes in eval/off-topic/<lang>.yaml, the first ones tune, the rest are held out.
TUNING_PER_TOPIC: Final = 6
# The first follow-up pairs of each language's file are development, the others held out.
DEV_FOLLOW_UPS: Final = 40
# The gate lets this share of the learner development questions through.
ANSWERED_TARGET: Final = 0.975
SIGNALS: Final = ("relevance", "centrality", "everyday", "known_share", "lexical", "course_word")
# Retrieval before the spelling correction (hit@1, hit@3 per language, clean / with typos), measured
# with these sets and this typo generator on the ranking of main at a191e7c. The gate's "before"
# is measured in every run: it is the rule the gate replaced.
RETRIEVAL_BEFORE: Final = {
    "dev": {
        "clean": {"fr": (0.781, 0.912), "nl": (0.721, 0.884), "en": (0.833, 0.944)},
        "typos": {"fr": (0.642, 0.842), "nl": (0.600, 0.814), "en": (0.712, 0.870)},
    },
    "holdout": {
        "clean": {"fr": (0.698, 0.853), "nl": (0.612, 0.853), "en": (0.767, 0.938)},
        "typos": {"fr": (0.597, 0.830), "nl": (0.550, 0.752), "en": (0.667, 0.830)},
    },
    "retrieval_dev": {
        "clean": {"fr": (0.969, 1.0), "nl": (0.964, 0.964), "en": (0.935, 0.968)},
        "typos": {"fr": (0.812, 0.906), "nl": (0.571, 0.786), "en": (0.774, 0.871)},
    },
    "retrieval_syllabus": {
        "clean": {"fr": (0.896, 0.979), "nl": (0.833, 0.979), "en": (0.875, 0.896)},
        "typos": {"fr": (0.771, 0.917), "nl": (0.729, 0.896), "en": (0.729, 0.875)},
    },
}

# The share of eval/cards questions answered with a card readers chose, when any card of the
# lesson could answer (main at e3243d8).
CARDS_BEFORE: Final = {
    "tuning": {"fr": 0.5455, "nl": 0.5682, "en": 0.5909},
    "held_out": {"fr": 0.5455, "nl": 0.5, "en": 0.4545},
}


@dataclass(frozen=True)
class Probe:
    """A message in one language, and whether the course should answer it."""

    language: Language
    text: str
    on_topic: bool


def learner_cases(kind: str) -> tuple[EvalCase, ...]:
    """Return the learner questions of every language: `dev` or `holdout`."""
    return tuple(
        case
        for language in LANGUAGES
        for case in load_cases(LANGUAGES, EVAL / "learners" / f"{kind}-{language}.yaml")
    )


def off_topic_probes() -> dict[str, list[Probe]]:
    """Return the off-topic probes: tuning and held-out splits of eval/off-topic, and dev."""
    split: dict[str, list[Probe]] = {"tuning": [], "held_out": [], "dev": []}
    for language in LANGUAGES:
        seen: dict[str, int] = {}
        data = yaml.safe_load((EVAL / "off-topic" / f"{language}.yaml").read_text("utf-8"))
        for probe in data["probes"]:
            seen[probe["topic"]] = seen.get(probe["topic"], 0) + 1
            part = "tuning" if seen[probe["topic"]] <= TUNING_PER_TOPIC else "held_out"
            split[part].append(Probe(language, probe["q"], on_topic=False))
    dev = yaml.safe_load((EVAL / "off-topic-dev.yaml").read_text("utf-8"))
    for language, probes in dev["probes"].items():
        split["dev"] += [Probe(language, probe["q"], on_topic=False) for probe in probes]
    return split


def as_probes(cases: Sequence[EvalCase]) -> list[Probe]:
    """Return course questions as probes the gate should let through."""
    return [Probe(case.language, case.question, on_topic=True) for case in cases]


class Judge:
    """Run the search and both gate rules on probes."""

    def __init__(self, retriever: Retriever, vocabularies: dict[Language, Vocabulary]) -> None:
        self.retriever = retriever
        self.vocabularies = vocabularies
        self._cache: dict[tuple[str, str], tuple[SearchResult, bool]] = {}

    def look(self, probe: Probe) -> tuple[SearchResult, bool]:
        """Return the search result and whether the text names a course word."""
        key = (probe.language, probe.text)
        if key not in self._cache:
            result = self.retriever.search_sync(probe.text, probe.language)
            vocabulary = self.vocabularies[probe.language]
            # As the answers flow reads it: the words typed, or as the search read them.
            word = bool(vocabulary.find(probe.text) or vocabulary.find(result.read_as))
            self._cache[key] = (result, word)
        return self._cache[key]

    def rates(self, probes: Sequence[Probe]) -> dict[str, Any]:
        """Return, per language, the share each rule gets right, and the probes the gate misses."""
        per_language: dict[str, Any] = {}
        for language in LANGUAGES:
            mine = [probe for probe in probes if probe.language == language]
            if not mine:
                continue
            before = [self._before(probe) == probe.on_topic for probe in mine]
            after = [on_topic(*self.look(probe)) == probe.on_topic for probe in mine]
            per_language[language] = {
                "probes": len(mine),
                "before": round(sum(before) / len(mine), 4),
                "after": round(sum(after) / len(mine), 4),
                "missed": [p.text for p, right in zip(mine, after, strict=True) if not right],
            }
        return per_language

    def _before(self, probe: Probe) -> bool:
        result, word = self.look(probe)
        return bool(result.hits) and (result.confident or word)

    def features(self, probe: Probe) -> list[float]:
        """Return the gate's signals for one probe, in the order of SIGNALS."""
        result, word = self.look(probe)
        signals = result.signals
        return [
            signals.relevance,
            signals.centrality,
            signals.everyday,
            signals.known_share,
            signals.lexical,
            float(word),
        ]


def fit_gate(
    judge: Judge, course: Sequence[Probe], off: Sequence[Probe], learners: Sequence[Probe]
) -> GateWeights:
    """Fit a logistic regression on the signals, classes weighted equally, by gradient descent."""
    features = np.array([judge.features(probe) for probe in [*course, *off]], dtype=np.float64)
    labels = np.array([1.0] * len(course) + [0.0] * len(off))
    mean, spread = features.mean(axis=0), features.std(axis=0) + 1e-9
    scaled = (features - mean) / spread
    balance = np.where(labels == 1, 0.5 / labels.mean(), 0.5 / (1 - labels.mean()))
    weights, bias = np.zeros(scaled.shape[1]), 0.0
    for _ in range(5_000):
        error = (1 / (1 + np.exp(-(scaled @ weights + bias))) - labels) * balance
        weights -= 0.1 * (scaled.T @ error / len(labels) + 1e-3 * weights)
        bias -= 0.1 * float(error.mean())
    raw = np.round(weights / spread, 3)
    # Each language's threshold lets ANSWERED_TARGET of its learner questions through.
    thresholds = {}
    for language in LANGUAGES:
        mine = [judge.features(probe) for probe in learners if probe.language == language]
        scores = np.sort(np.array(mine) @ raw)
        thresholds[language] = round(float(scores[int(len(scores) * (1 - ANSWERED_TARGET))]), 3)
    values = dict(zip(SIGNALS, (float(w) for w in raw), strict=True))
    return GateWeights(**values, thresholds=thresholds)


def retrieval(retriever: Retriever, cases: Sequence[EvalCase]) -> dict[str, Any]:
    """Return hit@1, hit@3 and MRR@5 per language, and latency, clean and with typos."""

    def rank(text: str, language: Language) -> list[str]:
        return [hit.lesson_id for hit in retriever.search_sync(text, language).hits]

    def summary(report: EvalReport) -> dict[str, Any]:
        data = report.as_json()
        data["misses_at_3"] = [
            {"q": r.case.question, "lang": r.case.language, "got": list(r.got[:3])}
            for r in report.results
            if r.rank is None or r.rank > 3
        ]
        del data["cases"]
        return data

    return {
        "clean": summary(evaluate(rank, cases, LANGUAGES)),
        "typos": summary(evaluate(rank, with_typos(cases), LANGUAGES)),
        "unsure": unsure(retriever, cases),
    }


def unsure(retriever: Retriever, cases: Sequence[EvalCase]) -> dict[str, Any]:
    """Return, per language, the share of questions said unsure, and of those the right lesson."""
    found: dict[str, dict[str, Any]] = {}
    for language in LANGUAGES:
        results = [
            (retriever.search_sync(case.question, language), case)
            for case in cases
            if case.language == language
        ]
        said_unsure = [
            bool(result.hits) and result.hits[0].lesson_id in case.expect
            for result, case in results
            if not result.confident
        ]
        found[language] = {
            "share": round(len(said_unsure) / len(results), 4) if results else 0.0,
            "right_lesson_first": sum(said_unsure),
            "questions": len(said_unsure),
        }
    return found


def answer_cards(retriever: Retriever, course: Course) -> dict[str, Any]:
    """Return, per split and language, the share of questions answered with a card readers chose."""
    results: dict[str, Any] = {}
    for language in LANGUAGES:
        data = yaml.safe_load((EVAL / "cards" / f"{language}.yaml").read_text(encoding="utf-8"))
        for split, cases in data.items():
            right = sum(
                _card_shown(retriever, course, language, case) in case["cards"] for case in cases
            )
            results.setdefault(split, {})[language] = {
                "questions": len(cases),
                "right_card": round(right / len(cases), 4),
                "before": CARDS_BEFORE[split][language],
            }
    return results


def _card_shown(
    retriever: Retriever, course: Course, language: Language, case: dict[str, Any]
) -> str:
    """Return the heading of the card the search picks from the case's lesson."""
    lesson = course.lesson(language, case["lesson"])
    assert lesson is not None, case["lesson"]
    weight = retriever.languages.profile(language).search.lexical_weight
    card = retriever.evidence(case["q"], language).best_card(lesson.id, weight, len(lesson.cards))
    return lesson.cards[card or 0].heading


def small_talk(course: Any, learner_questions: Sequence[EvalCase], judge: Judge) -> dict[str, Any]:
    """Measure how stray messages are read, and that no course question is taken for one.

    A message no phrase covers goes to the question answerer, which reads it as small talk
    worded freely when the topic gate finds it outside the course and a phrase comes close in
    meaning (`bot/features/smalltalk/stray.py`): `read_right` counts both, `by_phrases` the
    phrases alone.
    """
    book = phrasebook(LANGUAGES, glossary_phrases(course))
    names = language_reader(BUILT_IN)
    stray = StrayMessages.usable(Phrases.of(words_file(), LANGUAGES), judge.retriever.embedder)

    def named(found: Request | None, text: str) -> str | None:
        if found is not None and found.command == "language" and names.named(text):
            return "language"  # /language shows the same buttons as a language named alone
        if found is not None:
            return f"command:{found.command}" if found.kind is Kind.COMMAND else found.kind.value
        return "language" if names.named(text) else None

    def freely(text: str, language: Language) -> Request | None:
        # As the answers flow reads it: a follow-up gets a request for the whole question.
        follow_ups = BUILT_IN.profile(language).follow_ups
        leans_back = opens_as_follow_up(text, follow_ups) or (
            refers_back(text, follow_ups) and word_count(text) <= SHORT_WORDS
        )
        if stray is None or leans_back:
            return None
        if on_topic(*judge.look(Probe(language, text, on_topic=False))):
            return None
        return stray.read(text)

    def read(text: str, language: Language) -> tuple[str | None, str | None]:
        found = book.read(text)
        by_phrases = named(found, text)
        if by_phrases is not None:
            return by_phrases, by_phrases
        return by_phrases, named(freely(text, language), text)

    data = yaml.safe_load((EVAL / "smalltalk" / "messages.yaml").read_text(encoding="utf-8"))
    results: dict[str, Any] = {}
    for split, by_language in data.items():
        for language, cases in by_language.items():
            wanted = [(c["text"], _expected(c["expect"])) for c in cases]
            readings = [(text, expect, read(text, language)) for text, expect in wanted]
            missed = [text for text, expect, (_, both) in readings if both not in expect]
            by_phrases = sum(phrases in expect for _, expect, (phrases, _) in readings)
            results.setdefault(split, {})[language] = {
                "messages": len(wanted),
                "read_right": round(1 - len(missed) / len(wanted), 4),
                "by_phrases": round(by_phrases / len(wanted), 4),
                "missed": missed,
            }
    taken = [
        case.question
        for case in learner_questions
        if book.kind(case.question) or freely(case.question, case.language)
    ]
    results["course_questions_taken_for_small_talk"] = {
        "questions": len(learner_questions),
        "taken": taken,
    }
    # Everyday questions the gate refuses, answered as small talk instead: "weer morgen
    # antwerpen" as a goodbye is worse than the refusal.
    probes = [probe for found in off_topic_probes().values() for probe in found]
    results["off_topic_taken_for_small_talk"] = {
        "probes": len(probes),
        "taken": [probe.text for probe in probes if freely(probe.text, probe.language)],
    }
    return results


def _expected(expect: str | list[str]) -> list[str]:
    """Return the readings that count as right: the language buttons, however they come."""
    found = expect if isinstance(expect, list) else [expect]
    if "language" in found or "command:language" in found:
        return [*found, "language", "command:language"]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="CI mode: the learner sets only")
    parser.add_argument("--index-dir", type=Path, help="a built index to reuse")
    parser.add_argument("--fit-gate", action="store_true", help="fit the gate's weights again")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        index_dir = args.index_dir or Path(folder) / "index"
        settings = Settings(_env_file=None, data_dir=Path(folder), index_dir=index_dir)
        course = load_course(settings.content_dir, LANGUAGES)
        started = time.perf_counter()
        retriever = open_retriever(settings, course)
        opened = time.perf_counter() - started
        results = measure(retriever, course, short=args.short, fit=args.fit_gate)
    results["index_open_seconds"] = round(opened, 2)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(results, indent=2, ensure_ascii=False))


@dataclass(frozen=True)
class FollowUp:
    """A course question, a follow-up that leans on it, and the lessons that answer both."""

    language: Language
    first: str
    follow: str
    expect: tuple[str, ...]  # empty: the follow-up is outside the course


def follow_up_cases() -> dict[str, list[FollowUp]]:
    """Return the follow-up pairs of every language, by split (the first 40 are development)."""
    splits: dict[str, list[FollowUp]] = {"dev": [], "held_out": []}
    for language in LANGUAGES:
        data = yaml.safe_load((EVAL / "follow-ups" / f"{language}.yaml").read_text("utf-8"))
        for number, case in enumerate(data["cases"]):
            expect = () if case["expect"] == "off" else tuple(case["expect"])
            pair = FollowUp(language, case["first"], case["follow"], expect)
            splits["dev" if number < DEV_FOLLOW_UPS else "held_out"].append(pair)
    return splits


def follow_ups(judge: Judge, definitions: Definitions) -> dict[str, Any]:
    """Measure follow-ups without a model, as the answers flow reads them after the question.

    Per language: of the follow-ups the course answers, the share answered (the gate lets the
    question through, alone or read after the first) and answered with a right lesson first or in
    the top 3; of those outside the course, the share not answered.
    """
    results: dict[str, Any] = {}
    for split, cases in follow_up_cases().items():
        results[split] = {}
        for language in LANGUAGES:
            mine = [case for case in cases if case.language == language]
            outcomes = [_follow_up(judge, definitions, case) for case in mine]
            course = [o for case, o in zip(mine, outcomes, strict=True) if case.expect]
            off = [o for case, o in zip(mine, outcomes, strict=True) if not case.expect]
            results[split][language] = {
                "course_follow_ups": len(course),
                "answered": _share(o.answered for o in course),
                "right_first": _share(o.rank == 1 for o in course),
                "right_in_3": _share(o.rank is not None and o.rank <= 3 for o in course),
                "off_follow_ups": len(off),
                "off_not_answered": _share(not o.answered for o in off),
                "read_after_first": _share(o.read_after for o in outcomes),
                "same_card_again": _share(o.repeated for o in course if o.repeated is not None),
            }
    return results


def reading(judge: Judge, questions: Sequence[EvalCase], off: Sequence[Probe]) -> dict[str, Any]:
    """Measure the gate on questions asked in a lesson, as the answers flow reads them there.

    Per language: the course questions answered, asked anywhere and asked in the lesson that
    answers them; and the share of off-topic probes answered if asked in the lesson they find
    first, the worst case (asked in another lesson, nothing changes for them).
    """
    results: dict[str, Any] = {}
    for language in LANGUAGES:
        mine = [case for case in questions if case.language == language]
        looks = [judge.look(Probe(language, case.question, True)) for case in mine]
        in_lesson = [
            on_topic(result, word, next((e for e in case.expect if e == _first(result)), None))
            for case, (result, word) in zip(mine, looks, strict=True)
        ]
        probes = [judge.look(probe) for probe in off if probe.language == language]
        results[language] = {
            "course_questions": len(mine),
            "answered_anywhere": _share(on_topic(*look) for look in looks),
            "answered_in_their_lesson": _share(in_lesson),
            "off_topic_probes": len(probes),
            "off_answered_in_their_first_lesson": _share(
                on_topic(result, word, _first(result)) for result, word in probes
            ),
        }
    return results


def _first(result: SearchResult) -> str | None:
    return result.hits[0].lesson_id if result.hits else None


@dataclass(frozen=True)
class _FollowUpOutcome:
    read_after: bool
    answered: bool
    rank: int | None  # of the first right lesson among those shown, when answered
    # Read after the first question and answered with a card: the first question's card again
    repeated: bool | None = None


def _follow_up(judge: Judge, definitions: Definitions, case: FollowUp) -> _FollowUpOutcome:
    alone, names_a_topic = judge.look(Probe(case.language, case.follow, bool(case.expect)))
    asked_about = definitions.find(case.first, case.language)
    context = asked_about.term.term if asked_about else case.first
    follow_ups = BUILT_IN.profile(case.language).follow_ups
    together = read_after(case.follow, context, alone, names_a_topic, follow_ups)
    read = together or case.follow
    result, word = judge.look(Probe(case.language, read, bool(case.expect)))
    answered = on_topic(result, word)
    lessons = [hit.lesson_id for hit in result.hits]
    rank = next((n for n, lesson in enumerate(lessons, 1) if lesson in case.expect), None)
    repeated = None
    if together is not None and answered:
        # As the answers flow does: the card shown for the first question (after a definition,
        # the term's own card) is not shown again.
        shown = judge.retriever.search_sync(context, case.language).hits[0].shown
        then = judge.retriever.search_sync(read, case.language, shown=shown).hits[0]
        repeated = then.shown == shown
    return _FollowUpOutcome(together is not None, answered, rank if answered else None, repeated)


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return round(sum(values) / len(values), 4) if values else 0.0


def measure(retriever: Retriever, course: Course, *, short: bool, fit: bool) -> dict[str, Any]:
    """Measure the gate and retrieval on every set."""
    vocabularies = {language: ai_vocabulary(course, language) for language in LANGUAGES}
    judge = Judge(retriever, vocabularies)
    learners = {"dev": learner_cases("dev"), "holdout": learner_cases("holdout")}
    older = (
        {}
        if short
        else {
            "retrieval_dev": load_cases(LANGUAGES, EVAL / "retrieval-dev.yaml"),
            "retrieval_syllabus": load_cases(LANGUAGES, EVAL / "retrieval-syllabus.yaml"),
        }
    )
    probes = off_topic_probes()
    for case in [*learners["dev"], *learners["dev"]]:  # warm every path before timing it
        retriever.search_sync(case.question, case.language)
    results: dict[str, Any] = {
        "sets": {
            "development": [
                "eval/learners/dev-*.yaml",
                "eval/retrieval-dev.yaml",
                "eval/retrieval-syllabus.yaml",
                "eval/off-topic-dev.yaml",
                f"eval/off-topic/*.yaml, first {TUNING_PER_TOPIC} of each topic",
                "eval/smalltalk/messages.yaml, dev",
                "eval/cards/*.yaml, tuning",
                f"eval/follow-ups/*.yaml, first {DEV_FOLLOW_UPS}",
            ],
            "held_out": [
                "eval/learners/holdout-*.yaml",
                f"eval/off-topic/*.yaml, after the first {TUNING_PER_TOPIC} of each topic",
                "eval/smalltalk/messages.yaml, holdout",
                "eval/cards/*.yaml, held_out",
                f"eval/follow-ups/*.yaml, after the first {DEV_FOLLOW_UPS}",
            ],
            "typo_seed": SEED,
        },
        "gate": {
            "model": retriever.embedder.model,
            "fitted": retriever.embedder.model in WEIGHTS,
            "off_topic_redirected": {part: judge.rates(found) for part, found in probes.items()},
            "course_answered": {
                name: judge.rates(as_probes(cases)) for name, cases in {**learners, **older}.items()
            },
        },
        "retrieval": {
            name: retrieval(retriever, cases) for name, cases in {**learners, **older}.items()
        },
        "retrieval_before_hit_at_1_and_3": RETRIEVAL_BEFORE,
        "answer_cards": answer_cards(retriever, course),
        "small_talk": small_talk(course, [*learners["dev"], *learners["holdout"]], judge),
        "follow_ups": follow_ups(judge, Definitions(course, BUILT_IN)),
        "reading": reading(judge, learners["dev"], [*probes["tuning"], *probes["dev"]]),
    }
    if fit:
        course_probes = as_probes(
            [
                *learners["dev"],
                *older.get("retrieval_dev", ()),
                *older.get("retrieval_syllabus", ()),
            ]
        )
        off = [*probes["tuning"], *probes["dev"]]
        weights = fit_gate(judge, course_probes, off, as_probes(learners["dev"]))
        results["fitted_gate"] = weights.__dict__
    return results


if __name__ == "__main__":
    main()
