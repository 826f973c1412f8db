"""Typed settings, read from the environment and `.env`, validated at start."""

from __future__ import annotations

import difflib
import ipaddress
import json
import os
import re
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any, Final, Literal, Self
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AliasChoices,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError, PydanticUndefined
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.core.languages import BUILT_IN, LanguageRegistry, UnknownLanguageError
from bot.core.localtime import format_clock, parse_range, quiet_by_day
from bot.paths import PROJECT_ROOT

# How close a TUTOR_ variable must come to a setting's name to be taken for it, misspelt
# (difflib's ratio): TUTOR_TELEGRAM_TOKN for TUTOR_TELEGRAM_BOT_TOKEN, not TUTOR_DOMAIN for any.
SPELLING_CUTOFF: Final = 0.8

# The channels people are known on, as `channel:id` (the CHANNEL of each channel's package).
CHANNELS: Final = ("telegram", "terminal")

# A language code such as "fr": one of `Settings.languages`, checked where a code comes in.
Language = str


class SettingsError(Exception):
    """Raised when a setting has an invalid value; the message is one line for a person."""


# The server image installs chromadb-client, chromadb's HTTP client alone: no embedded index.
SERVER_ONLY_INDEX: Final = (
    "This installation talks to a chroma server: set TUTOR_CHROMA_HOST "
    "(the embedded index needs the full chromadb package)"
)


def parse_identity(text: str) -> tuple[str, str]:
    """Read `channel:id` as (channel, external id); a bare number is a Telegram user id."""
    text = text.strip()
    if text.isdigit():
        return "telegram", text
    channel, _, external_id = (part.strip() for part in text.partition(":"))
    channel = channel.lower()  # "Terminal:anna" matched nobody
    if not channel or not external_id or any(char.isspace() for char in external_id):
        raise ValueError(f"{text!r} is not channel:id, such as telegram:123456 or terminal:anna")
    if channel not in CHANNELS:
        raise ValueError(f"{text!r}: the channel is one of {', '.join(CHANNELS)}")
    if channel == "telegram" and not external_id.isdigit():
        raise ValueError(f"{text!r}: a Telegram id is a number, such as telegram:123456")
    return channel, external_id


def _split_items(text: str) -> list[str]:
    # A semicolon too: spreadsheets in Belgium separate lists with it.
    return [part.strip() for part in re.split(r"[,;]", text) if part.strip()]


def _invalid(reason: str) -> PydanticCustomError:
    # `reason` is passed as a value, so that braces in what an operator wrote stay as they are.
    return PydanticCustomError("setting", "{reason}", {"reason": reason})


def list_items(value: object) -> object:
    """Read a list setting written either comma-separated (`a,b`) or as JSON (`["a", "b"]`)."""
    if isinstance(value, int):
        return [value]
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not text.startswith("["):
        return _split_items(text)
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise _invalid(f"{text!r} is neither a JSON list nor comma-separated values") from None


def _language_error(error: Exception) -> PydanticCustomError:
    return _invalid(str(error))


# Both with the asynchronous driver the tutor uses.
_DATABASE_URL: Final = re.compile(r"^(sqlite\+aiosqlite:///.+|postgresql\+asyncpg://.+)$")
# URLs as hosting services and other tools write them: the tutor chooses the async driver.
_DRIVERLESS: Final = {
    "postgres://": "postgresql+asyncpg://",
    "postgresql://": "postgresql+asyncpg://",
    "sqlite:///": "sqlite+aiosqlite:///",
}


def _with_driver(url: str) -> str:
    """Name the tutor's driver in a URL that names none; asyncpg calls libpq's sslmode ssl."""
    for scheme, driver in _DRIVERLESS.items():
        if url.startswith(scheme):
            url = driver + url.removeprefix(scheme)
            if driver.startswith("postgresql"):
                url = re.sub(r"([?&])sslmode=", r"\1ssl=", url)
    return url


# What Telegram accepts as a webhook's secret token.
_WEBHOOK_SECRET: Final = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_BOT_USERNAME: Final = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")
_HOST_NAME: Final = re.compile(
    r"^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$"
)


def _http_url(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        parts = urlsplit(value.strip())
        parts.port  # noqa: B018 - read only to check it
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise _invalid(f"{value!r} is not an http:// or https:// address with a host")
    return value.strip()


def _host(value: str) -> str:
    value = value.strip()
    try:
        ipaddress.ip_address(value)
    except ValueError:
        if not _HOST_NAME.match(value):
            raise _invalid(f"{value!r} is not a host name or IP address") from None
    return value


def _writable_folder(path: Path) -> Path:
    """Check that the tutor can create or write files in this folder (created when needed)."""
    existing = next(folder for folder in (path, *path.absolute().parents) if folder.exists())
    if not existing.is_dir():
        raise _invalid(f"{str(existing)!r} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise _invalid(f"the tutor cannot write in {str(existing)!r}")
    return path


def _folder(path: Path) -> Path:
    if not path.is_dir():
        raise _invalid(f"{str(path)!r} is not a folder")
    return path


class Settings(BaseSettings):
    """Everything the tutor can be configured with, prefixed `TUTOR_` in the environment.

    Each setting's `examples` (or else its default) is the right value an error message shows.
    """

    model_config = SettingsConfigDict(
        env_prefix="TUTOR_",
        env_file=".env",
        extra="ignore",
        populate_by_name=True,
        arbitrary_types_allowed=True,
    )

    data_dir: Path = Path("data")
    database_url: str = Field(
        default="", examples=["postgresql+asyncpg://tutor:PASSWORD@127.0.0.1:5432/tutor"]
    )
    content_dir: Path = PROJECT_ROOT / "content"
    locales_dir: Path = PROJECT_ROOT / "locales"
    prompts_dir: Path = PROJECT_ROOT / "prompts"
    # The languages offered to learners, in order: codes of BUILT_IN, e.g. "fr,nl,en".
    languages: Annotated[LanguageRegistry, NoDecode] = Field(
        default=BUILT_IN, examples=["fr,nl,en"]
    )
    # Before a learner chooses. Left unset, English, or the first language when English is off.
    default_language: Language = Field(default="en", validate_default=False, examples=["fr"])
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # `json`: one JSON object per line, for a log collector.
    log_format: Literal["text", "json"] = "text"
    # The secret the limits' identity codes are made with (HMAC-SHA256). Left unset, a random one
    # is made once in the data folder; set it when replicas do not share that folder.
    identity_salt: SecretStr | None = Field(default=None, examples=["a-long-random-string"])
    # How long a start waits for PostgreSQL and the chromadb server to answer, retrying.
    startup_wait_seconds: float = Field(default=30.0, ge=0, le=3600)

    # Telegram
    telegram_bot_token: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("TELEGRAM_BOT_TOKEN", "TUTOR_TELEGRAM_BOT_TOKEN"),
        examples=["123456:ABC-token-from-BotFather"],
    )
    telegram_base_url: str | None = Field(default=None, examples=["https://api.telegram.org/bot"])
    webhook_url: str | None = Field(default=None, examples=["https://tutor.example.org/telegram"])
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = Field(default=None, examples=["a-long-random-token_123"])
    # An update is a few kilobytes; a larger request body is refused before it is read.
    webhook_max_body_bytes: int = Field(default=1_000_000, ge=64_000)
    # /healthz, /readyz and /metrics on a port of their own (they are on the webhook's port too).
    ops_port: int | None = Field(default=None, ge=1, le=65535, examples=[9100])
    ops_listen: str = "127.0.0.1"
    # The trainers' dashboard (`tutor web`): the address trainers open, where it listens, and how
    # long a signed-in browser may stay idle before it has to ask for a new link.
    web_url: str | None = Field(default=None, examples=["https://tutor.example.org"])
    web_listen: str = "127.0.0.1"
    web_port: int = Field(default=8080, ge=1, le=65535)
    web_idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    quiz_style: Literal["buttons", "poll"] = "buttons"
    # Each person may send a burst of messages, then this many per second; the rest are dropped
    # with one "slow down". At most `flood_queue` of their updates wait or run at a time.
    flood_burst: int = Field(default=8, ge=1)
    flood_per_second: float = Field(default=1.0, gt=0)
    flood_queue: int = Field(default=8, ge=1)

    # Retrieval
    index_dir: Path | None = Field(default=None, examples=["data/index"])
    embeddings: Literal["local", "openai"] = "local"
    openai_embeddings_model: str = "text-embedding-3-small"
    chroma_host: str | None = Field(default=None, examples=["chroma"])
    chroma_port: int = Field(default=8000, ge=1, le=65535)

    # Language model (optional)
    llm_base_url: str | None = Field(default=None, examples=["https://api.openai.com/v1"])
    llm_api_key: SecretStr | None = Field(default=None, examples=["sk-..."])
    llm_model: str = "gpt-4o-mini"
    llm_azure_endpoint: str | None = Field(
        default=None, examples=["https://my-resource.openai.azure.com"]
    )
    llm_azure_api_version: str = "2024-10-21"
    llm_timeout_seconds: float = Field(default=20.0, gt=0)
    llm_daily_limit: int = Field(default=30, ge=0)
    # Retries on 429 and 5xx answers, with backoff, all within llm_timeout_seconds.
    llm_max_retries: int = Field(default=2, ge=0)
    llm_temperature: float = Field(default=0.2, ge=0, le=2)
    llm_streaming: bool = False
    # Where the personal-data warning sends the learner to learn more.
    privacy_lesson_id: str = "privacy/personal-data"
    # Where a message with a link is sent to learn how to check what it shows.
    checking_lesson_id: str = "verify/fact-checking"
    # Where a request to translate a text is sent to learn how a chatbot can, and what to check.
    translation_lesson_id: str = "tools/translation"

    # Voice: cards read aloud with espeak-ng, or with an OpenAI-compatible /audio/speech endpoint
    # when one is set (espeak-ng then takes over when it fails); voice notes heard only when an
    # /audio/transcriptions endpoint is set.
    espeak_rate: int = Field(default=145, ge=80, le=260)  # words per minute: calm
    speech_timeout_seconds: float = Field(default=20.0, gt=0)
    tts_base_url: str | None = None
    tts_api_key: SecretStr | None = None
    tts_model: str = "gpt-4o-mini-tts"
    tts_voice: str = "alloy"
    tts_timeout_seconds: float = Field(default=15.0, gt=0)
    stt_base_url: str | None = None
    stt_api_key: SecretStr | None = None
    stt_model: str = "whisper-1"
    stt_timeout_seconds: float = Field(default=20.0, gt=0)

    # Trainers
    # Administrators as `channel:id`; TUTOR_ADMIN_IDS holds Telegram user ids, as it always did.
    admins: Annotated[list[tuple[str, str]], NoDecode] = Field(
        default_factory=list, examples=["telegram:123456789,terminal:anna"]
    )
    admin_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list, examples=["123456789,987654321"]
    )
    timezone: str = "Europe/Brussels"
    # The bot's @username without the @, for join links (t.me/<name>?start=join-<code>).
    telegram_bot_username: str | None = Field(default=None, examples=["ai_tutor_bot"])
    trainer_invite_hours: int = Field(default=72, ge=1)
    join_code_days: int = Field(default=90, ge=1)
    quiet_hours: str = "21:00-08:00"
    reminder_days: int = Field(default=3, ge=0, le=30)  # as `tutor cohort set` takes
    # Reviews: the share of quiz items a learner should still recall when they come back.
    review_retention: float = Field(default=0.9, ge=0.7, le=0.97)
    # Telegram's limits for messages nobody asked for; 0 lifts the overall limit.
    push_rate_per_second: float = Field(default=30.0, ge=0)
    push_chat_interval_seconds: float = Field(default=1.0, ge=0)
    push_concurrency: int = Field(default=8, ge=1)
    push_batch_size: int = Field(default=100, ge=1)
    push_lease_seconds: int = Field(default=120, ge=10)

    @field_validator("admins", mode="before")
    @classmethod
    def _parse_admins(cls, value: object) -> object:
        entries = list_items(value)
        if not isinstance(entries, list):
            return entries
        try:
            return [parse_identity(entry) if isinstance(entry, str) else entry for entry in entries]
        except ValueError as error:
            # Said as the operator's mistake, without the validation library's "Value error,".
            raise _invalid(str(error)) from None

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_admin_ids(cls, value: object) -> object:
        return list_items(value)

    @field_validator("languages", mode="before")
    @classmethod
    def _select_languages(cls, value: object) -> object:
        codes = list_items(value)
        if not isinstance(codes, list):
            return codes
        try:
            return BUILT_IN.select([str(code).strip().lower() for code in codes])
        except (UnknownLanguageError, ValueError) as error:
            raise _language_error(error) from None

    @field_validator("default_language")
    @classmethod
    def _offered(cls, value: str, info: ValidationInfo) -> str:
        # Absent when its own value was invalid, and then already reported.
        languages: LanguageRegistry | None = info.data.get("languages")
        if languages is None:
            return value
        try:
            return languages.profile(value.strip().lower()).code
        except UnknownLanguageError as error:
            raise _language_error(error) from None

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_case_level(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower_case_format(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator(
        "data_dir", "index_dir", "content_dir", "locales_dir", "prompts_dir", mode="before"
    )
    @classmethod
    def _not_empty(cls, value: object) -> object:
        # Path("") is the current folder: an empty variable would write the data where the
        # command happens to run.
        if isinstance(value, str) and not value.strip():
            raise _invalid("it is empty: give a folder, or leave it unset for the default")
        return value

    @field_validator("data_dir")
    @classmethod
    def _data_dir_writable(cls, value: Path) -> Path:
        return _writable_folder(value)

    @field_validator("index_dir")
    @classmethod
    def _index_dir_writable(cls, value: Path | None) -> Path | None:
        return None if value is None else _writable_folder(value)

    @field_validator("content_dir", "locales_dir", "prompts_dir")
    @classmethod
    def _existing_folder(cls, value: Path) -> Path:
        return _folder(value)

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        value = _with_driver(value.strip())
        if value and not _DATABASE_URL.match(value):
            raise _invalid(
                "use postgresql+asyncpg://... or sqlite+aiosqlite:///... (or leave it unset)"
            )
        return value

    @field_validator(
        "telegram_base_url", "webhook_url", "llm_base_url", "llm_azure_endpoint", "web_url"
    )
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return _http_url(value)

    @field_validator("webhook_listen", "ops_listen", "web_listen")
    @classmethod
    def _listen_address(cls, value: str) -> str:
        return _host(value)

    @field_validator("chroma_host")
    @classmethod
    def _chroma_host(cls, value: str | None) -> str | None:
        if value is not None and "://" in value:
            raise _invalid(
                f"{value!r} is an address: give the host name alone (the port goes in "
                "TUTOR_CHROMA_PORT)"
            )
        return None if value is None else _host(value)

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _WEBHOOK_SECRET.match(value.get_secret_value()):
            raise _invalid("use 1 to 256 characters among A-Z, a-z, 0-9, _ and -")
        return value

    @field_validator("telegram_bot_username")
    @classmethod
    def _bot_username(cls, value: str | None) -> str | None:
        if value is None:
            return None
        name = value.strip().removeprefix("@")
        if not _BOT_USERNAME.match(name):
            raise _invalid(f"{value!r} is not a Telegram username (5 to 32 letters, digits or _)")
        return name

    @field_validator("timezone")
    @classmethod
    def _time_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value.strip())
        except (ZoneInfoNotFoundError, ValueError):
            raise _invalid(f"{value!r} is not a time zone name") from None
        return value.strip()

    @field_validator("quiet_hours")
    @classmethod
    def _quiet_hours(cls, value: str) -> str:
        # "22h-7h", "22:00 - 07:00": written as Belgians do, stored as HH:MM-HH:MM.
        hours = parse_range(value)
        if hours is None:
            raise _invalid(f"{value!r} is not two times as HH:MM-HH:MM")
        first, last = (format_clock(minutes) for minutes in hours)
        if quiet_by_day(*hours):
            raise _invalid(f"{value!r} is most of the day: for the night, {last}-{first}")
        return f"{first}-{last}"

    @model_validator(mode="after")
    def _default_among_languages(self) -> Self:
        # Only a default left unset can be outside the languages here: a set one was checked.
        if self.default_language not in self.languages:
            self.default_language = self.languages.codes[0]
        return self

    @property
    def admin_identities(self) -> frozenset[tuple[str, str]]:
        """Return every administrator as (channel, external id), from both settings."""
        telegram_ids = (parse_identity(str(user_id)) for user_id in self.admin_ids)
        return frozenset([*self.admins, *telegram_ids])

    @property
    def resolved_database_url(self) -> str:
        """Return the database URL, defaulting to a SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{self.data_dir / 'tutor.db'}"

    @property
    def resolved_index_dir(self) -> Path:
        """Return where the embedded chromadb index lives, by default in the data directory."""
        return self.index_dir or self.data_dir / "index"

    @property
    def resolved_voice_dir(self) -> Path:
        """Return where the course's audio is cached (course text only, never a learner's voice)."""
        return self.data_dir / "voice"

    @property
    def llm_enabled(self) -> bool:
        """Tell whether a chat model endpoint is configured."""
        return bool(self.llm_base_url or self.llm_azure_endpoint)


def example(name: str) -> str | None:
    """Return a right value of a setting, for messages: its first example, else its default."""
    field = Settings.model_fields[name]
    if field.examples:
        return str(field.examples[0])
    default: Any = field.default
    if default is PydanticUndefined or default is None or field.default_factory is not None:
        return None
    return str(default)


def env_name(name: str) -> str:
    """Return the environment variable of a setting, such as TUTOR_TIMEZONE."""
    field = Settings.model_fields.get(name)
    alias = field.validation_alias if field else None
    if isinstance(alias, AliasChoices):
        return str(alias.choices[0])
    return name if name.isupper() else f"TUTOR_{name.upper()}"


def setting_variables() -> frozenset[str]:
    """Return every environment variable a setting is read from, in capitals."""
    names: set[str] = set()
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        choices = alias.choices if isinstance(alias, AliasChoices) else [env_name(name)]
        names.update(str(choice).upper() for choice in choices)
    return frozenset(names)


def given_variables(env_file: Path = Path(".env")) -> list[str]:
    """Return the names of the environment's variables and of those the `.env` file sets."""
    from dotenv import dotenv_values

    return [*os.environ, *(dotenv_values(env_file) if env_file.is_file() else {})]


def misspelt_settings(variables: Iterable[str]) -> list[str]:
    """Return a warning for each TUTOR_ variable that is no setting but looks like one."""
    # Only near misses: the deployment keeps other TUTOR_ variables (TUTOR_DOMAIN for compose),
    # and a setting typed wrong is otherwise ignored without a word.
    known = setting_variables()
    warnings = []
    for variable in sorted(set(variables)):
        name = variable.upper()  # as pydantic-settings reads them
        if not name.startswith("TUTOR_") or name in known:
            continue
        if close := difflib.get_close_matches(name, known, n=1, cutoff=SPELLING_CUTOFF):
            warnings.append(f"Ignored {variable}: no such setting. Did you mean {close[0]}?")
    return warnings


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning a validation error into one clear line with a right value."""
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        first = error.errors()[0]
        # The setting, not the item of a list: TUTOR_ADMIN_IDS, not TUTOR_ADMIN_IDS.0.
        name = str(first["loc"][0]) if first["loc"] else "settings"
        field_name = next(
            (field for field in Settings.model_fields if env_name(field) == name), name.lower()
        )
        variable = env_name(field_name) if field_name in Settings.model_fields else name
        line = f"Invalid setting {variable}: {first['msg']}"
        if field_name in Settings.model_fields and (right := example(field_name)) is not None:
            line += f" (for example {variable}={right})"
        raise SettingsError(line) from None
    check_index_setup(settings)
    return settings


def full_chromadb_installed() -> bool:
    """Tell whether chromadb itself is installed, not only its HTTP client."""
    try:
        metadata.distribution("chromadb")
    except metadata.PackageNotFoundError:
        return False
    return True


def check_index_setup(settings: Settings) -> None:
    """Refuse an embedded index where only chromadb's HTTP client is installed."""
    if settings.chroma_host is None and not full_chromadb_installed():
        raise SettingsError(SERVER_ONLY_INDEX)
