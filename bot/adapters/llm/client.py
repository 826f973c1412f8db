"""The chat model: any OpenAI-compatible server, or Azure OpenAI, built from the settings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import openai
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models import BaseChatModel
from langchain_openai import AzureChatOpenAI, ChatOpenAI
from pydantic import SecretStr

from bot.config import Settings

# Local servers (Ollama, vLLM) ask for no key, but the OpenAI client refuses to start without one.
NO_KEY = SecretStr("no-key")


@dataclass(frozen=True)
class ChatClient:
    """A chat model and the HTTP connections it owns, closed at shutdown."""

    model: BaseChatModel
    http_client: openai.DefaultAsyncHttpxClient
    timeout_seconds: float

    async def aclose(self) -> None:
        """Close the pooled connections to the model server."""
        await self.http_client.aclose()


def open_chat_client(
    settings: Settings, callbacks: Sequence[BaseCallbackHandler] = ()
) -> ChatClient | None:
    """Build the chat model the settings describe, or None when no model is configured.

    `callbacks` hear of every call (the metrics).
    """
    if not settings.llm_enabled:
        return None
    http_client = openai.DefaultAsyncHttpxClient(timeout=settings.llm_timeout_seconds)
    api_key = settings.llm_api_key or NO_KEY
    model: BaseChatModel
    if settings.llm_azure_endpoint:
        model = AzureChatOpenAI(
            azure_endpoint=settings.llm_azure_endpoint,
            azure_deployment=settings.llm_model,
            api_version=settings.llm_azure_api_version,
            api_key=api_key,
            timeout=settings.llm_timeout_seconds,
            max_retries=settings.llm_max_retries,
            temperature=settings.llm_temperature,
            streaming=settings.llm_streaming,
            stream_usage=True,
            http_async_client=http_client,
            callbacks=list(callbacks),
        )
    else:
        model = ChatOpenAI(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=api_key,
            timeout=settings.llm_timeout_seconds,
            max_retries=settings.llm_max_retries,
            temperature=settings.llm_temperature,
            streaming=settings.llm_streaming,
            stream_usage=True,
            http_async_client=http_client,
            callbacks=list(callbacks),
        )
    return ChatClient(model, http_client, settings.llm_timeout_seconds)
