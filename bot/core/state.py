"""Where each learner is in the conversation: one typed state per learner, kept in the database.

A state is a frozen dataclass with a `flow` name (`namespace.flow`) and JSON-ready fields; it is
stored as (flow, step, data). A flow that interrupts another one (a review, prompt practice, a
trainer typing a date) is *entered* on top of it and *left* to go back, so nothing is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar

logger = logging.getLogger(__name__)

JsonData = dict[str, Any]


@dataclass(frozen=True)
class FlowState:
    """Base of every conversation state; subclasses name their `flow` and declare fields."""

    flow: ClassVar[str]
    # A flow that reads what the learner types (prompt practice, a trainer's date) is left
    # when the learner goes to the menu, so the next message is read as a question again.
    captures_text: ClassVar[bool] = False
    # What is typed in this state is taken as it is (a message a trainer sends to learners):
    # nothing reads it first, so "Merci !" is sent, not answered as small talk.
    literal_text: ClassVar[bool] = False
    # Longer typed text gets "please ask one short question": a question is a sentence or two.
    max_text_chars: ClassVar[int] = 1000

    @property
    def step(self) -> str:
        """Return the step within the flow (a wizard's question); most flows have one step."""
        return ""

    @property
    def lesson_id(self) -> str | None:
        """Return the lesson this state is about, if any; the menu offers to continue it."""
        return None


@dataclass(frozen=True)
class Idle(FlowState):
    """Between flows; remembers the lesson to continue with, if any."""

    flow: ClassVar[str] = "core.idle"
    lesson: str | None = None

    @property
    def lesson_id(self) -> str | None:
        """Return the lesson the menu offers to continue."""
        return self.lesson


@dataclass(frozen=True)
class Conversation:
    """A learner's state, and the state to go back to when an interrupting flow ends."""

    current: FlowState = Idle()
    resume: FlowState | None = None

    @property
    def lesson_id(self) -> str | None:
        """Return the learner's current lesson, in the state or in the one it interrupts."""
        if self.current.lesson_id is not None or self.resume is None:
            return self.current.lesson_id
        return self.resume.lesson_id

    def go(self, state: FlowState) -> Conversation:
        """Move to a state, ending any interruption."""
        return Conversation(state)

    def enter(self, state: FlowState) -> Conversation:
        """Interrupt the current flow with another, keeping where to go back to."""
        return Conversation(state, self.resume or self.current)

    def leave(self) -> Conversation:
        """End the current flow: back to the interrupted one, else idle on the same lesson."""
        if self.resume is not None:
            return Conversation(self.resume)
        return Conversation(Idle(self.current.lesson_id))


@dataclass(frozen=True)
class StoredState:
    """A state as the database keeps it."""

    flow: str
    step: str
    data: JsonData


class StateCodec:
    """Turn typed states into stored records and back, for the flows of the assembled features."""

    def __init__(self, states: Iterable[type[FlowState]]) -> None:
        self._classes: dict[str, type[FlowState]] = {}
        classes: tuple[type[FlowState], ...] = (Idle, *states)
        for cls in classes:
            if self._classes.setdefault(cls.flow, cls) is not cls:
                raise ValueError(f"two states are named {cls.flow!r}")

    def dump(self, state: FlowState) -> StoredState:
        """Return the record of a state."""
        return StoredState(state.flow, state.step, asdict(state))

    def load(self, stored: StoredState | None) -> FlowState | None:
        """Return the typed state of a record; None when its flow or data no longer fits."""
        if stored is None:
            return None
        cls = self._classes.get(stored.flow)
        if cls is None:
            return None
        names = {f.name for f in fields(cls)}
        try:
            return cls(**{k: v for k, v in stored.data.items() if k in names})
        except TypeError:
            # A state written by an older version with a field since removed or renamed.
            logger.warning("Dropping a stored %s state that no longer fits", stored.flow)
            return None

    def load_conversation(
        self, current: StoredState | None, resume: StoredState | None
    ) -> Conversation:
        """Return a learner's conversation; anything unreadable falls back to idle."""
        state = self.load(current)
        if state is None:
            return Conversation()
        return Conversation(state, self.load(resume))
