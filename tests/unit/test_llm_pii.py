"""The personal-data guard finds Belgian identifiers precisely, and redacts them."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from stdnum import luhn

from bot.core.languages import BUILT_IN
from bot.features.privacy.pii import Kind, Redaction, find_personal_data, redact
from tests.support.personal_data import CONTEXTS, GENERATORS, MISSED_FORMATS

# Words around the data: letters, spaces and punctuation that never make a number.
filler = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzéèàç ,.!?'"), min_size=0, max_size=30
).map(lambda s: f" {s} ")


def national_number(born: date, serial: int) -> str:
    body = f"{born:%y%m%d}{serial:03d}"
    base = int(body) + (2_000_000_000 if born.year >= 2000 else 0)
    return f"{body}{97 - base % 97:02d}"


national_numbers = st.builds(
    national_number,
    st.dates(min_value=date(1920, 1, 1), max_value=date(2025, 12, 31)),
    st.integers(min_value=1, max_value=998),
)


def formatted_national_number(digits: str, style: int) -> str:
    yy, mm, dd, serial, check = digits[:2], digits[2:4], digits[4:6], digits[6:9], digits[9:]
    return [
        digits,
        f"{yy}.{mm}.{dd}-{serial}.{check}",
        f"{yy}{mm}{dd}-{serial}-{check}",
        f"{yy}{mm}{dd} {serial} {check}",
    ][style]


# IBAN lengths of countries whose account numbers may be all digits (ISO 13616 registry).
IBAN_LENGTHS = {"BE": 16, "DE": 22, "FR": 27, "LU": 20, "NO": 15, "ES": 24, "AT": 20, "PT": 25}


def iban(country: str, bban: str) -> str:
    numeric = "".join(str(int(char, 36)) for char in f"{bban}{country}00")
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"


ibans = st.sampled_from(sorted(IBAN_LENGTHS)).flatmap(
    lambda country: st.text(
        alphabet="0123456789",
        min_size=IBAN_LENGTHS[country] - 4,
        max_size=IBAN_LENGTHS[country] - 4,
    ).map(lambda bban: iban(country, bban))
)


def grouped(text: str, separator: str) -> str:
    return separator.join(text[i : i + 4] for i in range(0, len(text), 4))


def with_luhn(partial: str) -> str:
    return partial + luhn.calc_check_digit(partial)


card_numbers = st.tuples(
    st.sampled_from(["4", "51", "52", "55", "2221", "34", "37", "6011", "6703", "5018"]),
    st.sampled_from([16, 15, 19, 13]),
    st.randoms(use_true_random=False),
).map(
    lambda args: with_luhn(
        args[0] + "".join(args[2].choice("0123456789") for _ in range(args[1] - len(args[0]) - 1))
    )
)

mobile_numbers = st.text(alphabet="0123456789", min_size=7, max_size=7).flatmap(
    lambda rest: st.sampled_from("56789").flatmap(
        lambda second: st.sampled_from(
            [
                f"04{second}{rest[0]} {rest[1:3]} {rest[3:5]} {rest[5:]}",
                f"04{second}{rest[0]}/{rest[1:3]}.{rest[3:5]}.{rest[5:]}",
                f"+32 4{second}{rest[0]} {rest[1:3]} {rest[3:5]} {rest[5:]}",
                f"+324{second}{rest}",
                f"0032 4{second}{rest}",
            ]
        )
    )
)


def landline(area: str, digits: str) -> str:
    # 02 123 45 67 in the big cities, 010 12 34 56 elsewhere: eight digits after the 0.
    rest = digits[: 8 - len(area)]
    if len(area) == 1:
        return f"0{area} {rest[:3]} {rest[3:5]} {rest[5:]}"
    return f"0{area} {rest[:2]} {rest[2:4]} {rest[4:]}"


landline_numbers = st.builds(
    landline,
    st.sampled_from(["2", "3", "9", "10", "50", "81", "87"]),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
)

emails = st.tuples(
    st.from_regex(r"[a-z][a-z0-9._+-]{0,15}[a-z0-9]", fullmatch=True),
    st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z0-9]", fullmatch=True),
    st.sampled_from(["be", "com", "org", "vlaanderen", "brussels"]),
).map(lambda a: f"{a[0]}@{a[1]}.{a[2]}")


def kinds(text: str) -> list[Kind]:
    return [finding.kind for finding in find_personal_data(text)]


@given(national_numbers, st.integers(0, 3), filler, filler)
def test_every_valid_national_number_is_redacted(
    digits: str, style: int, before: str, after: str
) -> None:
    text = before + formatted_national_number(digits, style) + after
    redaction = redact(text)
    assert redaction.kinds == (Kind.NATIONAL_NUMBER,)
    assert redaction.text == before + "[NATIONAL NUMBER]" + after


@given(national_numbers, st.integers(1, 96))
def test_a_wrong_check_number_is_not_a_national_number(digits: str, shift: int) -> None:
    body, check = digits[:9], int(digits[9:])
    wrong = f"{body}{(check - 1 + shift) % 97 + 1:02d}"
    valid_checks = {97 - int(body) % 97, 97 - (2_000_000_000 + int(body)) % 97}
    assume(int(wrong[9:]) not in valid_checks)
    assert Kind.NATIONAL_NUMBER not in kinds(f"nr {wrong}.")


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("85073003328", True),  # born in 1985
        ("17073003384", True),  # born in 2017: the check counts a "2" in front
        ("85073003329", False),
        ("85133003328", False),  # month 13
        ("85273003371", True),  # a BIS number: month + 20
        ("00000000097", True),  # unknown birth date, a real-world pattern
    ],
)
def test_national_number_examples(number: str, valid: bool) -> None:
    assert (kinds(f"nr {number}.") == [Kind.NATIONAL_NUMBER]) == valid


@pytest.mark.parametrize(
    "text",
    [
        "my number national 85073003361 and born in 1985",
        "my nn is 850730 033 61, ok to give VDAB website?",
        "Mijn rijksregisternummer is 85073003362.",
        "mon numéro national: 85.07.30.033.62",
    ],
)
def test_eleven_digits_after_the_words_that_name_a_national_number_are_one(text: str) -> None:
    # However wrong their check digits: a typing slip, or a number made up for the question.
    assert kinds(text) == [Kind.NATIONAL_NUMBER]


def test_the_words_of_a_national_number_without_its_digits_keep_their_words() -> None:
    text = "my national number has 11 digits, is that ok?"
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("written", "found"), [("85.07.30-033.61", True), ("85.13.30-033.61", False)]
)
def test_a_number_written_as_the_card_writes_it_is_one_whatever_its_check_digits(
    written: str, found: bool
) -> None:
    # A typing slip, or a number made up for the question, is still not a number to keep.
    # Without words that name the number, an impossible date makes it another number.
    assert (kinds(f"Is {written} juist geschreven?") == [Kind.NATIONAL_NUMBER]) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("My card number is 592-1234567-89, I live in Schaerbeek", True),  # as the card has it
        ("mijn identiteitskaart 591191706458", True),  # in one piece, its check digits right
        ("le numéro 591191706459", False),  # in one piece, a wrong check: some other number
        ("+++123/4567/89012+++", False),  # a structured payment reference
    ],
)
def test_an_identity_card_number_is_redacted(text: str, found: bool) -> None:
    assert (Kind.ID_CARD in kinds(text)) == found


@given(ibans, st.booleans(), st.booleans(), filler, filler)
def test_every_valid_iban_is_redacted(
    value: str, spaced: bool, lower: bool, before: str, after: str
) -> None:
    shown = grouped(value, " ") if spaced else value
    shown = shown.lower() if lower else shown
    redaction = redact(before + shown + after)
    assert redaction.kinds == (Kind.IBAN,)
    assert redaction.text == before + "[IBAN]" + after


@given(ibans, st.data())
def test_one_changed_digit_breaks_an_iban(value: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(2, len(value) - 1))
    if not value[position].isdigit():
        return
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != value[position]]))
    assert Kind.IBAN not in kinds(value[:position] + digit + value[position + 1 :])


@given(card_numbers, st.sampled_from(["", " ", "-"]), filler, filler)
def test_every_valid_card_number_is_redacted(
    number: str, separator: str, before: str, after: str
) -> None:
    redaction = redact(before + grouped(number, separator) + after)
    assert redaction.kinds == (Kind.CARD,)
    assert redaction.text == before + "[CARD NUMBER]" + after


@given(card_numbers, st.data())
def test_one_changed_digit_fails_luhn(number: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(number) - 1))
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != number[position]]))
    assert Kind.CARD not in kinds(number[:position] + digit + number[position + 1 :])


def test_sixteen_digits_grouped_as_on_a_card_are_a_card_number_whatever_their_check_digit() -> None:
    # A slip, or a number made up to ask: either way not a number to keep.
    typed = "My card number is 4532 1234 5678 9010, did I put it in danger?"
    assert redact(typed).kinds == (Kind.CARD,)
    assert Kind.CARD not in kinds("4532123456789010")  # in one piece, the check digit decides


@given(st.one_of(mobile_numbers, landline_numbers), filler, filler)
def test_belgian_phone_numbers_are_redacted(number: str, before: str, after: str) -> None:
    redaction = redact(before + number + after)
    assert redaction.kinds == (Kind.PHONE,)
    assert redaction.text == before + "[PHONE]" + after


@given(emails, filler, filler)
def test_email_addresses_are_redacted(address: str, before: str, after: str) -> None:
    redaction = redact(before + address + after)
    assert redaction.kinds == (Kind.EMAIL,)
    assert redaction.text == before + "[EMAIL]" + after


@given(st.text(alphabet=st.characters(exclude_categories=["Nd"], exclude_characters="@")))
def test_text_without_digits_or_at_sign_holds_no_number_or_email(text: str) -> None:
    assert not {Kind.NATIONAL_NUMBER, Kind.IBAN, Kind.CARD, Kind.PHONE, Kind.EMAIL} & set(
        kinds(text)
    )


SECRET_WORDS = re.compile(
    "|".join(re.escape(word) for profile in BUILT_IN for word in profile.secrets), re.IGNORECASE
)


@given(st.integers(0, 999_999), filler, filler)
def test_short_numbers_are_not_personal_data(number: int, before: str, after: str) -> None:
    # After "pin" or "password", a number is one (tested apart).
    assume(not SECRET_WORDS.search(before))
    assert kinds(f"{before}{number}{after}") == []


@given(st.text(max_size=200))
def test_redaction_removes_everything_it_finds(text: str) -> None:
    once = redact(text)
    assert redact(once.text).text == once.text
    assert find_personal_data(once.text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "J'habite rue de la Loi 16, 1000 Bruxelles.",
        "Mon adresse : Avenue Louise 54 bte 3",
        "Envoyez-le au 12, rue Neuve.",
        "Ik woon in de Kerkstraat 12 bus 3, 9000 Gent.",
        "Mijn adres is Grote Markt 1.",
        "I live at 221 Baker Street.",
        "Send it to Station Road 5, 3000 Leuven.",
        # A lowercase street name, then words that follow an address rather than count.
        "On habite rue royale 12 depuis mars.",
        "Wij wonen rue haute 5 samen met onze kat.",
        "We moved to avenue louise 54 last month.",
    ],
)
def test_street_addresses_are_redacted(text: str) -> None:
    redaction = redact(text)
    assert redaction.kinds == (Kind.ADDRESS,)
    assert not any(char.isdigit() for char in redaction.text.replace("[ADDRESS]", ""))


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("mijn dochter Lisa Janssens zegt dat AI slecht is", "mijn dochter [NAME] zegt dat AI"),
        ("Je m'appelle Karim, est-ce que ChatGPT garde tout ?", "Je m'appelle [NAME], est-ce"),
        ("My boss Mr Peeters wants me to use Copilot", "My boss [NAME] wants me"),
        ("ma collègue Anne-Sophie Dubois utilise l'IA", "ma collègue [NAME] utilise"),
        ("Ik heet Jan De Smet en ik zoek werk", "Ik heet [NAME] en ik zoek"),
        ("je m appelle Marc Lejeune, l'IA est-elle dangereuse ?", "je m appelle [NAME], l'IA"),
        # Titles, as a pasted letter or file names people.
        (
            "May I paste the file of Mrs Fatima El Amrani into ChatGPT?",
            "May I paste the file of Mrs [NAME] into",
        ),
        ("Le dossier de Madame Fatima El Amrani", "Le dossier de Madame [NAME]"),
        ("het dossier van meneer Jan Peeters, mag dat?", "het dossier van meneer [NAME], mag"),
        # Surnames with small words in small letters go whole.
        ("ik heet Jan Van den Broeck en ik zoek werk", "ik heet [NAME] en ik zoek werk"),
        ("mijn collega Jan van Damme zegt", "mijn collega [NAME] zegt"),
        ("ma collègue Anne d'Hondt utilise l'IA", "ma collègue [NAME] utilise"),
        ("mijn leidinggevende Els zegt dat het mag", "mijn leidinggevende [NAME] zegt"),
        ("mon responsable Marc dit non", "mon responsable [NAME] dit"),
        ("my supervisor Anna says yes", "my supervisor [NAME] says"),
        # One's own name, typed in small letters on a phone, up to the sentence's small words.
        ("je m'appelle fatima benali et je cherche du travail", "je m'appelle [NAME] et je"),
        ("moi c'est karim, chatgpt c'est gratuit ?", "moi c'est [NAME], chatgpt"),
        ("ik heet jan peeters en ik zoek werk", "ik heet [NAME] en ik zoek werk"),
        ("my name is anne-sophie van den broeck and I need a job", "my name is [NAME] and I"),
        # A full name after words that may also say what the learner is.
        ("I am Youssef El Amrani. chatgpt can find me job?", "I am [NAME]. chatgpt"),
        ("Ik ben Jan Peeters en ik zoek werk", "Ik ben [NAME] en ik zoek werk"),
        # One's name to sign a letter with.
        ("Sign it with my name Jean-Pierre Dubois", "Sign it with my name [NAME]"),
        ("signez avec mon nom Marie Dupont", "signez avec mon nom [NAME]"),
        ("onderteken met mijn naam Jan Peeters", "onderteken met mijn naam [NAME]"),
    ],
)
def test_a_name_after_words_that_announce_a_person_is_redacted(text: str, redacted: str) -> None:
    redaction = redact(text)
    assert redaction.text.startswith(redacted)
    assert redaction.kinds == (Kind.NAME,)


@pytest.mark.parametrize(
    "text",
    [
        "my friend ChatGPT helps me write",  # a tool, which the question is about
        "mon patron veut que j'utilise Copilot",  # no name after the words
        "een app die Gemini heet",
        "mijn baas zegt: gebruik het niet",
        # After an introduction, words of the sentence and tools are no name.
        "my name is not important, is ChatGPT safe?",
        "moi c'est la même chose avec Copilot",
        "mijn naam is chatgpt zei de bot",
        "I am Belgian, can I use ChatGPT?",  # one capitalised word says what one is
        "I am ChatGPT Plus user",
        "the assistant wrote my name wrong, what do I do?",  # "my name" and no name after
        "la banque a mon nom mal écrit",
    ],
)
def test_tools_and_sentences_without_a_name_keep_their_words(text: str) -> None:
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        (
            "my login is olena.k and password Brussel2024!",
            "my login is olena.k and password [SECRET]!",
        ),
        ("My PIN is 4821, ok to tell ChatGPT?", "My PIN is [SECRET], ok to tell ChatGPT?"),
        (
            "Mijn wachtwoord voor de gemeente website is Antwerpen123 en mijn pincode is 4821.",
            "Mijn wachtwoord voor de gemeente website is [SECRET] en mijn pincode is [SECRET].",
        ),
        ("mon code PIN: 1234", "mon code PIN: [SECRET]"),
        (
            "my itsme code is 48213, bank man ask on phone, i give?",
            "my itsme code is [SECRET], bank man ask on phone, i give?",
        ),
        (
            "the pass Bxl2024, chatgpt can fill my tax?",
            "the pass [SECRET], chatgpt can fill my tax?",
        ),
    ],
)
def test_a_password_or_pin_with_a_digit_after_the_word_that_announces_it_is_redacted(
    text: str, redacted: str
) -> None:
    redaction = redact(text)
    assert redaction.text == redacted
    assert redaction.kinds == (Kind.SECRET,)


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        # A service knows the learner by it: it reached the question kept for a follow-up.
        (
            "mijn VDAB dossier 12345, hoe werkt dat?",
            "mijn VDAB dossier [FILE NUMBER], hoe werkt dat?",
        ),
        (
            "mon numéro de dossier Actiris est 0123456",
            "mon numéro de dossier Actiris est [FILE NUMBER]",
        ),
        ("my client number is 48213", "my client number is [FILE NUMBER]"),
        ("case number BXL-2024-00123 at the ONEM", "case number [FILE NUMBER] at the ONEM"),
        (
            "mijn klantnummer bij de mutualiteit: 987654",
            "mijn klantnummer bij de mutualiteit: [FILE NUMBER]",
        ),
    ],
)
def test_a_file_or_client_number_after_the_words_that_name_it_is_redacted(
    text: str, redacted: str
) -> None:
    redaction = redact(text)
    assert redaction.text == redacted
    assert redaction.kinds == (Kind.FILE_NUMBER,)


@pytest.mark.parametrize(
    "text",
    [
        "mon dossier de 2024 est perdu",
        "j'ai un dossier chez Actiris",
        "in case 50000 people use it",
    ],
)
def test_a_year_or_a_file_without_its_number_is_no_file_number(text: str) -> None:
    assert redact(text).kinds == ()


@pytest.mark.parametrize(
    "text",
    [
        "is my password safe?",
        "how long should a password be, 12 characters?",
        "is a 4 digit pin ok?",
        "le mot de passe est trop court",
    ],
)
def test_questions_about_passwords_keep_their_words(text: str) -> None:
    assert redact(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "J'ai une place pour 2 personnes.",
        "De snelweg is 40 km lang.",
        "Le rendez-vous est le 02/03/2024 à 14h.",
        "It costs 1999 euros in 2024 for 100 km.",
        "Is GPT-4o better than version 4.5?",
        "Ik heb 3 vragen over de straat.",
        "Chapter 3 of the AI Act has 12 articles.",
        "Dans la rue centrale 2 voitures bloquent le passage.",
    ],
)
def test_ordinary_sentences_are_left_alone(text: str) -> None:
    assert redact(text).text == text


def test_several_kinds_are_reported_once_each_in_order() -> None:
    redaction = redact(
        "Bel 0475 12 34 56 of 02 123 45 67, mail an@example.be, rekening BE68 5390 0754 7034"
    )
    assert redaction.kinds == (Kind.PHONE, Kind.EMAIL, Kind.IBAN)
    assert redaction.text == "Bel [PHONE] of [PHONE], mail [EMAIL], rekening [IBAN]"


def test_the_bare_text_leaves_the_data_out_for_searching() -> None:
    redaction = redact("Is mijn nummer 0475 12 34 56 veilig bij ChatGPT?\nMail: an@example.be")
    assert redaction.bare == "Is mijn nummer veilig bij ChatGPT? Mail:"


def test_a_phone_number_whose_digits_pass_the_national_number_check_stays_a_phone() -> None:
    # Found by hypothesis: 32480941858 happens to be a valid national register number.
    redaction = redact("Call me on +32480941858 please")
    assert redaction.kinds == (Kind.PHONE,)
    assert redaction.text == "Call me on [PHONE] please"


@pytest.mark.parametrize(("kind", "data"), MISSED_FORMATS)
@pytest.mark.parametrize(
    ("before", "after"),
    [("", ""), ("Mon numéro : ", ", merci."), ("Is dit veilig?\n", "\n"), ("Mail (", ") please")],
)
def test_formats_that_once_slipped_through_are_redacted(
    kind: Kind, data: str, before: str, after: str
) -> None:
    redaction = redact(before + data + after)
    assert redaction.kinds == (kind,)
    assert redaction.text == before + kind.placeholder + after


@given(st.sampled_from(list(GENERATORS)), st.randoms(use_true_random=False), st.data())
def test_data_written_in_any_usual_way_is_redacted(
    kind: Kind, rng: random.Random, data: st.DataObject
) -> None:
    context = data.draw(st.sampled_from(CONTEXTS[kind]))
    redaction = redact(context.format(GENERATORS[kind](rng)))
    assert redaction.kinds == (kind,)
    assert redaction.text == context.format(kind.placeholder)


NUMBERS = [kind for kind in GENERATORS if kind not in {Kind.EMAIL, Kind.ADDRESS}]


@given(st.sampled_from(NUMBERS), st.randoms(use_true_random=False), filler, filler)
def test_numbers_written_in_any_usual_way_are_redacted_among_any_words(
    kind: Kind, rng: random.Random, before: str, after: str
) -> None:
    redaction = redact(before + GENERATORS[kind](rng) + after)
    assert redaction.kinds == (kind,)
    assert redaction.text == before + kind.placeholder + after


@given(st.sampled_from(list(GENERATORS)), st.randoms(use_true_random=False))
def test_the_data_is_found_where_it_is_in_the_original_text(kind: Kind, rng: random.Random) -> None:
    data = GENERATORS[kind](rng)
    text = f"Zéro\u200bwidth ＡＩ\u00a0? {data} ok"
    (finding,) = find_personal_data(text)
    assert text[finding.start : finding.end] == data


@pytest.mark.parametrize(
    "text",
    [
        "J'ai fini le module 5 et la leçon 12 sur Windows 11.",
        "Is GPT 4 beter dan GPT-4o? Het kost 2 000 euro.",
        "Le 12/03/2024 à 14h30, 45 % des gens ont lu l'article 50, page 12.",
        "De les van 25.04.2026 begint om 13:30.",
        "In 2013, 83 706 891 people used ChatGPT.",
        "Il y a une place pour 13 personnes le 15.03.2026.",
        "La rue a 3 voies et 12 maisons.",
        "Dans la rue il y a 4 arbres.",
        "I live in Leuven since 2015.",
        "Ik woon in Gent (9000) sinds 2019.",
        "En 2019, 1234567890 vues.",
    ],
)
def test_numbers_in_ordinary_sentences_are_left_alone(text: str) -> None:
    assert redact(text).text == text


@pytest.mark.parametrize(
    "number", ["+33 6 79 18 09 99", "+32 (0)496 47 25 18", "0032 470 12 34 56"]
)
def test_an_international_phone_number_in_brackets_is_found(number: str) -> None:
    # Found on the benchmark's held-out messages: a bracket before the "+" hid the number.
    redaction = redact(f"Puis-je donner ({number}) à une IA ?")
    assert redaction.text == "Puis-je donner ([PHONE]) à une IA ?"


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        (
            "Écris un e-mail à ma commune. Je suis séropositif et enceinte, donc le matin.",
            "Écris un e-mail à ma commune. Je suis [HEALTH], donc le matin.",
        ),
        ("Ik heb diabetes en epilepsie, schrijf een mail", "Ik heb [HEALTH], schrijf een mail"),
        ("I have depression and take antidepressants", "I have [HEALTH]"),
        ("I have type 2 diabetes, write to my boss", "I have type 2 [HEALTH], write to my boss"),
        ("ik ben al jaren depressief", "ik ben al jaren [HEALTH]"),
        # Said of someone close, whose data it is.
        ("my mother has dementia, can AI help?", "my mother has [HEALTH], can AI help?"),
        (
            "mon fils a un TDAH, chatgpt peut aider ?",
            "mon fils a un [HEALTH], chatgpt peut aider ?",
        ),
        ("mijn moeder lijdt aan alzheimer", "mijn moeder lijdt aan [HEALTH]"),
        # A second condition after a verb again, and a treatment someone takes.
        ("ik ben zwanger en heb diabetes", "ik ben [HEALTH]"),
        (
            "mon mari est diabétique et il prend de l'insuline",
            "mon mari est [HEALTH] et il prend de l'[HEALTH]",
        ),
    ],
)
def test_a_condition_said_of_oneself_is_health_data(text: str, redacted: str) -> None:
    assert redact(text) == Redaction(redacted, (Kind.HEALTH,))


@pytest.mark.parametrize(
    "text",
    [
        "can AI find cancer?",
        "I have a question about cancer screening",
        "Is ChatGPT good for people with diabetes?",
        "je suis Belge et je cherche du travail",
        "I am worried about cancer",
        "AI has changed cancer research, how?",
        "wat heeft AI met kanker te maken?",
        "l'IA a le droit de lire mes mails ?",
        "ChatGPT est utile contre le cancer ?",
    ],
)
def test_health_words_that_say_nothing_of_the_learner_are_kept(text: str) -> None:
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        # Written out in words: kept word for word, without a note.
        ("écris à marie.dupont arobase gmail.com, ok ?", "écris à [EMAIL], ok ?"),
        ("mon email marie.dupont (at) gmail point com", "mon email [EMAIL]"),
        # A neighbour's mobile in its own national form.
        ("mon portable français 06 12 34 56 78, ok ?", "mon portable français [PHONE], ok ?"),
        ("mijn Nederlandse nummer is 06-12345678", "mijn Nederlandse nummer is [PHONE]"),
    ],
)
def test_emails_written_out_and_neighbours_mobiles_are_found(text: str, redacted: str) -> None:
    assert redact(text).text == redacted


def test_dates_are_no_neighbours_phone_numbers() -> None:
    # "09.06.2025" is a valid Dutch premium number, and was taken for one.
    assert not redact("Meeting on 09.06.2025 from 15:00, or 09/09/2024.").found


def test_a_condition_after_a_named_child_is_health_data_too() -> None:
    # The name between "ma fille" and the verb hid the condition, which was kept.
    redaction = redact("ma fille Léa a le diabète, l'IA peut aider ?")
    assert redaction.text == "ma fille [NAME] a le [HEALTH], l'IA peut aider ?"
