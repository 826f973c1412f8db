"""`tutor ingest`, `tutor search` and `tutor eval retrieval` on a small course."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.support.retrieval import write_course


@pytest.fixture
def course_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # away from any developer `.env`
    monkeypatch.setenv("TUTOR_CONTENT_DIR", str(write_course(tmp_path)))
    monkeypatch.setenv("TUTOR_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def test_ingest_then_ingest_again(course_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest"]) == 0
    first = capsys.readouterr().out
    assert main(["ingest"]) == 0
    again = capsys.readouterr().out

    assert "9 lessons, 9 embedded" in first
    assert "9 lessons, 0 embedded (0 chunks), 0 removed" in again


def test_search_detects_the_language_and_prints_json(
    course_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    question = "waarom verzint de chatbot soms feiten die niet kloppen"
    assert main(["search", question, "--json", "--k", "2"]) == 0

    result = json.loads(capsys.readouterr().out)
    assert result["language"] == "nl"
    assert result["hits"][0]["lesson_id"] == "chatbots/hallucinations"
    assert result["hits"][0]["title"] == "Als chatbots dingen verzinnen"
    assert len(result["hits"]) <= 2


def test_search_keeps_the_default_language_for_a_short_question_full_of_tool_names(
    course_env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TUTOR_DEFAULT_LANGUAGE", "fr")
    assert main(["search", "what is chatgpt", "--json"]) == 0

    assert json.loads(capsys.readouterr().out)["language"] == "fr"


def test_eval_indexes_first_and_reports_json(
    course_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "retrieval", "--cases", str(course_env / "cases.yaml"), "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert report["hit_at_3"] == 1.0
    assert set(report["per_lang"]) == {"fr", "nl", "en"}
    assert set(report["latency_ms"]) == {"p50", "p95"}
    assert report["cases"][0] == {
        "q": "why does the chatbot invent facts",
        "lang": "en",
        "expect": ["chatbots/hallucinations"],
        "got": report["cases"][0]["got"],
    }
    assert report["cases"][0]["got"][0] == "chatbots/hallucinations"


def test_eval_prints_a_table(course_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "retrieval", "--cases", str(course_env / "cases.yaml")]) == 0

    table = capsys.readouterr().out
    assert "hit@1" in table
    assert "latency  p50" in table


def test_eval_refuses_a_bad_cases_file(
    course_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = course_env / "bad.yaml"
    bad.write_text("cases:\n  - {lang: de, q: hallo, expect: x}\n", encoding="utf-8")

    assert main(["eval", "retrieval", "--cases", str(bad)]) == 2
    assert "case 1 needs lang" in capsys.readouterr().err


@pytest.mark.parametrize("expect", ["basics/nope", "42"])
def test_eval_refuses_a_case_that_expects_no_lesson_of_the_course(
    course_env: Path, capsys: pytest.CaptureFixture[str], expect: str
) -> None:
    # A mistyped id scored 0 without a word, as if the search had failed.
    bad = course_env / "bad.yaml"
    bad.write_text(f"cases:\n  - {{lang: en, q: what is ai, expect: {expect}}}\n", "utf-8")

    assert main(["eval", "retrieval", "--cases", str(bad)]) == 2
    assert f"case 1 expects '{expect}', which is no lesson of the course" in capsys.readouterr().err


def test_text_a_terminal_did_not_give_as_utf8_is_one_clear_line(
    course_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "café" from a Latin-1 terminal, as Python decodes it from the command line.
    latin1 = b"caf\xe9 et IA".decode("utf-8", "surrogateescape")

    assert main(["search", latin1]) == 2
    assert "is not UTF-8 text: set your terminal to UTF-8" in capsys.readouterr().err


@pytest.mark.parametrize("count", ["-3", "0", "21", "five"])
def test_search_refuses_a_count_of_lessons_it_cannot_show(
    course_env: Path, capsys: pytest.CaptureFixture[str], count: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["search", "chatbot", "--k", count])

    assert stopped.value.code == 2
    assert "--k: a number of lessons, 1 to 20" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["", "   "])
def test_search_refuses_an_empty_question(
    course_env: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["search", text])

    assert stopped.value.code == 2
    assert "give a question, as a learner would type it" in capsys.readouterr().err
