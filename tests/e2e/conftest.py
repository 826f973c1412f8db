"""End-to-end fixtures: no learner text in any log line; for Telegram, one tutor per module."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from itertools import count

import pytest
import pytest_asyncio

from bot.app import App
from bot.channels.telegram.application import TelegramApplication
from tests.support.logs import SENT, watching_logs
from tests.support.telegram import (
    BotApi,
    TelegramChat,
    TelegramUser,
    Updates,
    application_for,
    running,
    tutor_for_telegram,
)

NewUser = Callable[[str | None], TelegramUser]
NewChat = Callable[[str | None], TelegramChat]

USER_IDS = count(10_001)


@pytest.fixture(autouse=True)
def no_learner_text_in_the_logs() -> Iterator[None]:
    """Fail every test after which a log line holds a text it sent as a learner."""
    SENT.clear()
    with watching_logs() as watch:
        yield
    if leaks := watch.leaks(SENT):
        pytest.fail("What a learner wrote reached the logs:\n" + "\n".join(leaks))


@pytest.fixture(scope="module")
def updates() -> Updates:
    """Update ids that grow across the module, as the tutor drops an update id it has seen."""
    return Updates()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared_app(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[App]:
    """One tutor for the module (the course loads once); each test talks as a new user."""
    async with tutor_for_telegram(tmp_path_factory) as app:
        yield app


@pytest.fixture
def api() -> BotApi:
    return BotApi()


@pytest_asyncio.fixture(loop_scope="module")
async def application(shared_app: App, api: BotApi) -> AsyncIterator[TelegramApplication]:
    application = application_for(shared_app, api)
    async with running(application):
        yield application


@pytest.fixture
def new_user() -> NewUser:
    def new_user(language_code: str | None = "en") -> TelegramUser:
        return TelegramUser(next(USER_IDS), language_code=language_code)

    return new_user


@pytest.fixture
def new_chat(
    application: TelegramApplication, api: BotApi, updates: Updates, new_user: NewUser
) -> NewChat:
    def new_chat(language_code: str | None = "en") -> TelegramChat:
        return TelegramChat(application, api, new_user(language_code), updates)

    return new_chat
