"""A fake Telegram Bot API for tests: in process (a recording `BaseRequest`) or over HTTP.

The one fake is `BotApi`: it answers every Bot API method the tutor uses with the JSON Telegram
sends (shapes from https://core.telegram.org/bots/api), keeps the messages it "sent" so a test
can tap their buttons, and records every call. Two transports put a bot in front of it:

- `RecordingRequest(api)`: a `telegram.request.BaseRequest`, for a bot in the test's process::

      api = BotApi()
      bot = Bot(BOT_TOKEN, request=RecordingRequest(api))
      api.fail("sendMessage", Failure.forbidden(), chat_id=42)   # every message to 42 refused
      api.fail("sendMessage", Failure.retry_after(3), times=1)   # only the next one, to anyone
      ...
      [call] = api.calls_to("sendMessage")
      call.params["chat_id"], call.params["text"], call.failure

- `FakeBotApiServer(api)`: the same API on 127.0.0.1, for a bot in another process, reached
  through `TUTOR_TELEGRAM_BASE_URL=server.base_url`; `api.push_update(...)` feeds `getUpdates`.

`Updates` builds realistic update JSON for a `TelegramUser`, and `TelegramChat` drives a running
`Application` through its update queue, as Telegram's servers would.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import tornado.httpserver
import tornado.netutil
import tornado.web
from pydantic import SecretStr
from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.error import TimedOut
from telegram.request import BaseRequest, RequestData

from bot.adapters.db.learners import SqlLearners
from bot.app import App, open_app
from bot.channels.telegram.application import EXPORTERS, TelegramApplication, build_application
from bot.core.ports import Learner
from tests.conftest import Clock, make_settings
from tests.support.logs import SENT
from tests.support.retrieval import build_course_index
from tests.support.retrieval import shared_index_dir as course_index_dir

BOT_TOKEN = "7000000001:AAHtestTOKENforTheFakeBotApi_0123456789"
BOT_USER: dict[str, Any] = {
    "id": 7000000001,
    "is_bot": True,
    "first_name": "AI Tutor",
    "username": "ai_tutor_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
    "can_connect_to_business": False,
    "has_main_web_app": False,
}

# Methods whose result is just `true`.
_TRUE_METHODS = frozenset(
    {
        "answerCallbackQuery",
        "sendChatAction",
        "setMyCommands",
        "deleteMyCommands",
        "leaveChat",
        "deleteMessage",
        "close",
        "logOut",
    }
)
# Parameters whose value is a plain string even when it looks like JSON ("42", "true").
_STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "question",
        "explanation",
        "callback_query_id",
        "action",
        "url",
        "secret_token",
        "language_code",
        "filename",
        "parse_mode",
        "emoji",
    }
)


@dataclass(frozen=True)
class Failure:
    """An error answer of the Bot API; build one with the class methods."""

    status: int
    description: str
    retry_seconds: int | None = None

    @classmethod
    def forbidden(cls) -> Failure:
        """The person blocked the bot (raises `telegram.error.Forbidden`)."""
        return cls(403, "Forbidden: bot was blocked by the user")

    @classmethod
    def deactivated(cls) -> Failure:
        """The person deleted their account (raises `telegram.error.Forbidden`)."""
        return cls(403, "Forbidden: user is deactivated")

    @classmethod
    def chat_not_found(cls) -> Failure:
        """The chat does not exist (raises `telegram.error.BadRequest`, "Chat not found")."""
        return cls(400, "Bad Request: chat not found")

    @classmethod
    def bad_request(cls, description: str = "Bad Request: message text is empty") -> Failure:
        """Telegram refuses the request for good (raises `telegram.error.BadRequest`)."""
        return cls(400, description)

    @classmethod
    def retry_after(cls, seconds: int) -> Failure:
        """Flood control (raises `telegram.error.RetryAfter` with `seconds`)."""
        return cls(429, f"Too Many Requests: retry after {seconds}", retry_seconds=seconds)

    @classmethod
    def server_error(cls) -> Failure:
        """A passing server error (raises `telegram.error.NetworkError`)."""
        return cls(502, "Bad Gateway")

    @classmethod
    def timeout(cls) -> Failure:
        """No answer in time: `telegram.error.TimedOut` in process, a 504 over HTTP."""
        return cls(504, "Gateway Timeout")

    def body(self) -> dict[str, Any]:
        """Return the JSON body Telegram sends with this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.retry_seconds is not None:
            body["parameters"] = {"retry_after": self.retry_seconds}
        return body


class Refused(Exception):  # noqa: N818 - how a method of the fake answers with an error
    """Raised by a method of the fake to answer with a Bot API error."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.description)
        self.failure = failure


@dataclass(frozen=True)
class ApiCall:
    """One Bot API call: method, decoded parameters, uploaded files, failure or result."""

    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    failure: Failure | None = None
    result: Any = None

    @property
    def chat_id(self) -> int | None:
        """Return the chat the call was about, if any."""
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def buttons(self) -> list[dict[str, str]]:
        """Return the inline buttons sent with the call, row after row."""
        markup = self.params.get("reply_markup") or {}
        return [button for row in markup.get("inline_keyboard", []) for button in row]


@dataclass
class _Rule:
    method: str
    failure: Failure
    chat_id: int | None
    remaining: int | None


class BotApi:
    """The state and the answers of a fake Bot API, shared by both transports."""

    def __init__(self, token: str = BOT_TOKEN, bot_user: dict[str, Any] | None = None) -> None:
        self.token = token
        self.bot_user = bot_user or BOT_USER
        self.calls: list[ApiCall] = []
        self.messages: dict[int, dict[int, dict[str, Any]]] = {}
        self.webhook: dict[str, Any] = {}
        self._rules: list[_Rule] = []
        self._updates: list[dict[str, Any]] = []
        self._message_ids = itertools.count(1)
        self._poll_ids = itertools.count(5_000_000_000_000_000_001)
        self._changed = asyncio.Event()
        # Files `getFile` knows, by file_id (a learner's voice notes), and the voice notes sent.
        self.files: dict[str, bytes] = {}
        self.uploaded_voices: dict[str, bytes] = {}

    # Configuration ---------------------------------------------------------------------------

    def fail(
        self,
        method: str,
        failure: Failure,
        *,
        chat_id: int | None = None,
        times: int | None = None,
    ) -> None:
        """Answer `method` with `failure` (for one chat, or any), `times` times or for good."""
        self._rules.append(_Rule(method, failure, chat_id, times))

    def push_update(self, update: dict[str, Any]) -> None:
        """Queue an update for `getUpdates`, as if Telegram had received it."""
        self._updates.append(update)
        self._notify()

    # Inspection ------------------------------------------------------------------------------

    def calls_to(self, *methods: str) -> list[ApiCall]:
        """Return the calls to some methods, in order."""
        return [call for call in self.calls if call.method in methods]

    def sent_texts(self, chat_id: int) -> list[str]:
        """Return the texts of the messages sent and edited in a chat, in order."""
        return [
            str(call.params["text"])
            for call in self.calls_to("sendMessage", "editMessageText")
            if call.chat_id == chat_id and call.failure is None
        ]

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Return the updates `getUpdates` has not had confirmed yet."""
        return list(self._updates)

    async def wait_for(self, condition: Callable[[], bool], give_up_after: float = 60) -> None:
        """Wait until `condition()` holds, checked after every change (the limit guards hangs)."""

        async def until() -> None:
            while not condition():
                await self._changed.wait()

        await asyncio.wait_for(until(), give_up_after)

    # Answers ---------------------------------------------------------------------------------

    async def call(
        self,
        token: str,
        method: str,
        params: dict[str, Any],
        files: dict[str, tuple[str, bytes]] | None = None,
    ) -> tuple[int, dict[str, Any]]:
        """Answer one call: the HTTP status and the JSON body Telegram would send."""
        if token != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        failure = self._failure_for(method, params)
        status, body = await self._answer(method, params, files or {}, failure)
        if failure is None and not body.get("ok", True):
            failure = Failure(status, str(body.get("description", "")))
        self.calls.append(ApiCall(method, params, files or {}, failure, body.get("result")))
        self._notify()
        return status, body

    async def _answer(
        self,
        method: str,
        params: dict[str, Any],
        files: dict[str, tuple[str, bytes]],
        failure: Failure | None,
    ) -> tuple[int, dict[str, Any]]:
        if failure is not None:
            return failure.status, failure.body()
        if method == "getUpdates":
            return 200, {"ok": True, "result": await self._get_updates(params)}
        if method in _TRUE_METHODS:
            return 200, {"ok": True, "result": True}
        answer = getattr(self, f"_{method}", None)
        if answer is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        try:
            return 200, {"ok": True, "result": answer(params, files)}
        except Refused as refused:
            return refused.failure.status, refused.failure.body()

    def _failure_for(self, method: str, params: dict[str, Any]) -> Failure | None:
        chat_id = params.get("chat_id")
        for rule in self._rules:
            if rule.method != method or rule.remaining == 0:
                continue
            if rule.chat_id is not None and str(rule.chat_id) != str(chat_id):
                continue
            if rule.remaining is not None:
                rule.remaining -= 1
            return rule.failure
        return None

    def _notify(self) -> None:
        # Wake every waiter once; they check their condition and wait on the next event.
        self._changed.set()
        self._changed = asyncio.Event()

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        # An offset confirms every update before it: Telegram forgets them for good.
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        timeout = float(params.get("timeout") or 0)
        if not self._updates and timeout > 0:
            try:
                await self.wait_for(lambda: bool(self._updates), timeout)
            except TimeoutError:
                return []
        limit = int(params.get("limit") or 100)
        return self._updates[:limit]

    def _message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        chat: dict[str, Any] = (
            {"id": chat_id, "type": "private", "first_name": "Learner"}
            if chat_id > 0
            else {"id": chat_id, "type": "group", "title": "A group"}
        )
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "from": self.bot_user,
            "chat": chat,
            "date": int(time.time()),
            **content,
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.messages.setdefault(chat_id, {})[message["message_id"]] = message
        return message

    def _getMe(self, _params: dict[str, Any], _files: object) -> dict[str, Any]:  # noqa: N802
        return self.bot_user

    def _sendMessage(self, params: dict[str, Any], _files: object) -> dict[str, Any]:  # noqa: N802
        return self._message(params, text=params["text"])

    def _editMessageText(self, params: dict[str, Any], _files: object) -> dict[str, Any]:  # noqa: N802
        message = self.messages[int(params["chat_id"])][int(params["message_id"])]
        message.update(text=params["text"], edit_date=int(time.time()))
        message.pop("reply_markup", None)
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

    def _editMessageReplyMarkup(self, params: dict[str, Any], _files: object) -> dict[str, Any]:  # noqa: N802
        message = self.messages[int(params["chat_id"])][int(params["message_id"])]
        message.pop("reply_markup", None)
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

    def _sendDocument(  # noqa: N802
        self, params: dict[str, Any], files: dict[str, tuple[str, bytes]]
    ) -> dict[str, Any]:
        name, content = files.get("document", ("document", b""))
        document = {
            "file_name": name,
            "mime_type": "application/json" if name.endswith(".json") else "text/plain",
            "file_id": f"BQACAgQAAxkDAAI{next(self._message_ids)}",
            "file_unique_id": "AgADdocument",
            "file_size": len(content),
        }
        return self._message(params, document=document, caption=params.get("caption", ""))

    def _sendPhoto(  # noqa: N802
        self, params: dict[str, Any], files: dict[str, tuple[str, bytes]]
    ) -> dict[str, Any]:
        _name, content = files.get("photo", ("photo", b""))
        size = {"file_id": "AgACAgQAAxkDAAI", "file_unique_id": "AQADphoto", "file_size": 0}
        photo = [
            {**size, "width": 90, "height": 60, "file_size": len(content) // 10},
            {**size, "width": 800, "height": 533, "file_size": len(content)},
        ]
        return self._message(params, photo=photo, caption=params.get("caption", ""))

    def _sendPoll(self, params: dict[str, Any], _files: object) -> dict[str, Any]:  # noqa: N802
        poll = {
            "id": str(next(self._poll_ids)),
            "question": params["question"],
            "options": [
                {"persistent_id": str(index), "text": option["text"], "voter_count": 0}
                for index, option in enumerate(params["options"])
            ],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": bool(params.get("is_anonymous", True)),
            "type": params.get("type", "regular"),
            "allows_multiple_answers": False,
            "allows_revoting": bool(params.get("allows_revoting", False)),
            "members_only": False,
            "correct_option_ids": params.get("correct_option_ids", []),
        }
        if params.get("explanation"):
            poll["explanation"] = params["explanation"]
        return self._message(params, poll=poll)

    def _sendVoice(  # noqa: N802
        self, params: dict[str, Any], files: dict[str, tuple[str, bytes]]
    ) -> dict[str, Any]:
        if "voice" in files:
            content = files["voice"][1]
            file_id = f"AwACAgQAAxkDAAI{next(self._message_ids)}voice"
            self.uploaded_voices[file_id] = content
        else:
            file_id = str(params["voice"])
            if file_id not in self.uploaded_voices:
                # Another bot's file (or this bot's under another token): Telegram refuses it.
                raise Refused(Failure.bad_request("Bad Request: wrong file identifier specified"))
            content = self.uploaded_voices[file_id]
        voice = {
            "file_id": file_id,
            "file_unique_id": f"u{file_id[-12:]}",
            "duration": 3,
            "mime_type": "audio/ogg",
            "file_size": len(content),
        }
        return self._message(params, voice=voice, caption=params.get("caption", ""))

    def _getFile(self, params: dict[str, Any], _files: object) -> dict[str, Any]:  # noqa: N802
        file_id = str(params["file_id"])
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id[-12:]}",
            "file_size": len(self.files.get(file_id, b"")),
            "file_path": f"voice/{file_id}.oga",
        }

    def download(self, token: str, file_path: str) -> tuple[int, bytes]:
        """Answer a file download (`/file/bot<token>/<path>`), as Telegram's file server does."""
        file_id = file_path.removeprefix("voice/").removesuffix(".oga")
        if token != self.token or file_id not in self.files:
            return 404, b'{"ok":false,"error_code":404,"description":"Not Found"}'
        self.calls.append(ApiCall("download", {"file_path": file_path}))
        return 200, self.files[file_id]

    def _getWebhookInfo(self, _params: dict[str, Any], _files: object) -> dict[str, Any]:  # noqa: N802
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    def _setWebhook(self, params: dict[str, Any], _files: object) -> bool:  # noqa: N802
        self.webhook = dict(params)
        return True

    def _deleteWebhook(self, params: dict[str, Any], _files: object) -> bool:  # noqa: N802
        self.webhook = {}
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True


def _decode_params(fields: dict[str, str]) -> dict[str, Any]:
    """Decode form fields as the Bot API does: JSON values, except for plain-text parameters."""
    params: dict[str, Any] = {}
    for name, value in fields.items():
        if name in _STRING_PARAMS:
            params[name] = value
            continue
        try:
            params[name] = json.loads(value)
        except ValueError:
            params[name] = value
    return params


def _split_url(url: str) -> tuple[str, str]:
    # .../bot<token>/<method>
    *_, token_part, method = urlsplit(url).path.split("/")
    return token_part.removeprefix("bot"), method


class RecordingRequest(BaseRequest):
    """A `BaseRequest` that hands every call to a `BotApi` in the same process."""

    def __init__(self, api: BotApi) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if "/file/bot" in url:
            token, _, file_path = urlsplit(url).path.split("/file/bot", 1)[1].partition("/")
            return self.api.download(unquote(token), unquote(file_path))
        token, api_method = _split_url(url)
        params = _decode_params(request_data.json_parameters) if request_data else {}
        files = {
            name: (str(part[0]), part[1] if isinstance(part[1], bytes) else part[1].read())
            for name, part in (request_data.multipart_data if request_data else {}).items()
        }
        status, body = await self.api.call(token, api_method, params, files)
        if status == Failure.timeout().status:
            # Over HTTP the client would give up waiting; PTB's transport raises this then.
            raise TimedOut
        return status, json.dumps(body).encode()


class _ApiHandler(tornado.web.RequestHandler):
    def initialize(self, api: BotApi) -> None:  # type: ignore[override]
        self.api = api

    async def post(self, token: str, method: str) -> None:
        fields = {name: values[-1].decode() for name, values in self.request.body_arguments.items()}
        files = {
            name: (parts[0].filename, parts[0].body) for name, parts in self.request.files.items()
        }
        status, body = await self.api.call(token, method, _decode_params(fields), files)
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(body))

    get = post


class FakeBotApiServer:
    """Serve a `BotApi` over HTTP on 127.0.0.1, at `base_url` (`.../bot`, as the real one)."""

    def __init__(self, api: BotApi) -> None:
        self.api = api
        self.port = 0
        self._server: tornado.httpserver.HTTPServer | None = None

    @property
    def base_url(self) -> str:
        """Return the value for `TUTOR_TELEGRAM_BASE_URL`."""
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        """Listen on a free port."""
        application = tornado.web.Application(
            [(r"/bot([^/]*)/(\w+)", _ApiHandler, {"api": self.api})]
        )
        sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        self._server = tornado.httpserver.HTTPServer(application)
        self._server.add_sockets(sockets)

    async def stop(self) -> None:
        """Stop listening and close open connections (long polls included)."""
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()


@asynccontextmanager
async def serving(api: BotApi) -> AsyncIterator[FakeBotApiServer]:
    """Run a fake Bot API server for the duration of a block."""
    server = FakeBotApiServer(api)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@contextmanager
def serving_in_thread(api: BotApi) -> Iterator[FakeBotApiServer]:
    """Run a fake Bot API server on a thread of its own, for code that runs its own loop."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    server = FakeBotApiServer(api)
    asyncio.run_coroutine_threadsafe(server.start(), loop).result()
    try:
        yield server
    finally:
        asyncio.run_coroutine_threadsafe(server.stop(), loop).result()
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()


@dataclass(frozen=True)
class TelegramUser:
    """A Telegram account, as it appears in updates."""

    id: int
    first_name: str = "Amina"
    last_name: str | None = "Benali"
    language_code: str | None = "fr"

    def to_dict(self) -> dict[str, Any]:
        """Return the `User` JSON."""
        user: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            user["last_name"] = self.last_name
        if self.language_code:
            user["language_code"] = self.language_code
        return user

    def private_chat(self) -> dict[str, Any]:
        """Return the `Chat` JSON of the private chat with the bot."""
        chat: dict[str, Any] = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.last_name:
            chat["last_name"] = self.last_name
        return chat


GROUP_CHAT: dict[str, Any] = {"id": -1001234567890, "title": "Digital café", "type": "supergroup"}

# What a user can send besides text, as the Bot API shows it (file ids are made up).
MEDIA: dict[str, dict[str, Any]] = {
    "sticker": {
        "sticker": {
            "file_id": "CAACAgIAAxkBAAIBZ2c",
            "file_unique_id": "AgADsticker",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": "👍",
            "set_name": "HotCherry",
            "file_size": 24_310,
        }
    },
    "photo": {
        "photo": [
            {
                "file_id": "AgACAgQAAxkBAAIC1",
                "file_unique_id": "AQADa",
                "width": 90,
                "height": 67,
                "file_size": 1_390,
            },
            {
                "file_id": "AgACAgQAAxkBAAIC2",
                "file_unique_id": "AQADb",
                "width": 1280,
                "height": 960,
                "file_size": 110_472,
            },
        ],
        "caption": "Is this picture made by AI?",
    },
    "voice": {
        "voice": {
            "file_id": "AwACAgQAAxkBAAIC3",
            "file_unique_id": "AgADvoice",
            "duration": 4,
            "mime_type": "audio/ogg",
            "file_size": 9_870,
        }
    },
    "video_note": {
        "video_note": {
            "file_id": "DQACAgQAAxkBAAIC4",
            "file_unique_id": "AgADnote",
            "length": 240,
            "duration": 6,
            "file_size": 310_000,
        }
    },
    "document": {
        "document": {
            "file_name": "cv-amina.pdf",
            "mime_type": "application/pdf",
            "file_id": "BQACAgQAAxkBAAIC5",
            "file_unique_id": "AgADdoc",
            "file_size": 52_114,
        }
    },
    "location": {"location": {"latitude": 50.846557, "longitude": 4.351697}},
    "contact": {
        "contact": {"phone_number": "+32470123456", "first_name": "Jan", "user_id": 222_333}
    },
    "dice": {"dice": {"emoji": "🎲", "value": 4}},
}


def _chat_member(status: str) -> dict[str, Any]:
    member: dict[str, Any] = {"user": BOT_USER, "status": status}
    if status == "kicked":
        member["until_date"] = 0  # banned for good: how a block shows in a private chat
    return member


class Updates:
    """Build update JSON with increasing update ids, for one bot."""

    def __init__(self, first_id: int = 100_000) -> None:
        self._ids = itertools.count(first_id)
        self._message_ids = itertools.count(1)

    def _update(self, **content: Any) -> dict[str, Any]:
        return {"update_id": next(self._ids), **content}

    def _message(self, user: TelegramUser, chat: dict[str, Any], **content: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._message_ids),
            "from": user.to_dict(),
            "chat": chat,
            "date": int(time.time()),
            **content,
        }

    def text(self, user: TelegramUser, text: str) -> dict[str, Any]:
        """A text message in the private chat."""
        SENT.record(text)
        return self._update(message=self._message(user, user.private_chat(), text=text))

    def command(self, user: TelegramUser, name: str, *args: str) -> dict[str, Any]:
        """A command such as `/start lang-fr`, with its `bot_command` entity."""
        command = f"/{name}"
        text = " ".join([command, *args])
        entity = {"offset": 0, "length": len(command), "type": "bot_command"}
        return self._update(
            message=self._message(user, user.private_chat(), text=text, entities=[entity])
        )

    def media(self, user: TelegramUser, kind: str) -> dict[str, Any]:
        """A sticker, photo, voice note, round video, document, location, contact or dice."""
        return self._update(message=self._message(user, user.private_chat(), **MEDIA[kind]))

    def voice_note(
        self, user: TelegramUser, file_id: str, size: int, duration: int = 4
    ) -> dict[str, Any]:
        """A voice note in the private chat (its audio is what `BotApi.files[file_id]` holds)."""
        voice = {
            "file_id": file_id,
            "file_unique_id": f"u{file_id[-12:]}",
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": size,
        }
        return self._update(message=self._message(user, user.private_chat(), voice=voice))

    def edited(self, user: TelegramUser, text: str) -> dict[str, Any]:
        """A text message the user edited after sending it."""
        SENT.record(text)
        message = self._message(user, user.private_chat(), text=text)
        message["edit_date"] = message["date"] + 30
        return self._update(edited_message=message)

    def group_text(self, user: TelegramUser, text: str) -> dict[str, Any]:
        """A message in a group the bot is in."""
        SENT.record(text)
        return self._update(message=self._message(user, GROUP_CHAT, text=text))

    def tap(self, user: TelegramUser, message: dict[str, Any], data: str) -> dict[str, Any]:
        """A tap on an inline button of a message the bot sent."""
        query = {
            "id": f"{user.id}{next(self._ids)}",
            "from": user.to_dict(),
            "message": message,
            "chat_instance": f"-{user.id}42",
            "data": data,
        }
        return self._update(callback_query=query)

    def poll_answer(self, user: TelegramUser, poll_id: str, *option_ids: int) -> dict[str, Any]:
        """An answer to a non-anonymous poll (no options: the vote was retracted)."""
        return self._update(
            poll_answer={
                "poll_id": poll_id,
                "user": user.to_dict(),
                "option_ids": list(option_ids),
                # Bot API 9.6: options keep an id of their own (the fake uses their index).
                "option_persistent_ids": [str(option) for option in option_ids],
            }
        )

    def membership(
        self, user: TelegramUser, old: str, new: str, chat: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """The bot's own membership changed: blocked (`kicked`), unblocked, added to a group."""
        return self._update(
            my_chat_member={
                "chat": chat or user.private_chat(),
                "from": user.to_dict(),
                "date": int(time.time()),
                "old_chat_member": _chat_member(old),
                "new_chat_member": _chat_member(new),
            }
        )


def shared_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the session's index of the real course, shared with every other test."""
    return build_course_index(course_index_dir())


@asynccontextmanager
async def tutor_for_telegram(
    tmp_path_factory: pytest.TempPathFactory, database_url: str | None = None, **settings: object
) -> AsyncIterator[App]:
    """Open the tutor on a database (a fresh SQLite one by default), with the test bot's token."""
    folder = tmp_path_factory.mktemp("telegram")
    values: dict[str, object] = {
        "telegram_bot_token": SecretStr(BOT_TOKEN),
        "index_dir": shared_index_dir(tmp_path_factory),
        **settings,
    }
    url = database_url or f"sqlite+aiosqlite:///{folder / 'tutor.db'}"
    opening = open_app(make_settings(folder, url, **values), clock=Clock(), exporters=EXPORTERS)
    async with opening as app:
        yield app


def application_for(app: App, api: BotApi) -> TelegramApplication:
    """Build the tutor's Application with both transports answered by `api`."""
    return build_application(
        app, request=RecordingRequest(api), updates_request=RecordingRequest(api)
    )


@asynccontextmanager
async def running(application: TelegramApplication) -> AsyncIterator[None]:
    """Start an Application the way `run_polling` does, minus the polling; stop it after."""
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    await application.start()
    try:
        yield
    finally:
        await application.stop()
        if application.post_stop:
            await application.post_stop(application)
        await application.shutdown()


async def stored_learner(app: App, chat: TelegramChat) -> Learner | None:
    """Return what the tutor keeps of the chat's user, if anything."""
    async with app.database.session() as session:
        return await SqlLearners(session).find("telegram", str(chat.user.id))


class TelegramChat:
    """One user talking to a running `Application` through its update queue."""

    def __init__(
        self,
        application: TelegramApplication,
        api: BotApi,
        user: TelegramUser,
        updates: Updates,
    ) -> None:
        self.application = application
        self.api = api
        self.user = user
        self.updates = updates
        self.calls: list[ApiCall] = []
        self.query_ids: list[str] = []

    async def send(self, *updates: dict[str, Any]) -> list[ApiCall]:
        """Deliver updates as Telegram would and return the Bot API calls they caused."""
        start = len(self.api.calls)
        for update in updates:
            await self.application.update_queue.put(Update.de_json(update, self.application.bot))
        await self.application.update_queue.join()
        self.calls = self.api.calls[start:]
        return self.calls

    async def command(self, name: str, *args: str) -> list[ApiCall]:
        """Send `/name args`."""
        return await self.send(self.updates.command(self.user, name, *args))

    async def say(self, text: str) -> list[ApiCall]:
        """Send a text message."""
        return await self.send(self.updates.text(self.user, text))

    async def send_media(self, kind: str) -> list[ApiCall]:
        """Send a sticker, photo, voice note... (see `MEDIA`)."""
        return await self.send(self.updates.media(self.user, kind))

    async def speak(self, audio: bytes, duration: int = 4) -> list[ApiCall]:
        """Send a voice note whose audio Telegram keeps for `getFile`."""
        file_id = f"AwACAgQAAxkBAAI{len(self.api.files)}note{self.user.id}"
        self.api.files[file_id] = audio
        return await self.send(self.updates.voice_note(self.user, file_id, len(audio), duration))

    @property
    def voices(self) -> list[ApiCall]:
        """Return the voice notes the last replies sent."""
        return self.calls_to("sendVoice")

    def tap_update(self, data: str) -> dict[str, Any]:
        """Build the tap on the latest message in this chat that carries a button with `data`."""
        for message in reversed(list(self.api.messages.get(self.user.id, {}).values())):
            markup = message.get("reply_markup", {}).get("inline_keyboard", [])
            if any(button["callback_data"] == data for row in markup for button in row):
                update = self.updates.tap(self.user, message, data)
                self.query_ids.append(update["callback_query"]["id"])
                return update
        raise AssertionError(f"no message in the chat has a button {data!r}")

    async def tap(self, data: str) -> list[ApiCall]:
        """Tap the button with this callback data on the latest message that has it."""
        return await self.send(self.tap_update(data))

    def forged_tap(self, data: str) -> dict[str, Any]:
        """Build a tap carrying any data on the latest message, as a modified client could."""
        message = list(self.api.messages[self.user.id].values())[-1]
        update = self.updates.tap(self.user, message, data)
        self.query_ids.append(update["callback_query"]["id"])
        return update

    async def tap_action(self, action: str) -> list[ApiCall]:
        """Tap the first button of the last replies whose callback data has this action."""
        return await self.tap(self.button_with_action(action)["callback_data"])

    @property
    def last_poll(self) -> dict[str, Any]:
        """Return the `Poll` JSON of the last poll sent in this chat."""
        for message in reversed(list(self.api.messages.get(self.user.id, {}).values())):
            if "poll" in message:
                return dict(message["poll"])
        raise AssertionError("no poll in the chat")

    async def answer_poll(self, *option_ids: int) -> list[ApiCall]:
        """Vote in the last poll sent in this chat (no options: retract the vote)."""
        return await self.send(
            self.updates.poll_answer(self.user, self.last_poll["id"], *option_ids)
        )

    @property
    def unanswered_taps(self) -> list[str]:
        """Return the ids of this user's taps that got no `answerCallbackQuery` yet."""
        answered = [c.params["callback_query_id"] for c in self.api.calls_to("answerCallbackQuery")]
        return [query_id for query_id in self.query_ids if query_id not in answered]

    def calls_to(self, *methods: str) -> list[ApiCall]:
        """Return the last replies' calls to some methods."""
        return [call for call in self.calls if call.method in methods]

    @property
    def texts(self) -> list[str]:
        """Return the texts the last replies sent or edited."""
        return [str(c.params["text"]) for c in self.calls_to("sendMessage", "editMessageText")]

    @property
    def text(self) -> str:
        """Return the texts of the last replies, joined."""
        return "\n".join(self.texts)

    @property
    def buttons(self) -> list[dict[str, str]]:
        """Return the buttons of the last replies."""
        return [button for call in self.calls for button in call.buttons]

    def button_with_action(self, action: str) -> dict[str, str]:
        """Return the first button of the last replies whose callback data has this action."""
        for button in self.buttons:
            if button["callback_data"].split(":")[1] == action:
                return button
        datas = [button["callback_data"] for button in self.buttons]
        raise AssertionError(f"no {action!r} button among {datas}")
