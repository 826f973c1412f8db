"""`tutor chat` as a person uses it: a real process, piped input, progress kept between runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.course.loader import load_course
from bot.paths import PROJECT_ROOT

LESSON = "basics/what-is-ai"


@pytest.fixture(autouse=True)
def _shared_index(course_index_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The course is embedded once per test run; the chat processes open that index.
    monkeypatch.setenv("TUTOR_INDEX_DIR", str(course_index_dir))


def run_chat(data_dir: Path, lines: list[str], *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TUTOR_", "TELEGRAM_"))}
    env["TUTOR_DATA_DIR"] = str(data_dir)
    env["TUTOR_INDEX_DIR"] = os.environ["TUTOR_INDEX_DIR"]
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat", *args],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=data_dir,
        timeout=300,
        check=True,
    )
    return result.stdout


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_a_full_lesson_and_quiz_from_piped_input_then_progress_is_kept(
    tmp_path: Path, language: str
) -> None:
    lesson = load_course(PROJECT_ROOT / "content").lesson(language, LESSON)  # type: ignore[arg-type]
    assert lesson is not None
    # Start the first lesson, read every card (Next is button 1 on the first card, then 2 after
    # Back), take the quiz always answering A, and look at the progress.
    lines = ["1"]  # "Start: <first lesson>"
    lines += ["2" if index else "1" for index in range(len(lesson.cards) - 1)]  # Next
    lines += ["2"]  # Take the quiz (after Back on the last card)
    for index in range(len(lesson.quiz)):
        lines.append("1")  # answer A
        if index + 1 < len(lesson.quiz):
            lines.append("1")  # Next question
    lines.append("/progress")
    output = run_chat(tmp_path, lines, "--lang", language, "--user", "tester")
    for card in lesson.cards:
        assert card.body.splitlines()[0] in output
    for item in lesson.quiz:
        assert item.question in output
    right = sum(1 for item in lesson.quiz if item.correct == 0)
    assert f"✅ {lesson.title}: {right}/{len(lesson.quiz)}" in output.replace(
        "\u202f", " "
    ).replace(" :", ":")
    again = run_chat(tmp_path, ["/progress"], "--lang", language, "--user", "tester")
    assert f"{right}/{len(lesson.quiz)}" in again
    other = run_chat(tmp_path, ["/progress"], "--lang", language, "--user", "someone-else")
    assert f"{right}/{len(lesson.quiz)}" not in other


def test_the_chat_exits_cleanly_at_end_of_input_and_on_quit(tmp_path: Path) -> None:
    assert "/quit" in run_chat(tmp_path, ["/quit", "/help"], "--lang", "en")
    output = run_chat(tmp_path, [], "--lang", "en")
    assert "What would you like to do?" in output


def test_an_invalid_setting_gives_one_clear_line(tmp_path: Path) -> None:
    env = dict(os.environ, TUTOR_QUIZ_STYLE="carousel", TUTOR_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input="",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "Invalid setting TUTOR_QUIZ_STYLE: Input should be 'buttons' or 'poll'"
    ]
