"""Measure a ranker on questions with known answers: hit@1, hit@3, MRR@5 and latency."""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

from bot.config import Language
from bot.core.yaml_text import parse_yaml
from bot.paths import PROJECT_ROOT

DEV_CASES: Final = PROJECT_ROOT / "eval" / "retrieval-dev.yaml"
MRR_DEPTH: Final = 5

Ranker = Callable[[str, Language], Sequence[str]]


class CasesError(Exception):
    """A cases file that cannot be read; the message is one line for a person."""


@dataclass(frozen=True)
class EvalCase:
    """A question in one language and the lesson ids that answer it."""

    language: Language
    question: str
    expect: tuple[str, ...]


@dataclass(frozen=True)
class CaseResult:
    """The lessons a ranker returned for one case, and how long it took."""

    case: EvalCase
    got: tuple[str, ...]
    milliseconds: float

    @property
    def rank(self) -> int | None:
        """Return the 1-based position of the first expected lesson, if it came back."""
        return next((n for n, lid in enumerate(self.got, 1) if lid in self.case.expect), None)


@dataclass(frozen=True)
class Scores:
    """Quality over a set of cases."""

    cases: int
    hit_at_1: float
    hit_at_3: float
    mrr_at_5: float


@dataclass(frozen=True)
class EvalReport:
    """Quality overall and per language, latency, and every case's answer."""

    overall: Scores
    per_language: dict[Language, Scores]
    p50_ms: float
    p95_ms: float
    results: tuple[CaseResult, ...]

    def as_json(self) -> dict[str, Any]:
        """Return the report in the documented JSON shape."""
        return {
            "hit_at_1": self.overall.hit_at_1,
            "hit_at_3": self.overall.hit_at_3,
            "mrr_at_5": self.overall.mrr_at_5,
            "per_lang": {
                language: {
                    "cases": scores.cases,
                    "hit_at_1": scores.hit_at_1,
                    "hit_at_3": scores.hit_at_3,
                    "mrr_at_5": scores.mrr_at_5,
                }
                for language, scores in self.per_language.items()
            },
            "latency_ms": {"p50": self.p50_ms, "p95": self.p95_ms},
            "cases": [
                {
                    "q": result.case.question,
                    "lang": result.case.language,
                    "expect": list(result.case.expect),
                    "got": list(result.got),
                }
                for result in self.results
            ],
        }

    def as_text(self) -> str:
        """Return a short table for a terminal."""
        lines = [f"{'':8} {'cases':>5} {'hit@1':>6} {'hit@3':>6} {'MRR@5':>6}"]
        rows = [*self.per_language.items(), ("all", self.overall)]
        lines += [
            f"{name:8} {s.cases:5} {s.hit_at_1:6.2f} {s.hit_at_3:6.2f} {s.mrr_at_5:6.2f}"
            for name, s in rows
        ]
        lines.append(f"latency  p50 {self.p50_ms:.1f} ms  p95 {self.p95_ms:.1f} ms")
        return "\n".join(lines)


def load_cases(
    languages: Collection[Language],
    path: Path = DEV_CASES,
    lesson_ids: Collection[str] | None = None,
) -> tuple[EvalCase, ...]:
    """Read a cases file: `cases: [{lang, q, expect: id | [ids]}]`, each lang one of `languages`.

    With `lesson_ids`, every id a case expects must be one of them: a mistyped id scored 0.
    """
    try:
        data = parse_yaml(path.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise CasesError(f"Cannot read {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise CasesError(f"Cannot read {path}: it is not a text file") from None
    except yaml.MarkedYAMLError as error:
        where = f" on line {error.problem_mark.line + 1}" if error.problem_mark else ""
        raise CasesError(f"Cannot read {path}: invalid YAML{where}: {error.problem}") from None
    except yaml.YAMLError:
        raise CasesError(f"Cannot read {path}: invalid YAML") from None
    listed = data.get("cases") if isinstance(data, dict) else None
    if not isinstance(listed, list):
        raise CasesError(f"{path}: expected `cases:`, a list of {{lang, q, expect}}")
    cases = []
    for number, item in enumerate(listed, 1):
        if not isinstance(item, dict) or item.get("lang") not in languages or not item.get("q"):
            codes = ", ".join(languages)
            raise CasesError(f"{path}: case {number} needs lang (one of {codes}), q and expect")
        expect = item.get("expect")
        expected = tuple(expect) if isinstance(expect, list) else (str(expect),)
        if not expect or not all(expected):
            raise CasesError(f"{path}: case {number} needs expect, a lesson id or a list of ids")
        unknown = [str(id_) for id_ in expected if lesson_ids is not None and id_ not in lesson_ids]
        if unknown:
            raise CasesError(
                f"{path}: case {number} expects {unknown[0]!r}, which is no lesson of the course "
                "(see `tutor content list`)"
            )
        cases.append(EvalCase(item["lang"], str(item["q"]), expected))
    if not cases:
        raise CasesError(f"{path}: no cases")
    return tuple(cases)


def _percentile(values: Sequence[float], percent: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    position = (len(ordered) - 1) * percent / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _scores(results: Sequence[CaseResult]) -> Scores:
    ranks = [result.rank for result in results]
    count = len(ranks) or 1
    return Scores(
        cases=len(ranks),
        hit_at_1=round(sum(r == 1 for r in ranks) / count, 4),
        hit_at_3=round(sum(r is not None and r <= 3 for r in ranks) / count, 4),
        mrr_at_5=round(sum(1 / r for r in ranks if r is not None and r <= MRR_DEPTH) / count, 4),
    )


def evaluate(rank: Ranker, cases: Sequence[EvalCase], languages: Sequence[Language]) -> EvalReport:
    """Run every case through the ranker and score the lessons, overall and per language."""
    results = []
    for case in cases:
        started = time.perf_counter()
        got = tuple(rank(case.question, case.language))[:MRR_DEPTH]
        results.append(CaseResult(case, got, (time.perf_counter() - started) * 1000))
    latencies = [result.milliseconds for result in results]
    return EvalReport(
        overall=_scores(results),
        per_language={
            language: _scores([r for r in results if r.case.language == language])
            for language in languages
            if any(r.case.language == language for r in results)
        },
        p50_ms=round(_percentile(latencies, 50), 2),
        p95_ms=round(_percentile(latencies, 95), 2),
        results=tuple(results),
    )
