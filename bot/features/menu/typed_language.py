"""Read which language a newcomer's typed message picks, before they have tapped one.

A learner whose Telegram is in none of the offered languages is asked to choose one. Many type
instead of tapping: the language's name ("Nederlands", "en français svp"), a greeting
("bonjour", "hallo") or straight away a question ("c'est quoi un chatbot ?"). In that order:

- a short message (at most `MAX_NAMING_WORDS` words) that names exactly one offered language,
  in any offered language (CLDR's names through babel, Flemish included), or is its code alone
  ("nl"); naming two, it picks none;
- a greeting, thanks or other small talk that only one offered language's phrases cover
  ("hallo" is Dutch; "merci" is French and Dutch, so it picks none);
- a message with function words of one offered language and of no other ("wat is een chatbot"):
  it asks something too, so it is answered once the language is set, unless it names that same
  language and nothing else ("ik wil Nederlands leren");
- a longer message that names exactly one offered language ("je voudrais apprendre en
  français", whose words are all shared or unlisted).

Anything else picks nothing, and the learner is asked again, with a word on the buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Final

from babel import Locale

from bot.config import Language
from bot.core.languages import LanguageRegistry
from bot.core.reply_language import ReplyLanguageRule, words
from bot.features.smalltalk.recognise import Phrasebook, phrasebook

# "English please", "en français svp", "ik spreek Nederlands": longer, a named language is more
# likely the subject of a question ("is ChatGPT good in French?") than a choice.
MAX_NAMING_WORDS: Final = 4
# Asked to speak it, a language is a choice in a few more words: "kun je ook frans spreken?",
# "kunde gij ook frans praten?" got a card on translating, or on talking to an AI.
MAX_SPEAKING_WORDS: Final = 7
SPEAKING: Final = frozenset(
    {
        *("speak", "talk"),
        *("parler", "parles", "parlez", "parle"),
        *("spreek", "spreekt", "spreken", "praat", "praten", "klapt", "klappen"),
        # Going back to a language, or over to one: "allez, terug in het Nederlands aub" was
        # refused as outside the course.
        *("back", "switch", "retour", "revenir", "repasser", "terug", "overschakelen"),
    }
)
# Asked politely, with the learner or the tutor in it, a choice takes more words: "est-ce que tu
# peux parler en néerlandais avec moi s'il te plaît" and "tu parle arabe? c plus facile pour moi"
# got a card on translating. Not when something else may be the speaker, in any number of words:
# "can chatgpt speak arabic?" and "est-ce que l'IA peut parler néerlandais pour moi" are questions.
MAX_ASKING_WORDS: Final = 14
OTHER_SPEAKERS: Final = frozenset(
    {
        *("ai", "ia", "chatgpt", "gpt", "copilot", "gemini", "claude", "mistral", "deepl"),
        *("siri", "alexa", "google", "chatbot", "chatbots", "robot", "robots", "app", "appli"),
    }
)
PERSONS: Final = frozenset(
    {
        *("i", "me", "my", "you", "u", "we"),
        *("je", "j", "moi", "tu", "toi", "vous", "nous", "on"),
        *("ik", "k", "mij", "jij", "ge", "gij", "kunde", "zijde", "wij", "we"),
    }
)


@dataclass(frozen=True)
class TypedLanguage:
    """The language a message picks, and whether it asks something beyond picking it."""

    language: Language
    question: bool


class LanguageReader:
    """Tell the language a newcomer's message names or is written in, if it is clear."""

    def __init__(self, languages: LanguageRegistry, phrases: Phrasebook) -> None:
        self.languages = languages
        self.phrases = phrases
        self.function_words = ReplyLanguageRule(languages)
        self.names = _language_names(languages, offered=True)

    @cached_property
    def other_names(self) -> dict[tuple[str, ...], str]:
        """Return the other languages, named in the offered ones ("arabe", "Turks", "Spanish")."""
        # Built on first use, not while the tutor starts: a thousand names to cut into words.
        return _language_names(self.languages, offered=False)

    def read(self, text: str) -> TypedLanguage | None:
        """Return the language a message names or is written in; None when that is not clear."""
        found = words(text)
        named = self._named(found)
        if named and len(found) <= MAX_NAMING_WORDS:
            # Two names ("Dutch or French?") are a learner hesitating: the buttons decide.
            return TypedLanguage(named.pop(), question=False) if len(named) == 1 else None
        if len(spoken := self.phrases.languages(text)) == 1:
            return TypedLanguage(next(iter(spoken)), question=False)
        evidence = self.function_words.evidence(found)
        if len(marked := [code for code, count in evidence.items() if count]) == 1:
            # "ik wil Nederlands leren" names the language it is written in: a choice.
            return TypedLanguage(marked[0], question=named != {marked[0]})
        # "je voudrais apprendre en français": no word of one language alone, one name.
        return TypedLanguage(named.pop(), question=False) if len(named) == 1 else None

    def named(self, text: str) -> Language | None:
        """Return the one language a short message names ("Nederlands", "English please")."""
        found = words(text)
        short = len(found) <= MAX_NAMING_WORDS or _asks_to_speak(found)
        named = self._named(found) if short else set()
        return named.pop() if len(named) == 1 else None

    def other_asked(self, text: str) -> str | None:
        """Return the one language the tutor does not speak that a short message asks it to."""
        # "tu parles arabe ?" got "write the whole question": a newcomer asking what the tutor
        # speaks. Only with a speaking verb: many languages' names are words of their own.
        found = words(text)
        if not _asks_to_speak(found) or self._named(found):
            return None
        named = self._named_in(found, self.other_names)
        return named.pop() if len(named) == 1 else None

    def _named(self, found: list[str]) -> set[Language]:
        """Return the languages whose names stand among the words, or whose code is all of them."""
        if len(found) == 1 and (code := self.languages.from_code(found[0])):
            return {code}
        return self._named_in(found, self.names)

    @staticmethod
    def _named_in(found: list[str], names: dict[tuple[str, ...], str]) -> set[str]:
        """Return the codes of the names that stand among the words."""
        return {
            code
            for name, code in names.items()
            for start in range(len(found) - len(name) + 1)
            if tuple(found[start : start + len(name)]) == name
        }


def _asks_to_speak(found: list[str]) -> bool:
    """Tell whether some words ask the tutor to speak a language, in a few words or politely."""
    # "can chatgpt speak arabic?" asks about ChatGPT: it got "Sorry, I do not speak Arabic".
    if SPEAKING.isdisjoint(found) or not OTHER_SPEAKERS.isdisjoint(found):
        return False
    if len(found) <= MAX_SPEAKING_WORDS:
        return True
    return not PERSONS.isdisjoint(found) and len(found) <= MAX_ASKING_WORDS


def _language_names(languages: LanguageRegistry, *, offered: bool) -> dict[tuple[str, ...], str]:
    """Return the words of each language's name in the offered languages, with its code."""
    # The locales of the offered languages' formats ("fr_BE"): loaded for dates anyway.
    return {
        tuple(words(name)): code
        for profile in languages
        for variant, name in Locale.parse(profile.babel_locale).languages.items()
        if ((code := variant.split("_")[0]) in languages) is offered
    }


@cache
def language_reader(languages: LanguageRegistry) -> LanguageReader:
    """Return the reader of the offered languages, built once per set of languages."""
    return LanguageReader(languages, phrasebook(languages.codes))
