"""Read short requests that no listed phrase covers: "montre moi mes résultats", "ik ben doodmoe".

The phrases of words.yaml cover a message whole; people word the same requests in many more ways.
So, per language, the words people wrap around a request are set aside first (`around`: "je
veux", "show me", "mijn"); what is left must be one to `MOST_LEFT` words that all belong to one
intent of that language (`requests`): a command ("résultats": /progress), a break ("doodmoe"),
"ok" ("noted"), or a question about the tutor ("are you a machine?", which must speak to it:
`you`, so that "c'est vrai ?" after a card is no such question). A word of several intents
counts for those they share ("delete my data": forget; "my data": /mydata, listed first).
Words that say one understood are ok, or confusion with a word of `not` ("kheb da ni begrepen").
Words of `off` turn reading aloud off: "zet het voorlezen uit" named /listen, which read on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from bot.features.smalltalk.kinds import Kind
from bot.features.smalltalk.text import normalise

# "je veux voir mes résultats svp" leaves one word; a question about a topic leaves more.
MOST_LEFT: Final = 3


@dataclass(frozen=True)
class Request:
    """What a message asks for: a kind of small talk, and the command it names, if any."""

    kind: Kind
    command: str | None = None  # with COMMAND


@dataclass(frozen=True)
class Requests:
    """Each language's words around requests, and the intents its other words belong to."""

    around: Mapping[str, frozenset[str]]
    intents: Mapping[str, Mapping[str, tuple[Request, ...]]]  # language → word → its intents
    you: Mapping[str, frozenset[str]]  # words that speak to the tutor: "tu", "jij", "you"
    understood: Mapping[str, frozenset[str]]  # "compris", "begrepen": ok, or confused if not
    negations: Mapping[str, frozenset[str]]  # "pas", "niet", "don't"
    off: Mapping[str, frozenset[str]]  # "uit", "arrête", "stop": with /listen's words, stop it
    # The course's glossary terms: typed alone ("données personnelles ?") they ask what the term
    # means, which the answers say; "mes données" is still a request.
    terms: frozenset[tuple[str, ...]] = frozenset()
    # Per request, the words one of which it needs: "jpeux supprimer?" after a question on
    # TikTok asked about TikTok's data, and /forget offered to delete everything.
    objects: Mapping[Request, Mapping[str, frozenset[str]]] = field(default_factory=dict)

    @classmethod
    def of(
        cls, data: Mapping[str, Any], languages: Iterable[str], terms: Iterable[str] = ()
    ) -> Requests:
        """Build the requests of some languages from words.yaml's `requests` section."""
        wanted = set(languages)

        def words(listed: Iterable[Any]) -> list[str]:
            return [word for text in listed for word in normalise(str(text), runs=False)]

        def by_language(section: Mapping[str, Iterable[Any]]) -> dict[str, frozenset[str]]:
            return {lang: frozenset(words(listed)) for lang, listed in section.items()}

        intents: dict[str, dict[str, tuple[Request, ...]]] = {}
        for name, listed_by_language in data["intents"].items():
            kind, _, command = name.partition(":")
            request = Request(Kind(kind), command or None)
            for language, listed in listed_by_language.items():
                found = intents.setdefault(language, {})
                for word in words(listed):
                    found[word] = (*found.get(word, ()), request)
        return cls(
            by_language(data["around"]),
            {lang: found for lang, found in intents.items() if lang in wanted},
            by_language(data["you"]),
            by_language(data["understood"]),
            by_language(data["not"]),
            # Read in the phrases' form too, where a letter typed twice counts once ("off").
            {
                lang: words | {word for text in words for word in normalise(text)}
                for lang, words in by_language(data["off"]).items()
            },
            frozenset(normalise(term, runs=False) for term in terms),
            {
                Request(Kind(kind), command or None): by_language(section)
                for name, section in data["objects"].items()
                for kind, _, command in [name.partition(":")]
            },
        )

    def read(self, text: str) -> Request | None:
        """Return what a message asks for, if every language that reads its words agrees."""
        # Letters typed twice count: Dutch "lees" (read) and "les" (lesson) are two words.
        words = normalise(text, runs=False)
        if words in self.terms:
            return None
        meant: set[Request] = set()
        for language, intents in self.intents.items():
            around = self.around.get(language, frozenset())
            left = [word for word in words if word not in around]
            if self._listening_off(language, words, left, intents):
                meant.add(Request(Kind.LISTEN_OFF))
                continue
            if not 1 <= len(left) <= MOST_LEFT:
                continue
            negated = any(word in self.negations.get(language, ()) for word in words)
            # "compris" says ok, or with a word of `not` confusion ("pas compris, expliquez").
            understood = self.understood.get(language, frozenset())
            verdict = Request(Kind.CONFUSED if negated else Kind.OK)
            shared = _shared(
                [(verdict,) if word in understood else intents.get(word, ()) for word in left]
            )
            if shared and shared.kind is Kind.OK and negated:
                # "je vais pas bien", "niet goed": not ok, and not for "👍" either.
                continue
            you = self.you.get(language, frozenset())
            if shared and (shared.kind is not Kind.ABOUT or any(word in you for word in words)):
                if shared in self.objects and not self._names_object(shared, language, words):
                    continue
                meant.add(shared)
        return meant.pop() if len(meant) == 1 else None

    def _names_object(self, request: Request, language: str, words: Iterable[str]) -> bool:
        """Tell whether a message names what the request acts on ("mes données", "tout")."""
        needed = self.objects[request].get(language, frozenset())
        return any(word in needed for word in words)

    def _listening_off(
        self,
        language: str,
        words: tuple[str, ...],
        left: list[str],
        intents: Mapping[str, tuple[Request, ...]],
    ) -> bool:
        """Tell whether a request to read aloud says to stop ("zet het voorlezen uit")."""
        off = self.off.get(language, frozenset())
        if not any(word in off for word in words):
            return False
        named = [intents.get(word, ()) for word in left if word not in off]
        return 1 <= len(named) <= MOST_LEFT and _shared(named) == LISTEN

    def turns_off(self, words: Iterable[str]) -> bool:
        """Tell whether normalised words hold one that switches something off ("uit", "stop")."""
        return any(word in off for off in self.off.values() for word in words)

    def wraps(self, text: str) -> bool:
        """Tell whether a text holds only words wrapped around requests ("je voudrais voir")."""
        words = normalise(text, runs=False)
        return any(all(word in around for word in words) for around in self.around.values())


LISTEN: Final = Request(Kind.COMMAND, "listen")


def _shared(options: list[tuple[Request, ...]]) -> Request | None:
    """Return the first intent every word belongs to, if any."""
    first, *others = options
    return next((request for request in first if all(request in o for o in others)), None)
