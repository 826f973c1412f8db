"""Typed button data, the namespaced router and the conversation state, without a database."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.app import App
from bot.core import callbacks
from bot.core.callbacks import MAX_INT, CallbackData, CallbackError, field_kinds
from bot.core.feature import CommandRoute, Manifest, TextRoute, on
from bot.core.router import RouteCollisionError, Router, Turn
from bot.core.state import Conversation, FlowState, Idle, StateCodec, StoredState
from tests.conftest import Clock
from tests.support.chat import Chat
from tests.support.learning import fixture_course, learning_manifests, learning_tutor
from tests.support.memory import MemoryUnits


@dataclass(frozen=True)
class Pick(CallbackData):
    action = "demo.pick"
    lesson: str
    option: int


@dataclass(frozen=True)
class Other(CallbackData):
    action = "other.pick"


@dataclass(frozen=True)
class Writing(FlowState):
    flow = "demo.writing"
    captures_text = True
    task: str


@dataclass(frozen=True)
class Reading(FlowState):
    flow = "demo.reading"
    lesson: str
    card: int = 0

    @property
    def lesson_id(self) -> str | None:
        return self.lesson


async def pick(turn: Turn, chosen: Pick) -> None:
    turn.say(f"{chosen.lesson} {chosen.option}")


async def command(turn: Turn, args: tuple[str, ...]) -> None:
    turn.say(" ".join(args))


async def text(turn: Turn, typed: str) -> None:
    turn.say(typed)


def unpacked(data: str) -> CallbackData | None:
    router = Router.of([Manifest("demo", buttons=(on(Pick, pick),))])
    found = router.button_for(data)
    return found[1] if found else None


def test_button_data_round_trips_with_its_types() -> None:
    data = Pick("basics/what-is-ai", 2).pack()
    assert data == "v2:demo.pick:basics/what-is-ai:2"
    assert unpacked(data) == Pick("basics/what-is-ai", 2)


@pytest.mark.parametrize(
    "data",
    [
        "v1:demo.pick:a/b:1",  # an older version
        "v2:demo.pick:a/b",  # a field missing
        "v2:demo.pick:a/b:1:2",  # a field too many
        "v2:demo.pick:a/b:one",  # not a number
        "v2:demo.pick:a/b:-1",
        f"v2:demo.pick:a/b:{MAX_INT + 1}",  # would overflow an integer column
        "v2:demo.pick:a/b:" + "9" * 40,
        "v2:demo.pick:../../etc/passwd;:1",
        "v2:demo.nothing:a/b:1",
        "v2:other.pick",  # a feature this router does not have
        "v2:" + "x" * 80,
        "",
        "💥",
    ],
)
def test_stale_forged_or_foreign_data_is_refused(data: str) -> None:
    assert unpacked(data) is None


def test_data_that_would_not_fit_telegram_is_refused_when_built() -> None:
    with pytest.raises(CallbackError):
        Pick("a" * 48, MAX_INT).pack()
    with pytest.raises(CallbackError):
        Pick("a:b", 1).pack()
    with pytest.raises(CallbackError):
        Pick("a/b", MAX_INT + 1).pack()
    assert len(Pick("a" * 40, MAX_INT).pack().encode()) <= callbacks.MAX_BYTES


def test_the_router_refuses_two_features_claiming_the_same_command() -> None:
    first = Manifest("demo", commands=(CommandRoute("start", command),))
    second = Manifest("other", commands=(CommandRoute("start", command),))
    with pytest.raises(RouteCollisionError, match="/start is claimed by both demo and other"):
        Router.of([first, second])


def test_the_router_refuses_a_button_outside_its_feature_namespace() -> None:
    with pytest.raises(RouteCollisionError, match="outside its namespace"):
        Router.of([Manifest("demo", buttons=(on(Other, command),))])


def test_the_router_refuses_the_same_button_twice() -> None:
    manifest = Manifest("demo", buttons=(on(Pick, pick), on(Pick, pick)))
    with pytest.raises(RouteCollisionError, match=r"button demo\.pick"):
        Router.of([manifest])


def test_the_router_refuses_two_text_handlers_for_one_flow() -> None:
    first = Manifest("demo", texts=(TextRoute(text),))
    second = Manifest("other", texts=(TextRoute(text),))
    with pytest.raises(RouteCollisionError, match="text in any flow"):
        Router.of([first, second])


def test_the_router_refuses_two_states_with_one_name() -> None:
    @dataclass(frozen=True)
    class Twin(FlowState):
        flow = "demo.writing"

    with pytest.raises(ValueError, match=r"demo\.writing"):
        Router.of([Manifest("demo", states=(Writing, Twin))])


def test_free_text_goes_to_the_flow_that_reads_it_else_to_the_general_handler() -> None:
    async def attempt(turn: Turn, typed: str) -> None:
        turn.say(typed)

    router = Router.of(
        [
            Manifest("demo", texts=(TextRoute(attempt, Writing.flow),)),
            Manifest("other", texts=(TextRoute(text),)),
        ]
    )
    assert [router.text_route(state) for state in (Writing("t1"), Idle())] == [
        TextRoute(attempt, Writing.flow),
        TextRoute(text),
    ]


def test_states_are_stored_and_read_back_typed() -> None:
    codec = StateCodec([Writing, Reading])
    for state in (Idle(), Idle("a/b"), Writing("task-1"), Reading("a/b", 3)):
        assert codec.load(codec.dump(state)) == state
    assert codec.dump(Reading("a/b", 3)) == StoredState(
        "demo.reading", "", {"lesson": "a/b", "card": 3}
    )


def test_a_state_that_no_longer_fits_falls_back_to_idle() -> None:
    codec = StateCodec([Writing, Reading])
    unknown = StoredState("gone.flow", "", {})
    missing_field = StoredState("demo.writing", "", {})
    assert codec.load_conversation(unknown, None) == Conversation()
    assert codec.load_conversation(missing_field, None) == Conversation()
    # A field that no longer exists is ignored; the rest of the state is kept.
    extra = StoredState("demo.reading", "", {"lesson": "a/b", "card": 1, "old": True})
    assert codec.load(extra) == Reading("a/b", 1)


def test_an_interruption_goes_back_to_where_the_learner_was() -> None:
    reading = Conversation().go(Reading("a/b", 2))
    writing = reading.enter(Writing("task-1"))
    assert writing.lesson_id == "a/b"
    # A second interruption on top of the first still goes back to the lesson.
    again = writing.enter(Writing("task-2"))
    assert again.leave() == Conversation(Reading("a/b", 2))
    assert reading.leave() == Conversation(Idle("a/b"))


def test_every_button_the_app_can_build_fits_telegram(app: App) -> None:
    course = app.services.course
    lessons = list(course.lessons.values())
    strings: dict[str, list[str]] = {
        "lesson": [lesson.id for lesson in lessons],
        "item": [item.id for lesson in lessons for item in lesson.quiz]
        + [item.id for pool in course.checks.values() for item in pool],
        "form": [item.form for pool in course.checks.values() for item in pool],
        "module": [m.id for modules in course.modules.values() for m in modules],
        "task": [t.id for modules in course.modules.values() for m in modules for t in m.practice],
        "language": list(app.services.translators),
        # Every literal the flows put in a button (answers, presets, kinds of sends).
        "choice": ["yes", "no", "on", "off", "now", "ask", "tomorrow", "monday", "weekdays"],
        "kind": ["lesson", "quiz", "next", "review", "message", "push", "plan"],
        "command": [command.name for command in app.services.commands],
    }
    numbers = {
        "card": max(len(lesson.cards) for lesson in lessons) - 1,
        "option": max(len(item.options) for lesson in lessons for item in lesson.quiz) - 1,
    }
    checked = 0
    for route in app.router.buttons.values():
        values: dict[str, object] = {}
        for name, kind in field_kinds(route.data):
            if kind is int:
                # Database ids grow without end: the largest one a button accepts must fit.
                values[name] = numbers.get(name, MAX_INT)
            else:
                assert name in strings, f"{route.data.__name__}.{name}: list its values here"
                values[name] = max(strings[name], key=len)
        packed = route.data(**values).pack()
        assert len(packed.encode()) <= callbacks.MAX_BYTES
        assert app.router.button_for(packed) == (route, route.data(**values))
        checked += 1
    assert checked == len(app.router.buttons) > 40


@dataclass(frozen=True)
class Typing(FlowState):
    flow = "demo.typing"
    captures_text = True
    literal_text = True


async def test_text_filters_read_first_except_what_a_literal_state_takes_as_it_is() -> None:
    seen: list[str] = []

    async def small_talk(turn: Turn, typed: str) -> bool:
        seen.append(f"filter:{typed}")
        return typed == "merci"

    async def typed_for_flow(turn: Turn, typed: str) -> None:
        seen.append(f"flow:{typed}")

    async def start_typing(turn: Turn, _: tuple[str, ...]) -> None:
        turn.go(Typing())

    manifests = [
        *learning_manifests(fixture_course()),
        Manifest(
            "demo",
            commands=(CommandRoute("type", start_typing),),
            texts=(TextRoute(typed_for_flow), TextRoute(typed_for_flow, Typing.flow)),
            text_filters=(small_talk,),
            states=(Typing,),
        ),
    ]
    chat = Chat(learning_tutor(MemoryUnits(), Clock(), manifests), language_code="en")
    await chat.command("start")
    await chat.say("merci")
    await chat.say("what is AI")
    await chat.command("type")
    await chat.say("merci")
    assert seen == ["filter:merci", "filter:what is AI", "flow:what is AI", "flow:merci"]
