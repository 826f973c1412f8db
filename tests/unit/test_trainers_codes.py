"""Invite and join codes: random enough, forgiving to type, never stored in clear."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.features.trainers import codes


def test_codes_carry_at_least_64_bits_and_differ() -> None:
    assert codes.LENGTH * math.log2(len(codes.ALPHABET)) >= 64
    made = {codes.new_code() for _ in range(1000)}
    assert len(made) == 1000
    assert all(len(code) == codes.LENGTH and set(code) <= set(codes.ALPHABET) for code in made)


def test_codes_are_read_forgivingly() -> None:
    code = codes.new_code()
    typed = f" {codes.pretty(code).lower()} "
    assert codes.normalize(typed) == code
    assert codes.normalize(code.replace(code[0], "0", 1)) is None  # 0 is never in a code
    assert codes.normalize(code[:-1]) is None
    assert codes.pretty("ABCDEFGHJKMNPQRS") == "ABCD-EFGH-JKMN-PQRS"


def test_only_a_hash_is_kept() -> None:
    code = codes.new_code()
    digest = codes.code_hash(code)
    assert len(digest) == 64
    assert code not in digest
    assert codes.code_hash(code) == digest


def test_a_derived_code_is_the_same_each_time_and_differs_per_secret_cohort_and_moment() -> None:
    moment = datetime(2026, 12, 4, 9, 30, 12, 345678, tzinfo=UTC)
    code = codes.derived_code(b"secret", 7, moment)
    assert code == codes.derived_code(b"secret", 7, moment.astimezone(ZoneInfo("Europe/Brussels")))
    assert codes.normalize(codes.pretty(code)) == code
    others = {
        codes.derived_code(b"other", 7, moment),
        codes.derived_code(b"secret", 8, moment),
        codes.derived_code(b"secret", 7, moment + timedelta(microseconds=1)),
    }
    assert code not in others
    assert len(others) == 3
