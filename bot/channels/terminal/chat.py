"""Chat with the tutor in a terminal, interactively or from piped input (one input per line)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from bot.app import App
from bot.core.events import ButtonPress, Command, Event, Sender, Text
from bot.core.replies import Button, Document, Message, Picture, Question, Reply
from bot.i18n import language_from_code

LETTERS = "ABCD"


class TerminalChat:
    """Render replies as text with numbered choices, and turn typed lines into events."""

    def __init__(self, app: App, sender: Sender, output: TextIO, exports_dir: Path) -> None:
        self.app = app
        self.sender = sender
        self.output = output
        self.exports_dir = exports_dir
        self.choices: list[str] = []

    async def run(self, lines: Iterable[str], *, echo: bool, first: Event) -> None:
        """Send the first event, then one event per line until the input ends or /quit."""
        await self.send(first)
        for raw in lines:
            line = raw.rstrip("\n")
            if echo:
                self.output.write(f"> {line}\n")
            if line.strip() in {"/quit", "/exit"}:
                break
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
        self.choices = []
        for reply in await self.app.tutor.handle(self.sender, event):
            self.render(reply)
        self.output.flush()

    def render(self, reply: Reply) -> None:
        """Print one reply."""
        match reply:
            case Message(text=text, keyboard=keyboard):
                self._print(text)
                self._print_buttons([b for row in keyboard for b in row])
            case Question():
                options = [f"{LETTERS[i]}) {o}" for i, o in enumerate(reply.options)]
                self._print("\n".join([reply.header, "", reply.question, "", *options]))
                answers = [Button(LETTERS[i], data) for i, data in enumerate(reply.answer_data)]
                self._print_buttons(answers + [b for row in reply.extra_keyboard for b in row])
            case Document(filename=filename, content=content, caption=caption):
                path = self._save(filename, content)
                self._print(f"📎 {caption}: {path}")
            case Picture(content=content, caption=caption):
                path = self._save("chart.png", content)
                self._print(f"🖼 {caption}: {path}")

    def _save(self, filename: str, content: bytes) -> Path:
        self.exports_dir.mkdir(parents=True, exist_ok=True)
        path = self.exports_dir / f"{self.sender.external_id}-{filename}"
        path.write_bytes(content)
        return path

    def _print(self, text: str) -> None:
        self.output.write(f"\n{text}\n")

    def _print_buttons(self, buttons: list[Button]) -> None:
        if not buttons:
            return
        start = len(self.choices)
        self.choices += [b.data for b in buttons]
        labels = [f"[{start + i + 1}] {b.label}" for i, b in enumerate(buttons)]
        self.output.write("  ".join(labels) + "\n")


async def chat(app: App, user: str, language: str | None, stdin: TextIO = sys.stdin) -> None:
    """Run a terminal conversation for one local learner."""
    sender = Sender(channel="terminal", external_id=user, language_code=language)
    terminal = TerminalChat(app, sender, sys.stdout, app.settings.data_dir / "exports")
    first = Command("start", (f"lang-{language}",) if language else ())
    interactive = stdin.isatty()
    if interactive:
        t = app.services.translators[language_from_code(language) or app.settings.default_language]
        sys.stdout.write(
            t.gettext("Type the number of a button, or a question. /quit to stop.") + "\n"
        )
    await terminal.run(_lines(stdin, interactive), echo=not interactive, first=first)


def _lines(stdin: TextIO, interactive: bool) -> Iterable[str]:
    while True:
        if interactive:
            sys.stdout.write("\n> ")
            sys.stdout.flush()
        line = stdin.readline()
        if not line:
            return
        yield line
