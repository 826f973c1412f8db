"""Style sheets (`content/style/<lang>.yaml`): the preferred word, and the variants to avoid.

A variant matches as a whole word or phrase, in any case. A rule may `allow` phrases in which the
variant is right (Dutch "data" for "gegevens", where the rule is about dates), and may apply only
`at_start` of a text (a quiz explanation's label).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.course.loader import list_item_lines, load_yaml_with_nodes
from bot.course.passages import Passage, phrases_pattern
from bot.course.problem import Problem


@dataclass(frozen=True)
class StyleRule:
    """Write `use`, not any of `avoid`, except inside an `allow` phrase."""

    use: str
    avoid: re.Pattern[str]
    why: str
    allow: re.Pattern[str]
    at_start: bool
    line: int

    def hits(self, text: str) -> Iterator[str]:
        """Yield each avoided variant in the text that no allowed phrase covers."""
        allowed = [match.span() for match in self.allow.finditer(text)]
        for match in self.avoid.finditer(text):
            if self.at_start and match.start() > 0:
                continue
            if not any(start <= match.start() and match.end() <= end for start, end in allowed):
                yield match.group(0)


def load_style(path: Path) -> tuple[tuple[StyleRule, ...], list[Problem]]:
    """Read a style sheet; a malformed rule is reported and left out."""
    try:
        data, node = load_yaml_with_nodes(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        return (), [Problem(str(path), 1, f"invalid YAML: {error}")]
    rules = (data or {}).get("rules") or [] if isinstance(data, dict) else []
    lines = list_item_lines(node, "rules")
    parsed: list[StyleRule] = []
    problems: list[Problem] = []
    for number, (rule, line) in enumerate(zip(rules, lines, strict=False), start=1):
        if not isinstance(rule, dict) or not rule.get("use") or not rule.get("avoid"):
            problems.append(
                Problem(str(path), line, f"style rule {number} needs `use` and `avoid`")
            )
            continue
        parsed.append(_parse_rule(rule, line))
    return tuple(parsed), problems


def _parse_rule(rule: dict[str, Any], line: int) -> StyleRule:
    return StyleRule(
        use=str(rule["use"]),
        avoid=phrases_pattern(_as_list(rule["avoid"])),
        why=str(rule.get("why", "")).strip(),
        allow=phrases_pattern(_as_list(rule.get("allow") or [])),
        at_start=bool(rule.get("at_start", False)),
        line=line,
    )


def _as_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def check_style(rules: Iterable[StyleRule], passages: Iterable[Passage]) -> Iterator[Problem]:
    """Report every avoided variant in the passages, with the word to write instead."""
    rules = tuple(rules)
    for passage in passages:
        for rule in rules:
            for hit in rule.hits(passage.text):
                reason = f" ({rule.why})" if rule.why else ""
                yield Problem(
                    passage.path, passage.line, f"write {rule.use!r}, not {hit!r}{reason}"
                )
