"""Show the tutor's replies in a Telegram chat: messages, questions, polls, files, voice notes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Final, Literal

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Poll,
)
from telegram import Message as TelegramMessage
from telegram.constants import MessageLimit, PollLimit
from telegram.error import BadRequest

from bot.adapters.db.database import Database
from bot.adapters.speech.audio import SpeechError
from bot.adapters.speech.speech import Speech, VoiceKey
from bot.channels.telegram import store
from bot.core.replies import (
    CommandMenu,
    Document,
    Keyboard,
    Message,
    Picture,
    Question,
    Reply,
    Voice,
)

QuizStyle = Literal["buttons", "poll"]
MAX_TEXT: Final = int(MessageLimit.MAX_TEXT_LENGTH)


def telegram_length(text: str) -> int:
    """Return the length Telegram counts: UTF-16 code units, so most emoji count twice."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Cut a text into messages Telegram accepts, at a paragraph, line or word end if possible."""
    chunks: list[str] = []
    rest = text.strip()
    while telegram_length(rest) > limit:
        fits = _longest_prefix(rest, limit)
        cut = next(
            (
                position
                for separator in ("\n\n", "\n", " ")
                # A break in the first half would leave a short chunk: cut mid-word instead.
                if (position := rest.rfind(separator, 0, fits)) > fits // 2
            ),
            fits,
        )
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].strip()
    if rest:
        chunks.append(rest)
    return chunks


def _longest_prefix(text: str, limit: int) -> int:
    used = 0
    for index, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > limit:
            return index
    return len(text)


def markup(keyboard: Keyboard) -> InlineKeyboardMarkup | None:
    """Return the inline keyboard for the tutor's buttons, or None without buttons."""
    if not keyboard:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in keyboard]
    )


def question_text(question: Question) -> str:
    """Return a question as text: header, question, and the options when letters answer them."""
    options = "\n".join(question.listed_options())
    return "\n\n".join(part for part in (question.header, question.question, options) if part)


def fits_in_poll(question: Question) -> bool:
    """Tell whether Telegram accepts the question as a native quiz poll."""
    return (
        len(poll_question(question)) <= PollLimit.MAX_QUESTION_LENGTH
        and PollLimit.MIN_OPTION_NUMBER < len(question.options) <= PollLimit.MAX_OPTION_NUMBER
        and all(0 < len(option) <= PollLimit.MAX_OPTION_LENGTH for option in question.options)
    )


def poll_question(question: Question) -> str:
    """Return the poll's question line: the header, then the question."""
    return f"{question.header}\n{question.question}"


def poll_explanation(question: Question) -> str | None:
    """Return the explanation when it fits in a poll; the tutor's feedback explains anyway."""
    explanation = question.explanation
    fits = (
        len(explanation) <= PollLimit.MAX_EXPLANATION_LENGTH
        and explanation.count("\n") <= PollLimit.MAX_EXPLANATION_LINE_FEEDS
    )
    return explanation if fits and explanation else None


async def command_menu(bot: Bot, chat_id: int, commands: tuple[tuple[str, str], ...]) -> None:
    """Give one chat its own command menu, or give it back the menu of its language."""
    scope = BotCommandScopeChat(chat_id)
    if commands:
        menu = [BotCommand(name, description) for name, description in commands]
        await bot.set_my_commands(menu, scope=scope)
    else:
        await bot.delete_my_commands(scope=scope)


class Renderer:
    """Send replies to a chat, editing the tapped message when a reply asks to replace it."""

    def __init__(
        self,
        database: Database,
        quiz_style: QuizStyle,
        clock: Callable[[], datetime],
        speech: Speech | None = None,
    ) -> None:
        self.database = database
        self.quiz_style = quiz_style
        self.clock = clock
        self.speech = speech

    async def render(
        self,
        bot: Bot,
        chat_id: int,
        replies: Sequence[Reply],
        tapped: TelegramMessage | None = None,
    ) -> None:
        """Show the replies in order; only a first reply may replace the tapped message."""
        for position, reply in enumerate(replies):
            match reply:
                case Message(text=text, keyboard=keyboard, replace=replace):
                    editable = tapped if position == 0 and replace else None
                    await self._message(bot, chat_id, text, keyboard, editable)
                case Question():
                    await self._question(bot, chat_id, reply)
                case Document(filename=filename, content=content, caption=caption):
                    await bot.send_document(
                        chat_id, document=content, filename=filename, caption=caption or None
                    )
                case Picture(content=content, caption=caption):
                    await bot.send_photo(chat_id, photo=content, caption=caption or None)
                case Voice():
                    await self._voice(bot, chat_id, reply)
                case CommandMenu(commands=commands):
                    await command_menu(bot, chat_id, commands)

    async def _message(
        self,
        bot: Bot,
        chat_id: int,
        text: str,
        keyboard: Keyboard,
        editable: TelegramMessage | None,
    ) -> None:
        chunks = split_text(text)
        buttons = markup(keyboard)
        if (
            editable is not None
            and len(chunks) == 1
            and await _edit(bot, editable, chunks[0], buttons)
        ):
            return
        for index, chunk in enumerate(chunks, start=1):
            await bot.send_message(
                chat_id, chunk, reply_markup=buttons if index == len(chunks) else None
            )

    async def _question(self, bot: Bot, chat_id: int, question: Question) -> None:
        if self.quiz_style == "poll" and question.graded and fits_in_poll(question):
            sent = await bot.send_poll(
                chat_id,
                poll_question(question),
                list(question.options),
                is_anonymous=False,
                type=Poll.QUIZ,
                # PTB types the ids as Literal[0..11]; fits_in_poll keeps them in range.
                correct_option_ids=[question.correct],  # type: ignore[list-item]
                explanation=poll_explanation(question),
                reply_markup=markup(question.extra_keyboard),
            )
            if sent.poll is not None:
                async with self.database.session() as session:
                    await store.save_poll(
                        session, str(chat_id), sent.poll.id, question.answer_data, self.clock()
                    )
            return
        await self._message(bot, chat_id, question_text(question), question.keyboard(), None)

    async def _voice(self, bot: Bot, chat_id: int, reply: Voice) -> None:
        """Send text read aloud: the voice note uploaded before, else new audio, uploaded once."""
        if self.speech is None:
            await self._message(bot, chat_id, reply.unavailable, (), None)
            return
        key = self.speech.key(reply.text, reply.language)
        async with self.database.session() as session:
            file_id = await store.voice_file(session, *_fields(key))
        if file_id is not None:
            try:
                await bot.send_voice(chat_id, voice=file_id)
                return
            except BadRequest:
                # Telegram no longer knows the file (a new bot token): upload it again.
                async with self.database.session() as session:
                    await store.forget_voice_file(session, file_id)
        try:
            audio = await self.speech.speak(reply.text, reply.language)
        except SpeechError:
            await self._message(bot, chat_id, reply.unavailable, (), None)
            return
        sent = await bot.send_voice(chat_id, voice=audio.content, filename="tutor.ogg")
        if sent.voice is not None:
            async with self.database.session() as session:
                await store.save_voice_file(
                    session, *_fields(audio.key), sent.voice.file_id, self.clock()
                )


def _fields(key: VoiceKey) -> tuple[str, str, str, str]:
    return key.text_hash, key.language, key.engine, key.voice


async def _edit(
    bot: Bot, message: TelegramMessage, text: str, buttons: InlineKeyboardMarkup | None
) -> bool:
    """Replace a message's text and buttons; False when Telegram cannot edit it."""
    if message.text is None:
        return False
    try:
        await bot.edit_message_text(
            text, chat_id=message.chat_id, message_id=message.message_id, reply_markup=buttons
        )
    except BadRequest as error:
        # A second tap on the same button asks for the same content: already shown.
        return "not modified" in error.message.lower()
    return True
