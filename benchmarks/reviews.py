"""Replay synthetic learners through the old Leitner reviews and through FSRS, and compare.

Each learner has an ability, each quiz item a difficulty; memory follows a forgetting curve
(the chance of recalling an item falls as 0.9 ** (days since it was last seen / stability)).
Seeing an item again strengthens it, the more so the closer it was to being forgotten (a
successful hard recall counts most); a miss shows the explanation and starts it over, weaker.
Learners answer on some days and skip others (each has their own chance of showing up); on a
day they come, they first take one review of up to 10 due questions, as the tutor offers, then
the next lesson's quiz (4 new items) until the course's 40 items are all seen.

- Leitner, the tutor's old rule: only missed quiz items are reviewed, after 1 day, then 3, 7
  and 16 days after each right answer; an item right in its last box leaves the review.
- FSRS: every answered item gets a card (`bot.features.review.memory.Memory`, the tutor's own
  scheduler), at desired retentions 0.8, 0.9 (the default) and 0.95.

At day 30 and day 90 the run reports, over the items each learner has seen, the mean true chance
of recalling them (retention), the expected number of items retained, the review answers given
so far (first quiz answers aside), and the reviews needed per retained item.

    python -m benchmarks.reviews             # 500 learners
    python -m benchmarks.reviews --short     # CI: 60 learners

Results go to stdout and benchmarks/results/reviews.json. Everything is seeded: the same run
gives the same figures.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from bot.features.review.memory import Memory
from bot.features.review.ports import ReviewCard

RESULTS = Path(__file__).parent / "results" / "reviews.json"
START = datetime(2026, 1, 5, 17, 0, tzinfo=UTC)
ITEMS = 40
NEW_PER_DAY = 4
SESSION_SIZE = 10
CHECKPOINTS = (30, 90)
LEITNER_DAYS = (1, 3, 7, 16)


@dataclass
class Trace:
    """What one learner truly remembers of one item."""

    stability: float  # days until the chance of recall falls to 90 %
    last_seen: float  # day


@dataclass
class Learner:
    """A synthetic learner: how well they learn, and how often they come."""

    ability: float
    show_up: float
    traces: dict[int, Trace] = field(default_factory=dict)
    reviews: int = 0


def recall(trace: Trace, day: float) -> float:
    """Return the true chance of recalling an item on a day."""
    return float(0.9 ** ((day - trace.last_seen) / trace.stability))


def strengthen(trace: Trace, day: float, chance: float, remembered: bool, ease: float) -> None:
    """Update the true memory after the learner met the item again."""
    if remembered:
        # The harder the recall was (the lower the chance), the more it strengthens memory.
        trace.stability *= 1 + ease * (0.5 + 3.0 * (1 - chance))
    else:
        trace.stability = max(0.3, trace.stability * 0.4)
    trace.last_seen = day


class Scheduler(Protocol):
    """What a review rule decides: what to ask today, and what to do with an answer."""

    def due(self, day: float) -> list[int]:
        """Return the items due by the end of the day, the longest due first."""
        ...

    def answered(self, item: int, day: float, correct: bool, first: bool) -> None:
        """Take one answer into account."""
        ...


class Leitner:
    """The old rule: missed items in boxes 1, 3, 7 and 16 days; learnt items leave."""

    def __init__(self) -> None:
        self.boxes: dict[int, tuple[int, float]] = {}

    def due(self, day: float) -> list[int]:
        """Return the items due by the end of the day, the longest due first."""
        found = [(due, item) for item, (_, due) in self.boxes.items() if due < math.floor(day) + 1]
        return [item for _, item in sorted(found)]

    def answered(self, item: int, day: float, correct: bool, first: bool) -> None:
        """Take one answer into account."""
        if not correct:
            self.boxes[item] = (1, day + LEITNER_DAYS[0])
        elif not first:
            box = self.boxes[item][0] + 1
            if box > len(LEITNER_DAYS):
                del self.boxes[item]
            else:
                self.boxes[item] = (box, day + LEITNER_DAYS[box - 1])


class Fsrs:
    """The tutor's FSRS scheduler: every answered item has a card."""

    def __init__(self, memory: Memory) -> None:
        self.memory = memory
        self.cards: dict[int, ReviewCard] = {}

    def due(self, day: float) -> list[int]:
        """Return the items due by the end of the day, the longest due first."""
        end = moment(math.floor(day) + 1)
        found = [(card.due, item) for item, card in self.cards.items() if card.due < end]
        return [item for _, item in sorted(found)]

    def answered(self, item: int, day: float, correct: bool, first: bool) -> None:
        """Take one answer into account."""
        before = self.cards.get(item)
        self.cards[item] = self.memory.review(
            before, "lesson", str(item), correct=correct, now=moment(day)
        )


def moment(day: float) -> datetime:
    """Return the instant of a (fractional) day of the simulation."""
    return START + timedelta(days=day)


def answer(learner: Learner, item: int, difficulty: float, day: float, rng: random.Random) -> bool:
    """Let the learner answer an item they have seen before; return whether they were right."""
    trace = learner.traces[item]
    chance = recall(trace, day)
    remembered = rng.random() < chance
    ease = math.exp(learner.ability - difficulty)
    strengthen(trace, day, chance, remembered, ease)
    return remembered


def first_answer(
    learner: Learner, item: int, difficulty: float, day: float, rng: random.Random
) -> bool:
    """Let the learner meet an item in a lesson and answer its quiz question right after."""
    ease = math.exp(learner.ability - difficulty)
    right = rng.random() < 1 / (1 + math.exp(-(1.2 + learner.ability - difficulty)))
    # Read in the lesson and answered at once: a first memory of about a day, weaker if missed.
    learner.traces[item] = Trace(stability=ease * (1.0 if right else 0.5), last_seen=day)
    return right


def simulate(
    make: Any, learners: int, seed: int, difficulties: list[float]
) -> dict[str, dict[str, float]]:
    """Run every learner through one rule; return the figures at each checkpoint."""
    rng = random.Random(seed)
    people = [
        Learner(ability=rng.gauss(0, 0.5), show_up=rng.uniform(0.3, 0.9)) for _ in range(learners)
    ]
    days = range(max(CHECKPOINTS) + 1)
    # When each learner comes, drawn before anything else: the same days under every rule.
    visits = [
        [day + rng.uniform(0.0, 0.2) if rng.random() < learner.show_up else None for day in days]
        for learner in people
    ]
    figures: dict[str, dict[str, float]] = {}
    schedulers: list[Scheduler] = [make() for _ in people]
    seen = [0] * learners
    for day in days:
        if day in CHECKPOINTS:
            figures[f"day_{day}"] = checkpoint(people, day)
        for index, (learner, rule) in enumerate(zip(people, schedulers, strict=True)):
            at = visits[index][day]  # around the same hour each time they come
            if at is None:
                continue
            for item in rule.due(at)[:SESSION_SIZE]:
                learner.reviews += 1
                rule.answered(item, at, answer(learner, item, difficulties[item], at, rng), False)
            for item in range(seen[index], min(seen[index] + NEW_PER_DAY, ITEMS)):
                right = first_answer(learner, item, difficulties[item], at, rng)
                rule.answered(item, at, right, True)
            seen[index] = min(seen[index] + NEW_PER_DAY, ITEMS)
    return figures


def checkpoint(people: list[Learner], day: int) -> dict[str, float]:
    """Return retention and reviews per retained item over the items seen so far."""
    chances = [recall(trace, day) for learner in people for trace in learner.traces.values()]
    retained = sum(chances)
    reviews = sum(learner.reviews for learner in people)
    return {
        "items_seen": len(chances),
        "retention": round(retained / len(chances), 4),
        "items_retained": round(retained, 1),
        "reviews": reviews,
        "reviews_per_retained_item": round(reviews / retained, 3),
    }


def run(learners: int, seed: int) -> dict[str, Any]:
    """Run the same learners and items through every rule."""
    rng = random.Random(seed)
    difficulties = [rng.gauss(0, 0.6) for _ in range(ITEMS)]
    rules: dict[str, Any] = {"leitner": Leitner}
    for retention in (0.8, 0.9, 0.95):
        memory = Memory(retention)
        rules[f"fsrs_{retention}"] = lambda memory=memory: Fsrs(memory)
    return {
        "learners": learners,
        "items": ITEMS,
        "seed": seed,
        "rules": {
            name: simulate(make, learners, seed, difficulties) for name, make in rules.items()
        },
    }


def main() -> None:
    """Run the simulation and write its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--short", action="store_true", help="60 learners, for CI")
    parser.add_argument("--learners", type=int, default=None)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    learners = args.learners or (60 if args.short else 500)
    outcome = run(learners, args.seed)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(outcome, indent=2) + "\n")
    print(json.dumps(outcome, indent=2))


if __name__ == "__main__":
    main()
