"""Measure the language of replies on learners' messages: the old rule and the current one.

Each file of eval/language/ holds messages a learner whose chosen language is one of the three
might send (short ones, loanwords, typos, code-switching, questions about the other languages,
full sentences in another language), with the language the reply should be in. Per learner
language and per split (`messages` for development, `holdout` never tuned on), it reports:

- `wrong_rate`: replies in a language other than the expected one, over all messages;
- `short_switches`: messages of at most 4 words answered in another language than the
  learner's (the target is none);
- `foreign_recall`: messages in another language that were answered in it.

`before` is the rule the tutor used until then (kept below as `old_rule`): the detector's language
at 0.6 confidence or more for messages of 3 words or more. `after` is bot/core/reply_language.py.

    python -m benchmarks.language            # every message
    python -m benchmarks.language --short    # the held-out split only, for CI

Results go to stdout and benchmarks/results/language.json.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from bot.config import Language
from bot.core.languages import BUILT_IN
from bot.core.reply_language import MAX_KEPT_WORDS, ReplyLanguageRule, word_total
from bot.core.text import word_count
from bot.language import LanguageDetector
from bot.paths import PROJECT_ROOT

BATTERY = PROJECT_ROOT / "eval" / "language"
RESULTS = Path(__file__).parent / "results" / "language.json"
TARGETS = {"wrong_rate": 0.01, "short_switches": 0}
OLD_MIN_WORDS = 3  # the old rule's shortest message to detect
EXAMPLES = 8  # wrong replies shown per language and split, to see what goes wrong

Rule = Callable[[str, Language], Language]


def old_rule(detector: LanguageDetector) -> Rule:
    """Return the rule the tutor used before: the detector's guess at 0.6, from three words."""

    def reply(text: str, own: Language) -> Language:
        if word_count(text) < OLD_MIN_WORDS:
            return own
        return detector.detect(text) or own

    return reply


def new_rule(detector: LanguageDetector) -> Rule:
    """Return the current rule."""
    rule = ReplyLanguageRule(BUILT_IN)
    return lambda text, own: rule.choose(text, own, detector).language


def measure(rule: Rule, own: Language, messages: list[dict[str, str]]) -> dict[str, Any]:
    """Return the wrong-language figures of one rule on one learner's messages."""
    wrong, switches, foreign, found = [], 0, 0, 0
    for message in messages:
        text, expected = message["text"], message["reply"]
        got = rule(text, own)
        if got != expected:
            wrong.append(f"{text} → {got}")
        if got != own and word_total(text) <= MAX_KEPT_WORDS:
            switches += 1
        if expected != own:
            foreign += 1
            found += got == expected
    return {
        "messages": len(messages),
        "wrong_rate": round(len(wrong) / len(messages), 4),
        "short_messages": sum(word_total(m["text"]) <= MAX_KEPT_WORDS for m in messages),
        "short_switches": switches,
        "foreign": foreign,
        "foreign_recall": round(found / foreign, 4) if foreign else None,
        "wrong": wrong[:EXAMPLES],
    }


def main() -> None:
    """Run both rules over the battery and write the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="only the held-out split")
    args = parser.parse_args()
    splits = ("holdout",) if args.short else ("messages", "holdout")
    detector = LanguageDetector(BUILT_IN)
    detector.load()
    rules = {"before": old_rule(detector), "after": new_rule(detector)}
    started = time.perf_counter()
    results: dict[str, Any] = {"targets": TARGETS, "languages": {}}
    for path in sorted(BATTERY.glob("*.yaml")):
        battery = yaml.safe_load(path.read_text(encoding="utf-8"))
        own = battery["learner"]
        results["languages"][own] = {
            split: {name: measure(rule, own, battery[split]) for name, rule in rules.items()}
            for split in splits
        }
    results["seconds"] = round(time.perf_counter() - started, 2)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for own, by_split in results["languages"].items():
        for split, by_rule in by_split.items():
            line = ", ".join(
                f"{name}: wrong {r['wrong_rate']:.1%}, short switches {r['short_switches']}, "
                f"foreign recall {r['foreign_recall']:.0%}"
                for name, r in by_rule.items()
            )
            print(f"{own} {split:8} {line}")
    print(f"Written to {RESULTS}")


if __name__ == "__main__":
    main()
