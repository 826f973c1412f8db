"""Generate personal data in the many ways people write it, and ordinary sentences full of numbers.

Shared by the guard's property tests and `benchmarks/privacy.py`. Each generator takes a
`random.Random`, so a run is repeatable. The held-out lists (`HELD_OUT_*`) were written once and
are not used for tuning the guard: the benchmark reports them apart.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from stdnum import luhn

from bot.features.privacy.pii import Kind

Generate = Callable[[random.Random], str]

# How people separate groups of digits, after copying from a PDF, a phone or a bank app.
SEPARATORS = (" ", "  ", ".", "-", "–", "/", "\u00a0", "\u202f", "\n", " \n", "\u200b", " - ")
DIGIT_SCRIPTS = ("0123456789", "０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९")


def digits(rng: random.Random, count: int) -> str:
    """Return `count` random digits."""
    return "".join(rng.choice("0123456789") for _ in range(count))


def in_script(text: str, script: str) -> str:
    """Write the ASCII digits of a text in another script's digits."""
    return text.translate(str.maketrans("0123456789", script))


def disguise(rng: random.Random, groups: Sequence[str]) -> str:
    """Join groups with one separator, maybe in another script's digits or with zero-width marks."""
    text = rng.choice(SEPARATORS).join(groups)
    if rng.random() < 0.2:
        text = in_script(text, rng.choice(DIGIT_SCRIPTS[1:]))
    if rng.random() < 0.1:
        text = "\u200b".join(text)
    return text


def national_number_digits(rng: random.Random) -> str:
    """Return the 11 digits of a valid Belgian national register number."""
    born = date(1930, 1, 1) + timedelta(days=rng.randrange(95 * 365))
    body = f"{born:%y%m%d}{rng.randint(1, 998):03d}"
    base = int(body) + (2_000_000_000 if born.year >= 2000 else 0)
    return f"{body}{97 - base % 97:02d}"


def national_number(rng: random.Random) -> str:
    """Return a national register number, written as people write it."""
    number = national_number_digits(rng)
    parts = [number[:2], number[2:4], number[4:6], number[6:9], number[9:]]
    style = rng.randrange(4)
    if style == 0:
        return number
    if style == 1:  # the way the card prints it: 85.07.30-033.28
        dash = rng.choice(["-", "–", " - "])
        return f"{'.'.join(parts[:3])}{dash}{'.'.join(parts[3:])}"
    if style == 2:
        return disguise(rng, [number[:6], number[6:9], number[9:]])
    if style == 3 and rng.random() < 0.3:
        return ",".join(parts)
    return disguise(rng, parts)


def iban_of(country: str, bban: str) -> str:
    """Return the IBAN of an account number, with its check digits."""
    numeric = "".join(str(int(char, 36)) for char in f"{bban}{country}00")
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"


# Countries whose account numbers may be all digits, with the length of their IBAN.
IBAN_COUNTRIES = {"BE": 16, "DE": 22, "FR": 27, "LU": 20, "ES": 24, "PT": 25}


def iban(rng: random.Random) -> str:
    """Return an IBAN, mostly Belgian, grouped and separated as people write it."""
    country = "BE" if rng.random() < 0.7 else rng.choice(sorted(IBAN_COUNTRIES))
    value = iban_of(country, digits(rng, IBAN_COUNTRIES[country] - 4))
    if rng.random() < 0.2:
        value = value.lower()
    groups = [value[i : i + 4] for i in range(0, len(value), 4)]
    style = rng.randrange(4)
    if style == 0:
        return value
    if style == 1:  # "BE 68 5390 0754 7034"
        return disguise(rng, [value[:2], value[2:4], *groups[1:]])
    return disguise(rng, groups)


def card(rng: random.Random) -> str:
    """Return a valid payment card number, grouped by four as printed on the card."""
    prefix = rng.choice(["4", "51", "55", "2221", "6703", "4871"])
    partial = prefix + digits(rng, 15 - len(prefix))
    number = partial + luhn.calc_check_digit(partial)
    groups = [number[i : i + 4] for i in range(0, 16, 4)]
    return number if rng.random() < 0.2 else disguise(rng, groups)


def phone(rng: random.Random) -> str:
    """Return a Belgian mobile or landline, or a neighbouring country's mobile number."""
    style = rng.randrange(6)
    if style == 0:  # 0470 12 34 56
        mobile = f"04{rng.choice('56789')}{digits(rng, 1)}"
        return disguise(rng, [mobile, digits(rng, 2), digits(rng, 2), digits(rng, 2)])
    if style == 1:  # (0470) 12 34 56
        mobile = f"(04{rng.choice('789')}{digits(rng, 1)})"
        space = rng.choice([" ", "  ", "\u00a0"])
        return f"{mobile}{space}{digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)}"
    if style == 2:  # 0470 / 12 34 56
        mobile = f"04{rng.choice('789')}{digits(rng, 1)}"
        return f"{mobile} / {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)}"
    if style == 3:  # +32 470 12 34 56
        code = rng.choice(["+32 ", "+32", "0032 ", "+32 (0)"])
        rest = [f"4{rng.choice('789')}{digits(rng, 1)}", digits(rng, 2), digits(rng, 2)]
        return code + disguise(rng, [*rest, digits(rng, 2)])
    if style == 4:  # 02 512 34 56, 09 234 56 78
        area = rng.choice(["02", "03", "09"])
        return disguise(
            rng, [area, f"{rng.randint(2, 9)}{digits(rng, 2)}", digits(rng, 2), digits(rng, 2)]
        )
    neighbour = rng.choice(["+33 6", "+31 6", "+49 151"])  # France, the Netherlands, Germany
    return f"{neighbour} {digits(rng, 4)} {digits(rng, 4)}"


def email(rng: random.Random) -> str:
    """Return an e-mail address, sometimes written to fool a spam robot or with a full-width @."""
    name = rng.choice(["jan", "marie", "an.peeters", "l.dubois", "kevin_92", "sofie+ai"])
    domain = rng.choice(
        ["x.be", "skynet.be", "gmail.com", "telenet.be", "gent.be", "mail.vlaanderen"]
    )
    at = rng.choice(["@", "@", "＠", " @ ", " [at] ", " (at) ", "[at]", " [AT] "])
    if at.strip() in {"[at]", "(at)"} and rng.random() < 0.3:
        domain = domain.replace(".", " [dot] ")
    return f"{name}{at}{domain}"


STREETS = {
    "fr": ["Av. Louise", "Bd. Anspach", "rue royale", "rue de la Loi", "Avenue de Tervueren",
           "chaussée de Wavre", "place Flagey", "Boulevard du Souverain", "rue des Tanneurs"],
    "nl": ["Veldstraat", "Kerkstraat", "Frankrijklei", "Mechelsesteenweg", "Ladeuzeplein",
           "Bondgenotenlaan", "Grote Markt", "Meir", "Wapper", "Overpoort"],
    "en": ["Station Road", "Baker Street", "Church Lane", "Avenue Louise", "Meir"],
}  # fmt: skip


def address(rng: random.Random) -> str:
    """Return a street and house number, maybe with a box and a postcode, in any language."""
    language = rng.choice(sorted(STREETS))
    street = rng.choice(STREETS[language])
    mark = rng.choice(["", "", "", "nr. " if language == "nl" else "n° "])
    text = f"{street} {mark}{rng.randint(1, 250)}{rng.choice(['', '', 'a', 'B'])}"
    if rng.random() < 0.3:
        text += rng.choice([" bte 3", " bus 12", ", bus 2"])
    if rng.random() < 0.3:
        text += rng.choice([", 1000 Bruxelles", ", 9000 Gent", " 2000 Antwerpen", ", 1050 Ixelles"])
    return text


GENERATORS: dict[Kind, Generate] = {
    Kind.NATIONAL_NUMBER: national_number,
    Kind.IBAN: iban,
    Kind.CARD: card,
    Kind.PHONE: phone,
    Kind.EMAIL: email,
    Kind.ADDRESS: address,
}

# Where a learner puts the data: "{}" is the data. Addresses come after a cue for streets
# without a street word ("Meir 50"), as a learner would write them.
CONTEXTS = {
    Kind.ADDRESS: [
        "J'habite {} et je voudrais de l'aide.",
        "Ik woon {}, kan ChatGPT mij helpen?",
        "I live at {}. Can AI find my house?",
        "Mon adresse : {}",
        "Mijn adres is {}.",
        "Is het veilig om mijn adres {} te geven?",
        "I moved to {} last month.",
        "On habite {} avec les enfants.",
        "Wij wonen {} samen met onze kat.",
        "Je suis domicilié {} depuis mars.",
    ],
    **{
        kind: [
            "Voici mon numéro : {}. C'est grave ?",
            "Mag ik {} aan ChatGPT geven?",
            "Can I share {} with a chatbot?",
            "{}",
            "Mon numéro est\n{}\nmerci !",
            "Kan een chatbot iets doen met {} ?",
        ]
        for kind in GENERATORS
        if kind is not Kind.ADDRESS
    },
}
HELD_OUT_CONTEXTS = {
    Kind.ADDRESS: [
        "Je vis {} depuis deux ans.",
        "We wonen {} sinds vorig jaar.",
        "My address is {} in Belgium.",
        "Adres: {}",
    ],
    **{
        kind: [
            "Est-ce que je peux donner ({}) à une IA ?",
            "Dit is het: {} - klopt dat?",
            "Here it is: {}! What now?",
            "« {} » c'est privé ?",
        ]
        for kind in GENERATORS
        if kind is not Kind.ADDRESS
    },
}


def sample(rng: random.Random, kind: Kind, contexts: dict[Kind, list[str]]) -> str:
    """Return one message holding one piece of data of a kind, in one of the contexts."""
    return rng.choice(contexts[kind]).format(GENERATORS[kind](rng))


def _fillers(rng: random.Random) -> dict[str, str]:
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(900))
    hour = rng.randint(7, 22)
    return {
        "n": str(rng.randint(1, 30)),
        "m": str(rng.randint(2, 12)),
        "year": str(rng.randint(1990, 2030)),
        "date": rng.choice(
            [f"{day:%d/%m/%Y}", f"{day:%d.%m.%Y}", f"{day:%Y-%m-%d}", f"{day:%d/%m}"]
        ),
        "time": rng.choice(
            [f"{hour}h{rng.choice(['', '30', '15'])}", f"{hour}:{rng.choice(['00', '30'])}"]
        ),
        "price": rng.choice([
            f"{rng.randint(1, 999)},{digits(rng, 2)}", f"{rng.randint(1, 9)} {digits(rng, 3)}",
            f"{rng.randint(1, 9)}.{digits(rng, 3)}", str(rng.randint(5, 5000)),
        ]),
        "pct": f"{rng.randint(1, 99)}{rng.choice([' %', '%', ',5 %'])}",
        "big": rng.choice([
            f"{rng.randint(1, 999)} {digits(rng, 3)} {digits(rng, 3)}",
            f"{rng.randint(1, 999)}.{digits(rng, 3)}.{digits(rng, 3)}",
            str(rng.randint(10**6, 10**10)),
        ]),
        "version": rng.choice([
            "GPT 4", "GPT-4o", "GPT 3.5", "Windows 11", "Windows 10", "iOS 17.2", "Android 14",
            "Claude 3", "Llama 3.1", "Python 3.12",
        ]),
        "postcode": str(rng.choice([1000, 1050, 2000, 3000, 4000, 5000, 8000, 9000])),
        "km": str(rng.randint(1, 300)),
        "code": digits(rng, 6),
    }  # fmt: skip


ORDINARY = {
    "fr": [
        "J'ai fini le module {n} et la leçon {m} hier.",
        "Le cours du {date} commence à {time}.",
        "Ça coûte {price} euros par mois, c'est cher ?",
        "Selon l'article {n} de l'AI Act, {pct} des systèmes sont à haut risque.",
        "À la page {n}, il y a {m} exemples de deepfakes.",
        "{version} est sorti en {year} ?",
        "J'ai {n} ans d'expérience et {m} enfants.",
        "En {year}, {big} personnes utilisaient ChatGPT.",
        "Le bus {n} part à {time} de la gare, à {km} km.",
        "J'habite à Liège ({postcode}) depuis {n} ans.",
        "Mon code de vérification est {code}, je le donne ?",
        "Question {n} sur {m} : je ne comprends pas.",
        "Il y a une place pour {n} personnes le {date}.",
        "Le score était de {n} sur {m}, soit {pct}.",
        "Entre {year} et {year}, le prix est passé de {price} à {price} €.",
        "Dans la rue il y a {n} maisons et {m} arbres.",
    ],
    "nl": [
        "Ik heb module {n} en les {m} gisteren gedaan.",
        "De les van {date} begint om {time}.",
        "Het kost {price} euro per maand, is dat veel?",
        "Volgens artikel {n} van de AI-verordening is {pct} hoog risico.",
        "Op pagina {n} staan {m} voorbeelden.",
        "Is {version} uitgekomen in {year}?",
        "Ik ben {n} jaar en heb {m} kinderen.",
        "In {year} gebruikten {big} mensen ChatGPT.",
        "Bus {n} vertrekt om {time}, het is {km} km rijden.",
        "Ik woon in Gent ({postcode}) sinds {year}.",
        "Mijn code is {code}, mag ik die geven?",
        "Vraag {n} van {m} snap ik niet.",
        "Er zijn {n} plaatsen vrij op {date}.",
        "Ik had {n} op {m}, dat is {pct}.",
        "Van {year} tot {year} steeg de prijs van {price} naar {price} euro.",
        "In onze straat staan {n} huizen en {m} bomen.",
    ],
    "en": [
        "I finished module {n} and lesson {m} yesterday.",
        "The class on {date} starts at {time}.",
        "It costs {price} euros a month, is that a lot?",
        "Under article {n} of the AI Act, {pct} of systems are high risk.",
        "Page {n} has {m} examples of deepfakes.",
        "Did {version} come out in {year}?",
        "I am {n} years old and have {m} kids.",
        "In {year}, {big} people used ChatGPT.",
        "Bus {n} leaves at {time} and the trip is {km} km.",
        "I live in Leuven ({postcode}) since {year}.",
        "My verification code is {code}, can I share it?",
        "Question {n} of {m} is unclear to me.",
        "There is room for {n} people on {date}.",
        "I scored {n} out of {m}, that is {pct}.",
        "From {year} to {year} the price went from {price} to {price} euros.",
        "Our street has {n} houses and {m} trees.",
    ],
}
HELD_OUT_ORDINARY = {
    "fr": [
        "Chapitre {n}, exercice {m} : j'ai eu {pct}.",
        "Mon ordinateur a {n} Go de RAM et {version}.",
        "Réunion le {date} de {time} à {time}, salle {n}.",
        "La facture de {price} € est due pour le {date}.",
        "Ma fille de {n} ans regarde {m} vidéos par jour.",
        "Il y avait {big} vues en {year}.",
    ],
    "nl": [
        "Hoofdstuk {n}, oefening {m}: ik had {pct}.",
        "Mijn laptop heeft {n} GB geheugen en {version}.",
        "Vergadering op {date} van {time} tot {time}, lokaal {n}.",
        "De factuur van {price} euro moet betaald zijn op {date}.",
        "Mijn dochter van {n} kijkt {m} filmpjes per dag.",
        "Er waren {big} views in {year}.",
    ],
    "en": [
        "Chapter {n}, exercise {m}: I got {pct}.",
        "My laptop has {n} GB of RAM and {version}.",
        "Meeting on {date} from {time} to {time}, room {n}.",
        "The bill of {price} euros is due on {date}.",
        "My {n}-year-old watches {m} videos a day.",
        "There were {big} views in {year}.",
    ],
}


def ordinary(rng: random.Random, template: str) -> str:
    """Fill a sentence template with numbers: dates, times, prices, versions, counts."""
    return template.format(**_fillers(rng))


# The formats the guard missed before it folded the text (the privacy issue's list).
MISSED_FORMATS: tuple[tuple[Kind, str], ...] = (
    (Kind.IBAN, "BE 68 5390 0754 7034"),
    (Kind.IBAN, "BE68-5390-0754-7034"),
    (Kind.IBAN, "BE68.5390.0754.7034"),
    (Kind.IBAN, "BE68  5390  0754  7034"),
    (Kind.IBAN, "BE68\u00a05390\u00a00754\u00a07034"),
    (Kind.IBAN, "BE68 5390\n0754 7034"),
    (Kind.IBAN, "BE68\u200b5390\u200b0754\u200b7034"),
    (Kind.IBAN, "ＢＥ６８ ５３９０ ０７５４ ７０３４"),
    (Kind.CARD, "4111.1111.1111.1111"),
    (Kind.CARD, "4111 1111\n1111 1111"),
    (Kind.CARD, "４１１１ １１１１ １１１１ １１１１"),
    (Kind.CARD, "٤١١١ ١١١١ ١١١١ ١١١١"),
    (Kind.PHONE, "(0470) 12 34 56"),
    (Kind.PHONE, "0470 / 12 34 56"),
    (Kind.PHONE, "0470 12\n34 56"),
    (Kind.PHONE, "0470\u200b12\u200b34\u200b56"),
    (Kind.PHONE, "０４７０ １２ ３４ ５６"),
    (Kind.PHONE, "०४७० १२ ३४ ५६"),
    (Kind.NATIONAL_NUMBER, "85.07.30  033.28"),
    (Kind.NATIONAL_NUMBER, "85,07,30,033,28"),
    (Kind.NATIONAL_NUMBER, "85.07.30–033.28"),
    (Kind.NATIONAL_NUMBER, "850730\n033 28"),
    (Kind.NATIONAL_NUMBER, "85\u200b07\u200b30\u200b033\u200b28"),
    (Kind.EMAIL, "jan＠x.be"),
    (Kind.EMAIL, "jan [at] x.be"),
    (Kind.EMAIL, "jan @ x.be"),
    (Kind.ADDRESS, "Av. Louise 54"),
    (Kind.ADDRESS, "Bd. Anspach 30"),
    (Kind.ADDRESS, "rue royale 12"),
    (Kind.ADDRESS, "Veldstraat nr. 12"),
    (Kind.ADDRESS, "Meir 50"),
)
