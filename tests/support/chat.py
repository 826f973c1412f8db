"""Drive the tutor core as a learner would: send events, read replies, tap buttons."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.engine import Tutor
from bot.core.events import ButtonPress, Command, Event, Sender, Text, Unsupported
from bot.core.replies import Button, Message, Question, Reply
from tests.support.logs import SENT


@dataclass
class Chat:
    """One learner's conversation with the tutor core, with the last replies at hand."""

    tutor: Tutor
    user: str = "learner-1"
    language_code: str | None = "en"
    channel: str = "test"
    first_name: str | None = "Amina"
    last_name: str | None = "Benali"
    replies: list[Reply] = field(default_factory=list)

    @property
    def sender(self) -> Sender:
        return Sender(self.channel, self.user, self.language_code, self.first_name, self.last_name)

    async def send(self, event: Event) -> list[Reply]:
        self.replies = await self.tutor.handle(self.sender, event)
        return self.replies

    async def command(self, name: str, *args: str) -> list[Reply]:
        return await self.send(Command(name, args))

    async def say(self, text: str) -> list[Reply]:
        SENT.record(text)
        return await self.send(Text(text))

    async def unsupported(self, kind: str) -> list[Reply]:
        return await self.send(Unsupported(kind))

    async def press_data(self, data: str) -> list[Reply]:
        return await self.send(ButtonPress(data))

    async def press(self, label_part: str) -> list[Reply]:
        """Tap the last-shown button whose label contains `label_part`."""
        return await self.press_data(self.button(label_part).data)

    async def answer(self, option: int) -> list[Reply]:
        """Answer the last question with the option at index `option` (0-based) in its file."""
        return await self.press_data(self.option_data(option))

    def option_data(self, option: int) -> str:
        """Return the answer data of the file's option `option`, wherever it is shown."""
        return option_data(self.question, option)

    @property
    def text(self) -> str:
        """All reply texts joined, questions included."""
        parts = []
        for reply in self.replies:
            if isinstance(reply, Message):
                parts.append(reply.text)
            elif isinstance(reply, Question):
                parts.append(f"{reply.header}\n{reply.question}\n" + "\n".join(reply.options))
        return "\n".join(parts)

    @property
    def buttons(self) -> list[Button]:
        found: list[Button] = []
        for reply in self.replies:
            if isinstance(reply, Message):
                found += [b for row in reply.keyboard for b in row]
            elif isinstance(reply, Question):
                found += [b for row in reply.extra_keyboard for b in row]
        return found

    def button(self, label_part: str) -> Button:
        matches = [b for b in self.buttons if label_part in b.label]
        if not matches:
            labels = [b.label for b in self.buttons]
            raise AssertionError(f"no button with {label_part!r} among {labels}")
        return matches[0]

    def button_with_action(self, action: str) -> Button:
        matches = [b for b in self.buttons if b.data.split(":")[1] == action]
        if not matches:
            raise AssertionError(f"no {action!r} button among {[b.data for b in self.buttons]}")
        return matches[0]

    @property
    def question(self) -> Question:
        questions = [r for r in self.replies if isinstance(r, Question)]
        if not questions:
            raise AssertionError(f"no question in {self.text!r}")
        return questions[-1]


def option_data(question: Question, option: int) -> str:
    """Return the answer data of a question's option by its index in the file.

    Options are shown shuffled; each answer button carries the file index as its last field.
    """
    for data in question.answer_data:
        if data.rsplit(":", 1)[-1] == str(option):
            return data
    raise AssertionError(f"no option {option} among {question.answer_data}")


async def already_claimed(_uow: object) -> bool:
    """Stand for the claim of an update some process already handled and committed."""
    return False
