"""Measure the personal-data guard: recall per kind of data, and false alarms per language.

Recall: messages that each hold one generated piece of personal data, written the many ways
people write it (tests/support/personal_data.py: separators, line breaks, zero-width marks,
full-width and other scripts' digits, e-mails "at", abbreviated streets…), plus every format the
guard once missed. A message counts when its data is replaced by the right placeholder, and
nothing else changes. False alarms: ordinary sentences full of numbers (dates, prices, versions,
counts) in French, Dutch and English that must come back unchanged.

The held-out contexts and sentence templates were never used to tune the guard; they are
reported apart.

    python -m benchmarks.privacy            # 6,000 + 3,000 messages, 3,000 + 1,500 sentences
    python -m benchmarks.privacy --short    # a tenth of it, for CI

Results go to stdout and benchmarks/results/privacy.json.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bot.features.privacy.pii import Kind, redact
from tests.support.personal_data import (
    CONTEXTS,
    GENERATORS,
    HELD_OUT_CONTEXTS,
    HELD_OUT_ORDINARY,
    MISSED_FORMATS,
    ORDINARY,
    ordinary,
)

RESULTS = Path(__file__).parent / "results" / "privacy.json"
TARGETS = {"recall": 0.99, "false_alarm_rate": 0.005}
EXAMPLES = 5  # misses and false alarms shown per kind or language, to see what goes wrong


def _caught(message: str, data: str, kind: Kind) -> bool:
    return redact(message).text == message.replace(data, kind.placeholder, 1)


def recall(
    rng: random.Random, per_kind: int, contexts: Mapping[Kind, Sequence[str]]
) -> dict[str, Any]:
    """Return, per kind, how many generated messages had their data replaced, and some misses."""
    results = {}
    for kind, generate in GENERATORS.items():
        misses = []
        for _ in range(per_kind):
            data = generate(rng)
            message = rng.choice(contexts[kind]).format(data)
            if not _caught(message, data, kind):
                misses.append(message)
        results[kind.name.lower()] = {
            "messages": per_kind,
            "recall": round(1 - len(misses) / per_kind, 4),
            "missed": misses[:EXAMPLES],
        }
    return results


def false_alarms(
    rng: random.Random, per_language: int, templates: Mapping[str, Sequence[str]]
) -> dict[str, Any]:
    """Return, per language, how many ordinary sentences were changed, and some of them."""
    results = {}
    for language, sentences in templates.items():
        changed = []
        for _ in range(per_language):
            sentence = ordinary(rng, rng.choice(sentences))
            if redact(sentence).found:
                changed.append(redact(sentence).text)
        results[language] = {
            "sentences": per_language,
            "false_alarm_rate": round(len(changed) / per_language, 4),
            "changed": changed[:EXAMPLES],
        }
    return results


def missed_formats() -> dict[str, Any]:
    """Return how many of the formats the guard once missed it now catches."""
    caught = [_caught(f"Mon numéro : {data}, merci.", data, kind) for kind, data in MISSED_FORMATS]
    return {"formats": len(caught), "caught": sum(caught)}


def _split(seed: int, per_kind: int, per_language: int, held_out: bool) -> dict[str, Any]:
    rng = random.Random(seed)
    contexts, templates = (
        (HELD_OUT_CONTEXTS, HELD_OUT_ORDINARY) if held_out else (CONTEXTS, ORDINARY)
    )
    found = recall(rng, per_kind, contexts)
    alarms = false_alarms(rng, per_language, templates)
    return {
        "recall": found,
        "false_alarms": alarms,
        "targets_met": all(r["recall"] >= TARGETS["recall"] for r in found.values())
        and all(a["false_alarm_rate"] <= TARGETS["false_alarm_rate"] for a in alarms.values()),
    }


def run(short: bool) -> dict[str, Any]:
    """Run both splits and time the guard."""
    scale = 10 if short else 1
    start = time.perf_counter()
    dev = _split(2026, 1000 // scale, 1000 // scale, held_out=False)
    held_out = _split(7, 500 // scale, 500 // scale, held_out=True)
    seconds = time.perf_counter() - start
    messages = sum(
        r["messages"] for split in (dev, held_out) for r in split["recall"].values()
    ) + sum(a["sentences"] for split in (dev, held_out) for a in split["false_alarms"].values())
    return {
        "short": short,
        "targets": TARGETS,
        "missed_formats_of_the_issue": missed_formats(),
        "dev": dev,
        "held_out": held_out,
        "redact_ms_per_message": round(seconds / messages * 1000, 3),
    }


def main() -> None:
    """Run the benchmark and write its JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="a tenth of the messages, for CI")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    results = run(args.short)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
