"""What the tutor answers, for a front end to render in its own way."""

from __future__ import annotations

from dataclasses import dataclass

LETTERS = "ABCDEFGHIJ"
# An answer button on a phone shows about 30 characters on one line; longer options are
# written out in the question and answered with letters instead.
MAX_OPTION_BUTTON_CHARS = 30


@dataclass(frozen=True)
class Button:
    """A button with its label and callback data."""

    label: str
    data: str


Keyboard = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class Message:
    """A text message, optionally with buttons; `replace` hints to edit the tapped message."""

    text: str
    keyboard: Keyboard = ()
    replace: bool = False


@dataclass(frozen=True)
class Document:
    """A file to send, such as the learner's data export."""

    filename: str
    content: bytes
    caption: str = ""


@dataclass(frozen=True)
class Picture:
    """A PNG picture, such as a progress chart."""

    content: bytes
    caption: str = ""


@dataclass(frozen=True)
class Question:
    """A quiz question; a front end shows it as buttons or as a native quiz poll.

    The options are in the order the learner sees them; answering option `i` is the same as
    pressing a button with `answer_data[i]`, and `correct` is the right one's position.
    """

    header: str
    question: str
    options: tuple[str, ...]
    answer_data: tuple[str, ...]
    correct: int
    explanation: str
    extra_keyboard: Keyboard = ()
    # False for a question that measures (the check-in): nothing may show the right answer,
    # as a native quiz poll would.
    graded: bool = True

    @property
    def lettered(self) -> bool:
        """Tell whether the options are too long for their buttons, which then show letters."""
        return any(len(option) > MAX_OPTION_BUTTON_CHARS for option in self.options)

    def answer_labels(self) -> tuple[str, ...]:
        """Return the answer buttons' labels: the options themselves, or their letters."""
        return tuple(LETTERS[: len(self.options)]) if self.lettered else self.options

    def keyboard(self) -> Keyboard:
        """Return the answer buttons (letters on one row, options one per row), then the rest."""
        answers = tuple(
            Button(label, data)
            for label, data in zip(self.answer_labels(), self.answer_data, strict=True)
        )
        rows = (answers,) if self.lettered else tuple((answer,) for answer in answers)
        return (*rows, *self.extra_keyboard)

    def listed_options(self) -> tuple[str, ...]:
        """Return the options to write under the question: lettered ones only."""
        if not self.lettered:
            return ()
        labels = self.answer_labels()
        return tuple(
            f"{label}) {option}" for label, option in zip(labels, self.options, strict=True)
        )


@dataclass(frozen=True)
class Voice:
    """Text to read aloud, as a voice note or an audio file, in the language it is written in.

    The text is already fit for speech (no emoji, links or markup). A front end that cannot make
    the audio shows `unavailable` instead.
    """

    text: str
    language: str
    unavailable: str


@dataclass(frozen=True)
class CommandMenu:
    """The commands (name, description) the channel's menu shows this person; empty: everyone's."""

    commands: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Forgotten:
    """Tell the front end that the learner's data was deleted, so it deletes what it keeps too."""


Reply = Message | Document | Picture | Question | Voice | Forgotten | CommandMenu
