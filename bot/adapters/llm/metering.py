"""Count the chat model's calls, errors and tokens, as LangChain reports them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.messages import AIMessage
from langchain_core.outputs import ChatGeneration, LLMResult

if TYPE_CHECKING:
    from bot.ops.metrics import Metrics


class ModelMeter(BaseCallbackHandler):
    """A LangChain callback that adds every model call to the app's metrics."""

    # Counting is quick: done in the caller's thread, not handed to an executor.
    run_inline = True

    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self.metrics = metrics

    def on_llm_end(self, response: LLMResult, **_kwargs: Any) -> None:
        """Count a call that answered, with the tokens it used."""
        usages = [
            generation.message.usage_metadata
            for generations in response.generations
            for generation in generations
            if isinstance(generation, ChatGeneration)
            and isinstance(generation.message, AIMessage)
            and generation.message.usage_metadata
        ]
        self.metrics.model_call(
            ok=True,
            input_tokens=sum(usage["input_tokens"] for usage in usages),
            output_tokens=sum(usage["output_tokens"] for usage in usages),
        )

    def on_llm_error(self, error: BaseException, **_kwargs: Any) -> None:
        """Count a call that failed (after the client's own retries)."""
        self.metrics.model_call(ok=False)
