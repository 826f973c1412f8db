"""Hand Telegram updates to the tutor and show its replies; no learning logic lives here."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from functools import partial
from typing import Any, Final

from telegram import Bot, CallbackQuery, Update
from telegram import Message as TelegramMessage
from telegram import Voice as TelegramVoice
from telegram.constants import ChatAction, ChatMemberStatus, ChatType
from telegram.error import Forbidden, TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    MessageHandler,
    PollAnswerHandler,
    filters,
)

from bot.adapters.db.database import Database
from bot.adapters.db.unit import in_session
from bot.adapters.speech.audio import SpeechError
from bot.adapters.speech.speech import MAX_HEARD_BYTES, MAX_HEARD_SECONDS, Speech
from bot.channels.telegram import store
from bot.channels.telegram.render import Renderer
from bot.channels.telegram.updates import event_of, sender_of
from bot.core.engine import Claim, Tutor
from bot.core.events import ButtonPress, Event, Sender, Spoken, Text, Unheard
from bot.core.router import Services
from bot.features.menu import flows as screens
from bot.i18n import Translator

logger = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
TYPING_REFRESH_SECONDS: Final = 4.0
# An answer ready sooner comes without "typing…": the learner would never see it, and each
# chat action is one more call against the bot's share of Telegram's rate limit.
TYPING_AFTER_SECONDS: Final = 0.5


class TelegramFrontEnd:
    """Turn each update into a tutor event, and the tutor's replies into Bot API calls."""

    def __init__(
        self,
        tutor: Tutor,
        renderer: Renderer,
        database: Database,
        services: Services,
        speech: Speech | None = None,
    ) -> None:
        self.tutor = tutor
        self.renderer = renderer
        self.database = database
        self.services = services
        # Hears voice notes when a transcription endpoint is configured.
        self.hearing = speech if speech is not None and speech.can_hear else None

    def register(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Add the handlers, duplicate membership changes stopped first, and the error handler."""
        application.add_handler(
            ChatMemberHandler(self.skip_duplicate, ChatMemberHandler.MY_CHAT_MEMBER), group=-1
        )
        application.add_handler(
            MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE, self.on_message)
        )
        application.add_handler(CallbackQueryHandler(self.on_button))
        application.add_handler(PollAnswerHandler(self.on_poll_answer))
        application.add_handler(
            ChatMemberHandler(self.on_membership, ChatMemberHandler.MY_CHAT_MEMBER)
        )
        # Edited messages and group messages match no handler: they are ignored on purpose.
        application.add_error_handler(self.on_error)

    def translator(self, language_code: str | None) -> Translator:
        """Return the translator for a client's language code, or the default language's."""
        return self.services.translator(language_code)

    async def skip_duplicate(self, update: Update, context: Context) -> None:
        """Stop a membership change any process already handled (Telegram may deliver twice).

        Updates for the tutor claim their id in the turn's own transaction instead (`claim`).
        """
        async with self.database.session() as session:
            first = await store.claim_update(
                session, context.bot.id, update.update_id, self.services.clock()
            )
        if not first:
            logger.info("Update %s was delivered twice; handled once", update.update_id)
            raise ApplicationHandlerStop

    def claim(self, update: Update, context: Context) -> Claim:
        """Return the claim of an update's id, made in the transaction of its turn."""
        now = self.services.clock()
        return in_session(
            partial(store.claim_update, bot_id=context.bot.id, update_id=update.update_id, now=now)
        )

    async def on_message(self, update: Update, context: Context) -> None:
        """Handle a message in a private chat: a command, text, or something unreadable."""
        message = update.message
        if message is None or message.from_user is None:
            return
        event = event_of(message)
        if event is None:
            return
        sender = sender_of(message.from_user)
        claim = self.claim(update, context)
        voice = message.voice if self.hearing is not None else None
        if isinstance(event, Text) or voice is not None:
            # Hearing a voice note and answering free text may take a few seconds: show that
            # the tutor is on it.
            async with keep_typing(context.bot, message.chat_id):
                if voice is not None:
                    event = await self.hear(context.bot, sender, voice)
                replies = await self.tutor.handle(sender, event, claim=claim)
        else:
            replies = await self.tutor.handle(sender, event, claim=claim)
        await self.renderer.render(context.bot, message.chat_id, replies)

    async def hear(self, bot: Bot, sender: Sender, voice: TelegramVoice) -> Event:
        """Return what was said in a voice note, in the learner's language; never keep the audio.

        The audio is downloaded into memory, transcribed and dropped; neither it nor the words
        heard are logged.
        """
        assert self.hearing is not None
        # As sent by Telegram, in seconds (PTB's attribute is changing its type).
        seconds = int(voice.to_dict().get("duration", 0))
        if seconds > MAX_HEARD_SECONDS or (voice.file_size or 0) > MAX_HEARD_BYTES:
            return Unheard("too_long")
        async with self.database.session() as session:
            chosen = await store.language_of(session, sender.external_id)
        language = self.services.language(chosen or sender.language_code)
        try:
            file = await bot.get_file(voice.file_id)
            audio = bytes(await file.download_as_bytearray())
            if len(audio) > MAX_HEARD_BYTES:
                return Unheard("too_long")
            text = await self.hearing.transcribe(audio, language)
        except (TelegramError, SpeechError) as error:
            logger.warning("A voice note could not be heard: %s", type(error).__name__)
            return Unheard("failed")
        return Spoken(text)

    async def on_button(self, update: Update, context: Context) -> None:
        """Handle a tapped button, answering the tap first so the client stops spinning."""
        query = update.callback_query
        if query is None:
            return
        await _answer(query)
        message = query.message
        if message is not None and message.chat.type != ChatType.PRIVATE:
            return
        tapped = message if isinstance(message, TelegramMessage) else None
        data = query.data if isinstance(query.data, str) else ""
        replies = await self.tutor.handle(
            sender_of(query.from_user), ButtonPress(data), claim=self.claim(update, context)
        )
        await self.renderer.render(context.bot, query.from_user.id, replies, tapped)

    async def on_poll_answer(self, update: Update, context: Context) -> None:
        """Handle a vote in a quiz poll as a tap on the matching answer button."""
        answer = update.poll_answer
        if answer is None or answer.user is None or not answer.option_ids:
            return
        external_id = str(answer.user.id)
        async with self.database.session() as session:
            poll = await store.take_poll(session, answer.poll_id, external_id)
        option = answer.option_ids[0]
        # An unknown poll (already answered, or forgotten) answers like a stale button.
        data = poll.answer_data[option] if poll and option < len(poll.answer_data) else ""
        replies = await self.tutor.handle(
            sender_of(answer.user), ButtonPress(data), claim=self.claim(update, context)
        )
        await self.renderer.render(context.bot, answer.user.id, replies)

    async def on_membership(self, update: Update, context: Context) -> None:
        """Note who blocked or unblocked the bot; leave groups after a short note."""
        change = update.my_chat_member
        if change is None:
            return
        status = change.new_chat_member.status
        chat = change.chat
        if chat.type == ChatType.PRIVATE:
            if status in (ChatMemberStatus.BANNED, ChatMemberStatus.MEMBER):
                async with self.database.session() as session:
                    await store.set_reachable(
                        session, str(chat.id), reachable=status == ChatMemberStatus.MEMBER
                    )
            return
        if status not in (ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR):
            return
        if chat.type in (ChatType.GROUP, ChatType.SUPERGROUP):
            t = self.translator(change.from_user.language_code)
            await context.bot.send_message(
                chat.id,
                t.gettext(
                    "Hello! I only work in a private chat, so that your learning stays private. "
                    "Tap my name, then Start."
                ),
            )
        # Progress is personal: the tutor keeps no group conversations.
        await context.bot.leave_chat(chat.id)

    async def slow_down(self, update: Update) -> None:
        """Ask someone who sends too fast to wait, in their language; once per flood."""
        user = update.effective_user
        chat = update.effective_chat
        if user is None or (chat is not None and chat.type != ChatType.PRIVATE):
            return
        logger.info("A learner sends too fast; dropping their updates for a while")
        async with self.database.session() as session:
            language = await store.language_of(session, str(user.id))
        t = self.translator(language or user.language_code)
        text = t.gettext(
            "You are sending messages very fast, so I skipped some of them. "
            "Please wait a moment, then send your message again."
        )
        try:
            await update.get_bot().send_message(user.id, text)
        except TelegramError as error:
            logger.info("Could not ask a learner to slow down: %s", type(error).__name__)

    async def on_error(self, update: object, context: Context) -> None:
        """Log a failure without message text, and tell the learner something went wrong."""
        error = context.error
        user = update.effective_user if isinstance(update, Update) else None
        chat = update.effective_chat if isinstance(update, Update) else None
        if isinstance(error, Forbidden) and user is not None:
            # They blocked the bot while it was answering: nobody to tell.
            async with self.database.session() as session:
                await store.set_reachable(session, str(user.id), reachable=False)
            logger.info("A learner blocked the bot; marked unreachable")
            return
        logger.error("Handling a Telegram update failed", exc_info=error)
        if user is None or (chat is not None and chat.type != ChatType.PRIVATE):
            return
        sorry = screens.something_went_wrong(self.translator(user.language_code))
        try:
            await self.renderer.render(context.bot, user.id, [sorry])
        except TelegramError as failure:
            logger.warning("Could not tell the learner: %s", type(failure).__name__)


async def _answer(query: CallbackQuery) -> None:
    try:
        await query.answer()
    except TelegramError as error:
        # Too old after a restart, or a passing network error: the tap is still handled.
        logger.info("Could not answer a button tap: %s", type(error).__name__)


@asynccontextmanager
async def keep_typing(bot: Bot, chat_id: int) -> AsyncIterator[None]:
    """Show "typing…" after a moment, until the block ends; Telegram clears it after 5 s."""

    async def refresh() -> None:
        await asyncio.sleep(TYPING_AFTER_SECONDS)
        try:
            while True:
                await bot.send_chat_action(chat_id, ChatAction.TYPING)
                await asyncio.sleep(TYPING_REFRESH_SECONDS)
        except TelegramError:
            # Only a courtesy: a failure here must not disturb the answer itself.
            logger.debug("Could not show typing")

    task = asyncio.create_task(refresh())
    try:
        yield
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
