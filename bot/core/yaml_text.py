"""Parse YAML with libyaml's C parser when PyYAML was built with it."""

from __future__ import annotations

from typing import Any, Final

import yaml

# The C parser reads the course and the phrase lists about ten times faster than the pure-Python
# one: a quarter of a second less before the first reply. Both are safe loaders.
SafeLoader: Final[type[yaml.SafeLoader]] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """Return the data of a YAML text."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
