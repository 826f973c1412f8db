"""Typed button data: `v2:<namespace.action>:<field>:...`, packed and unpacked in one place.

Each kind of button is a frozen dataclass of `str` and `int` fields with an `action` name; a
button's data is what Telegram hands back when it is tapped, so it must fit 64 bytes and
anything that does not parse (old, foreign or forged) is refused rather than trusted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Self, get_type_hints

VERSION = "v2"
MAX_BYTES = 64  # Telegram's limit for callback data
# Ids are small counters; a forged 20-digit number must be refused, not overflow a column.
MAX_INT = 2**31 - 1
_ACTION = re.compile(r"^[a-z][a-z0-9_]{0,11}\.[a-z][a-z0-9_]{0,11}$")
_TEXT = re.compile(r"^[A-Za-z0-9_/\-.]{1,48}$")
_DIGITS = re.compile(r"^[0-9]{1,10}$")


class CallbackError(ValueError):
    """Raised when button data cannot be built: a bug, caught by the tests over every button."""


@dataclass(frozen=True)
class CallbackData:
    """Base of every kind of button data; subclasses name their `action` and declare fields."""

    action: ClassVar[str]

    @property
    def namespace(self) -> str:
        """Return the feature the action belongs to, the part before the dot."""
        return self.action.split(".", 1)[0]

    def pack(self) -> str:
        """Return the button's data; raise CallbackError when it would not parse back or fit."""
        parts = [_pack_field(getattr(self, name), kind) for name, kind in field_kinds(type(self))]
        data = ":".join([VERSION, self.action, *parts])
        if not _ACTION.match(self.action) or len(data.encode()) > MAX_BYTES:
            raise CallbackError(f"button data too long or malformed: {data!r}")
        return data

    @classmethod
    def unpack(cls, parts: list[str]) -> Self | None:
        """Build the data from its packed fields; None when any field is missing or invalid."""
        kinds = field_kinds(cls)
        if len(parts) != len(kinds):
            return None
        values: dict[str, Any] = {}
        for (name, kind), part in zip(kinds, parts, strict=True):
            value = _unpack_field(part, kind)
            if value is None:
                return None
            values[name] = value
        return cls(**values)


_FIELD_KINDS: dict[type[CallbackData], tuple[tuple[str, type], ...]] = {}


def field_kinds(cls: type[CallbackData]) -> tuple[tuple[str, type], ...]:
    """Return each field's name and type (`str` or `int`), in declaration order."""
    if cls not in _FIELD_KINDS:
        hints = get_type_hints(cls)
        kinds = tuple((f.name, hints[f.name]) for f in fields(cls))
        for name, kind in kinds:
            if kind not in (str, int):
                raise TypeError(f"{cls.__name__}.{name}: button fields are str or int")
        _FIELD_KINDS[cls] = kinds
    return _FIELD_KINDS[cls]


def _pack_field(value: object, kind: type) -> str:
    text = str(value)
    valid = (
        0 <= value <= MAX_INT
        if kind is int and isinstance(value, int)
        else bool(_TEXT.match(text)) and ":" not in text
    )
    if not valid:
        raise CallbackError(f"unpackable button field {value!r}")
    return text


def _unpack_field(part: str, kind: type) -> str | int | None:
    if kind is int:
        return int(part) if _DIGITS.match(part) and int(part) <= MAX_INT else None
    return part if _TEXT.match(part) else None


def split(data: str) -> tuple[str, list[str]] | None:
    """Return the action and the packed fields of button data, or None when it is not ours."""
    if len(data.encode(errors="replace")) > MAX_BYTES:
        return None
    version, _, rest = data.partition(":")
    action, *parts = rest.split(":")
    if version != VERSION or not _ACTION.match(action):
        return None
    return action, parts
