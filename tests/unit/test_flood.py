"""Each sender gets a burst, then a steady rate; a flood is told to slow down once."""

from __future__ import annotations

from bot.core.flood import TokenBuckets, Verdict


class Seconds:
    """A monotonic clock the tests move by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def buckets(clock: Seconds, burst: int = 3, per_second: float = 1.0) -> TokenBuckets:
    return TokenBuckets(burst, per_second, clock)


def test_a_burst_is_served_then_one_slow_down_then_silent_drops() -> None:
    limiter = buckets(Seconds())

    verdicts = [limiter.admit("amina") for _ in range(7)]

    assert verdicts == [Verdict.SERVE] * 3 + [Verdict.SLOW_DOWN] + [Verdict.DROP] * 3


def test_tokens_come_back_at_the_steady_rate() -> None:
    clock = Seconds()
    limiter = buckets(clock, burst=3, per_second=2.0)
    for _ in range(3):
        limiter.admit("amina")

    clock.now += 0.4
    assert limiter.admit("amina") is Verdict.SLOW_DOWN
    clock.now += 0.1
    assert limiter.admit("amina") is Verdict.SERVE
    assert limiter.admit("amina") is Verdict.DROP


def test_a_long_flood_is_told_once_though_some_messages_get_through() -> None:
    clock = Seconds()
    limiter = buckets(clock)
    verdicts = []
    for _ in range(200):  # ten messages a second for twenty seconds
        verdicts.append(limiter.admit("amina"))
        clock.now += 0.1

    assert verdicts.count(Verdict.SLOW_DOWN) == 1
    assert verdicts.count(Verdict.SERVE) == 3 + 19


def test_after_a_quiet_spell_a_new_flood_is_told_again() -> None:
    clock = Seconds()
    limiter = buckets(clock)
    first = [limiter.admit("amina") for _ in range(5)]

    clock.now += 3  # the bucket is full again
    second = [limiter.admit("amina") for _ in range(5)]

    assert first == second == [Verdict.SERVE] * 3 + [Verdict.SLOW_DOWN, Verdict.DROP]


def test_one_sender_flooding_leaves_others_their_whole_burst() -> None:
    limiter = buckets(Seconds())
    for _ in range(50):
        limiter.admit("amina")

    assert [limiter.admit("jan") for _ in range(3)] == [Verdict.SERVE] * 3


def test_a_refusal_for_another_reason_tells_once_and_takes_no_token() -> None:
    limiter = buckets(Seconds())

    assert limiter.refuse("amina") is Verdict.SLOW_DOWN
    assert limiter.refuse("amina") is Verdict.DROP
    assert [limiter.admit("amina") for _ in range(4)] == [Verdict.SERVE] * 3 + [Verdict.DROP]


def test_senders_whose_bucket_filled_up_are_forgotten() -> None:
    clock = Seconds()
    limiter = buckets(clock)
    for sender in range(100):
        limiter.admit(sender)
    assert len(limiter) == 100

    clock.now += 3
    limiter.admit("jan")

    assert len(limiter) == 1


def test_a_long_wait_during_refusals_refills_no_more_than_the_burst() -> None:
    clock = Seconds()
    limiter = buckets(clock)
    for _ in range(3):
        limiter.admit("amina")
    for _ in range(10):  # refused for other reasons, every second: the flood goes on
        limiter.refuse("amina")
        clock.now += 1

    assert [limiter.admit("amina") for _ in range(4)] == [Verdict.SERVE] * 3 + [Verdict.DROP]
