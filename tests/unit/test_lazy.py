"""A lazy value is built once, by whoever asks first, and its error reaches every caller."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.core.lazy import Lazy


class Builder:
    """Count the builds; hold each one until released, so callers can pile up meanwhile."""

    def __init__(self, *, error: Exception | None = None) -> None:
        self.calls = 0
        self.error = error
        self.building = threading.Event()
        self.release = threading.Event()

    def __call__(self) -> list[int]:
        self.calls += 1
        self.building.set()
        self.release.wait(timeout=30)
        if self.error is not None:
            raise self.error
        return [self.calls]


def test_the_value_is_built_on_first_use_then_kept() -> None:
    builder = Builder()
    builder.release.set()
    lazy = Lazy(builder, name="numbers")

    assert not lazy.ready()
    first = lazy.get()

    assert lazy.ready()
    assert lazy.get() is first
    assert builder.calls == 1


def test_callers_at_once_wait_for_one_build_and_share_its_value() -> None:
    builder = Builder()
    lazy = Lazy(builder, name="numbers")
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = [pool.submit(lazy.get) for _ in range(4)]
        assert builder.building.wait(timeout=30)
        builder.release.set()
        values = [result.result(timeout=30) for result in results]

    assert builder.calls == 1
    assert all(value is values[0] for value in values)


def test_a_background_build_is_awaited_without_building_again() -> None:
    builder = Builder()
    lazy = Lazy(builder, name="numbers")
    lazy.start()
    assert builder.building.wait(timeout=30)
    assert not lazy.ready()

    async def ask() -> list[int]:
        waiting = asyncio.create_task(lazy.wait())
        await asyncio.sleep(0)  # the event loop stays free while the build goes on
        builder.release.set()
        return await waiting

    assert asyncio.run(ask()) == [1]
    lazy.start()
    assert builder.calls == 1


def test_a_failed_build_raises_its_error_to_every_caller_and_is_not_retried(
    caplog: pytest.LogCaptureFixture,
) -> None:
    builder = Builder(error=OSError("index missing"))
    lazy = Lazy(builder, name="lesson index")
    lazy.start()
    background = next(t for t in threading.enumerate() if t.name == "load-lesson index")
    builder.release.set()
    background.join(timeout=30)

    # Told in the log as soon as it happens, and to every caller after.
    assert "Loading the lesson index failed" in caplog.text
    for _ in range(2):
        with pytest.raises(OSError, match="index missing"):
            lazy.get()
    assert lazy.built() is None
    assert builder.calls == 1


def test_built_waits_for_a_build_under_way_and_builds_nothing_never_asked_for() -> None:
    never = Builder()
    assert Lazy(never, name="unused").built() is None
    assert never.calls == 0

    builder = Builder()
    lazy = Lazy(builder, name="numbers")
    lazy.start()
    assert builder.building.wait(timeout=30)
    threading.Timer(0.05, builder.release.set).start()

    assert lazy.built() == [1]


def test_a_value_started_after_another_is_built_once_the_other_is() -> None:
    first, second = Builder(), Builder()
    second.release.set()
    before = Lazy(first, name="lesson index")
    after = Lazy(second, name="language detector")
    before.start()
    after.start(after=before)
    assert first.building.wait(timeout=30)

    assert not second.building.wait(timeout=0.05)
    first.release.set()
    assert after.built() == [1]
    assert second.calls == 1


def test_a_value_started_after_another_waits_for_it_when_asked_for() -> None:
    first, second = Builder(), Builder()
    second.release.set()
    before = Lazy(first, name="lesson index")
    after = Lazy(second, name="language detector")
    before.start()
    after.start(after=before)
    assert first.building.wait(timeout=30)

    with ThreadPoolExecutor(max_workers=1) as pool:
        asked = pool.submit(after.get)
        assert not second.building.wait(timeout=0.05)
        first.release.set()
        assert asked.result(timeout=30) == [1]
    assert before.get() == [1]
    assert second.calls == 1


def test_cancelled_values_queued_behind_another_are_left_unbuilt() -> None:
    first, second, third = Builder(), Builder(), Builder()
    second.release.set()
    third.release.set()
    index = Lazy(first, name="lesson index")
    phrases = Lazy(second, name="phrases")
    lessons = Lazy(third, name="lessons")
    index.start()
    phrases.start(after=index)
    lessons.start(after=phrases)
    assert first.building.wait(timeout=30)

    for value in (index, phrases, lessons):
        value.cancel()
    first.release.set()

    # The build under way goes on; those queued behind it never begin, not even to be waited for.
    assert lessons.ended() is None
    assert phrases.ended() is None
    assert index.ended() == [1]
    assert (second.calls, third.calls) == (0, 0)


def test_ended_builds_nothing_never_started() -> None:
    never = Builder()
    lazy = Lazy(never, name="unused")
    lazy.cancel()
    assert lazy.ended() is None
    assert never.calls == 0
