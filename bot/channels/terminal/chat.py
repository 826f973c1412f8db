"""Chat with the tutor in a terminal, interactively or from piped input (one input per line)."""

from __future__ import annotations

import asyncio
import shutil
import sys
import threading
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from bot.adapters.speech.audio import SpeechError
from bot.app import App
from bot.channels.terminal.channel import CHANNEL, TerminalChannel
from bot.core.delivery import DeliveryResult, DeliveryStatus
from bot.core.events import ButtonPress, Command, Event, Sender, Text
from bot.core.replies import (
    Button,
    CommandMenu,
    Document,
    Forgotten,
    Message,
    Picture,
    Question,
    Reply,
    Voice,
)
from bot.core.router import action_of
from bot.features.voice.buttons import ListenAnswer, ListenCard, ListenFeedback, ListenQuestion

# The buttons that read aloud what is on screen.
LISTEN_ACTIONS = frozenset(
    kind.action for kind in (ListenCard, ListenQuestion, ListenFeedback, ListenAnswer)
)


def user_folder(exports_dir: Path, external_id: str) -> Path:
    """Return the folder of the files saved for one terminal user, always inside `exports_dir`."""
    # Percent-encoded, so "/" cannot lead elsewhere; a name of dots alone (or none) is prefixed,
    # so it cannot be the folder itself or its parent.
    name = quote(external_id, safe="")
    return exports_dir / (name if name.strip(".") else f"%2E{name}")


class TerminalChat:
    """Render replies as text with numbered choices, and turn typed lines into events.

    It is also the deliverer of its learner's pushes and reminders: they are shown as they
    come while the chat waits for a line (the prompt is shown again under them), or right after
    the answer being printed, never in the middle of one.
    """

    def __init__(
        self, app: App, sender: Sender, output: TextIO, exports_dir: Path, *, prompt: str = ""
    ) -> None:
        self.app = app
        self.sender = sender
        self.output = output
        self.exports_dir = exports_dir
        self.prompt = prompt
        self.choices: list[str] = []
        self.waiting = False
        # One writer at a time, so an answer and a push never interleave on screen.
        self.screen = asyncio.Lock()

    @property
    def recipients(self) -> frozenset[str]:
        """Return the one learner whose messages this chat shows."""
        return frozenset({self.sender.external_id})

    async def run(self, lines: AsyncIterator[str], *, echo: bool) -> None:
        """Send one event per line until the input ends or /quit."""
        while (raw := await self._next_line(lines)) is not None:
            line = raw.rstrip("\n")
            if echo:
                self.output.write(f"> {line}\n")
            if line.strip() in {"/quit", "/exit"}:
                break
            # Enter pressed by mistake, where Telegram would send nothing: the place is kept
            # (a push being written, a question half-answered), and the prompt shown again.
            if line.strip():
                await self.send(self.to_event(line))

    def to_event(self, line: str) -> Event:
        """Read a number as a button choice, `/name args` as a command, anything else as text."""
        stripped = line.strip()
        if stripped.isdigit() and 1 <= int(stripped) <= len(self.choices):
            return ButtonPress(self.choices[int(stripped) - 1])
        if stripped.startswith("/") and len(stripped) > 1:
            name, *args = stripped[1:].split()
            return Command(name.lower(), tuple(args))
        return Text(line)

    async def send(self, event: Event) -> None:
        """Send one event to the tutor and print what it answers."""
        async with self.screen:
            replies = await self.app.tutor.handle(self.sender, event)
            # As in Telegram, where a card keeps its buttons under a voice message sent after
            # it, replies without buttons (🔊 Listen's audio) leave those on screen numbered.
            keyboards = [at for at, reply in enumerate(replies) if _has_buttons(reply)]
            if keyboards:
                self.choices = []
            # Buttons that only read aloud are numbered after the others: under a quiz's result,
            # [1] was the 🔊 Listen of the last answer above it, and learners who tap 1 to go on
            # heard that answer again and again.
            starts: dict[int, int] = {}
            for at in sorted(keyboards, key=lambda at: _reads_aloud_only(replies[at])):
                starts[at] = len(self.choices)
                self.choices += [b.data for b in _buttons(replies[at])]
            for at, reply in enumerate(replies):
                await self.render(reply, starts.get(at))
            self.output.flush()

    async def deliver(self, external_id: str, replies: Sequence[Reply]) -> DeliveryResult:
        """Show a message nobody asked for; its buttons are numbered after those on screen."""
        async with self.screen:
            for reply in replies:
                await self.render(reply)
            if self.waiting:
                self._show_prompt()
            self.output.flush()
        return DeliveryResult(DeliveryStatus.SENT)

    async def render(self, reply: Reply, start: int | None = None) -> None:
        """Print one reply; a file (an export, a chart, audio) is saved and its path shown.

        `start` is where its buttons' numbers start when they were given before it is shown;
        without it, they are numbered after those on screen.
        """
        match reply:
            case Message(text=text):
                self._print(text)
                self._print_buttons(reply, start)
            case Question():
                options = reply.listed_options()
                lines = [reply.header, "", reply.question, *([""] if options else []), *options]
                self._print("\n".join(lines))
                self._print_buttons(reply, start)
            case Document(filename=filename, content=content, caption=caption):
                path = self._save(filename, content)
                self._print(f"📎 {caption}\n{path}")
            case Picture(content=content, caption=caption):
                path = self._save("chart.png", content)
                self._print(f"🖼 {caption}\n{path}")
            case Voice():
                await self._voice(reply)
            case Forgotten():
                self._delete_saved()
            case CommandMenu():
                # The terminal has no command menu: /help lists what this person may use.
                pass

    async def _voice(self, reply: Voice) -> None:
        speech = self.app.speech
        try:
            if speech is None:
                raise SpeechError("no speech engine")
            audio = await speech.speak(reply.text, reply.language)
        except SpeechError:
            self._print(reply.unavailable)
            return
        path = self._save(f"listen-{audio.key.digest[:12]}.ogg", audio.content)
        self._print(f"🔊 {path}")

    async def _next_line(self, lines: AsyncIterator[str]) -> str | None:
        async with self.screen:
            self._show_prompt()
            self.output.flush()
            self.waiting = True
        try:
            return await anext(lines, None)
        finally:
            self.waiting = False

    def _show_prompt(self) -> None:
        if self.prompt:
            self.output.write(f"\n{self.prompt}")

    def _save(self, filename: str, content: bytes) -> Path:
        folder = user_folder(self.exports_dir, self.sender.external_id)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / filename
        path.write_bytes(content)
        return path

    def _delete_saved(self) -> None:
        shutil.rmtree(user_folder(self.exports_dir, self.sender.external_id), ignore_errors=True)
        # Saved next to everyone else's before each user had a folder.
        legacy = self.exports_dir / f"{self.sender.external_id}-my-data.json"
        if legacy.parent == self.exports_dir:
            legacy.unlink(missing_ok=True)

    def _print(self, text: str) -> None:
        self.output.write(f"\n{text}\n")

    def _print_buttons(self, reply: Message | Question, start: int | None) -> None:
        buttons = _buttons(reply)
        if not buttons:
            return
        if start is None:  # a push, numbered after what is on screen
            start = len(self.choices)
            self.choices += [b.data for b in buttons]
        labels = [f"[{start + i + 1}] {b.label}" for i, b in enumerate(buttons)]
        self.output.write("  ".join(labels) + "\n")


def _buttons(reply: Reply) -> list[Button]:
    if isinstance(reply, Question):
        return [b for row in reply.keyboard() for b in row]
    return [b for row in reply.keyboard for b in row] if isinstance(reply, Message) else []


def _reads_aloud_only(reply: Reply) -> bool:
    return all(action_of(b) in LISTEN_ACTIONS for b in _buttons(reply))


def _has_buttons(reply: Reply) -> bool:
    return bool(_buttons(reply))


async def chat(app: App, user: str, language: str | None, stdin: TextIO = sys.stdin) -> None:
    """Run a terminal conversation for one local learner, who also gets what is pushed to them."""
    # The name the learner chats under is the one their trainer knows them by: without it,
    # trainers read "Learner 14" and had to guess who to remove from a group.
    sender = Sender(channel=CHANNEL, external_id=user, language_code=language, first_name=user)
    interactive = stdin.isatty()
    terminal = TerminalChat(
        app,
        sender,
        sys.stdout,
        app.settings.data_dir / "exports",
        prompt="> " if interactive else "",
    )
    # Coming back is opening the chat again, where the last screen still is: the learner goes
    # on where they were (a card, a quiz, the check), as their last buttons would take them. A new
    # learner is greeted whatever comes first, in `language`.
    first = Command("continue")
    if interactive:
        t = app.services.translator(language)
        sys.stdout.write(
            t.gettext("Type the number of a button, or a question. /quit to stop.") + "\n"
        )
    # Seen first, then served: a reminder queued while they were away is not shown any more.
    await terminal.send(first)
    async with app.serving([TerminalChannel(terminal)]):
        await terminal.run(read_lines(stdin), echo=not interactive)


async def read_lines(stdin: TextIO) -> AsyncIterator[str]:
    """Yield the lines of `stdin`, read off the event loop so the workers run meanwhile."""
    while line := await _read_line(stdin):
        yield line


async def _read_line(stdin: TextIO) -> str:
    # A daemon thread rather than the loop's executor: after Ctrl+C, Python must not wait for a
    # line that may never be typed.
    loop = asyncio.get_running_loop()
    line: asyncio.Future[str] = loop.create_future()

    def read() -> None:
        text = stdin.readline()
        loop.call_soon_threadsafe(_settle, line, text)

    threading.Thread(target=read, name="terminal-input", daemon=True).start()
    return await line


def _settle(future: asyncio.Future[str], text: str) -> None:
    if not future.done():
        future.set_result(text)
