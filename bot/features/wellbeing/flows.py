"""Answer words of distress with the people who can help, before anything else reads them.

A learner who writes that they think of suicide, are in danger or cannot go on gets, in any
state and in their language, the Belgian crisis lines; one who writes that they are sad, lonely
or bullied, the lines that listen day and night; one who was just scammed, what to do right
away. All get the way back to where they were.
Nothing of the message is stored, searched or sent to a model.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Final

from bot.core.router import Turn, button, rows
from bot.core.text import holds_phrase, run_in
from bot.core.yaml_text import parse_yaml
from bot.features.lessons.buttons import OpenLesson
from bot.features.menu import flows as screens
from bot.features.menu.buttons import ShowHelp
from bot.features.smalltalk.text import normalise
from bot.i18n import N_

# The lines and addresses as content/facts.yaml registers them (tests/unit/test_wellbeing.py
# checks that they agree): when one changes, the register and this change together.
HELPLINES: Final = {
    "tele_onthaal": "106",
    "tele_accueil": "107",
    "zelfmoordlijn": "1813",
    "prevention_suicide": "0800 32 123",
    "community_help": "02 648 40 14",
    "card_stop": "078 170 170",
    "safeonweb": "suspect@safeonweb.be",
    "child_focus": "116 000",
}
EMERGENCY: Final = "112"  # Europe's emergency number
# The lines for thoughts of suicide, which the course's card on real help gives too.
CRISIS_LINES: Final = (HELPLINES["zelfmoordlijn"], HELPLINES["prevention_suicide"])
# The lesson offered with a reply, when the course has it: after sadness or loneliness, what a
# chatbot can and cannot be; after a scam, how to spot the next one.
LESSONS: Final = {
    "deepfake": "verify/deepfakes",
    "sadness": "ethics/chatbots-and-feelings",
    "scammed": "privacy/scams",
    "scam_warning": "privacy/scams",
}

# By level, the first found wins: the lines to call for thoughts of suicide, danger or
# violence; the same lines, for those who worry about someone close who has such thoughts; 112
# for a body in danger (chest pain); what to do about sexual pictures made or
# shared without consent (a fake nude); what to do about another fake picture, video or voice
# of the learner or someone close, made by someone else; what to do right away after a scam (a
# code given, money gone: every hour counts); what to do before paying when money or a code is
# asked for; the lines that listen for sadness, loneliness, grief and bullying; calm and the
# same lines for fear; and for doubts about oneself with computers, that the course is made for
# them.
REPLIES: Final = {
    "crisis": N_(
        "💛 I am sorry things are so hard for you right now. I am a computer program, but people "
        "can listen to you and help, day and night, for free and without your name:\n"
        "• To talk: Tele-Onthaal {tele_onthaal} (in Dutch) or Télé-Accueil {tele_accueil} "
        "(in French).\n"
        "• If you think about suicide: Zelfmoordlijn {zelfmoordlijn} (in Dutch) or Centre de "
        "Prévention du Suicide {prevention_suicide} (in French).\n"
        "• In danger right now: call {emergency}.\n"
        "You can also talk to your doctor or to someone you trust. In English: Community Help "
        "Service, {community_help}."
    ),
    "worried": N_(
        "💛 You did well to tell me, and to look out for them. If their life is in danger right "
        "now, call {emergency}. These lines also help people who worry about someone, day and "
        "night, for free and without your name:\n"
        "• Zelfmoordlijn {zelfmoordlijn} (in Dutch) or Centre de Prévention du Suicide "
        "{prevention_suicide} (in French).\n"
        "• To talk: Tele-Onthaal {tele_onthaal} (in Dutch) or Télé-Accueil {tele_accueil} "
        "(in French).\n"
        "Stay close, listen without judging, and ask gently how they feel. Their doctor, or the "
        "school's student support centre (CLB or PMS), can help too."
    ),
    "emergency": N_(
        "🚑 If this is an emergency, call {emergency} now: it is free, day and night. If it "
        "is not urgent, call your doctor. I am a computer program and cannot give medical "
        "advice."
    ),
    "images": N_(
        "💛 This is not your fault. Sharing sexual pictures or videos of someone without their "
        "consent is against the law in Belgium, fake ones made with AI too.\n"
        "• Do not share it further, do not pay and do not answer threats.\n"
        "• Keep proof: links, account names, dates.\n"
        "• Report it on the app or website, and to the police (in any police station; in "
        "danger: {emergency}).\n"
        "• Someone under 18? Call Child Focus, {child_focus}, for free, day and night, and do "
        "not keep the image itself. An adult can ask the Institute for the Equality of Women "
        "and Men for help to have it removed."
    ),
    "deepfake": N_(
        "💛 The person shown is not to blame. Making or sharing a fake picture, video or voice of "
        "someone "
        "without their consent can be against the law in Belgium: it harms their image and can "
        "be harassment.\n"
        "• Do not share it further, do not pay and do not answer threats.\n"
        "• Keep proof: screenshots, links, names.\n"
        "• Report it on the app or website, and to the police (in danger: {emergency}).\n"
        "• Someone under 18? Call Child Focus, {child_focus}, for free, day and night."
    ),
    "scammed": N_(
        "🚨 Act now, it is not too late. It is not your fault: scammers are very good at this.\n"
        "• Card number or codes given? Call Card Stop {card_stop} now (day and night) to block "
        "your card, then call your bank.\n"
        "• Confirmed something in itsme, or gave an itsme code? Call your bank now, and confirm "
        "nothing more in the app, even if they call again.\n"
        "• Money gone? Call your bank right away: a transfer can sometimes still be stopped. "
        "Then file a complaint with the police.\n"
        "• Typed a password on the fake page? Change it now, and everywhere you use it.\n"
        "• Only clicked, and typed nothing? Close the page and type nothing in it.\n"
        "• Forward the scam message to {safeonweb}, then delete it."
    ),
    "scam_warning": N_(
        "⚠️ Careful: a message or a call that asks for money or a code quickly, even in the name "
        "of someone you know, is a common scam. AI can copy a voice.\n"
        "• Do not pay, do not click and do not give any code. The police and your bank never ask "
        "you to move your money.\n"
        "• Call back on the number you always use, not the one in the message, or ask something "
        "only the person knows.\n"
        "• Codes already given? Call Card Stop {card_stop} now (day and night)."
    ),
    "sadness": N_(
        "💛 I am sorry you feel this way. Talking to someone helps: Tele-Onthaal {tele_onthaal} "
        "(in Dutch) and Télé-Accueil {tele_accueil} (in French) listen day and night, for free "
        "and without your name. In English: Community Help Service, {community_help}. In danger: "
        "call {emergency}.\n"
        "I am a computer program, but I am here to learn with you whenever you like."
    ),
    "fear": N_(
        "💛 It is normal to be afraid, and you did well to say so. Take your time: nothing has "
        "to be decided right now. If someone is rushing you to pay or to give a code, stop and "
        "first call someone you trust. To talk, day and night, for free: Tele-Onthaal "
        "{tele_onthaal} (in Dutch), Télé-Accueil {tele_accueil} (in French), Community Help "
        "Service {community_help} (in English)."
    ),
    "doubt": N_(
        "💛 You are in the right place. This course is made for people who are new to "
        "computers: you do not need to know anything first. You tap the buttons, one small step "
        "at a time, at your own pace. Mistakes are fine: the questions you miss come back "
        "later, so that you learn them."
    ),
}
# A message of this many words or more, and half of a quiz option of the course or more, that
# the option holds in a row is an answer to it.
OPTION_RUN_WORDS: Final = 3
# Doubts are not distress: a message that also asks something ("?", or a question word, as in
# "how to start using chatgpt, im not good with computers") is answered as a question.
ASKING_TOO: Final = frozenset({"doubt"})
# Fear is read only in a message the course does not answer and that asks nothing: "j'ai peur
# que l'IA prenne mon travail" is about jobs, "j'ai peur" alone, after a scam call, says how the
# learner feels.
OUTSIDE_THE_COURSE: Final = frozenset({"fear"})
# A widow's life told, then "est ce que cest vrai quon peut faire des choses avec les photos
# des enfants": the lines that listen came, and the question was dropped. In a message this long
# that asks something, sadness is said on the way: the question is answered after the lines.
SAID_ON_THE_WAY: Final = frozenset({"sadness"})
TOLD_WORDS: Final = 15
QUESTION_OPENERS: Final = frozenset(
    {
        ("est", "ce", "que"),
        ("est", "ce", "qu"),
        ("is", "het"),
        ("kan", "ik"),
        ("mag", "ik"),
        ("is", "it"),
        ("can", "i"),
    }
)
OPENER_LONGEST: Final = 3
QUESTION_WORDS: Final = frozenset(
    {
        *("how", "what", "why", "where", "which", "who"),
        *("comment", "quoi", "pourquoi", "quel", "quelle", "quels", "quelles", "qui"),
        *("hoe", "wat", "waarom", "welke", "waar", "wie"),
    }
)


@dataclass(frozen=True)
class Wording:
    """How a message's words are read before phrases are looked for in them."""

    intensifiers: frozenset[str]  # left out: "je me sens tellement seule" is "je me sens seule"
    spellings: Mapping[str, tuple[str, ...]]  # chat spellings: "wanna" is "want to"

    def read(self, text: str) -> tuple[str, ...]:
        """Return a text's words, normalised, spelt out, without intensifiers nor numbers."""
        words = (spelt for word in normalise(text) for spelt in self.spellings.get(word, (word,)))
        # Amounts say nothing of distress: "il demande 500 euros" reads "il demande euros".
        return tuple(word for word in words if word not in self.intensifiers and not word.isdigit())


@dataclass(frozen=True)
class Pairs:
    """Phrases of someone (`who`: "ma fille") followed by what they say or did (`states`)."""

    who: frozenset[tuple[str, ...]]
    states: frozenset[tuple[str, ...]]
    # Kept apart rather than joined: joined, they were 2,800 phrases to read when the tutor
    # starts, 0.17 s and 1.3 MB more before its first reply.
    who_sizes: tuple[int, ...]
    state_sizes: tuple[int, ...]

    @classmethod
    def of(cls, who: Iterable[tuple[str, ...]], states: Iterable[tuple[str, ...]]) -> Pairs:
        """Build the pairs of some people and states, each already read as words."""
        who, states = frozenset(who), frozenset(states)
        return cls(who, states, _sizes(who), _sizes(states))

    def spans(self, words: tuple[str, ...]) -> Iterator[tuple[int, int]]:
        """Yield where each run of one of `who` then one of `states` starts and ends."""
        for start in range(len(words)):
            for size in self.who_sizes:
                if words[start : start + size] not in self.who:
                    continue
                after = start + size
                ending = next(
                    (
                        more
                        for more in self.state_sizes
                        if words[after : after + more] in self.states
                    ),
                    0,
                )
                if ending:
                    yield start, after + ending
                    break

    def without(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """Return the words with every such run taken out."""
        kept: list[str] = []
        at = 0
        for start, end in self.spans(words):
            if start >= at:
                kept.extend(words[at:start])
                at = end
        return (*kept, *words[at:])


@dataclass(frozen=True)
class Distress:
    """The phrases of distress of every language by level, normalised as small talk is."""

    levels: Mapping[str, frozenset[tuple[str, ...]]]
    pairs: Mapping[str, Pairs]  # by level, phrases of someone close (`who` and `states`)
    words: Wording
    ignored: frozenset[tuple[str, ...]]
    longest: int  # words in the longest phrase: no longer run of a message is looked up
    help_words: frozenset[str]  # a question with one of them may be after the lines to call

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Distress:
        """Build the phrases from words.yaml, whatever the languages offered."""
        wording = Wording(
            frozenset(word for text in data["intensifiers"] for word in normalise(text)),
            # Keys normalised too: "wanna", a letter typed twice, is looked up as "wana".
            {
                " ".join(normalise(word)): normalise(meant)
                for word, meant in data["spellings"].items()
            },
        )
        levels = {
            level: frozenset(
                wording.read(str(phrase))
                for texts in data[level].values()
                for phrase in (texts.get("phrases", ()) if isinstance(texts, Mapping) else texts)
            )
            for level in REPLIES
        }
        pairs = {
            level: Pairs.of(
                (wording.read(str(who)) for texts in by_language for who in texts["who"]),
                (wording.read(str(state)) for texts in by_language for state in texts["states"]),
            )
            for level in REPLIES
            if (by_language := [t for t in data[level].values() if isinstance(t, Mapping)])
        }
        ignored = frozenset(wording.read(text) for text in data["ignored"])
        longest = max((len(phrase) for phrases in levels.values() for phrase in phrases), default=0)
        help_words = frozenset(
            word for texts in data["help"].values() for text in texts for word in wording.read(text)
        )
        return cls(levels, pairs, wording, ignored, longest, help_words)

    def level_of(self, text: str, *, asking: bool = False, stray: bool = False) -> str | None:
        """Return the level of the first phrase of distress a message holds, crisis first.

        `asking`: doubts count in a message that asks something too. `stray`: the course does
        not answer the message, and fear counts.
        """
        words = _without(self.words.read(text), self.ignored)
        asks = "?" in text or bool(QUESTION_WORDS.intersection(words))
        # "j'ai peur qu'elle pense au suicide" is about someone else: "suicide" alone is the
        # learner's crisis only outside the words about them.
        own = self.pairs["worried"].without(words) if "worried" in self.pairs else words
        for level, phrases in self.levels.items():
            said = own if level == "crisis" else words
            # A question too leaves doubts to the answers, unless they are read all the same;
            # fear, always ("et ça peut voir si je stresse ?" asks about the course).
            if (level in ASKING_TOO and asks and not asking) or (
                level in OUTSIDE_THE_COURSE and (asks or not stray)
            ):
                continue
            pairs = self.pairs.get(level)
            if holds_phrase(said, phrases, self.longest) or (
                pairs is not None and next(pairs.spans(said), None) is not None
            ):
                return level
        return None

    def seeks_help(self, text: str) -> bool:
        """Tell whether a question asks for someone to talk to or call, as the lines are."""
        return not self.help_words.isdisjoint(self.words.read(text))

    def _an_option_of_the_course(self, turn: Turn, text: str) -> bool:
        """Tell whether a message is most of a quiz option's words, in a row."""
        # "Call a suicide prevention line together, such as 1813" is the right answer to a
        # question of the lesson on chatbots and feelings, typed rather than tapped; "suicide
        # prevention line" alone, a few of its words, still gets the lines.
        said = self.words.read(text)
        if len(said) < OPTION_RUN_WORDS:
            return False
        options = (
            self.words.read(option)
            for lesson in turn.course.all_lessons(turn.language)
            for item in lesson.quiz
            for option in item.options
        )
        return any(2 * len(said) >= len(words) and run_in(said, words) for words in options)

    async def read(self, turn: Turn, text: str) -> bool:
        """Answer distress with the lines that help; return whether nothing else should."""
        # Sadness told on the way to a question (`SAID_ON_THE_WAY`) gets the lines, and the
        # question is answered after them.
        level = self.level_of(text)
        answered = await self._answer(turn, level, text)
        return answered and not (level in SAID_ON_THE_WAY and self._asks_after_telling(text))

    def _asks_after_telling(self, text: str) -> bool:
        """Tell whether a long message also asks something ("?", "est-ce que", "kan ik")."""
        # Not by question words: "qui", "wat", "where" also start relative clauses ("il n'y a
        # personne qui vient me voir"), and a story with no question got a lesson card after
        # the lines.
        words = self.words.read(text)
        asks = "?" in text or holds_phrase(words, QUESTION_OPENERS, OPENER_LONGEST)
        return asks and len(words) >= TOLD_WORDS

    async def read_stray(self, turn: Turn, text: str) -> bool:
        """Reassure doubts, even asked, or fear in a message the course does not answer."""
        # "j'ai peur de faire une bêtise…, est-ce que je peux appuyer sur les boutons ?" was
        # refused as outside the course: its question is the doubt itself.
        level = self.level_of(text, asking=True, stray=True)
        return level in ASKING_TOO | OUTSIDE_THE_COURSE and await self._answer(turn, level, text)

    async def _answer(self, turn: Turn, level: str | None, text: str) -> bool:
        if level is None or self._an_option_of_the_course(turn, text):
            return False
        t = turn.t
        said = t.gettext(REPLIES[level]).format(**HELPLINES, emergency=EMERGENCY)
        lesson_id = LESSONS.get(level)
        lesson = turn.course.lesson(turn.language, lesson_id) if lesson_id else None
        # "I feel alone, so I talk to ChatGPT every night": the lesson on chatbots as friends.
        read = (
            button(t.gettext("📖 {title}").format(title=lesson.title), OpenLesson(lesson.id))
            if lesson is not None
            else None
        )
        # Doubts about computers: how the tutor works is one tap away.
        how = button(t.gettext("❓ Help"), ShowHelp()) if level == "doubt" else None
        turn.say(said, rows(screens.way_back(turn, t), read, how, screens.menu_button(t)))
        return True


def _sizes(runs: Iterable[tuple[str, ...]]) -> tuple[int, ...]:
    """Return the lengths of some runs of words, longest first."""
    return tuple(sorted({len(run) for run in runs}, reverse=True))


def _without(words: tuple[str, ...], runs: Collection[tuple[str, ...]]) -> tuple[str, ...]:
    """Return the words with every occurrence of the given runs taken out, longest first."""
    sizes = _sizes(runs)
    kept: list[str] = []
    at = 0
    while at < len(words):
        size = next((size for size in sizes if words[at : at + size] in runs), 0)
        if not size:
            kept.append(words[at])
        at += size or 1
    return tuple(kept)


def names_crisis_lines(text: str) -> bool:
    """Tell whether a text gives the lines for thoughts of suicide."""
    return any(line in text for line in CRISIS_LINES)


@cache
def distress() -> Distress:
    """Return the phrases of words.yaml."""
    data: dict[str, Any] = parse_yaml(
        files("bot.features.wellbeing").joinpath("words.yaml").read_text("utf-8")
    )
    return Distress.of(data)
