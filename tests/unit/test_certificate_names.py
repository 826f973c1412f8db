"""Names on certificates and their verification codes."""

from __future__ import annotations

import pytest

from bot.core.limits import IdentityHasher
from bot.features.certificate import codes
from bot.features.certificate.names import NameProblem, capitalised, clean_name, name_in


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("  Anna   Peeters ", "Anna Peeters"),
        ("Marie-Claire D'Hondt", "Marie-Claire D'Hondt"),
        ("Zoë Van den Broeck", "Zoë Van den Broeck"),
        ("François Dupont-Lefèvre", "François Dupont-Lefèvre"),
        ("Ph. Dubois", "Ph. Dubois"),
        ("Ijsbrand O’Neill", "Ijsbrand O’Neill"),
        ("Zoe\u0308", "Zoë"),  # a decomposed accent, composed for print
    ],
)
def test_names_people_write_are_kept_as_written(typed: str, shown: str) -> None:
    assert clean_name(typed) == shown


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", NameProblem.TOO_SHORT),
        ("A", NameProblem.TOO_SHORT),
        ("- .", NameProblem.TOO_SHORT),
        ("A" * 41, NameProblem.TOO_LONG),
        ("Anna 2", NameProblem.CHARACTERS),
        ("Anna 🎉", NameProblem.CHARACTERS),
        ("<b>Anna</b>", NameProblem.CHARACTERS),
        ("Anna@example.be", NameProblem.CHARACTERS),
        ("李小龍", NameProblem.CHARACTERS),  # letters the certificate's font cannot draw
    ],
)
def test_other_names_are_refused_with_a_reason(typed: str, problem: NameProblem) -> None:
    assert clean_name(typed) is problem


def test_codes_are_long_unambiguous_read_back_and_stored_as_a_keyed_hash() -> None:
    made = {codes.new_code() for _ in range(200)}
    assert len(made) == 200
    assert all(len(code) == codes.LENGTH and set(code) <= set(codes.ALPHABET) for code in made)
    assert not set("01OIL") & set(codes.ALPHABET)
    code = sorted(made)[0]
    assert codes.normalize(codes.pretty(code).lower()) == code
    assert codes.normalize(f" {code[:5]} - {code[5:]} ") == code
    assert codes.normalize(code[:-1]) is None
    assert codes.normalize(code[:-1] + "0") is None
    one, other = IdentityHasher(b"salt one"), IdentityHasher(b"salt two")
    assert codes.digest(one, code) == codes.digest(one, code)
    assert codes.digest(one, code) != codes.digest(other, code)
    assert code not in codes.digest(one, code)


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("ik heet Kim De Smet", "Kim De Smet"),
        ("Je m’appelle Marie-Claire D'Hondt", "Marie-Claire D'Hondt"),
        ("my name is Anna Peeters", "Anna Peeters"),
        ("Naam: Jan Peeters", "Jan Peeters"),
        ("Nomvula Dlamini", "Nomvula Dlamini"),  # a name that begins like "nom"
        ("Ikram Benali", "Ikram Benali"),
        ("ik ben", "ik ben"),  # nothing after the words: left as typed, for the learner to see
    ],
)
def test_the_words_before_a_name_are_left_out(typed: str, name: str) -> None:
    assert name_in(typed) == name


@pytest.mark.parametrize(
    ("name", "printed"),
    [
        ("kim de smet", "Kim De Smet"),
        ("marie-claire d'hondt", "Marie-Claire D'Hondt"),
        ("Zoë Van den Broeck", "Zoë Van den Broeck"),  # capitals typed are kept
        ("Kim DE SMET", "Kim DE SMET"),
    ],
)
def test_a_name_typed_in_small_letters_gets_capitals(name: str, printed: str) -> None:
    assert capitalised(name) == printed
