"""`tutor chat` as a person uses it: piped or typed input, progress kept, pushes shown."""

from __future__ import annotations

import asyncio
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.adapters.db.learners import SqlLearners
from bot.app import App, open_app
from bot.channels.terminal.channel import CHANNEL
from bot.channels.terminal.chat import TerminalChat, chat, user_folder
from bot.core.events import ButtonPress, Command, Sender
from bot.core.languages import BUILT_IN
from bot.course.loader import load_course
from bot.features.quiz.order import option_order
from bot.features.trainers import outbox
from bot.features.trainers.pushes import SqlPushes
from bot.features.trainers.repo import SqlCohorts
from bot.paths import PROJECT_ROOT
from tests.conftest import make_settings
from tests.support.speech import needs_audio_tools, probe

LESSON = "basics/what-is-ai"


@pytest.fixture(autouse=True)
def _shared_index(course_index_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The course is embedded once per test run; the chat processes open that index.
    monkeypatch.setenv("TUTOR_INDEX_DIR", str(course_index_dir))


def run_chat(data_dir: Path, lines: list[str], *args: str) -> str:
    return chat_process(data_dir, lines, *args).stdout


def chat_process(
    data_dir: Path, lines: list[str], *args: str, settings: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `tutor chat` on these lines, with the shared index unless `settings` say otherwise."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TUTOR_", "TELEGRAM_"))}
    env["TUTOR_DATA_DIR"] = str(data_dir)
    env["TUTOR_INDEX_DIR"] = os.environ["TUTOR_INDEX_DIR"]
    return subprocess.run(
        [sys.executable, "-m", "bot", "chat", *args],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env | (settings or {}),
        cwd=data_dir,
        timeout=300,
        check=True,
    )


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_a_full_lesson_and_quiz_from_piped_input_then_progress_is_kept(
    tmp_path: Path, language: str
) -> None:
    lesson = load_course(PROJECT_ROOT / "content", BUILT_IN.codes).lesson(language, LESSON)
    assert lesson is not None
    # Start the first lesson, read every card (Next, then Take the quiz, is always button 1),
    # take the quiz always answering the first option shown, and look at the progress.
    lines = ["1"]  # "Start: <first lesson>"
    lines += ["1"] * len(lesson.cards)  # Next on every card, then Take the quiz
    for index in range(len(lesson.quiz)):
        lines.append("1")  # the first option shown
        if index + 1 < len(lesson.quiz):
            lines.append("1")  # Next
    lines.append("/progress")
    output = run_chat(tmp_path, lines, "--lang", language, "--user", "tester")
    for card in lesson.cards:
        assert card.body.splitlines()[0] in output
    for item in lesson.quiz:
        assert item.question in output
    # The options are shuffled for the first learner's first attempt.
    right = sum(
        1
        for item in lesson.quiz
        if option_order(1, LESSON, item.id, 1, len(item.options))[0] == item.correct
    )
    # Under half right, the lesson is marked as worth going over again.
    mark = "✅" if 2 * right >= len(lesson.quiz) else "🔁"
    assert f"{mark} {lesson.title}: {right}/{len(lesson.quiz)}" in output.replace(
        "\u202f", " "
    ).replace(" :", ":")
    again = run_chat(tmp_path, ["/progress"], "--lang", language, "--user", "tester")
    assert f"{right}/{len(lesson.quiz)}" in again
    other = run_chat(tmp_path, ["/progress"], "--lang", language, "--user", "someone-else")
    assert f"{right}/{len(lesson.quiz)}" not in other


def test_a_listen_above_a_quiz_result_is_numbered_after_the_result_s_buttons(
    tmp_path: Path,
) -> None:
    # The last answer's feedback (with 🔊 Listen) and the quiz's result come together: 1 was
    # Listen, and learners who tap 1 to go on heard the explanation again and again.
    lesson = load_course(PROJECT_ROOT / "content", BUILT_IN.codes).lesson("en", LESSON)
    assert lesson is not None
    lines = ["1", *["1"] * len(lesson.cards), *["1", "1"] * len(lesson.quiz)]
    output = run_chat(tmp_path, lines, "--lang", "en", "--user", "tester")
    # The last line is the 1 typed under the result, read as its first button.
    under_result = output.rsplit("> 1", 1)[1]
    result = output.rsplit("> 1", 2)[1]
    assert re.search(r"\n\[\d+\] 🔊 Listen\n", result)
    assert "\n[1] " in result.split("🔊 Listen", 1)[1]
    assert ".ogg" not in under_result


def test_the_name_chatted_under_is_the_name_kept_for_the_trainer(tmp_path: Path) -> None:
    # Without it, trainers read "Learner 14" and had to guess whom to remove from a group.
    assert "• Name: anna" in run_chat(tmp_path, ["/mydata"], "--lang", "en", "--user", "anna")


def test_the_chat_exits_cleanly_at_end_of_input_and_on_quit(tmp_path: Path) -> None:
    assert "/quit" in run_chat(tmp_path, ["/quit", "/help"], "--lang", "en")
    output = run_chat(tmp_path, [], "--lang", "en")
    assert "What would you like to do?" in output


def test_an_empty_line_keeps_the_place(tmp_path: Path) -> None:
    lesson = load_course(PROJECT_ROOT / "content", BUILT_IN.codes).lesson("en", LESSON)
    assert lesson is not None
    # Start the first lesson, press Enter twice by mistake, then Next.
    output = run_chat(tmp_path, ["1", "", "  ", "1"], "--lang", "en")
    assert output.count("What would you like to do?") == 1
    assert lesson.cards[1].body.splitlines()[0] in output


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
        " (for example TUTOR_QUIZ_STYLE=buttons)"
    ]


class Screen:
    """What the chat printed so far, from the captured standard output."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys
        self.text = ""

    async def wait_for(self, part: str) -> str:
        """Wait until `part` is shown; return everything shown after its last appearance."""
        async with asyncio.timeout(60):
            while part not in self.text:
                await asyncio.sleep(0.05)
                self.text += self.capsys.readouterr().out
        return self.text.rsplit(part, 1)[1]


async def push_a_lesson_to(app: App, user: str) -> str:
    """Put the terminal learner `user` in a cohort and push them the first lesson; its title."""
    now = app.services.clock()
    lesson_id = app.services.course.lesson_order("en")[0]
    async with app.database.session() as session:
        trainer = await SqlLearners(session).create("terminal", "trainer", now, "en", None)
        learner = await SqlLearners(session).find("terminal", user)
        assert learner is not None
        cohort = await SqlCohorts(session).create_cohort(
            "Evening", trainer.id, now, quiet_hours=(0, 0), reminder_days=3
        )
        assert cohort is not None
        await SqlCohorts(session).join_cohort(learner.id, cohort.id, now)
        await SqlPushes(session).create_push(
            cohort,
            "lesson",
            now=now,
            zone=ZoneInfo("Europe/Brussels"),
            lesson_id=lesson_id,
        )
    lesson = app.services.course.lesson("en", lesson_id)
    assert lesson is not None
    return lesson.title


async def test_a_lesson_pushed_while_the_learner_types_is_shown_and_opens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], course_index_dir: Path
) -> None:
    settings = make_settings(
        tmp_path, f"sqlite+aiosqlite:///{tmp_path / 'tutor.db'}", index_dir=course_index_dir
    )
    screen = Screen(capsys)
    # A pseudo-terminal, so the chat runs as it does for a person typing: with its prompt.
    keyboard, terminal = os.openpty()
    with os.fdopen(terminal) as stdin, os.fdopen(keyboard, "wb", buffering=0) as typing:
        async with open_app(settings) as app:
            chatting = asyncio.create_task(chat(app, "anna", "en", stdin))
            await screen.wait_for("Type the number of a button, or a question. /quit to stop.")
            await screen.wait_for("What would you like to do?")
            await screen.wait_for("\n> ")
            title = await push_a_lesson_to(app, "anna")

            # The worker the chat started shows it at once, and the prompt again under it.
            pushed = await screen.wait_for(f"📚 Your trainer suggests a lesson: {title}\n")
            start = re.search(r"\[(\d+)\] ▶ Start the lesson", pushed)
            assert start is not None
            assert pushed.endswith("\n\n> ")
            typing.write(f"{start[1]}\n".encode())
            await screen.wait_for(f"📖 {title} · 1/")

            typing.write(b"/quit\n")
            await chatting
            async with app.database.session() as session:
                assert (await outbox.counts(session))["sent"] == 1


async def test_forget_deletes_the_files_saved_for_that_user_only(
    tmp_path: Path, course_index_dir: Path
) -> None:
    settings = make_settings(
        tmp_path, f"sqlite+aiosqlite:///{tmp_path / 'tutor.db'}", index_dir=course_index_dir
    )
    exports = tmp_path / "exports"
    # A file from before each user had a folder, and one of a user whose name starts the same.
    exports.mkdir()
    (exports / "anna-my-data.json").write_text("{}")
    (exports / "anna-b-my-data.json").write_text("{}")
    async with open_app(settings) as app:
        screens = {user: io.StringIO() for user in ("anna", "anna-b", "../anna")}
        chats = {
            user: TerminalChat(app, Sender(CHANNEL, user, "en"), screen, exports)
            for user, screen in screens.items()
        }
        for terminal in chats.values():
            await terminal.send(Command("start", ("lang-en",)))
            await terminal.send(Command("mydata"))
        saved = {user: user_folder(exports, user) / "my-data.json" for user in chats}
        assert all(path.is_file() for path in saved.values())
        assert saved["../anna"].parent.parent == exports

        anna = chats["anna"]
        await anna.send(Command("forget"))
        await anna.send(ButtonPress(anna.choices[0]))

    assert "I deleted all your data" in screens["anna"].getvalue()
    assert not user_folder(exports, "anna").exists()
    assert not (exports / "anna-my-data.json").exists()
    assert saved["anna-b"].is_file()
    assert saved["../anna"].is_file()
    assert (exports / "anna-b-my-data.json").is_file()


@needs_audio_tools
def test_listen_writes_the_card_read_aloud_and_shows_where(tmp_path: Path) -> None:
    # The first lesson; on its first card: 1 Next, 2 quiz now, 3 Simpler, 4 Listen; then /listen.
    lines = ["1", "4", "/listen"]
    output = run_chat(tmp_path, lines, "--lang", "fr", "--user", "listener")
    paths = re.findall(r"🔊 (\S+\.ogg)", output)
    # Both read the same card: one file, written once, in the learner's own folder.
    assert len(paths) == 2
    assert paths[0] == paths[1]
    saved = Path(paths[0])
    assert saved.parent == user_folder(tmp_path / "exports", "listener")
    audio = probe(saved.read_bytes())
    assert (audio.container, audio.codec) == ("ogg", "opus")
    assert audio.seconds > 5


@needs_audio_tools
def test_the_cards_buttons_keep_their_numbers_after_listen(tmp_path: Path) -> None:
    # On the first card: 4 is Listen; its audio carries no buttons, so 1 is still Next.
    output = run_chat(tmp_path, ["1", "4", "1"], "--lang", "en", "--user", "listener")
    assert "No button here has that number" not in output
    after_audio = output.split(".ogg", 1)[1]
    assert "· 2/" in after_audio  # Next, tapped after the audio, showed the second card


@needs_audio_tools
def test_listen_typed_on_a_card_offers_the_way_back_to_it(tmp_path: Path) -> None:
    # The second card, then /listen: its reply's first button is ▶ Continue, back to that card.
    output = run_chat(tmp_path, ["1", "1", "/listen", "1"], "--lang", "en", "--user", "listener")
    after_audio = output.split(".ogg", 1)[1]
    assert "[1] ▶ Continue" in after_audio
    assert "· 2/" in after_audio.split("[1] ▶ Continue", 1)[1]


@pytest.mark.parametrize(("level", "shown"), [(None, False), ("INFO", True)])
def test_the_logs_information_stays_off_the_learners_screen_unless_asked_for(
    tmp_path: Path, course_index_dir: Path, level: str | None, shown: bool
) -> None:
    # A lesson changed since the index was built: the chat embeds it again and says so, at INFO.
    content = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content", content)
    lesson = content / "en" / "basics" / "what-is-ai.md"
    head, separator, body = lesson.read_text().partition("\n---\n")
    lesson.write_text(f'{head}\n  - "is AI a kind of robot"{separator}{body}')
    shutil.copytree(course_index_dir, tmp_path / "index")
    settings = {"TUTOR_INDEX_DIR": str(tmp_path / "index"), "TUTOR_CONTENT_DIR": str(content)}
    if level:
        settings["TUTOR_LOG_LEVEL"] = level

    result = chat_process(tmp_path, ["what is a chatbot"], "--lang", "en", settings=settings)

    assert ("Index updated" in result.stderr) is shown
