"""Typed settings, read from the environment and `.env`, validated at start."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import (
    AliasChoices,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.core.languages import BUILT_IN, LanguageRegistry, UnknownLanguageError
from bot.paths import PROJECT_ROOT

# A language code such as "fr": one of `Settings.languages`, checked where a code comes in.
Language = str


class SettingsError(Exception):
    """Raised when a setting has an invalid value; the message is one line for a person."""


def parse_identity(text: str) -> tuple[str, str]:
    """Read `channel:id` as (channel, external id); a bare number is a Telegram user id."""
    text = text.strip()
    if text.isdigit():
        return "telegram", text
    channel, _, external_id = (part.strip() for part in text.partition(":"))
    if not channel or not external_id:
        raise ValueError(f"{text!r} is not channel:id, such as telegram:123456 or terminal:anna")
    return channel, external_id


def _split_commas(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _comma_separated(value: object) -> object:
    if isinstance(value, str):
        return _split_commas(value)
    if isinstance(value, int):
        return [value]
    return value


def _language_error(error: Exception) -> PydanticCustomError:
    return PydanticCustomError("language", "{reason}", {"reason": str(error)})


class Settings(BaseSettings):
    """Everything the tutor can be configured with, prefixed `TUTOR_` in the environment."""

    model_config = SettingsConfigDict(
        env_prefix="TUTOR_",
        env_file=".env",
        extra="ignore",
        populate_by_name=True,
        arbitrary_types_allowed=True,
    )

    data_dir: Path = Path("data")
    database_url: str = ""
    content_dir: Path = PROJECT_ROOT / "content"
    locales_dir: Path = PROJECT_ROOT / "locales"
    prompts_dir: Path = PROJECT_ROOT / "prompts"
    # The languages offered to learners, in order: codes of BUILT_IN, e.g. "fr,nl,en".
    languages: Annotated[LanguageRegistry, NoDecode] = BUILT_IN
    # Before a learner chooses. Left unset, English, or the first language when English is off.
    default_language: Language = Field(default="en", validate_default=False)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # The secret the limits' identity codes are made with (HMAC-SHA256). Left unset, a random one
    # is made once in the data folder; set it when replicas do not share that folder.
    identity_salt: SecretStr | None = None

    # Telegram
    telegram_bot_token: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("TELEGRAM_BOT_TOKEN", "TUTOR_TELEGRAM_BOT_TOKEN"),
    )
    telegram_base_url: str | None = None
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None
    # An update is a few kilobytes; a larger request body is refused before it is read.
    webhook_max_body_bytes: int = Field(default=1_000_000, ge=64_000)
    quiz_style: Literal["buttons", "poll"] = "buttons"
    # Each person may send a burst of messages, then this many per second; the rest are dropped
    # with one "slow down". At most `flood_queue` of their updates wait or run at a time.
    flood_burst: int = Field(default=8, ge=1)
    flood_per_second: float = Field(default=1.0, gt=0)
    flood_queue: int = Field(default=8, ge=1)

    # Retrieval
    index_dir: Path | None = None
    embeddings: Literal["local", "openai"] = "local"
    openai_embeddings_model: str = "text-embedding-3-small"
    chroma_host: str | None = None
    chroma_port: int = Field(default=8000, ge=1, le=65535)

    # Language model (optional)
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_model: str = "gpt-4o-mini"
    llm_azure_endpoint: str | None = None
    llm_azure_api_version: str = "2024-10-21"
    llm_timeout_seconds: float = Field(default=20.0, gt=0)
    llm_daily_limit: int = Field(default=30, ge=0)
    # Retries on 429 and 5xx answers, with backoff, all within llm_timeout_seconds.
    llm_max_retries: int = Field(default=2, ge=0)
    llm_temperature: float = Field(default=0.2, ge=0, le=2)
    llm_streaming: bool = False
    # Where the personal-data warning sends the learner to learn more.
    privacy_lesson_id: str = "privacy/personal-data"

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
    admins: Annotated[list[tuple[str, str]], NoDecode] = Field(default_factory=list)
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    timezone: str = "Europe/Brussels"
    # The bot's @username without the @, for join links (t.me/<name>?start=join-<code>).
    telegram_bot_username: str | None = None
    trainer_invite_hours: int = Field(default=72, ge=1)
    join_code_days: int = Field(default=90, ge=1)
    quiet_hours: str = Field(
        default="21:00-08:00", pattern=r"^([01]?\d|2[0-3]):[0-5]\d-([01]?\d|2[0-3]):[0-5]\d$"
    )
    reminder_days: int = Field(default=3, ge=0)
    # Telegram's limits for messages nobody asked for; 0 lifts the overall limit.
    push_rate_per_second: float = Field(default=30.0, ge=0)
    push_chat_interval_seconds: float = Field(default=1.0, ge=0)
    push_concurrency: int = Field(default=8, ge=1)
    push_batch_size: int = Field(default=100, ge=1)
    push_lease_seconds: int = Field(default=120, ge=10)

    @field_validator("admins", mode="before")
    @classmethod
    def _parse_admins(cls, value: object) -> object:
        entries = _comma_separated(value)
        if not isinstance(entries, list):
            return entries
        return [parse_identity(entry) if isinstance(entry, str) else entry for entry in entries]

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_admin_ids(cls, value: object) -> object:
        return _comma_separated(value)

    @field_validator("languages", mode="before")
    @classmethod
    def _select_languages(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        try:
            return BUILT_IN.select(_split_commas(value))
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
            return languages.profile(value).code
        except UnknownLanguageError as error:
            raise _language_error(error) from None

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


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning a validation error into one clear line."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        first = error.errors()[0]
        name = ".".join(str(part) for part in first["loc"]) or "settings"
        env_name = name if name.isupper() else f"TUTOR_{name.upper()}"
        raise SettingsError(f"Invalid setting {env_name}: {first['msg']}") from None
