"""The languages the tutor speaks: one profile per language, and a registry of the enabled ones.

Everything the code knows about a language is in its `LanguageProfile`; `BUILT_IN` lists the
languages the tutor knows, and `TUTOR_LANGUAGES` picks the ones it offers (see bot/config.py).
Adding a language is one profile here, its folder in `content/` and its catalogs in `locales/`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Final

_WHOLE_WORD: Final = re.compile(r"\w+")


class UnknownLanguageError(LookupError):
    """Raised for a language code that no profile of a registry has."""


@dataclass(frozen=True)
class SearchWords:
    """How lesson search reads a language."""

    stemmer: str  # a Snowball algorithm, as PyStemmer names it
    stop_words: str  # the stop-word list bm25s has for the language, by the name bm25s gives it
    # Words a learner wraps around the topic of a question ("what", "can I", "c koi", "mag ik"):
    # question words, pronouns, auxiliaries and chat fillers. bm25s's lists leave most of them in,
    # and since lessons rarely use them, BM25 gave them a high weight and ranked passages by them.
    # Words that can also carry a topic stay searchable ("waar" and "echt" are "true" and "real").
    question_words: tuple[str, ...]
    # Phrases that ask for a way of answering ("in simple words"), as a case-insensitive verbose
    # regular expression. Left in, they matched the lessons that teach how to ask a chatbot for
    # simple words; how to answer is the tutor's job.
    answer_style: str
    # Share of the lexical ranker in the fused score; the dense ranker has the rest. Chosen on the
    # development questions and checked on questions written from the syllabus alone
    # (docs/retrieval.md).
    lexical_weight: float
    # Questions that ask what a word means ("c'est quoi un chatbot", "wat betekent AI"), as
    # case-insensitive verbose regular expressions that match a whole question, accents removed,
    # and capture the word as `term`. When the word is in the glossary, its definition answers.
    definition_questions: tuple[str, ...] = ()
    # The same for a word the learner says they do not understand ("je comprends pas le mot
    # algorithme", "ik snap het woord prompt niet"), and the plain question that asks for it,
    # which the search and the topic gate read better than the words around it.
    unknown_word_questions: tuple[str, ...] = ()
    plain_definition: str = "{term}"
    # What a learner may put before a question and that says nothing about it ("bonjour",
    # "ik heb een vraag:", "quick question"), as a case-insensitive verbose regular expression.
    # Left in, it kept "bonjour c'est quoi un chatbot" from reading as a definition question, and
    # pulled the search towards lessons that greet.
    openers: str = ""
    # How a learner may close a message ("Cordialement", "je vous remercie d'avance", "met
    # vriendelijke groeten"), as a case-insensitive verbose regular expression; a name may
    # follow it. Left in, "que veut dire le mot algorithme ? Cordialement, Bernard" was refused
    # as outside the course, where the question alone got the definition.
    closings: str = ""
    # Words that lose their vowel before another ("l'", "j'", "qu'"), lower case, without the
    # apostrophe: typed on a phone without it, "lia" is "l'IA" and "lapplication"
    # "l'application".
    elisions: tuple[str, ...] = ()
    # The course's subject spelled out ("intelligence artificielle"), as a case-insensitive
    # verbose regular expression, and the short form the lessons write instead ("IA"). Read as the
    # short form: the lessons use it everywhere, so BM25 weighs it as nothing, while the words
    # spelled out are mostly where the first lesson defines them, which drew questions about fake
    # photos or jobs to that lesson.
    subject: tuple[str, str] | None = None
    # Words learners clip ("info", "pic") and the whole word the lessons write: rare in the
    # lessons, a clipped word weighs a lot in BM25 and drew questions to the few short passages
    # that happen to hold it.
    clippings: tuple[tuple[str, str], ...] = ()
    # A pronoun glued to its verb in chat ("kzou", "kheb", "jsuis") and the two words it stands
    # for: read glued, the word is known to no lesson and drew the topic gate's share of course
    # words down ("kzou graag iets leren over privacy" was refused).
    contractions: tuple[tuple[str, str], ...] = ()
    # Words of the spoken language typed in chat ("wa", "da", "ni", "ge" in Flanders) and the
    # standard words the lessons write: read as typed, they are known to no lesson, and "wa
    # bedoelt ge met patronen" was refused where "wat bedoel je met patronen" was answered.
    spoken: tuple[tuple[str, str], ...] = ()
    # Whether the language glues words into new ones ("nepmail", "cv-hulp"): a word the course
    # never writes is then read as two it does.
    compounds: bool = False

    @cached_property
    def spelled_out(self) -> dict[str, str]:
        """Return the clipped, glued and spoken words, each with the words the lessons write."""
        return dict(self.clippings) | dict(self.contractions) | dict(self.spoken)

    def in_full(self, text: str) -> str:
        """Return a text with its clipped, glued and spoken words written as the lessons do."""
        whole = self.spelled_out
        return _WHOLE_WORD.sub(lambda word: whole.get(word[0].lower(), word[0]), text)


@dataclass(frozen=True)
class RubricWords:
    """The beginnings of words that show what a practice prompt has; accents do not matter."""

    task: tuple[str, ...]  # a request: an imperative or a polite question ("write", "can you")
    context: tuple[str, ...]  # who the learner is, for whom or why ("i am", "for my")
    format: tuple[str, ...]  # a form or a size ("list", "short", "at most")
    numbers: tuple[str, ...]  # two to ten ("one" is also the article in French and Dutch)


@dataclass(frozen=True)
class StreetWords:
    """The words of street addresses, so that redaction finds an address in any language.

    Street names come in three shapes, and a language fills the lists of the shapes it uses:
    a street word before the name ("rue de la Loi 16", "16, rue Haute"); one name that ends in,
    or is followed by, a street word ("Kerkstraat 12", "Grote Markt 1"); or up to four capitalised
    names then a street word, with the number before or after ("10 Downing St", "Old Kent Road 5").
    A street without a street word ("Meir 50") is found after a cue such as "I live".
    """

    before_name: tuple[str, ...] = ()  # any case: "rue", "avenue", "av."
    # Of those, the ones that leave no doubt, so the name after them may be lowercase: "rue royale"
    before_any_name: tuple[str, ...] = ()
    name_links: tuple[str, ...] = ()  # between that word and the name, any case: "de la", "du"
    name_endings: tuple[str, ...] = ()  # the end of a one-word name, any case: "straat", "laan"
    after_name: tuple[str, ...] = ()  # after one capitalised name, then the number: "Markt"
    after_names: tuple[str, ...] = ()  # after up to four names, then the number: "Road"
    after_numbered_names: tuple[str, ...] = ()  # after a number and up to four names: "St"
    letterbox: tuple[str, ...] = ()  # a box number follows: "bte", "bus"
    house_marks: tuple[str, ...] = ()  # before the house number, any case: "n°", "nr."
    cues: tuple[str, ...] = ()  # an address follows, any case: "j'habite", "ik woon"
    units: tuple[str, ...] = ()  # after a number they count something else: "fois", "keer"
    # Lowercase words that may follow an address rather than be counted by its number: "avec"
    followers: tuple[str, ...] = ()


@dataclass(frozen=True)
class FollowUpWords:
    """Words that show a question leans on the one before ("and at work?", "is it safe?").

    Lower case, without accents; an opener may be several words.
    """

    openers: tuple[str, ...] = ()  # at the start: "and", "what about"
    # Standing for something said before: "it", "that" (not articles such as "la" or "het")
    pronouns: tuple[str, ...] = ()
    # Anywhere: "in that case", "now", which say the question goes on from the one before ("what
    # should I do now?"); alone, "what should I do" asks how the tutor works.
    then: tuple[str, ...] = ()
    # A whole question of question words, which asks about what was said before: "since when?"
    alone: tuple[str, ...] = ()


@dataclass(frozen=True)
class LanguageProfile:
    """Everything language-specific the tutor needs for one language."""

    code: str  # as in content/<code>/ and locales/<code>/: "fr"
    name: str  # in the language itself: "Français"
    flag: str  # shown before the name on the language buttons
    babel_locale: str  # the formats of dates and numbers: "fr_BE"
    # Told to the chat model as the language to write in, with the register the course uses.
    model_language: str
    and_word: str  # the model may join the passages it cites with it: "SOURCES: 1 et 3"
    search: SearchWords = field(repr=False)
    rubric: RubricWords = field(repr=False)
    streets: StreetWords = field(repr=False)
    # Plural and inflected endings, so that a glossary term is found in "chatbots" or "modèles".
    word_endings: tuple[str, ...] = field(repr=False)
    # Short words that mark a sentence as written in this language ("the", "est", "niet"),
    # lower case and without accents: the second signal, beside the detector, that a message is
    # in another language than the learner's (bot/core/reply_language.py). Only the words no
    # other offered language lists count, so "de", "en", "is" and "me" weigh for none.
    function_words: tuple[str, ...] = field(default=(), repr=False)
    follow_ups: FollowUpWords = field(default=FollowUpWords(), repr=False)
    # Words a person's name follows ("ma fille", "my colleague", "sign with my name"), any case:
    # a capitalised name after them is redacted like a phone number. Not "called" or "heet"
    # alone: apps are called something too ("een app die ChatGPT heet").
    people: tuple[str, ...] = field(default=(), repr=False)
    # Words a learner gives their own name after ("je m'appelle", "ik heet", "my name is"), any
    # case: the name after them is redacted in small letters too ("my name is fatima"), as many
    # type it so on a phone.
    introductions: tuple[str, ...] = field(default=(), repr=False)
    # Words that say a message, a call or its sender came to the learner ("j'ai reçu", "een sms
    # van", "this number", "scam"), any case: the e-mail address, phone number or IBAN in such a
    # question is most often a scammer's, asked about, not the learner's own, shared.
    receipts: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words a learner names their own contact details with ("mon numéro",
    # "mijn e-mailadres", "my IBAN"), lower case without accents: with them, the data is the
    # learner's own even in a message about one received ("je n'ai pas reçu le certificat, mon
    # mail c'est …"), and the lesson on keeping it to oneself is offered.
    own_contacts: tuple[str, ...] = field(default=(), repr=False)
    # Words a learner may give their full name after, as they may give anything else ("I am",
    # "je suis"), any case: two capitalised names or more after them are redacted ("I am Youssef
    # El Amrani"), one is not ("I am Belgian", "ik ben Vlaming").
    self_descriptions: tuple[str, ...] = field(default=(), repr=False)
    # Words a national register number follows ("rijksregisternummer", "numéro national"), any
    # case: eleven digits after them are redacted even when their check digits are wrong.
    id_numbers: tuple[str, ...] = field(default=(), repr=False)
    # Words a service's file, client or reference number follows ("numéro de dossier",
    # "klantnummer", "case number"), any case: five digits or more after them are redacted.
    file_numbers: tuple[str, ...] = field(default=(), repr=False)
    # Words a password or a PIN code follows ("wachtwoord", "mot de passe", "PIN"), any case:
    # the first word after them that holds a digit is redacted ("... is Antwerpen123").
    secrets: tuple[str, ...] = field(default=(), repr=False)
    # Words a learner says their own health after ("I have", "je suis", "ik neem"), any case, and
    # the conditions and treatments that are then health data ("diabetes", "enceinte",
    # "antidepressiva"): GDPR's special data, redacted like a phone number.
    health_cues: tuple[str, ...] = field(default=(), repr=False)
    conditions: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words that ask for a reminder ("rappel", "herinner"), lower case without
    # accents: a message the topic gate refuses that holds one is shown the reminder settings.
    reminders: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words of everyday ailments ("fievre", "hoofdpijn", "mal au"), lower case
    # without accents: a question the topic gate refuses that holds one is told who can help.
    ailments: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words of medicines and doses, lower case without accents: a question
    # the course answers that names one ("chatgpt m'a dit de prendre 2 dafalgan") is also told
    # to ask a doctor or pharmacist.
    medicines: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words of handing a text to a tool, or of having it translated or summed
    # up ("paste", "plakken", "traduire"), lower case without accents: with a medicine, the
    # question is what to share, not what to take ("can I put her medication list into a
    # chatbot?" was told to ask a doctor).
    sharing: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words of investing and trading, lower case without accents: a question
    # that names one ("which stocks should I buy with AI?") is told that no AI predicts the
    # markets and that "AI trading" apps are a common scam.
    investments: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words that ask whether something is true ("c est vrai", "klopt dat") and
    # of those that say where it was seen or heard ("sur tiktok", "een filmpje"), lower case
    # without accents: a message outside the course that holds both asks to check a claim, which
    # the lesson on checking teaches ("le citron guérit le cancer, vu sur facebook, c'est vrai ?"
    # was refused). The questions are read as whole phrases: "c est vrai" is not "c est vraiment".
    claim_questions: tuple[str, ...] = field(default=(), repr=False)
    claim_sources: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words of the learner's own benefits and payments ("mes allocations",
    # "mijn uitkering", "onem"), lower case without accents: such a question is told that the
    # tutor sees no file and who does ("moi … onem payer quand ?" got a refusal).
    benefits: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words of being paid ("paie", "betaald", "paid"), not question words
    # ("quand", "when"): a course question that names a benefit gets the same line only with one,
    # since "mon rendez-vous au CPAS" or "ik werk bij het OCMW" asks about AI, not a payment.
    payments: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words of a trainer's tools (their groups, learners, ending a course),
    # lower case without accents: a trainer's message that holds one is shown the trainer menu
    # ("hoe verander ik de naam van mijn groep?" got a lesson card).
    trainer_tools: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words that ask how to send to the group ("hoe stuur ik een les naar
    # iedereen?"), lower case without accents, each naming a lesson, a message or the group
    # ("send to everyone" is also how WhatsApp is used): a trainer's message that holds one
    # starts the send itself, not the menu.
    trainer_sends: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words that single one learner out ("à Sarah seulement", "alleen naar
    # lieve"), lower case without accents: with a word of sending, the trainer is told that a send
    # goes to the whole group instead of being walked into one that would reach everyone.
    trainer_alone: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words that ask who is stuck or how a group does, lower case without
    # accents: a trainer's message that holds one is shown the report ("hoe zie ik wie er
    # vastzit?" got the trainer menu, where the report is one button of seven). Who has not done
    # something is asked with "who" ("wie heeft les 3 nog niet gedaan?"): "the ai didn't do what
    # I asked" is a question on the course.
    trainer_reports: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words that ask when something arrives ("à quelle heure", "hoe laat"), and
    # of what a trainer sends ("mes messages", "mijn berichten"), lower case without accents:
    # with both, a trainer is told when sends reach the group ("ils voient mes messages à quelle
    # heure ?" showed the trainer's own /mydata).
    trainer_timing: tuple[str, ...] = field(default=(), repr=False)
    trainer_sent: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words of the learner's own papers ("ma carte d'identité", "mijn
    # verblijfskaart"), lower case without accents: such a message outside the course is told
    # that the tutor checks no papers, that photos of them go to no chatbot, and who helps ("can
    # i send you photo of my residence card so you check if my papers are ok?" was refused).
    own_papers: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words that ask the tutor to translate ("traduis-moi", "kun je dit
    # vertalen"), lower case without accents: such a message outside the course (a pasted letter
    # outweighs its question) is sent to the lesson on translating with AI.
    translations: tuple[str, ...] = field(default=(), repr=False)
    # Beginnings of the words that ask to take a send back ("annuler le dernier envoi", "verkeerde
    # les gestuurd"), lower case without accents: a trainer's message that holds one is shown the
    # planned sends, and told what a send already made allows (it was refused as outside the
    # course).
    trainer_cancels: tuple[str, ...] = field(default=(), repr=False)
    # The espeak-ng voice that reads it aloud; empty: the voice named by the code itself.
    espeak_voice: str = ""

    @property
    def label(self) -> str:
        """Return the name with its flag, as on the language buttons."""
        return f"{self.flag} {self.name}"


@dataclass(frozen=True, repr=False)
class LanguageRegistry:
    """Languages in the order the tutor offers them, looked up by code."""

    profiles: tuple[LanguageProfile, ...]

    def __post_init__(self) -> None:
        if not self.profiles:
            raise ValueError("at least one language is needed")
        codes = [profile.code for profile in self.profiles]
        for code in codes:
            if codes.count(code) > 1:
                raise ValueError(f"{code!r} is listed twice")

    def __repr__(self) -> str:
        return f"LanguageRegistry({', '.join(self.codes)})"

    def __iter__(self) -> Iterator[LanguageProfile]:
        return iter(self.profiles)

    def __len__(self) -> int:
        return len(self.profiles)

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    @property
    def codes(self) -> tuple[str, ...]:
        """Return the language codes, in order."""
        return tuple(profile.code for profile in self.profiles)

    def profile(self, code: str) -> LanguageProfile:
        """Return the profile of a language, or raise `UnknownLanguageError`."""
        for profile in self.profiles:
            if profile.code == code:
                return profile
        raise UnknownLanguageError(
            f"{code!r} is not one of the languages ({', '.join(self.codes)})"
        )

    def select(self, codes: Iterable[str]) -> LanguageRegistry:
        """Return a registry of some of these languages, in the order given."""
        return LanguageRegistry(tuple(self.profile(code) for code in codes))

    def from_code(self, code: str | None) -> str | None:
        """Return the language a code such as `nl` or a client's `nl-BE` names, if it is one."""
        if not code:
            return None
        prefix = code.split("-")[0].split("_")[0].lower()
        return prefix if prefix in self else None


def _split(words: str) -> tuple[str, ...]:
    return tuple(words.split())


FRENCH: Final = LanguageProfile(
    code="fr",
    espeak_voice="fr-be",
    name="Français",
    # Belgium's: the course is written for Belgium, where a learner reads 🇫🇷 or 🇳🇱 as France or
    # the Netherlands.
    flag="🇧🇪",
    # Belgian formats: "23 nov. 2026" and "75 %".
    babel_locale="fr_BE",
    model_language="French as written in Belgium (address the reader as 'vous')",
    and_word="et",
    search=SearchWords(
        stemmer="french",
        stop_words="french",
        question_words=_split(
            """
            comment quoi pourquoi quand quel quelle quels quelles combien peux peut peuvent puis
            pouvez pouvons dois doit doivent devez faut faire fais ça cela ceci tout tous toute
            toutes très bien alors donc chose choses quelque vraiment exactement svp stp aussi
            encore déjà ici koi kwa pk pq
            """
        ),
        answer_style=r"""
            \b(?:en|avec\s+des)\s+(?:mots|termes)\s+(?:tout\s+)?(?:simples|faciles)\b
            | \b(?:tout\s+)?simplement\b
            | \bpour\s+les\s+nuls\b
            | \ben\s+bref\b
        """,
        lexical_weight=0.6,
        definition_questions=(
            # "ces quoi", "s'est quoi", "sa veut dire quoi": "c'est", "ça" as learners spell them.
            r"""(?:c'?\s?est|c|cest|ces|ses|s'?\s?est|[cs]a\s+veut\s+dire|[cs]a\s+signifie)
                \s+(?:quoi|koi)
                (?:\s+(?:exactement|vraiment|au\s+juste|en\s+fait|alors|donc))?
                \s+(?:(?:une|un|les|le|la|des|du|de\s+l['\s])\s*|l'|l\s+)?(?P<term>.+?)
                (?:\s+(?:exactement|au\s+juste|en\s+fait|alors|donc|concr[eè]tement))?""",
            r"""(?:qu'?\s?est[\s-]ce\s+qu[e']|que\s+(?:veut\s+dire|signifie)|definition\s+d[eu']
                |definis(?:sez)?(?:-moi)?|explique[sz]?(?:-moi)?\s+ce\s+qu'est
                # "je voudrais comprendre ce qu'est réellement l'intelligence artificielle"
                |ce\s+qu'?\s?est(?:\s+(?:reellement|vraiment|exactement|au\s+juste))?)
                \s*(?:(?:une|un|les|le|la|des|du|de\s+l['\s])\s*|l'|l\s+)?(?P<term>.+?)
                (?:\s+(?:exactement|au\s+juste|en\s+fait|alors|donc|concr[eè]tement))?""",
            r"""(?:(?:une|un|les|le|la|des)\s+|l'|l\s+)?(?P<term>.+?),?\s+(?:c'?\s?est|cest|c
                |ces|ses|s'?\s?est|[cs]a\s+veut\s+dire|[cs]a\s+signifie)\s+(?:quoi|koi)""",
        ),
        unknown_word_questions=(
            # "je comprends pas le mot algorithme", "je ne sais pas ce que veut dire RGPD".
            r"""(?:je\s+|j\s*)?(?:ne\s+|n')?(?:comprends|comprend|connais|connait|sais)\s+pas
                \s+(?:(?:le|ce)\s+mot|ce\s+que\s+(?:veut\s+dire|signifie|c'?\s?est|cest))
                \s+(?:(?:une|un|les|le|la|des|du|de\s+l['\s])\s*|l'|l\s+)?(?P<term>.+?)""",
        ),
        plain_definition="que veut dire le mot {term}",
        openers=r"""bonjour|bonsoir|salut|coucou|hello|bjr|slt|re|wsh|wesh|yo
            | j['’\s]?ai\s+une\s+(?:petite\s+)?question | une\s+(?:petite\s+)?question | question
            | dis[\s-]moi | dites[\s-]moi | excusez[\s-]moi | svp | stp
            | s['’\s]il\s+(?:vous|te)\s+pla[iî]t""",
        closings=r"""(?:bien\s+)?cordialement | bien\s+[àa]\s+(?:vous|toi)
            | (?:(?:avec\s+)?mes\s+)?(?:meilleures\s+|sinc[eè]res\s+)?salutations
              (?:\s+distingu[ée]es)?
            | (?:je\s+vous\s+|je\s+te\s+)?remercie\s*(?:d['’\s]?avance|par\s+avance|beaucoup)?
            | merci\s*(?:d['’\s]?avance|par\s+avance|beaucoup|bien|[àa]\s+vous)?
            | bonne\s+(?:journ[ée]e|soir[ée]e|fin\s+de\s+journ[ée]e)
            | respectueusement | [àa]\s+bient[ôo]t""",
        elisions=("l", "d", "j", "qu", "c", "s", "n", "m", "t"),
        subject=(r"\b intel+ig[ea]n\w* \s+ artifi\w*", "IA"),
        contractions=(
            ("chuis", "je suis"),
            *(
                (f"j{verb}", f"je {verb}")
                for verb in (
                    "suis", "veux", "peux", "sais", "vais", "fais", "dois", "me", "te", "comprends",
                    "comprend", "voudrais", "pense", "crois", "trouve", "cherche", "travaille",
                    # Before a vowel: "jai recu un sms" is "j'ai reçu un SMS".
                    "ai", "avais", "aime", "aimerais", "habite", "essaie",
                    # "chatgpt il garde ce que jlui ecris?" got a card on drafting a letter.
                    "lui", "leur", "les", "ecris", "écris", "utilise", "mets", "envoie", "dis",
                )
            ),
        ),
        # "c safe chatgpt?": the English word French speakers use, which no lesson writes (it got
        # the tutor's description of itself).
        # "pote": the friend a deepfake "pour rigoler" shows ("deepfake de mon pote c illegal" was
        # refused as outside the course).
        spoken=(
            *(("pk", "pourquoi"), ("pq", "pourquoi"), ("cvs", "CV"), ("safe", "sans danger")),
            *(("pote", "ami"), ("potes", "amis")),
            # Typed short on a phone: "jutilise chatgpt pr mes lettres", "pdt un test".
            *(("pr", "pour"), ("pdt", "pendant"), ("bcp", "beaucoup"), ("qd", "quand")),
            *(("tjrs", "toujours"), ("tjs", "toujours"), ("ds", "dans")),
        ),
        # "c l algo qui decide mes commandes ?": the clipped word, known to no lesson, was refused.
        # "jpeux mettre mon cv avec mon adresse et mon num dans chatgpt?" lost its number.
        clippings=(
            *(("algo", "algorithme"), ("algos", "algorithmes"), ("appli", "application")),
            ("num", "numéro"),
        ),
    ),
    rubric=RubricWords(
        task=(
            "écri", "rédig", "résum", "expliqu", "donne", "fai", "aide", "list", "tradui", "crée",
            "cree", "corrig", "vérifi", "réécri", "propos", "trouv", "compar", "décri", "prépar",
            "amélior", "raccourci", "simplifi", "peux-tu", "pouvez-vous", "pourrais-tu",
            "pourriez-vous", "je veux", "je voudrais", "j'aimerais", "j’aimerais", "s'il te pla",
            "s'il vous pla", "svp", "stp", "dis-moi", "dites-moi",
            # More verbs a task starts with ("Cite trois applis…"): "cite" leaves "citoyen" out.
            "cite", "énumèr", "enumer", "indiqu", "présente", "reformul", "montre-moi",
            "montrez", "imagin", "suggèr", "sugger", "conseill", "organis", "planifi", "analys",
            "calcul", "génèr", "gener", "transform", "choisi",
            # A role to play and questions to ask, as the lesson on job interviews shows: « Tu es
            # recruteur… Pose-moi une question à la fois. » had no clear task.
            "pose-moi", "posez-moi", "pose moi", "posez moi", "demande-moi", "demandez-moi",
            "interroge", "joue ", "jouez ", "fais comme si", "faites comme si",
        ),
        context=(
            "je suis", "j'ai", "j’ai", "mon ", "ma ", "mes ", "pour mon", "pour ma", "pour un",
            "pour une", "parce que", "car ", "je travaille", "j'habite", "je cherche", "comme ",
            "débutant", "afin de", "en belgique", "de ma", "de mon", "la lettre", "j'ai reçu",
            "qui ",
            # A role for the chatbot: « Tu es recruteur pour ce poste. »
            "tu es ", "vous êtes", "vous etes", "joue le rôle", "jouez le rôle",
        ),
        format=(
            "mot", "phrase", "ligne", "point", "puce", "liste", "court", "bref", "brève",
            "tableau", "paragraphe", "simple", "poli", "formel", "étape", "maximum", "au plus",
            "pas plus de",
            # How to go on, as the lesson on job interviews asks: « une question à la fois ».
            "à la fois", "a la fois", "une par une", "un par un", "chacun son tour",
        ),
        numbers=("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"),
    ),
    streets=StreetWords(
        before_name=(
            "rue", "avenue", "av.", "av", "boulevard", "bd.", "bd", "boul.", "chaussée", "chée",
            "place", "pl.", "chemin", "impasse", "allée", "quai", "square", "clos", "drève",
            "route", "sentier", "rempart", "galerie", "cité",
        ),
        before_any_name=(
            "rue", "avenue", "av.", "boulevard", "bd.", "boul.", "chaussée", "chée", "impasse",
            "drève",
        ),
        name_links=("de la", "de l'", "de l’", "du", "des", "de", "d'", "d’", "aux", "au", "à la"),
        letterbox=("bte", "boîte"),
        house_marks=("n°", "nº", "no", "numéro"),
        cues=(
            "j'habite", "j’habite", "mon adresse", "adresse", "domicilié", "domiciliée", "je vis",
            "nous habitons", "on habite",
        ),
        units=("fois", "ans", "heures"),
        followers=(
            "avec", "depuis", "dès", "pour", "mais", "chez", "dans", "près", "demain", "hier",
            "cette", "mes", "mon", "nous", "ici", "aussi", "jusqu'à", "puis", "est", "c'est",
        ),
    ),
    word_endings=("s", "x"),
    function_words=_split(
        """
        le la les un une des du au aux et ou mais est sont suis sommes etes avons avez ont je a
        tu il elle nous vous ils elles on te se mon ma mes ton ta tes sa ses notre votre nos
        vos leur ce cet cette ces qui que quoi dont quel quelle quels quelles comment pourquoi
        quand combien dans sur pour par avec sans chez pas ne tres aussi peut peux puis pouvez
        doit dois faut va vont vais ca cela ceci c l d j qu n m y
        """
    ),
    follow_ups=FollowUpWords(
        openers=(
            "et", "mais", "alors", "aussi", "et pour", "et si", "et avec", "et au", "et a",
            "et en", "et les", "et la", "et le", "par exemple", "pourquoi ca",
        ),
        pronouns=(
            "ca", "cela", "ceci", "il", "elle", "ils", "elles",
            # "comment je le reconnais": "le", "la", "les" alone are also articles.
            "je le", "je la", "je les", "on le", "on la", "on les", "tu le", "tu la", "vous le",
            "vous la",
            # "je peux l'utiliser", apostrophe or not: "l" alone is also the article ("l'IA").
            "je l", "on l", "tu l", "vous l", "peux l", "peut l", "pouvez l",
        ),
        then=(
            "alors", "dans ce cas", "dans ce cas la", "du coup", "a ce moment la", "maintenant",
        ),
        alone=(
            "depuis quand", "c est depuis quand", "quand", "c est quand", "a partir de quand",
            "jusqu a quand", "pour qui", "combien", "ca coute combien", "a quel age",
            "a partir de quel age",
        ),
    ),
    people=(
        "mon nom",
        "mon fils", "ma fille",
        "ma femme", "mon mari", "mon ami", "mon amie",
        "mon compagnon", "ma compagne", "mon collègue", "ma collègue", "mon patron",
        "ma patronne", "mon chef", "ma cheffe", "mon voisin", "ma voisine", "ma mère", "mon père",
        "mon frère", "ma sœur", "ma soeur", "mon enfant", "mon conseiller", "ma conseillère",
        "mon formateur", "ma formatrice", "mon petit-fils", "ma petite-fille", "mon responsable",
        "ma responsable", "mon directeur", "ma directrice", "mon manager",
        # Titles: a pasted letter or file names people this way.
        "madame", "monsieur", "mme", "mme.", "mlle", "mademoiselle", "docteur", "dr", "dr.",
    ),
    introductions=(
        "je m'appelle", "je m’appelle", "je m appelle", "j'm'appelle", "jm'appelle", "mon nom est",
        "moi c'est", "moi c’est", "moi cest",
        # As often typed with one "p" or one "l".
        "je m'apelle", "je m’apelle", "je m apelle", "je mapelle", "je m'appele", "je m appele",
    ),
    receipts=(
        "reçu", "recu", "reçois", "recois", "m'a écrit", "m'a ecrit", "m'a appelé", "m'a appele",
        "m'a envoyé", "m'a envoye", "m'a téléphoné", "m'a telephone", "de la part de",
        "un appel du", "un appel de", "un sms du", "un sms de", "un message du", "un message de",
        "un mail du", "un mail de", "un e-mail de", "un courriel de", "expéditeur", "expediteur",
        "ce numéro", "ce numero", "cette adresse", "ce compte", "arnaque", "arnaqueur",
        "escroc", "escroquerie", "phishing", "hameçonnage", "hameconnage", "spam", "fraude",
    ),
    own_contacts=(
        "mon num", "mon tel", "mon gsm", "mon portable", "mon mail", "mon e-mail", "mon email",
        "mon adresse", "mon iban", "mon compte", "mes coordonnees",
    ),
    self_descriptions=("je suis", "moi je suis"),
    id_numbers=(
        "numéro national", "numero national", "registre national", "niss", "nn",
        "numéro de registre", "numero de registre",
    ),
    file_numbers=(
        "dossier", "numéro de dossier", "numero de dossier", "numéro de client", "numero de client",
        "numéro client", "numero client", "référence", "reference", "numéro de référence",
        "numero de reference",
    ),
    secrets=(
        "mot de passe", "mot-de-passe", "mdp", "code pin", "code secret", "pin", "pincode",
        "code itsme",
    ),
    reminders=("rappel",),
    ailments=(
        "malade", "maladie", "fievre", "douleur", "medicament", "medoc", "medecin", "toubib",
        "pharmac", "grippe", "toux", "tousse", "vomi", "diarrhe", "migraine", "blesse",
        "blessure", "rhume", "angine", "mal au", "mal a l",
    ),
    medicines=(
        "medicament", "medoc", "paracetamol", "ibuprof", "dafalgan", "doliprane", "antibiot",
        "pilule", "posologie", "dose",
    ),
    sharing=(
        "coller", "colle ", "collez", "copier", "copie ", "mettre", "mets ", "mettez", "taper",
        "encoder", "partager", "partage ", "televers", "envoyer", "traduire", "tradui", "resum",
    ),
    investments=(
        "investir mon argent", "investir de l argent", "investir en bourse", "investissement",
        "placer mon argent", "placer de l argent", "en bourse", "la bourse", "cryptomonnaie",
        "crypto monnaie", "bitcoin", "trading", "forex",
    ),
    claim_questions=(
        "c est vrai", "c est bien vrai", "est ce vrai", "est ce que c est vrai", "vrai ou faux",
        "c est faux", "c est reel", "c est possible ca", "c est une arnaque ou", "je peux y croire",
        "on peut y croire", "c est un fake", "c est une fake", "fake news", "une intox",
    ),
    claim_sources=(
        "j ai vu", "jai vu", "j ai lu", "jai lu", "j ai entendu", "on dit que", "ils disent",
        "il dit", "elle dit", "qui dit", "dit que", "disent que", "video", "un post", "article",
        "message", "facebook", "tiktok", "instagram", "whatsapp", "youtube", "internet",
        "en ligne", "sur les reseaux",
    ),
    benefits=(
        "mes allocations", "mon allocation", "mon chomage", "mes indemnites", "mon indemnite",
        "onem", "capac", "mon cpas", "au cpas", "du cpas", "le cpas", "revenu d integration",
        "ma mutuelle", "ma mutualite", "mon paiement", "pas ete paye", "pas recu mon",
        "pas ete verse",
    ),
    payments=("paie", "paye", "payer", "paiement", "verse", "versement", "recu", "pas arrive"),
    trainer_tools=(
        "groupe", "apprenant", "stagiaire", "cohort", "cloturer la formation",
        "terminer la formation",
    ),
    trainer_alone=(
        "seulement", "uniquement", "a un seul", "a une seule", "message a un apprenant",
        "message a une apprenante",
    ),
    trainer_sends=(
        "envoyer un message a", "envoyer une lecon", "envoyer un rappel", "message a mes",
        "message a un apprenant", "message a une apprenante",
        "envoyer la lecon", "envoie une lecon", "envoyer a tout le groupe",
    ),
    trainer_reports=(
        "rapport", "bloqu", "decroch", "progres de mes", "qui n a pas", "qui n ont pas",
        "pas fini la lecon", "pas encore fait la lecon", "qui n a rien fait", "qui a rien fait",
        "qui ne fait rien", "qui fait rien", "pas commence",
    ),
    trainer_timing=(
        "a quelle heure", "quand est ce qu ils", "quand est ce que mes", "quand ils recoi",
        "quand ils voient", "ils recoivent quand", "ils voient quand", "quand arrive",
        "quand est ce qu elles",
    ),
    trainer_sent=(
        "mes messages", "mon message", "mes envois", "mon envoi", "l envoi", "les envois",
        "ma lecon", "la lecon que j", "ce que j envoie",
    ),
    own_papers=(
        "ma carte d identite", "ma carte d id", "mon titre de sejour", "ma carte de sejour",
        "mon permis de sejour", "mon passeport", "mes papiers", "mon permis de conduire",
        "ma carte de residence",
    ),
    translations=("tradui", "traduction de"),
    trainer_cancels=(
        "annuler l envoi", "annuler le dernier envoi", "annuler un envoi", "annuler cet envoi",
        "annuler le message", "annuler la lecon", "trompe de lecon", "trompee de lecon",
        "mauvaise lecon", "retirer l envoi", "retirer la lecon", "retirer le message",
    ),
    health_cues=(
        "j'ai", "j’ai", "jai", "je suis", "je souffre de", "je souffre d'", "je prends",
        "je suis atteint de", "je suis atteinte de", "je suis atteint d'", "je suis atteinte d'",
        "on m'a diagnostiqué", "on m'a diagnostique",
        # Said of someone close: the data is theirs, as personal.
        "il a", "elle a", "il est", "elle est", "est atteint de", "est atteinte de", "souffre de",
        "mon fils a", "ma fille a", "mon enfant a", "mon mari a", "ma femme a", "ma mère a",
        "ma mere a", "mon père a", "mon pere a", "mon fils est", "ma fille est", "mon mari est",
        "ma femme est",
        # After a name ("ma fille Léa a le diabète"), and a treatment taken ("il prend de
        # l'insuline"): the verb alone, which the condition after it makes health.
        "a", "est", "prend", "prennent",
    ),
    conditions=(
        "diabète", "diabete", "diabétique", "diabetique", "dépression", "depression",
        "dépressive", "depressive", "cancer", "séropositif", "seropositif", "séropositive",
        "seropositive", "sida", "vih", "épilepsie", "epilepsie", "épileptique", "epileptique",
        "asthme", "asthmatique", "enceinte", "autiste", "autisme", "tdah", "bipolaire",
        "schizophrène", "schizophrene", "schizophrénie", "schizophrenie", "alzheimer",
        "parkinson", "sclérose en plaques", "sclerose en plaques", "handicapé", "handicapee",
        "handicapée", "handicape", "handicap", "antidépresseurs", "antidepresseurs", "insuline",
        "chimiothérapie", "chimiotherapie", "chimio", "burn-out", "burnout",
    ),
)  # fmt: skip

DUTCH: Final = LanguageProfile(
    code="nl",
    espeak_voice="nl",
    name="Nederlands",
    flag="🇧🇪",
    # Belgian formats: "23 nov 2026".
    babel_locale="nl_BE",
    model_language="Dutch as written in Flanders (address the reader as 'je')",
    and_word="en",
    search=SearchWords(
        stemmer="dutch",
        stop_words="dutch",
        question_words=_split(
            """
            welke welk waarom wanneer mag mogen moeten kun kunt ge gij da nie eigenlijk ofzo wel
            even graag precies nou jij jou jouw we wij jullie ding dingen wacht
            bedoel bedoelt bedoelen
            """
        ),
        answer_style=r"""
            \bin\s+(?:simpele|eenvoudige|gewone|makkelijke|duidelijke)\s+(?:woorden|taal|termen)\b
            | \b(?:simpel|eenvoudig|kort)\s+uitgelegd\b
            | \bvoor\s+dummies\b
        """,
        # The dense ranker is weakest in Dutch, so it counts for less here.
        lexical_weight=0.7,
        definition_questions=(
            # Flemish too: "wa is nen prompt", "wa bedoelt ge met", and the thing named after
            # "dat" ("wa is da eigelijk, ai": a card on learning a language answered it).
            r"""(?:wat?\s+(?:is|zijn|betekent|betekenen)|wat?\s+bedoelt?\s+(?:men|ze|je|ge)\s+met
                |definitie\s+van|definieer|leg\s+uit\s+wat)
                (?:\s+(?:dat|da|dit)(?=[\s,]+(?:eigenlijk|eigelijk|eig)\b|\s*,))?
                (?:\s+(?:eigenlijk|eigelijk|eig|precies|nu))?
                [\s,]+(?:(?:een|de|het|'n|nen|ne|den)\s+)?(?P<term>.+?)
                (?:\s+(?:eigenlijk|precies|juist|nu|is|zijn))?""",
            r"""wat\s+wil\s+(?:(?:een|de|het)\s+)?(?P<term>.+?)\s+zeggen""",
        ),
        unknown_word_questions=(
            # "ik snap het woord algoritme niet", "k begrijp nie wat een prompt is".
            r"""(?:ik\s+|k\s*)?(?:snap|begrijp|versta|ken|weet)
                (?:\s+(?:het\s+woord|dat\s+woord|de\s+term)\s+(?P<term>.+?)\s+(?:niet|nie|ni)
                |\s+(?:niet|nie|ni)\s+wat\s+(?:(?:een|de|het|nen|ne)\s+)?(?P<what>.+?)
                \s+(?:is|betekent|wil\s+zeggen))""",
        ),
        plain_definition="wat betekent het woord {term}",
        openers=r"""hallo|hoi|dag|goeiedag|goedendag|goeiemorgen|goedemorgen|goeiemiddag
            | goedemiddag|goedenavond|goeienavond|hey|salut
            | ik\s+heb\s+een\s+(?:korte\s+)?vraag(?:je)? | een\s+(?:korte\s+)?vraag(?:je)?
            | vraag(?:je)?
            | mag\s+ik\s+iets\s+vragen | zeg | alstublieft | alsjeblieft | aub | a\.u\.b\.?""",
        closings=r"""(?:met\s+)?(?:vriendelijke|hartelijke|beste)\s+groet(?:en|jes)?
            | groet(?:en|jes) | mvg | alvast\s+bedankt | bedankt\s*(?:alvast|op\s+voorhand)?
            | (?:hartelijk\s+)?dank\s*(?:u|je|jullie)?\s*(?:wel)?\s*(?:alvast|op\s+voorhand)?
            | merci\s*(?:alvast|op\s+voorhand)? | nog\s+een\s+fijne\s+dag | fijne\s+dag""",
        subject=(r"\b (?:kunstmatige|artifici\w*) \s+ intel+ig[ea]n\w*", "AI"),
        clippings=(("info", "informatie"), ("algo", "algoritme"), ("algo's", "algoritmes")),
        contractions=tuple(
            (f"k{verb}", f"ik {verb}")
            for verb in (
                "ben", "heb", "ga", "wil", "zou", "weet", "moet", "doe", "zie", "vind", "zal",
                "denk", "wou", "kan", "mag", "krijg", "gebruik", "snap", "begrijp", "werk",
                "zoek", "las", "lees", "hoor", "kreeg", "had", "was",
            )
        ),
        spoken=(
            ("wa", "wat"), ("da", "dat"), ("ni", "niet"), ("nie", "niet"), ("goe", "goed"),
            ("ge", "je"), ("gij", "jij"), ("as", "als"), ("ne", "een"), ("nen", "een"),
            ("mijne", "mijn"), ("wadde", "wat je"), ("kunde", "kun je"), ("zijde", "ben je"),
            ("hedde", "heb je"), ("moete", "moet je"), ("weette", "weet je"),
            # Typed short on a phone: "mn cv", "wat is chatgpt eig", "in t nederlands".
            ("mn", "mijn"), ("eig", "eigenlijk"), ("w8", "wacht"), ("zn", "zijn"), ("ff", "even"),
            ("t", "het"), ("cvs", "cv's"),
            # The pronoun alone and other words clipped in chat: "mag k", "omda", "tis".
            ("k", "ik"), ("omda", "omdat"), ("tis", "het is"),
        ),
        compounds=True,
    ),
    rubric=RubricWords(
        task=(
            "schrijf", "vat ", "samenvat", "leg ", "uitleg", "geef", "maak", "help", "vertaal",
            "verbeter", "controleer", "herschrijf", "stel ", "zoek", "vergelijk", "beschrijf",
            "bereid", "verkort", "vereenvoudig", "plan", "kun je", "kan je", "kunt u", "wil je",
            "zou je", "ik wil", "ik zou graag", "ik heb nodig", "alsjeblieft", "alstublieft",
            "graag",
            # Flemish asks with "ge" and "gij": "kunt ge", "kunde gij".
            "kunt ge", "kunt gij", "kunde", "kun jij", "kan jij", "wilt ge", "wilde", "wil jij",
            # More verbs a task starts with.
            "noem", "som ", "bedenk", "formuleer", "toon", "herformuleer", "organiseer",
            "bereken", "analyseer", "kies", "zet ",
            # A role to play and questions to ask: "Jij bent rekruteerder… Stel me één vraag."
            "vraag me", "vraag mij", "ondervraag", "speel ", "doe alsof", "test me", "test mij",
        ),
        context=(
            "ik ben", "ik heb", "mijn ", "voor mijn", "voor een", "omdat", "want ", "ik werk",
            "ik woon", "ik zoek", "als ", "beginner", "zodat", "in belgië", "van mijn",
            "over mijn", "de brief", "ik kreeg", "ik heb gekregen", "die ",
            # A role for the chatbot: "Jij bent rekruteerder voor deze job."
            "je bent", "jij bent", "u bent", "ge zijt", "gij zijt", "doe alsof",
        ),
        format=(
            "woord", "zin", "zinnen", "regel", "punt", "opsomming", "lijst", "kort", "tabel",
            "alinea", "eenvoudig", "simpel", "beleefd", "formeel", "stap", "maximum", "hoogstens",
            "niet meer dan",
            # How to go on, as the lesson on job interviews asks: "één vraag per keer".
            "per keer", "één voor één", "een voor een", "om beurten",
        ),
        numbers=("twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"),
    ),
    streets=StreetWords(
        name_endings=(
            "straat", "laan", "lei", "steenweg", "plein", "weg", "dreef", "kaai", "markt", "baan",
            "vest", "singel", "dijk", "hof", "kouter", "dries",
        ),
        after_name=("Markt", "Plein", "Kaai", "Dreef", "Lei", "Steenweg", "Laan"),
        letterbox=("bus",),
        house_marks=("nr.", "nr", "nummer", "no"),
        cues=("ik woon", "wij wonen", "we wonen", "mijn adres", "adres", "woonachtig"),
        units=("keer", "jaar", "uur"),
        followers=(
            "met", "sinds", "vanaf", "samen", "bij", "naar", "maar", "voor", "morgen", "gisteren",
            "sedert", "tot", "ook", "nog", "hier", "dat", "ben", "woon", "wonen", "is",
        ),
    ),
    word_endings=("en", "n", "s"),
    function_words=_split(
        """
        het een ik jij je u wij we ze zij hij dat die dit deze wat hoe waarom wanneer waar wie
        welke welk niet geen met voor van op aan om te bij naar uit over door tot of kan kun kunt
        mag moet moeten wil zijn ben heb heeft hebben had was mijn jouw uw onze ook maar nog er
        als dan wordt worden zo veel eens toch hier daar mij wel iets niets zou zal kunnen gij ge
        ga gaat gaan da nie wa
        """
    ),
    follow_ups=FollowUpWords(
        openers=(
            "en", "maar", "ook", "en voor", "en als", "en met", "en op", "wat met", "bijvoorbeeld",
        ),
        pronouns=("dat", "dit", "ze", "zij", "hij", "daar", "ervan", "erover", "da"),
        then=("dan", "in dat geval", "in da geval", "nu"),
        alone=(
            "sinds wanneer", "vanaf wanneer", "wanneer", "tot wanneer", "voor wie", "hoeveel",
            "hoeveel kost het", "vanaf welke leeftijd", "op welke leeftijd",
        ),
    ),
    people=(
        "mijn naam",
        "mijn zoon", "mijn dochter", "mijn vrouw",
        "mijn man", "mijn partner", "mijn vriend", "mijn vriendin", "mijn collega", "mijn baas",
        "mijn chef", "mijn buurman", "mijn buurvrouw", "mijn moeder", "mijn mama", "mijn vader",
        "mijn papa", "mijn broer", "mijn zus", "mijn kind", "mijn begeleider",
        "mijn begeleidster", "mijn consulent", "mijn kleinzoon", "mijn kleindochter",
        "mijn leidinggevende", "mijn teamleider", "mijn directeur", "mijn diensthoofd",
        # Titles: a pasted letter or file names people this way.
        "mevrouw", "meneer", "mijnheer", "juffrouw", "mevr.", "dhr.", "de heer", "dokter", "dr",
        "dr.",
    ),
    introductions=("ik heet", "mijn naam is", "mijne naam is", "ik noem", "kheet"),
    receipts=(
        "gekregen", "ontvangen", "kreeg", "belde mij", "belde me", "mij gebeld",
        "me gebeld", "mij gemaild", "me gemaild", "een sms van", "een sms'je van", "een mail van",
        "een e-mail van", "een bericht van", "een oproep van", "afzender", "dit nummer",
        "dat nummer", "dit adres", "dat adres", "deze rekening", "die rekening", "oplichter",
        "oplichters", "oplichting", "phishing", "spam", "fraude", "een telefoontje van",
    ),
    own_contacts=(
        "mijn nummer", "mijn gsm", "mijn telefoon", "mijn mail", "mijn e-mail", "mijn adres",
        "mijn iban", "mijn rekening",
    ),
    self_descriptions=("ik ben",),
    id_numbers=("rijksregisternummer", "rijksregister", "insz", "insz-nummer", "nationaal nummer"),
    file_numbers=(
        "dossier", "dossiernummer", "klantnummer", "klantennummer", "referentie",
        "referentienummer", "cliëntnummer", "clientnummer",
    ),
    secrets=(
        "wachtwoord", "paswoord", "pincode", "pin code", "pin", "geheime code", "itsme code",
        "itsme-code",
    ),
    reminders=("herinner",),
    ailments=(
        "ziek", "koorts", "pijn", "hoofdpijn", "buikpijn", "rugpijn", "keelpijn", "tandpijn",
        "dokter", "huisarts", "apothe", "medicijn", "medicament", "pil", "griep", "verkoud",
        "hoest", "overgeven", "diarree", "migraine", "gewond", "wonde",
    ),
    medicines=(
        "medicijn", "medicatie", "medicament", "paracetamol", "ibuprof", "dafalgan", "antibiot",
        "pillen", "dosis", "bijsluiter",
    ),
    sharing=(
        "plak", "kopieer", "kopieren", "zet ", "zetten", "typ ", "typen", "intyp", "ingev",
        "invoer", "delen", "deel ", "upload", "doorsturen", "vertal", "samenvat", "samenvatten",
    ),
    investments=(
        "beleggen", "belegging", "aandelen", "beurskoers", "investeren in", "investering",
        "cryptomunt", "bitcoin", "trading", "forex",
    ),
    claim_questions=(
        "is dat echt", "is da echt", "is dit echt", "is dat waar", "is da waar", "is dit waar",
        "klopt dat", "klopt da", "klopt dit", "echt of nep", "echt of fake", "waar of niet",
        "is dat nep", "is dat fake", "nepnieuws", "fake nieuws", "kan dat kloppen",
        "mag ik dat geloven",
    ),
    claim_sources=(
        "ik heb gezien", "ik heb da gezien", "ik heb dat gezien", "ik zag", "ik las",
        "ik heb gelezen", "ik hoorde", "ze zeggen", "die zegt", "zeggen ze", "zegt dat", "zegt da",
        "zeggen dat", "filmpje", "video", "een post", "artikel", "bericht", "facebook", "tiktok",
        "instagram", "whatsapp", "youtube", "internet", "online", "op sociale media",
    ),
    benefits=(
        "mijn uitkering", "werkloosheidsuitkering", "rva", "hvw", "mijn vakbond", "ocmw",
        "leefloon", "mijn ziekenfonds", "mijn mutualiteit", "mijn dop", "stempelgeld",
        "niet betaald", "niet uitbetaald", "niet gestort",
    ),
    payments=("betaal", "betaald", "uitbetaal", "gestort", "gekregen", "niet toegekomen"),
    trainer_tools=(
        "groep", "cursist", "deelnemer", "cohort", "sluit ik de cursus af", "de cursus afsluiten",
        "cursus afsluiten",
    ),
    trainer_alone=(
        "alleen naar", "alleen aan", "enkel naar", "enkel aan", "stuur ik alleen",
        "naar een cursist", "naar een deelnemer",
    ),
    trainer_sends=(
        "stuur ik alleen", "stuur ik een bericht", "stuur ik een les", "bericht sturen",
        "bericht naar", "les sturen",
        "herinnering sturen", "les naar iedereen", "stuur ik een herinnering",
    ),
    trainer_reports=(
        "rapport", "verslag", "zit vast", "zitten vast", "zit er vast", "zitten er vast",
        "loopt vast", "lopen vast", "vastzit", "vastzitten", "vastgelopen", "achterop",
        "vooruitgang van mijn", "wie heeft les", "wie heeft de les", "wie heeft nog niet",
        "wie is nog niet", "les nog niet gedaan", "wie niets gedaan", "wie niks gedaan",
        "wie nog niets", "wie nog niks", "nog niet begonnen",
    ),
    trainer_timing=(
        "hoe laat", "wanneer krijgen", "wanneer ontvangen", "wanneer zien", "wanneer komt",
        "wanneer komen", "om hoeveel uur",
    ),
    trainer_sent=(
        "mijn berichten", "mijn bericht", "wat ik stuur", "wat ik verstuur", "mijn les",
        "de les die ik", "mijn zending",
    ),
    own_papers=(
        "mijn identiteitskaart", "mijn id kaart", "mijn eid", "mijn verblijfskaart",
        "mijn verblijfsvergunning", "mijn paspoort", "mijn papieren", "mijn rijbewijs",
    ),
    translations=("vertaal", "vertal"),
    trainer_cancels=(
        "verzending annuleren", "zending annuleren", "bericht annuleren", "les annuleren",
        "annuleer ik een bericht", "annuleer ik een les", "annuleer een bericht", "annuleer de les",
        "annuleer het bericht",
        "verkeerde les", "verkeerd bericht", "bericht intrekken", "les intrekken",
        "verzending ongedaan", "terugtrekken",
    ),
    health_cues=(
        "ik heb", "ik ben", "ik lijd aan", "ik neem", "ik kreeg", "kheb", "kben",
        # Said of someone close: "mijn zoon heeft autisme", "mijn moeder lijdt aan alzheimer".
        "heeft", "lijdt aan", "hij is", "zij is", "ze is",
    ),
    conditions=(
        "diabetes", "suikerziekte", "depressie", "depressief", "kanker", "hiv", "hiv-positief",
        "aids", "epilepsie", "astma", "zwanger", "autisme", "autistisch", "adhd", "bipolair",
        "schizofrenie", "dementie", "alzheimer", "parkinson", "handicap", "gehandicapt",
        "antidepressiva", "insuline", "chemo", "chemotherapie", "burn-out", "burnout",
    ),
)  # fmt: skip

ENGLISH: Final = LanguageProfile(
    code="en",
    espeak_voice="en-gb",
    name="English",
    flag="🇬🇧",
    babel_locale="en_BE",
    model_language="English",
    and_word="and",
    search=SearchWords(
        stemmer="english",
        stop_words="english",
        question_words=_split(
            """
            i me my myself we us our you your yours he him his she her it its they them their
            what which who whom whose how why where when there here this that these those
            am is are was were be been being have has had do does did doing can could should would
            may might must shall will just also please tell explain mean means thing things
            something anything really actually some any very so too than about
            """
        ),
        answer_style=r"""
            \b(?:in|with|using)\s+(?:very\s+)?(?:simple|plain|easy|everyday|basic)\s+
                (?:words|terms|language|english)\b
            | \b(?:very\s+)?(?:simply|briefly)\b
            | \blike\s+i'?m\s+(?:five|5)\b
            | \bfor\s+dummies\b
        """,
        lexical_weight=0.6,
        definition_questions=(
            r"""(?:what\s*(?:is|'s|are|s)|whats|define|definition\s+of|meaning\s+of
                |explain\s+what)
                (?:\s+(?:exactly|actually|really))?
                \s+(?:(?:an|a|the)\s+)?(?P<term>.+?)(?:\s+(?:is|are|exactly|actually|anyway))?""",
            r"""what\s+(?:does|do)\s+(?:(?:an|a|the)\s+)?(?P<term>.+?)\s+mean""",
            # As learners of English write it: "what mean prompt", "what means deepfake".
            r"""what\s+(?:is\s+)?means?\s+(?:(?:an|a|the)\s+)?(?P<term>.+?)""",
        ),
        unknown_word_questions=(
            # "i dont understand the word algorithm", "i don't know what a prompt is".
            r"""(?:i\s+)?(?:do\s*n[o']?t|dont|cannot|can'?t)\s+(?:understand|know|get)
                (?:\s+(?:the|this|that)\s+(?:word|term)\s+(?P<term>.+?)
                |\s+what\s+(?:(?:an|a|the)\s+)?(?P<what>.+?)\s+(?:is|means))""",
        ),
        plain_definition="what does the word {term} mean",
        openers=r"""(?:hi|hello|hey)(?:\s+there)?|good\s+(?:morning|afternoon|evening)
            | i\s+have\s+a\s+(?:quick\s+)?question | (?:a\s+)?quick\s+question | a\s+question
            | question | please | excuse\s+me""",
        closings=r"""(?:best|kind|warm)\s+regards | regards | best\s+wishes | sincerely
            | (?:yours\s+)?faithfully | many\s+thanks | cheers
            | thanks?\s*(?:you)?\s*(?:in\s+advance|a\s+lot|very\s+much|so\s+much)?
            | have\s+a\s+(?:nice|good)\s+day""",
        subject=(r"\b artifi\w* \s+ intel+ig[ea]n\w*", "AI"),
        clippings=(
            ("info", "information"),
            ("infos", "information"),
            ("msg", "message"),
            ("pic", "picture"),
            ("pics", "pictures"),
            ("convo", "conversation"),
            ("algo", "algorithm"),
            ("algos", "algorithms"),
        ),
        spoken=(
            ("u", "you"), ("ur", "your"), ("r", "are"), ("idk", "i don't know"), ("bc", "because"),
            ("cuz", "because"), ("cvs", "CVs"),
        ),
    ),
    rubric=RubricWords(
        task=(
            "write", "summari", "explain", "list", "give", "make", "help", "translat", "creat",
            "draft", "tell", "correct", "check", "rewrite", "suggest", "find", "compare",
            "describe", "prepare", "propose", "answer", "improve", "shorten", "simplif", "plan",
            "can you", "could you", "would you", "please", "i want", "i would like", "i'd like",
            "i need",
            # More verbs a task starts with.
            "show me", "recommend", "rephrase", "reword", "organi", "calculat", "analy",
            "choose", "generat", "outline", "sum up",
            # "Name three apps…", not "my name is…".
            "name two", "name three", "name four", "name five", "name 2", "name 3", "name 4",
            "name 5", "name some", "name a few", "name the",
            # A role to play and questions to ask: "You are a recruiter… Ask me one question at
            # a time." counted as a task by "answer" alone ("Wait for my answer").
            "ask me", "ask us", "quiz me", "test me", "interview me", "play ", "act as",
            "pretend",
        ),
        context=(
            "i am", "i'm", "my ", "for my", "for a ", "because", "i have", "i work", "i live",
            "as a ", "who ", "since", "beginner", "so that", "in belgium", "from my", "about my",
            "the letter", "i got", "i received", "i'm looking", "i am looking", "im ", "new to",
            # A role for the chatbot: "You are a recruiter for this job."
            "you are ", "you're ", "act as", "pretend",
        ),
        format=(
            "word", "sentence", "line", "point", "bullet", "list", "short", "brief", "table",
            "paragraph", "simple", "easy words", "polite", "formal", "step", "maximum", "at most",
            "no more than",
            # How to go on, as the lesson on job interviews asks: "one question at a time".
            "at a time", "one by one", "in turn",
        ),
        numbers=("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    ),
    streets=StreetWords(
        after_names=("Street", "Road", "Avenue", "Lane", "Drive", "Square"),
        after_numbered_names=(
            "Street", "St.", "St", "Road", "Rd.", "Rd", "Avenue", "Ave.", "Ave", "Lane", "Drive",
            "Square", "Place", "Way", "Close", "Court",
        ),
        letterbox=("box",),
        house_marks=("no.", "number", "#"),
        cues=("i live", "we live", "my address", "address", "i'm living", "i stay"),
        units=("times", "years", "hours"),
        followers=(
            "and", "with", "since", "from", "near", "for", "but", "last", "next", "this",
            "tomorrow", "yesterday", "now", "too", "until", "here", "is",
        ),
    ),
    word_endings=("s", "es"),
    function_words=_split(
        """
        the a an are was were be been am have has had do does did what which who whose how why
        when where can could should would will my your our their his her its i you he she it we
        they him us them this that these those there here with for of to from and or but not no
        if about into than then so because at on by just also very too don doesn didn isn aren
        """
    ),
    follow_ups=FollowUpWords(
        openers=(
            "and", "but", "also", "so", "what about", "how about", "and if", "what if",
            "for example",
        ),
        pronouns=("it", "that", "this", "they", "them", "those", "these", "there", "its"),
        then=("then", "in that case", "if so", "now"),
        alone=(
            "since when", "when", "from when", "until when", "for whom", "who for", "how much",
            "at what age", "from what age",
        ),
    ),
    people=(
        "my name",
        "my son", "my daughter", "my wife",
        "my husband", "my partner", "my friend", "my colleague", "my boss", "my manager",
        "my neighbour", "my neighbor", "my mother", "my mum", "my mom", "my father", "my dad",
        "my brother", "my sister", "my child", "my coach", "my adviser", "my advisor",
        "my grandson", "my granddaughter", "my supervisor", "my team leader", "my director",
        # Titles: a pasted letter or file names people this way.
        "mrs", "mrs.", "mr", "mr.", "ms", "ms.", "mister", "dr", "dr.", "doctor",
    ),
    introductions=("my name is", "my name's", "my name’s", "i am called", "i'm called"),
    receipts=(
        "received", "sent me", "called me", "texted me",
        "emailed me", "e-mailed me", "messaged me", "a message from", "an email from",
        "an e-mail from", "a mail from", "a text from", "a call from", "an sms from", "sender",
        "this number", "that number", "this address", "that address", "this account", "scam",
        "scammer", "scammers", "phishing", "spam", "fraud",
    ),
    own_contacts=(
        "my number", "my phone", "my mobile", "my mail", "my email", "my e-mail", "my address",
        "my iban", "my account", "my bank account",
    ),
    self_descriptions=("i am", "i'm", "im"),
    id_numbers=(
        "national number", "national register number", "national registry number",
        "number national", "national id", "nn",
    ),
    file_numbers=(
        "file number", "case number", "client number", "customer number",
        "reference number", "reference", "dossier",
    ),
    secrets=(
        "password", "passcode", "pass word", "pass", "pin code", "pin", "itsme code",
    ),
    reminders=("remind",),
    ailments=(
        "sick", "illness", "fever", "pain", "ache", "headache", "hurt", "medicine",
        "medication", "pill", "doctor", "pharmac", "flu", "cough", "vomit", "diarrh",
        "migraine", "injur", "wound",
    ),
    medicines=(
        "medicine", "medication", "paracetamol", "ibuprof", "acetaminophen", "antibiot", "pills",
        "dose", "dosage",
    ),
    sharing=(
        "paste", "copy", "put ", "putting", "type in", "typing in", "upload", "share", "sharing",
        "feed ", "translat", "summar", "summaris", "summariz",
    ),
    investments=(
        "invest my", "investing my", "invest money", "investing money", "stock market",
        "which stocks", "stocks to buy", "buy stocks", "buy shares", "shares to buy", "tickers",
        "cryptocurrenc", "bitcoin", "trading", "forex",
    ),
    claim_questions=(
        "is it true", "is this true", "is that true", "is it real", "is this real",
        "is that real", "true or false", "true or not", "real or fake", "is it fake",
        "is this fake", "is that fake", "fake news", "can i believe", "should i believe",
        "can that be right",
    ),
    claim_sources=(
        "i saw", "i ve seen", "i have seen", "i read", "i heard", "they say", "people say",
        "says", "said", "video", "a post", "article", "message", "facebook", "tiktok",
        "instagram", "whatsapp", "youtube", "internet", "online", "on social media",
    ),
    benefits=(
        "my benefit", "unemployment benefit", "my allowance", "my unemployment", "onem", "rva",
        "capac", "hvw", "cpas", "ocmw", "my payment", "not been paid", "wasn t paid",
        "haven t been paid", "didn t get paid", "my health insurance fund",
    ),
    payments=("paid", "payment", "pay me", "pays me", "pay my", "receiv", "got my", "get my"),
    trainer_tools=(
        "group", "learners", "trainees", "participants", "cohort", "end the course",
        "close the course",
    ),
    trainer_alone=("only to", "just to", "message to one", "to one learner", "to a single"),
    trainer_sends=(
        "send a message to", "send a lesson", "send a reminder", "message to my", "message to one",
        "send the lesson", "send to the group",
    ),
    trainer_reports=(
        "report", "stuck", "falling behind", "progress of my", "who hasn t", "who has not",
        "who haven t", "who didn t", "not finished the lesson", "who did nothing",
        "who has done nothing", "not started",
    ),
    trainer_timing=(
        "what time", "when do they", "when will they", "when do my", "when does it arrive",
        "when do learners", "at what time",
    ),
    trainer_sent=(
        "my messages", "my message", "what i send", "my sends", "my send", "the lesson i",
        "my lesson",
    ),
    own_papers=(
        "my id card", "my identity card", "my residence card", "my residence permit",
        "my passport", "my papers", "my driving licence", "my driver s license",
    ),
    translations=("translat",),
    trainer_cancels=(
        "cancel the send", "cancel a send", "cancel the last send", "cancel the message",
        "cancel the lesson", "wrong lesson", "undo the send", "take back the send", "unsend",
    ),
    health_cues=(
        "i have", "i've got", "i've", "ive", "i got", "i suffer from", "i am", "i'm", "im",
        "i take", "i was diagnosed with", "i've been diagnosed with",
        # Said of someone close: "my son has autism", "my mother suffers from dementia".
        "has", "suffers from", "he is", "she is", "was diagnosed with",
    ),
    conditions=(
        "diabetes", "diabetic", "depression", "cancer", "hiv", "hiv positive", "hiv-positive",
        "aids", "epilepsy", "epileptic", "asthma", "pregnant", "autism", "autistic", "adhd",
        "bipolar", "schizophrenia", "dementia", "alzheimer's", "alzheimers", "parkinson's",
        "parkinsons", "multiple sclerosis", "disabled", "a disability", "antidepressants",
        "insulin", "chemotherapy", "chemo", "burnout", "burn-out",
    ),
)  # fmt: skip

# Every language the tutor knows, in the order it offers them.
BUILT_IN: Final = LanguageRegistry((FRENCH, DUTCH, ENGLISH))
