"""Reading cases files and scoring rankings: hit@1, hit@3, MRR@5, per language."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.adapters.search.evaluation import DEV_CASES, CasesError, EvalCase, evaluate, load_cases
from bot.core.languages import BUILT_IN


def test_the_dev_cases_ship_with_the_project() -> None:
    cases = load_cases(BUILT_IN.codes)

    assert DEV_CASES.is_file()
    assert len(cases) > 50
    assert {case.language for case in cases} == {"fr", "nl", "en"}
    assert any(len(case.expect) > 1 for case in cases)


def test_a_cases_file_takes_one_id_or_a_list(tmp_path: Path) -> None:
    path = tmp_path / "cases.yaml"
    path.write_text(
        "cases:\n  - {lang: fr, q: un, expect: a/b}\n  - {lang: nl, q: twee, expect: [c/d, e/f]}\n",
        encoding="utf-8",
    )

    assert load_cases(BUILT_IN.codes, path) == (
        EvalCase("fr", "un", ("a/b",)),
        EvalCase("nl", "twee", ("c/d", "e/f")),
    )


@pytest.mark.parametrize(
    "text",
    [
        "cases: []\n",
        "cases:\n  - {lang: de, q: hallo, expect: a/b}\n",
        "cases:\n  - {lang: en, q: hello}\n",
        "cases: [unclosed\n",
        "- a list\n- of words\n",
        "just a sentence\n",
        "cases: 5\n",
    ],
)
def test_a_bad_cases_file_is_one_clear_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "cases.yaml"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(CasesError, match=str(path)) as error:
        load_cases(BUILT_IN.codes, path)
    assert "\n" not in str(error.value)


def test_a_cases_file_that_is_no_text_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "chart.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")

    with pytest.raises(CasesError, match="it is not a text file"):
        load_cases(BUILT_IN.codes, path)


def test_scores_overall_and_per_language() -> None:
    cases = [
        EvalCase("en", "first", ("a",)),
        EvalCase("en", "second", ("a",)),
        EvalCase("fr", "third", ("a", "z")),
        EvalCase("fr", "missing", ("a",)),
    ]
    answers = {"first": ["a", "b"], "second": ["b", "c", "a"], "third": ["z"], "missing": ["b"]}

    report = evaluate(lambda text, _language: answers[text], cases, BUILT_IN.codes)

    assert (report.overall.hit_at_1, report.overall.hit_at_3) == (0.5, 0.75)
    assert report.overall.mrr_at_5 == round((1 + 1 / 3 + 1 + 0) / 4, 4)
    assert report.per_language["en"].hit_at_1 == 0.5
    assert report.per_language["fr"].hit_at_3 == 0.5
    assert list(report.per_language) == ["fr", "en"]
    data = report.as_json()
    assert data["cases"][1] == {
        "q": "second",
        "lang": "en",
        "expect": ["a"],
        "got": ["b", "c", "a"],
    }
    assert data["latency_ms"]["p95"] >= data["latency_ms"]["p50"] >= 0
    assert "all" in report.as_text()
