"""The chat shows its first screen before the lesson index loads, and answers from it after."""

from __future__ import annotations

import asyncio
import io
import threading
from pathlib import Path

import pytest

from bot.adapters.search import Retriever
from bot.adapters.search import search as search_module
from bot.app import open_app
from bot.channels.terminal.channel import TerminalChannel
from bot.channels.terminal.chat import TerminalChat
from bot.config import Settings
from bot.core.events import Command, Sender, Text
from bot.core.feature import start_loading
from bot.course.model import Course
from tests.conftest import Clock


@pytest.fixture
def index_gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the opening of the lesson index until the test sets the returned event."""
    gate = threading.Event()
    open_retriever = search_module.open_retriever

    def held(settings: Settings, course: Course, *, progress: bool = False) -> Retriever:
        gate.wait(timeout=120)
        return open_retriever(settings, course, progress=progress)

    monkeypatch.setattr(search_module, "open_retriever", held)
    return gate


async def test_a_question_asked_while_the_index_loads_waits_for_it_and_is_answered(
    settings: Settings, clock: Clock, tmp_path: Path, index_gate: threading.Event
) -> None:
    output = io.StringIO()
    async with open_app(settings, clock=clock) as app:
        lesson = app.services.course.lesson("en", "verify/deepfakes")
        assert lesson is not None
        terminal = TerminalChat(app, Sender("terminal", "ann", "en"), output, tmp_path)
        await terminal.send(Command("start", ("lang-en",)))
        assert "Hello" in output.getvalue()  # the first screen, with no index yet
        assert not app.retriever.ready()

        async with app.serving([TerminalChannel(terminal)]):
            asking = asyncio.create_task(terminal.send(Text("how can I spot a deepfake")))
            await asyncio.sleep(0.2)  # time for the question to reach the wait
            assert not asking.done()
            assert not app.retriever.ready()
            index_gate.set()
            await asking

    assert f"This comes from the lesson “{lesson.title}”." in output.getvalue()


async def test_a_question_waiting_for_the_index_holds_up_no_other_learner(
    settings: Settings, clock: Clock, tmp_path: Path, index_gate: threading.Event
) -> None:
    async with open_app(settings, clock=clock) as app:
        asker = TerminalChat(app, Sender("terminal", "ann", "en"), io.StringIO(), tmp_path)
        other_output = io.StringIO()
        other = TerminalChat(app, Sender("terminal", "bob", "en"), other_output, tmp_path)
        await asker.send(Command("start", ("lang-en",)))
        async with app.serving([TerminalChannel(asker)]):
            asking = asyncio.create_task(asker.send(Text("how can I spot a deepfake")))
            await asyncio.sleep(0.2)  # the question now waits for the index
            # It waits outside any transaction: on SQLite a held one would keep every other
            # learner's turn waiting for it. The workers started with serving may hold a
            # connection for a moment (their first pass); the waiting question, which waits
            # until the gate opens, would hold one for good: none may be left within 5 s.
            pool = app.database.engine.pool
            for _ in range(50):
                if pool.checkedout() == 0:
                    break
                await asyncio.sleep(0.1)
            assert pool.checkedout() == 0
            assert not asking.done()
            await other.send(Command("start", ("lang-en",)))
            assert "Hello" in other_output.getvalue()
            assert not asking.done()
            index_gate.set()
            await asking


async def test_closing_while_the_index_loads_leaves_what_was_to_warm_up_after_it_unbuilt(
    settings: Settings, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    opening, gate = threading.Event(), threading.Event()
    open_retriever = search_module.open_retriever

    def held(settings: Settings, course: Course, *, progress: bool = False) -> Retriever:
        opening.set()
        gate.wait(timeout=120)
        return open_retriever(settings, course, progress=progress)

    monkeypatch.setattr(search_module, "open_retriever", held)
    async with open_app(settings, clock=clock) as app:
        assert app.warm_after_index
        start_loading(app.retriever, app.detector, app.warm, app.warm_after_index)
        assert await asyncio.to_thread(opening.wait, 60)
        # Closing waits for the index under way, which the gate holds a moment longer.
        threading.Timer(0.2, gate.set).start()

    assert app.retriever.loaded()
    # Built only to be thrown away, they took seconds of a closing process.
    assert not any(value.ready() for value in app.warm_after_index)
