"""A value that takes long to build: built once, on first use or in the background from start."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

from bot.allocator import give_back_freed_memory

T = TypeVar("T")

logger = logging.getLogger(__name__)


class Lazy(Generic[T]):
    """Build a value once, in whichever thread asks first; every caller gets that value.

    `start()` builds it in a background thread, so that the process can go on (show its first
    prompt) meanwhile; a caller who needs it before it is ready waits for it. When the build
    fails, every caller gets its error.

    `start(after=other)` builds it once the other value is built, and a caller who needs it
    meanwhile waits for both, in that order. Two builds at once compete for the interpreter, and
    one that holds it long (a model read by native code that keeps the GIL) stalls every update
    meanwhile; one after the other, the first updates are answered before that stall, both are
    ready as soon, and their peaks of memory do not add up.

    `cancel()` leaves a background build that has not begun unbuilt: closing need not build, only
    to throw it away, what was queued behind the index.
    """

    def __init__(self, build: Callable[[], T], *, name: str) -> None:
        self.name = name
        self._build: Callable[[], T] | None = build
        self._lock = threading.Lock()
        self._started = threading.Event()
        self._value: T | None = None
        self._error: BaseException | None = None
        self._after: Lazy[Any] | None = None
        self._background: threading.Thread | None = None
        self._cancelled = False

    def start(self, *, after: Lazy[Any] | None = None) -> None:
        """Begin building in a background thread (once `after` is built), unless begun already."""
        if self._started.is_set():
            return
        self._after = after
        self._started.set()
        self._background = threading.Thread(
            target=self._build_in_background, name=f"load-{self.name}", daemon=True
        )
        self._background.start()

    def cancel(self) -> None:
        """Keep the background build from beginning, if it has not; one under way goes on."""
        self._cancelled = True

    def ready(self) -> bool:
        """Tell whether `get()` answers at once: the value, or its error, is there."""
        return self._build is None

    def loaded(self) -> bool:
        """Tell whether the value is built, without error; never waits."""
        return self._build is None and self._error is None

    def get(self) -> T:
        """Return the value, building it here or waiting for the build under way."""
        self._started.set()
        if self._after is not None and self._build is not None:
            # Whether it was built or failed, this one is built next.
            self._after.built()
        with self._lock:
            if self._build is not None:
                # Only an Exception is kept; Ctrl+C leaves it unbuilt, for the next caller.
                try:
                    self._value = self._build()
                except Exception as error:
                    self._error = error
                self._build = None
                # What the build freed (files read, batches embedded) is not kept resident.
                give_back_freed_memory()
            if self._error is not None:
                raise self._error
            return cast(T, self._value)

    async def wait(self) -> T:
        """Return the value without blocking the event loop while it is built."""
        if self.ready():
            return self.get()
        return await asyncio.to_thread(self.get)

    async def settled(self) -> None:
        """Wait, without blocking the event loop, for a build under way to end, however it ends."""
        if self._started.is_set() and not self.ready():
            await asyncio.to_thread(self.built)

    def built(self) -> T | None:
        """Return the value once any build under way ends; None if never asked for, or failed."""
        if not self._started.is_set():
            return None
        try:
            return self.get()
        except Exception:
            return None

    def ended(self) -> T | None:
        """Return the value once the background build ends or is left; None if not built."""
        if self._background is not None:
            self._background.join()
        return self.built() if self._build is None else None

    def _build_in_background(self) -> None:
        if self._after is not None:
            # The one before ends first, unless it was cancelled too: left unbuilt, not built here.
            self._after.ended()
        if self._cancelled:
            return
        try:
            self.get()
        except Exception:
            # Said at once, not only to the first caller, who may come much later.
            logger.exception("Loading the %s failed", self.name)
