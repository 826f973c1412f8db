"""No learner text in the logs: the check every end-to-end test runs, and a failing database."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from sqlalchemy import text

from bot.app import open_app
from tests.conftest import Clock, make_settings
from tests.support.chat import Chat
from tests.support.logs import LearnerTexts, watching_logs
from tests.support.trainers import in_a_group

# About AI, but not in the course: the tutor keeps it for the trainers, as a bound parameter.
NOT_COVERED = "What colour is the logo of ChatGPT?"


def test_the_check_finds_a_learner_text_planted_in_a_log_line() -> None:
    sent = LearnerTexts()
    sent.record("Mijn buurman heet Jef\nen hij woont in Gent")
    with watching_logs() as watch:
        logging.getLogger("bot.anything").debug("Handled %r", "en hij woont in Gent")
        logging.getLogger("bot.anything").info("Handled a text of 42 characters")

    assert watch.leaks(sent) == ["bot.anything DEBUG Handled 'en hij woont in Gent'"]


def test_the_check_reads_tracebacks_too() -> None:
    sent = LearnerTexts()
    sent.record("Wat weet een chatbot over mij?")
    with watching_logs() as watch:
        try:
            raise ValueError("Wat weet een chatbot over mij?")
        except ValueError:
            logging.getLogger("bot.anything").exception("Failed")

    [leak] = watch.leaks(sent)
    assert leak.startswith("bot.anything ERROR Failed\nTraceback")


async def test_a_failing_database_logs_no_learner_text(
    tmp_path: Path, database_url: str, course_index_dir: Path
) -> None:
    settings = make_settings(tmp_path, database_url, index_dir=course_index_dir)
    async with open_app(settings, clock=Clock()) as app:
        chat = Chat(app.tutor, language_code="en")
        await chat.command("start")
        await in_a_group(app, chat)
        async with app.database.session() as session:
            # The question the tutor keeps for the trainers now fails as it is stored.
            await session.execute(text("DROP TABLE unanswered_questions"))

        with watching_logs() as watch:
            await chat.say(NOT_COVERED)

    assert "something went wrong" in chat.text
    [failure] = [line for line in watch.lines if "Event Text from a test learner failed" in line]
    assert "unanswered_questions" in failure
    assert NOT_COVERED not in "\n".join(watch.lines)
    # As TUTOR_LOG_FORMAT=json writes it: one object, its traceback escaped, the turn's id.
    [entry] = [
        json.loads(line)
        for line in watch.json_lines
        if "Event Text from a test learner failed" in line
    ]
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "bot.core.engine"
    assert "unanswered_questions" in entry["error"]
    assert len(entry["update_id"]) == 12
    assert NOT_COVERED not in "\n".join(watch.json_lines)


def test_a_json_line_names_what_a_planted_leak_would_look_like() -> None:
    sent = LearnerTexts()
    sent.record('Ik heet "Jef"\nen ik woon in Gent')
    with watching_logs() as watch:
        logging.getLogger("bot.anything").info("Handled %s", 'Ik heet "Jef"')

    assert len(watch.leaks(sent)) == 1
    assert json.loads(watch.json_lines[-1])["message"] == 'Handled Ik heet "Jef"'
