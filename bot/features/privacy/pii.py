"""Find personal data typical in Belgium in a learner's text, and redact it before it leaves."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

from bot.core.languages import BUILT_IN, StreetWords


class Kind(Enum):
    """A kind of personal data, with the placeholder that replaces it."""

    NATIONAL_NUMBER = "[NATIONAL NUMBER]"
    IBAN = "[IBAN]"
    CARD = "[CARD NUMBER]"
    PHONE = "[PHONE]"
    EMAIL = "[EMAIL]"
    ADDRESS = "[ADDRESS]"

    @property
    def placeholder(self) -> str:
        """Return the text that stands in for this kind of data once redacted."""
        return self.value


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind and where it is in the text."""

    kind: Kind
    start: int
    end: int


@dataclass(frozen=True)
class Redaction:
    """A text with its personal data replaced by placeholders, and the kinds that were found."""

    text: str
    kinds: tuple[Kind, ...]

    @property
    def found(self) -> bool:
        """Tell whether anything was redacted."""
        return bool(self.kinds)

    @property
    def bare(self) -> str:
        """Return the text without the placeholders, for searching: they carry no meaning."""
        return " ".join(_PLACEHOLDERS.sub(" ", self.text).split())


_PLACEHOLDERS = re.compile("|".join(re.escape(kind.placeholder) for kind in Kind))
# IBAN lengths per country (ISO 13616 registry): a length check makes a chance match rarer still.
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20,
    "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18,
    "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
    "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MA": 28,
    "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15,
    "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SE": 24,
    "SI": 19, "SK": 24, "SM": 27, "TN": 24, "TR": 26, "UA": 29, "VG": 24, "XK": 20,
}  # fmt: skip

_SEP = r"[ .\-/]?"
# Not after "+": "+32 480 94 18 58" is a phone number whose 11 digits may pass the check by chance.
_NATIONAL_NUMBER = re.compile(
    rf"(?<![\w+])\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{3}}{_SEP}\d{{2}}(?!\w)"
)
_IBAN_START = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2})\d{2}(?=[ ]?[A-Za-z0-9])")
_CARD = re.compile(r"(?<!\w)\d(?:[ \-]?\d){12,18}(?!\w)")
_BELGIAN_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)[ ]?32[ ]?(?:\(0\)[ ]?)?|0)\d(?:[ ./\-]?\d){6,8}(?!\w)"
)
_INTERNATIONAL_PHONE = re.compile(r"(?<![\w+])\+[1-9]\d{0,2}(?:[ .\-]?\(?\d\)?){6,13}(?!\d)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")

# Addresses: a street word, a name (capitalised, or after an article), a house number, and
# maybe a box and a postcode. Numbers followed by a unit ("2 km", "3 fois") are not addresses.
# A learner may write an address in another language than their own ("rue Haute 5" in Dutch), so
# the street words of every language the tutor knows count, offered to learners or not.
_WORD = r"[\w'’\-]"
_POSTCODE = r"(?:[ ,]+[1-9]\d{3}(?:[ ]+[A-ZÀ-Ý][\w'’\-]+)?)?"
_NAME = r"[A-ZÀ-Ý][\w'’\-]*"
_NAMES = rf"{_NAME}(?:[ ]{_NAME}){{0,3}}"
_UNITS = ("km", "m", "min", "h", "%", "€", "euros?")  # in every language


def _any(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in words)


def _house_number(languages: Sequence[StreetWords]) -> str:
    units = "|".join([*_UNITS, *(re.escape(u) for words in languages for u in words.units)])
    number = rf"\d{{1,4}}(?!\d)(?:[ ]?[a-zA-Z](?!\w))?(?![ ]?(?:{units})\b)"
    boxes = _any(box for words in languages for box in words.letterbox)
    return rf"{number}(?:[ ,]+(?:{boxes})[ ]?\d{{1,4}})?" if boxes else number


def _street_word_first(words: StreetWords, house: str) -> str | None:
    # "rue de la Loi 16", "16, rue Haute"
    if not words.before_name:
        return None
    linked = rf"(?i:{_any(words.name_links)})[ ]?{_WORD}+|" if words.name_links else ""
    street = rf"(?i:\b(?:{_any(words.before_name)})\b)[ ](?:{linked}{_NAME})"
    return rf"{street}(?:[ ]{_WORD}+){{0,3}}?,?[ ]{house}{_POSTCODE}|\b{house},?[ ]{street}"


def _one_name(words: StreetWords, house: str) -> str | None:
    # "Kerkstraat 12", "Grote Markt 1"
    names = []
    if words.name_endings:
        names.append(rf"\b{_WORD}{{2,}}(?i:{_any(words.name_endings)})")
    if words.after_name:
        names.append(rf"\b{_NAME}[ ](?:{_any(words.after_name)})")
    return rf"(?:{'|'.join(names)})[ ,]+{house}{_POSTCODE}" if names else None


def _capitalised_names(words: StreetWords, house: str) -> str | None:
    # "10 Downing St", "Old Kent Road 5"
    shapes = []
    if words.after_numbered_names:
        shapes.append(rf"\b{house}[ ]+{_NAMES}[ ](?:{_any(words.after_numbered_names)})\b")
    if words.after_names:
        shapes.append(rf"\b{_NAMES}[ ](?:{_any(words.after_names)})[ ,]+{house}{_POSTCODE}")
    return "|".join(shapes) or None


def _addresses(languages: Sequence[StreetWords]) -> tuple[re.Pattern[str], ...]:
    """Return one pattern of the street addresses of each language that has street words."""
    house = _house_number(languages)
    patterns = []
    for words in languages:
        shapes = [
            _street_word_first(words, house),
            _one_name(words, house),
            _capitalised_names(words, house),
        ]
        found = [shape for shape in shapes if shape]
        if found:
            patterns.append(re.compile("|".join(found)))
    return tuple(patterns)


_ADDRESSES = _addresses([profile.streets for profile in BUILT_IN])


def _digits(text: str) -> str:
    return "".join(char for char in text if char.isdigit())


def is_national_number(digits: str) -> bool:
    """Check a Belgian national register (or BIS) number: a plausible date and mod-97 digits."""
    if len(digits) != 11 or not digits.isdigit():
        return False
    month, day = int(digits[2:4]), int(digits[4:6])
    # BIS numbers add 20 or 40 to the month; 00 stands for an unknown month or day.
    if month % 20 > 12 or month > 52 or day > 31:
        return False
    body, check = int(digits[:9]), int(digits[9:])
    # People born from 2000 on get a "2" in front of the nine digits before the check.
    return check in (97 - body % 97, 97 - (2_000_000_000 + body) % 97)


def is_iban(candidate: str) -> bool:
    """Check an IBAN: a known country, its length, and the mod-97 check digits."""
    iban = candidate.replace(" ", "").upper()
    if IBAN_LENGTHS.get(iban[:2]) != len(iban) or not iban.isalnum():
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def passes_luhn(digits: str) -> bool:
    """Check the Luhn digit of a card number."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def is_card_number(digits: str) -> bool:
    """Check a payment card number: 13 to 19 digits, a card network's prefix, and Luhn."""
    # 2 to 6 start Mastercard, Amex, Diners, Visa, Maestro, Bancontact and Discover numbers.
    return 13 <= len(digits) <= 19 and digits[0] in "23456" and passes_luhn(digits)


def _is_belgian_phone(match: str) -> bool:
    # Drop the country code (+32, 0032), a "(0)" after it, or the national trunk 0.
    national = re.sub(r"^(?:00)?(?:32)?0?", "", _digits(match))
    if national.startswith("4"):
        return len(national) == 9 and national[1] in "56789"
    return len(national) == 8 and national[0] != "0"


def _iban_spans(text: str) -> Iterator[tuple[int, int]]:
    for start in _IBAN_START.finditer(text):
        length = IBAN_LENGTHS.get(start.group(1).upper())
        if length is None:
            continue
        # Walk the characters of the IBAN, allowing one space between them (groups of four).
        count, end = 0, start.start()
        while end < len(text) and count < length:
            if text[end].isalnum():
                count += 1
            elif not (text[end] == " " and end + 1 < len(text) and text[end + 1].isalnum()):
                break
            end += 1
        tail_ok = end >= len(text) or not text[end].isalnum()
        if count == length and tail_ok and is_iban(text[start.start() : end]):
            yield start.start(), end


def _regex_spans(
    pattern: re.Pattern[str], check: Callable[[str], bool] = lambda _match: True
) -> Callable[[str], Iterator[tuple[int, int]]]:
    def spans(text: str) -> Iterator[tuple[int, int]]:
        for match in pattern.finditer(text):
            if check(match.group(0)):
                yield match.start(), match.end()

    return spans


# Most specific first: check digits before phone shapes, numbers before addresses.
_DETECTORS: tuple[tuple[Kind, Callable[[str], Iterator[tuple[int, int]]]], ...] = (
    (Kind.EMAIL, _regex_spans(_EMAIL)),
    (Kind.IBAN, _iban_spans),
    (
        Kind.NATIONAL_NUMBER,
        _regex_spans(_NATIONAL_NUMBER, lambda m: is_national_number(_digits(m))),
    ),
    (Kind.CARD, _regex_spans(_CARD, lambda m: is_card_number(_digits(m)))),
    (Kind.PHONE, _regex_spans(_BELGIAN_PHONE, _is_belgian_phone)),
    (Kind.PHONE, _regex_spans(_INTERNATIONAL_PHONE, lambda m: 8 <= len(_digits(m)) <= 15)),
    *((Kind.ADDRESS, _regex_spans(pattern)) for pattern in _ADDRESSES),
)


def find_personal_data(text: str) -> tuple[Finding, ...]:
    """Return the personal data in a text, in order, without overlaps."""
    findings: list[Finding] = []
    for kind, spans in _DETECTORS:
        for start, end in spans(text):
            if all(end <= f.start or start >= f.end for f in findings):
                findings.append(Finding(kind, start, end))
    return tuple(sorted(findings, key=lambda f: f.start))


def redact(text: str) -> Redaction:
    """Replace each piece of personal data by its placeholder, such as `[PHONE]`."""
    findings = find_personal_data(text)
    parts, position = [], 0
    for finding in findings:
        parts += [text[position : finding.start], finding.kind.placeholder]
        position = finding.end
    parts.append(text[position:])
    kinds = tuple(dict.fromkeys(f.kind for f in findings))
    return Redaction("".join(parts), kinds)
