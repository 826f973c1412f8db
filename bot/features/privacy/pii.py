"""Find personal data typical in Belgium in a learner's text, and redact it before it leaves.

The text is folded first (bot/features/privacy/normalise.py): full-width and other scripts'
digits, non-breaking and zero-width spaces, line breaks and odd dashes all become one plain form.
Numbers are then checked with maintained validators (python-stdnum for IBANs, national register
numbers and the Luhn digit, phonenumbers for phone numbers), so a chance match is rare; what is
found is replaced in the original text, whatever it looked like there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from importlib.resources import files
from typing import Final

import phonenumbers
from phonenumbers import Leniency
from stdnum import iban, luhn
from stdnum.be import bis, eid, nn

from bot.core.languages import BUILT_IN, StreetWords
from bot.core.reply_language import loanwords
from bot.core.text import fold as plain
from bot.features.privacy.normalise import fold


class Kind(Enum):
    """A kind of personal data, with the placeholder that replaces it."""

    NATIONAL_NUMBER = "[NATIONAL NUMBER]"
    ID_CARD = "[ID CARD NUMBER]"
    IBAN = "[IBAN]"
    CARD = "[CARD NUMBER]"
    PHONE = "[PHONE]"
    EMAIL = "[EMAIL]"
    ADDRESS = "[ADDRESS]"
    NAME = "[NAME]"
    SECRET = "[SECRET]"  # noqa: S105 - the placeholder of a password, not one
    FILE_NUMBER = "[FILE NUMBER]"
    HEALTH = "[HEALTH]"

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


Span = tuple[int, int]
Detector = Callable[[str], Iterator[Span]]

_PLACEHOLDERS = re.compile("|".join(re.escape(kind.placeholder) for kind in Kind))

# Numbers: runs of digits joined by at most three separators, such as "0470 / 12" or "30-033".
_DIGITS = re.compile(r"\d+")
_SEPARATOR = re.compile(r"[ .,/()\-]{1,3}")


@dataclass(frozen=True)
class _Group:
    start: int
    end: int
    digits: str
    separator: str  # what joins it to the group before it, "" for the first


def _number_chunks(text: str) -> Iterator[list[_Group]]:
    chunk: list[_Group] = []
    for match in _DIGITS.finditer(text):
        between = text[chunk[-1].end : match.start()] if chunk else ""
        if chunk and not _SEPARATOR.fullmatch(between):
            yield chunk
            chunk = []
            between = ""
        chunk.append(_Group(match.start(), match.end(), match.group(), between))
    if chunk:
        yield chunk


def _windows(text: str, longest: int) -> Iterator[list[_Group]]:
    """Yield the runs of neighbouring digit groups of at most `longest` digits, longest first."""
    for chunk in _number_chunks(text):
        for first in range(len(chunk)):
            # A number glued to a word or a "+" is something else: "A4", "+32 470 …" (a phone).
            before = text[chunk[first].start - 1 : chunk[first].start]
            if before.isalpha() or before == "+":
                continue
            ends, size = [], 0
            for last in range(first, len(chunk)):
                size += len(chunk[last].digits)
                if size > longest:
                    break
                if not text[chunk[last].end : chunk[last].end + 1].isalpha():
                    ends.append(last + 1)
            for end in reversed(ends):
                yield chunk[first:end]


def _split_after(groups: Sequence[_Group]) -> set[int]:
    """Return after how many digits the groups are split: {2, 4} for "85.07.30"."""
    splits, count = set(), 0
    for group in groups[:-1]:
        count += len(group.digits)
        splits.add(count)
    return splits


def _is_national_number(groups: Sequence[_Group]) -> bool:
    # Written as yy mm dd nnn cc, in one piece or split between those parts, the date apart.
    digits = "".join(group.digits for group in groups)
    splits = _split_after(groups)
    parts_apart = not splits or (6 in splits and splits <= {2, 4, 6, 9})
    if len(digits) != 11 or not parts_apart:
        return False
    if nn.is_valid(digits) or bis.is_valid(digits):
        return True
    # Written as the card writes it ("85.07.30-033.61"), a wrong check digit is a typing slip
    # or a number made up for the question: either way, not a number to keep.
    month, day = int(digits[2:4]), int(digits[4:6])
    return splits == {2, 4, 6, 9} and 1 <= month <= 12 and 1 <= day <= 31


ID_CARD_DIGITS: Final = 12


def _is_identity_card_number(groups: Sequence[_Group]) -> bool:
    # The number of a Belgian identity card, in one piece or as the card writes it: 592-1234567-89.
    digits = "".join(group.digits for group in groups)
    splits = _split_after(groups)
    if len(digits) != ID_CARD_DIGITS or splits not in (set(), {3, 10}):
        return False
    # As the card writes it, with dashes, a wrong check digit is a slip or a made-up number.
    as_on_card = splits == {3, 10} and {group.separator for group in groups[1:]} == {"-"}
    return as_on_card or eid.is_valid(digits)


_CARD_SEPARATORS = frozenset({" ", ".", "-", " - ", "/"})
CARD_DIGITS: Final = 16


def _is_card_number(groups: Sequence[_Group]) -> bool:
    digits = "".join(group.digits for group in groups)
    splits = _split_after(groups)
    # In one piece, or in groups of four (4-6-5 for Amex, 4-6-4 for Diners), one separator.
    grouped = not splits or splits in ({4, 10}, set(range(4, len(digits), 4)))
    separators = {group.separator for group in groups[1:]}
    same_separator = len(separators) <= 1 and separators <= _CARD_SEPARATORS
    # Sixteen digits in four groups, as the card writes them: a wrong check digit is a slip or a
    # made-up number ("My card number is 4532 1234 5678 9010, did I put it in danger?").
    as_on_card = len(digits) == CARD_DIGITS and splits == set(range(4, CARD_DIGITS, 4))
    # 2 to 6 start Mastercard, Amex, Diners, Visa, Maestro, Bancontact and Discover numbers.
    return (
        13 <= len(digits) <= 19
        and digits[0] in "23456"
        and same_separator
        and grouped
        and (as_on_card or luhn.is_valid(digits))
    )


def _number_spans(check: Callable[[Sequence[_Group]], bool], longest: int) -> Detector:
    def spans(text: str) -> Iterator[Span]:
        for groups in _windows(text, longest):
            if check(groups):
                yield groups[0].start, groups[-1].end

    return spans


_IBAN_SEPARATOR = r"(?:[ ]?[.\-/][ ]?|[ ])?"  # "BE68 5390", "BE68-5390", "BE68 / 5390"
_IBAN_START = re.compile(rf"(?<![A-Za-z0-9])[A-Za-z]{{2}}(?={_IBAN_SEPARATOR}\d\d)")
_IBAN_PART = re.compile(rf"{_IBAN_SEPARATOR}[A-Za-z0-9]+")
_IBAN_LONGEST = 34


def _iban_spans(text: str) -> Iterator[Span]:
    # Try each end of a group of characters: "BE68 5390 0754 7034" ends after "7034".
    for start in _IBAN_START.finditer(text):
        compact, end = "", start.start()
        while part := _IBAN_PART.match(text, end):
            compact += part.group().lstrip(" .-/").upper()
            end = part.end()
            if len(compact) > _IBAN_LONGEST:
                break
            if iban.is_valid(compact, check_country=False):
                yield start.start(), end
                break


# A phone number: a "+" or "00" one that may exist anywhere in the world, or a Belgian one
# written with its 0 that is valid or has Belgium's shape: eight digits after the 0, or nine for
# a mobile (04xx). Without them, eight digits are as likely a date ("25.04.2026") or a count.
def _is_belgian_shape(number: phonenumbers.PhoneNumber) -> bool:
    national = str(number.national_number)
    if national.startswith("4"):
        return len(national) == 9 and national[1] in "56789"
    return len(national) == 8


def _is_phone(raw: str, number: phonenumbers.PhoneNumber) -> bool:
    if raw.startswith(("+", "00")):
        return phonenumbers.is_possible_number(number)
    return (
        raw.lstrip("(").startswith("0")
        and number.country_code == 32
        and (phonenumbers.is_valid_number(number) or _is_belgian_shape(number))
    )


# phonenumbers reads "0497/33/28/91" as a date; a slash between digits is a space to it here.
_SLASH_IN_NUMBER = re.compile(r"(?<=\d)/(?=\d)")
# "5153 - 2721 - 0082 - 7061" is a card number, not "0082 …" (a phone number in Korea).
_NUMBER_BEFORE = re.compile(r"\d[ .,/()\-]{0,3}$")


def _phone_spans(text: str) -> Iterator[Span]:
    spaced = _SLASH_IN_NUMBER.sub(" ", text)
    leniency = phonenumbers.Leniency.POSSIBLE
    for match in phonenumbers.PhoneNumberMatcher(spaced, "BE", leniency=leniency):
        start, raw = match.start, match.raw_string
        # The matcher may take a bracket before the number as its own: "(+33 6 …)", "(0470 …)".
        # Only "(0470) 12 34 56" keeps it, as the bracket of the area code.
        if raw.startswith("(") and not re.match(r"\(0\d+\)", raw):
            start, raw = start + 1, raw[1:]
        if _is_phone(raw, match.number):
            yield start, match.end


# The neighbours' mobile numbers in their own national form, which learners who come from there
# keep typing: "06 12 34 56 78" (France), "06-12345678" (the Netherlands). Mobiles only, of ten
# digits: shorter numbers valid there are dates here ("09.06.2025" is a Dutch premium number).
_NEIGHBOURS: Final = ("FR", "NL")
NEIGHBOUR_MOBILE_DIGITS: Final = 10


def _neighbour_phone_spans(text: str) -> Iterator[Span]:
    spaced = _SLASH_IN_NUMBER.sub(" ", text)
    for region in _NEIGHBOURS:
        for match in phonenumbers.PhoneNumberMatcher(spaced, region, leniency=Leniency.VALID):
            digits = re.sub(r"\D", "", match.raw_string)
            if (
                digits.startswith("0")
                and len(digits) == NEIGHBOUR_MOBILE_DIGITS
                and phonenumbers.number_type(match.number) == phonenumbers.PhoneNumberType.MOBILE
            ):
                yield match.start, match.end


def _international_phone_spans(text: str) -> Iterator[Span]:
    # Before national numbers: the 11 digits of "+32 480 94 18 58" may pass their check.
    for start, end in _phone_spans(text):
        if text[start] == "+" or (
            text.startswith("00", start) and not _NUMBER_BEFORE.search(text, 0, start)
        ):
            yield start, end


# "jan@x.be", "jan @ x.be", "jan [at] x.be", "jan (at) x [dot] be"
# Written out too: "marie.dupont arobase gmail.com", "jan (at) x point be".
_AT = r"[ ]?(?:@|[\[(]at[\])]|[ ]arobase[ ]|[ ]apenstaartje[ ])[ ]?"
_DOT = r"(?:\.|[ ]?[\[(]dot[\])][ ]?|[ ](?:dot|point|punt)[ ])"
_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w.+-]+(?i:{_AT})[\w-]+(?:(?i:{_DOT})[\w-]+)*(?i:{_DOT})[A-Za-z]{{2,}}(?![\w-])"
)


# Addresses: a street word, a name, a house number, and maybe a box and a postcode. Numbers
# followed by a unit ("2 km", "3 fois") are not addresses. A learner may write an address in
# another language than their own ("rue Haute 5" in Dutch), so the street words of every
# language the tutor knows count, offered to learners or not.
_WORD = r"[\w'’\-]"
_POSTCODE = r"(?:[ ,]+[1-9]\d{3}(?:[ ]+[A-ZÀ-Ý][\w'’\-]+)?)?"
_STREET_WORDS = [profile.streets for profile in BUILT_IN]
_CUES = [cue for words in _STREET_WORDS for cue in words.cues]
_FOLLOWERS = [word for words in _STREET_WORDS for word in words.followers]
# A capitalised name, but not a cue at the start of a sentence: "J'habite", "Adres".
_NAME = rf"(?!(?i:{'|'.join(re.escape(cue) for cue in _CUES)})(?!\w))[A-ZÀ-Ý][\w'’\-]*"
_NAMES = rf"{_NAME}(?:[ ]{_NAME}){{0,3}}"
_LOWER_NAMES = r"[a-zà-ÿ][\w'’\-]{2,}(?:[ ][a-zà-ÿ][\w'’\-]{2,}){0,2}"
_UNITS = ("km", "m", "min", "h", "%", "€", "euros?")  # in every language


def _any(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def any_word(words: Iterable[str]) -> str:
    """Return a pattern of any of these words, in any case, standing on its own."""
    return rf"(?<!\w)(?i:{_any(words)})(?!\w)"


def _house_number(languages: Sequence[StreetWords]) -> str:
    units = "|".join([*_UNITS, *(re.escape(u) for words in languages for u in words.units)])
    marks = [mark for words in languages for mark in words.house_marks]
    mark = rf"(?:{any_word(marks)}[ ]?)?" if marks else ""
    number = rf"{mark}\d{{1,4}}(?!\d)(?:[ ]?[a-zA-Z](?!\w))?(?![ ]?(?:{units})\b)"
    boxes = [box for words in languages for box in words.letterbox]
    return rf"{number}(?:[ ,]+{any_word(boxes)}[ ]?\d{{1,4}})?" if boxes else number


def _street_word_first(words: StreetWords, house: str) -> str | None:
    # "rue de la Loi 16", "16, rue Haute"; after a clear street word "rue royale 12"
    if not words.before_name:
        return None
    linked = rf"{any_word(words.name_links)}[ ]?{_WORD}+|" if words.name_links else ""
    street = rf"{any_word(words.before_name)}[ ](?:{linked}{_NAME})"
    shapes = [
        rf"{street}(?:[ ]{_WORD}+){{0,3}}?,?[ ]{house}{_POSTCODE}",
        rf"\b{house},?[ ]{street}",
    ]
    if words.before_any_name:
        links = rf"(?:{any_word(words.name_links)}[ ]?)?" if words.name_links else ""
        # A lowercase word after the number would make it a count ("rue avec 3 voies"), unless
        # it is one that follows addresses ("rue royale 2 depuis mars").
        shapes.append(
            rf"{any_word(words.before_any_name)}[ ]{links}{_LOWER_NAMES},?[ ]{house}{_POSTCODE}"
            rf"(?![ ](?!(?i:{_any(_FOLLOWERS)})(?!\w))[a-zà-ÿ]{{3,}})"
        )
    return "|".join(shapes)


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


def _known_streets() -> tuple[str, ...]:
    lines = files("bot.features.privacy").joinpath("streets.txt").read_text("utf-8").splitlines()
    return tuple(line for line in lines if line and not line.startswith("#"))


def _unmarked_streets(languages: Sequence[StreetWords], streets: Sequence[str]) -> re.Pattern[str]:
    """Return a pattern of streets without a street word: a known one, or a name after a cue."""
    house = _house_number(languages)
    known = rf"\b(?:{_any(streets)})[ ,]+{house}{_POSTCODE}"
    cues = any_word(cue for words in languages for cue in words.cues)
    # "J'habite à la Meir 50", "Mijn adres is Wapper 3": lowercase words between cue and name.
    after_cue = (
        rf"{cues}(?:[ :,]+[a-zà-ÿ'’]+){{0,3}}[ :,]+(?P<street>{_NAMES}[ ,]+{house}{_POSTCODE})"
    )
    return re.compile(rf"(?P<known>{known})|{after_cue}")


# "mijn dochter Lisa Janssens", "je m'appelle Karim": one to three capitalised names after words
# that announce a person. Names alone are not looked for: "Lisa zegt" reads like "Copilot zegt".
# Surnames often hold small words in small letters ("Van den Broeck", "Jan van Damme",
# "d'Hondt", "El Amrani"), which go with the names around them.
_PARTICLE = r"(?:van|de|der|den|du|des|la|le|von|ten|ter|el|al|ben|da|di|dos|'t)"
_IS_PARTICLE = re.compile(_PARTICLE, re.IGNORECASE)
_SURNAME = rf"(?:d['’])?{_NAME}"
_PEOPLE_CUES = [cue for profile in BUILT_IN for cue in (*profile.people, *profile.introductions)]
_PERSON = re.compile(
    rf"(?<!\w)(?i:{_any(_PEOPLE_CUES)})[ ,:]+"
    rf"(?P<person>{_SURNAME}(?:[ ](?:{_PARTICLE}[ ])*{_SURNAME}){{0,2}})"
)

# "I am Youssef El Amrani": a full name, two names or more, after words that may also say what
# the learner is ("I am Belgian"), which keeps its one capitalised word.
_FULL_NAME = re.compile(
    rf"(?<!\w)(?i:{_any(cue for profile in BUILT_IN for cue in profile.self_descriptions)})[ ,:]+"
    rf"(?P<person>{_SURNAME}(?:[ ](?:{_PARTICLE}[ ])*{_SURNAME}){{1,2}})"
)


def _person_spans(text: str) -> Iterator[Span]:
    for match in (*_PERSON.finditer(text), *_FULL_NAME.finditer(text)):
        # "My friend ChatGPT" names a tool, which the question is about.
        if match["person"].split()[0].casefold() not in loanwords():
            yield match.span("person")


# "je m'appelle fatima benali et je cherche", "ik heet jan": after a learner's own introduction,
# the name is the words up to the first short word of a sentence ("et", "en", "and") or a word
# with a digit, small letters or not. A small word of a surname ("de", "van") goes with the name
# when a name follows it.
_LETTERS = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"  # "fatima", "anne-sophie", "d'hondt"
_INTRODUCTION = re.compile(
    rf"(?<!\w)(?i:{_any(cue for profile in BUILT_IN for cue in profile.introductions)})[ ,:]+"
    rf"(?P<person>{_LETTERS}(?:[ ]{_LETTERS}){{0,4}})"
)
# The short words of a sentence in any language, where a name typed in small letters ends.
_SENTENCE_WORDS = frozenset(
    plain(word).casefold()
    for profile in BUILT_IN
    for words in (profile.function_words, profile.search.question_words, profile.follow_ups.openers)
    for word in words
)


def _introduced_name(words: Sequence[re.Match[str]]) -> Span | None:
    """Return the span of up to three names at the start of `words`, with the particles between."""

    def is_name(word: str) -> bool:
        folded = plain(word).casefold()
        return folded not in _SENTENCE_WORDS and folded not in loanwords()

    end, names, position = None, 0, 0
    while names < 3 and position < len(words):
        # "van den" before a name goes with it; not before the first name, nor at the end.
        while names and position < len(words) and _IS_PARTICLE.fullmatch(words[position][0]):
            position += 1
        if position == len(words) or not is_name(words[position][0]):
            break
        end, names, position = words[position].end(), names + 1, position + 1
    return None if end is None else (words[0].start(), end)


def _introduction_spans(text: str) -> Iterator[Span]:
    for match in _INTRODUCTION.finditer(text):
        words = list(re.finditer(_LETTERS, match["person"]))
        span = _introduced_name(words)
        if span is not None:
            offset = match.start("person")
            yield offset + span[0], offset + span[1]


# "my PIN is 4821", "wachtwoord voor de gemeente is Antwerpen123": the first word of four
# characters or more with a digit (a full stop after it left out), within five words of one that
# announces a secret. A password of letters alone is not told apart from "mot de passe est
# trop court".
_SECRET = re.compile(
    rf"(?<!\w)(?i:{_any(word for profile in BUILT_IN for word in profile.secrets)})(?!\w)"
    r"(?:[ ,:=]+[^\s\d]+){0,5}?[ ,:=]+(?P<secret>(?=[^\s,;]*\d)[^\s,;]{3,}[^\s,;.!?:)])"
)

# "I have type 2 diabetes", "je suis séropositif et enceinte", "ik neem antidepressiva": a
# condition or treatment said of oneself, with a few small words between ("a", "type 2", "al
# jaren"), and the conditions that follow it joined by "and". Not the word alone: "can AI find
# cancer?" is a question; nor after other words: "I have a question about cancer" is one too.
_BETWEEN = (
    r"(?:(?:a|an|some|type\s*\d|had|been|got|also|chronic|severe|mild|un|une|du|de|d['’]|des|le|"
    r"la|l['’]|forme|al|jaren|lang|ook|een|chronische|ernstige|lichte|zware|take|prends|neem|"
    # A verb again after "and": "ik ben zwanger en heb diabetes".
    r"heb|have|has|ai|a|is|est)\s*)"
)
_CONDITION = rf"(?i:{_any(word for profile in BUILT_IN for word in profile.conditions)})(?!\w)"
_HEALTH = re.compile(
    rf"(?<!\w)(?i:{_any(cue for profile in BUILT_IN for cue in profile.health_cues)})\s+"
    rf"{_BETWEEN}{{0,3}}(?P<health>{_CONDITION}(?:\s*(?:,|et|and|en|&)\s*{_BETWEEN}{{0,2}}"
    rf"{_CONDITION})*)"
)

# "my national number is 85073003361": eleven digits, however grouped, within five words of the
# words that name the number. Without them a wrong check digit means another number; with them,
# a typing slip or a made-up number is still not one to keep.
_NAMED_NATIONAL_NUMBER = re.compile(
    rf"(?<!\w)(?i:{_any(word for profile in BUILT_IN for word in profile.id_numbers)})(?!\w)"
    r"(?:[ ,:=]+[^\s\d]+){0,5}?[ ,:=]+(?P<number>(?<!\d)\d(?:[ .\-/]{0,3}\d){10})(?!\d)"
)

# "mijn VDAB dossier 12345", "my client number at Actiris is 0123456": five digits or more (a
# year is four), letters and dashes around them allowed ("BXL-2024-00123"), within five words of
# the words that name such a number. A service knows the learner by it.
_FILE_NUMBER = re.compile(
    rf"(?<!\w)(?i:{_any(word for profile in BUILT_IN for word in profile.file_numbers)})(?!\w)"
    r"(?:[ ,:=]+[^\s\d]+){0,5}?[ ,:=]+(?P<number>[\w\-/]*\d{5}[\w\-/]*)(?![\w\-/])"
)

_ADDRESSES = _addresses(_STREET_WORDS)
_UNMARKED_STREETS = _unmarked_streets(_STREET_WORDS, _known_streets())


def _regex_spans(pattern: re.Pattern[str]) -> Detector:
    def spans(text: str) -> Iterator[Span]:
        for match in pattern.finditer(text):
            # Only the named part of a match is the data: not the "I live at" before it.
            named = [name for name, value in match.groupdict().items() if value is not None]
            yield match.span(named[0]) if named else match.span()

    return spans


# Most specific first: check digits before phone shapes, numbers before addresses.
_DETECTORS: tuple[tuple[Kind, Detector], ...] = (
    (Kind.EMAIL, _regex_spans(_EMAIL)),
    (Kind.IBAN, _iban_spans),
    (Kind.PHONE, _international_phone_spans),
    (Kind.NATIONAL_NUMBER, _number_spans(_is_national_number, longest=11)),
    (Kind.NATIONAL_NUMBER, _regex_spans(_NAMED_NATIONAL_NUMBER)),
    (Kind.ID_CARD, _number_spans(_is_identity_card_number, longest=ID_CARD_DIGITS)),
    (Kind.CARD, _number_spans(_is_card_number, longest=19)),
    (Kind.PHONE, _phone_spans),
    (Kind.PHONE, _neighbour_phone_spans),
    (Kind.FILE_NUMBER, _regex_spans(_FILE_NUMBER)),
    *((Kind.ADDRESS, _regex_spans(pattern)) for pattern in _ADDRESSES),
    (Kind.ADDRESS, _regex_spans(_UNMARKED_STREETS)),
    (Kind.SECRET, _regex_spans(_SECRET)),
    (Kind.HEALTH, _regex_spans(_HEALTH)),
    (Kind.NAME, _person_spans),
    (Kind.NAME, _introduction_spans),
)


def find_personal_data(text: str) -> tuple[Finding, ...]:
    """Return the personal data in a text, in order, without overlaps."""
    folded = fold(text)
    spans: list[tuple[Kind, Span]] = []
    for kind, detector in _DETECTORS:
        for start, end in detector(folded.text):
            if all(end <= other[0] or start >= other[1] for _, other in spans):
                spans.append((kind, (start, end)))
    findings = [Finding(kind, *folded.original(*span)) for kind, span in spans]
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
