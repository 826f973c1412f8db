"""Answer free questions from the course: in the model's words when there is one, else a card."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from enum import Enum
from functools import partial
from typing import TYPE_CHECKING, Final

from bot.config import Language
from bot.core.languages import FollowUpWords, LanguageRegistry
from bot.core.lazy import Lazy
from bot.core.model import GroundedAnswer, Passage, Standalone, TutorModel, Unavailable
from bot.core.replies import Button, Message
from bot.core.reply_language import ReplyLanguage, ReplyLanguageRule, can_switch
from bot.core.router import Turn, button, read_as_stray, rows, run_command
from bot.core.state import Idle
from bot.core.text import fold, has_letters, trim_words, word_count
from bot.course.model import Course
from bot.course.vocabulary import Vocabulary, ai_vocabulary
from bot.features.answers.buttons import AnswerInMyLanguage
from bot.features.answers.definitions import Definition, Definitions, say_definition
from bot.features.answers.follow_up import (
    SHORT_WORDS,
    looks_like_follow_up,
    may_follow,
    opens_as_follow_up,
    read_after,
    recent_questions,
    refers_back,
    remember,
)
from bot.features.answers.gate import on_topic
from bot.features.answers.ports import QUESTIONS
from bot.features.lessons.buttons import OpenLesson
from bot.features.menu import flows as screens
from bot.features.menu.buttons import ChooseLanguage
from bot.features.menu.typed_language import language_reader
from bot.features.privacy.pii import Kind, Redaction, any_word, redact
from bot.features.quiz.buttons import AnswerQuiz
from bot.features.quiz.flows import (
    NO_SUCH_LETTER,
    Answering,
    last_letter,
    on_screen,
    tap_to_answer,
)
from bot.features.quiz.waiting import (
    question_on_screen,
    speaks_of_the_question,
)
from bot.features.settings.flows import REVIEWS_ONLY
from bot.features.simpler.buttons import simpler_button
from bot.features.usage.budget import DailyBudget
from bot.features.voice.readings import listen_answer_button, read_answer_aloud
from bot.features.wellbeing.flows import EMERGENCY, distress, names_crisis_lines
from bot.i18n import N_, Translator
from bot.language import UNDETERMINED, LanguageDetector

if TYPE_CHECKING:
    # Only for types: the flows load without the search index.
    from bot.adapters.search import LessonHit, Retriever, SearchResult
    from bot.adapters.search.search import Shown

SEARCH_K: Final = 5
# A web address in a message: "https://…", or "www.…" typed without it.
LINK: Final = re.compile(r"\bhttps?://\S|\bwww\.\w", re.IGNORECASE)
# A quiz option's letter alone, as typed to answer ("b", "C)").
_LONE_LETTER: Final = re.compile(r"\s*[a-d]\s*[).]?\s*", re.IGNORECASE)
# The letters of a quiz question's options (A to D): "e" or "x" alone is no answer.
OPTION_POSITIONS: Final = range(4)
# Questions that make a message several, which one card cannot answer.
SEVERAL_QUESTIONS: Final = 2
# A question is words, then its marks: "c a cause d'une IA??" asks one, "gratuit? un compte?" two.
QUESTIONS_ASKED: Final = re.compile(r"\w[^?]*\?+")
SEVERAL_ASKED: Final = N_(
    "You asked several questions. I answer one at a time: please send the others one by one."
)
# How a question opens, in the three languages: under a quiz, review or check question, words
# that open otherwise ("I'd open it and check the page myself") are an answer in the learner's
# own words, and the card that answered them gave the right option away.
_ASKS: Final = re.compile(
    r"^\W*(?:what|whats|how|why|where|which|who|when|is|are|can|could|do|does|did|should|will|"
    r"would|may|quoi|que|qu|quel|quelle|quels|quelles|comment|pourquoi|quand|combien|où|qui|"
    r"est[- ]ce|c['’ ]?est quoi|c quoi|cest quoi|peut|peux|puis|pouvez|dois|doit|wat|hoe|"
    r"waarom|wanneer|welke|wie|waar|kan|kun|kunt|mag|moet|zijn|heeft|hebben|wa)(?!\w)",
    re.IGNORECASE,
)
MODEL_PASSAGES: Final = 4
# A question of this many words or fewer, outside the course, is too short to tell what it is
# about unless it is this close to an everyday subject (cosine): "since when?" scores 0.09,
# "pizza recipe" 0.47; of the 24 short off-topic development probes, 5 score under it.
VERY_SHORT_WORDS: Final = 3
EVERYDAY_CLOSE: Final = 0.25
CARD_MAX_WORDS: Final = 90
# Under a quiz question, a message longer than this that names no option says something of its
# own ("ok mais moi concretement jvais retrouver du taf ou pas"): it is told it can be asked again
# once the question is answered, not only which letters to tap.
SAYS_MORE_WORDS: Final = 6
ASK_AFTER: Final = N_("Let us finish this question first; then you can write to me again.")
OTHER_LESSONS: Final = 2
MONEY_ADVICE: Final = N_(
    "💶 I give no advice on money or investments. No AI can predict the markets, and apps or ads "
    "that promise easy money with AI are a common scam: before you pay anything, look the "
    "company up in the FSMA's warnings (fsma.be)."
)
OWN_BENEFITS: Final = N_(
    "💼 I cannot see your own file or payments. For your benefits, ask the office that pays "
    "them: your union or the CAPAC for unemployment, your mutuality for sickness, the CPAS for "
    "social aid. Your job coach can help you too."
)
OWN_PAPERS: Final = N_(
    "🪪 I cannot check your own papers. Do not send photos of your identity card or residence "
    "card to me or to any chatbot: they show your national register number. For your papers, "
    "ask your town hall (commune), or a social worker at the CPAS."
)
TRAINER_TOOLS: Final = N_("Your trainer tools (groups, sends, reports) are under /trainer.")
TRANSLATE_ASKED: Final = N_(
    "🌍 I do not translate texts myself. A chatbot or a translation app can: this lesson shows "
    "how, and what to check (names, dates, amounts). For an official letter with a date to "
    "answer by, ask a person to check it too."
)
TO_THE_GROUP: Final = N_(
    "A send goes to the whole group: there is no message to one learner. To reach one person, "
    "use your own way of contacting them."
)
SENDS_ARRIVE: Final = N_(
    "📬 A send reaches the group at once, unless it comes in the group's quiet hours: then it "
    "waits until they end. A planned send goes on the day and at the hour you chose."
)
TAKE_BACK: Final = N_(
    "Sends still planned can be cancelled below. A send already made cannot be taken back: "
    "send the right lesson now, and it is the one their menu suggests."
)

KIND_NAMES: Final[dict[Kind, str]] = {
    Kind.NATIONAL_NUMBER: N_("a national register number"),
    Kind.ID_CARD: N_("an identity card number"),
    Kind.IBAN: N_("a bank account number (IBAN)"),
    Kind.CARD: N_("a bank card number"),
    Kind.PHONE: N_("a phone number"),
    Kind.EMAIL: N_("an e-mail address"),
    Kind.ADDRESS: N_("a home address"),
    Kind.NAME: N_("a name"),  # the learner's own, often: not "someone's"
    Kind.SECRET: N_("a password or a PIN code"),
    Kind.FILE_NUMBER: N_("a file or client number"),
    Kind.HEALTH: N_("a detail about health"),
}


class Opening(Enum):
    """How a reply to a message outside the course begins."""

    REFUSAL = "refusal"  # a question the lessons do not answer: said so
    WELCOME = "welcome"  # a hello or words about oneself, and no question: welcomed
    # A hello, then words about oneself ("hallo ik ben Yasmina"): welcomed, never read by
    # closeness, where the name made it "ik ben weg", and the tutor took a break.
    INTRODUCED = "introduced"
    WARNED = "warned"  # personal data was just warned about: that said enough


def introductions(languages: LanguageRegistry) -> re.Pattern[str]:
    """Return a pattern of the words a learner gives their own name after, in every language."""
    return re.compile(any_word(cue for profile in languages for cue in profile.introductions))


def receipts(languages: LanguageRegistry) -> re.Pattern[str]:
    """Return a pattern of the words that say a message or a call came to the learner."""
    return re.compile(any_word(cue for profile in languages for cue in profile.receipts))


def self_descriptions(languages: LanguageRegistry) -> re.Pattern[str]:
    """Return a pattern of a message that opens with words about oneself ("I am", "ik ben")."""
    cues = (cue for profile in languages for cue in profile.self_descriptions)
    return re.compile(rf"^\W*{any_word(cues)}")


def openers(languages: LanguageRegistry) -> re.Pattern[str]:
    """Return the words any offered language may put before a question, with what follows them."""
    # Every language's: Flemish learners greet with "salut", French ones with "hello".
    words = "|".join(f"(?:{p.search.openers})" for p in languages if p.search.openers)
    return re.compile(rf"^(?:(?:{words})(?![\w'’])[\s,:;.!?-]*)+" if words else "^$", re.I | re.X)


def closings(languages: LanguageRegistry) -> re.Pattern[str]:
    """Return how any offered language may close a message, with a name after, at its end."""
    words = "|".join(f"(?:{p.search.closings})" for p in languages if p.search.closings)
    if not words:
        return re.compile("(?!)")
    # A name signs it: one or two words after the closing (in any case: a message in capitals
    # is read in small letters), or, alone after the question ("… ? Bernard"), one or two
    # capitalised words. A closing opens a sentence: "can I say thanks to chatgpt" is a question.
    # Words of letters only: "… ? BE68-5390-0754-7034" ends with an account number.
    letters = r"[^\W\d_]*(?:['’-][^\W\d_]+)*"
    signed = rf"[^\W\d_]{letters}(?:\s+[^\W\d_]{letters})?"
    name = rf"[A-ZÀ-ÖØ-Þ]{letters}(?:\s+[A-ZÀ-ÖØ-Þ]{letters})?"
    closing = rf"(?i:{words})(?![\w'’])(?:[\s,.]+{signed})?"
    return re.compile(
        rf"(?:(?<=[.?!,;:\n])|^)(?:[\s,.;:!-]*(?:{closing}))+[\s,.;:!-]*$"
        rf"|(?<=\?)\s+{name}[\s.!]*$",
        re.X,
    )


# Laughter and its emoji at either end of a question, in any language ("whats a LLM lol", "mdr",
# "haha"): left in, they are words no lesson has, and the question was refused.
LAUGHTER: Final = re.compile(
    r"^(?:(?:lol|mdr|ptdr|xd|lmao|(?:ha|hi|he|hu){2,}h?|😂|🤣|😅|😆)(?![\w'’])[\s,.!?-]*)+"
    r"|(?<![\w'’])(?:[\s,.!?-]*(?:lol|mdr|ptdr|xd|lmao|(?:ha|hi|he|hu){2,}h?|😂|🤣|😅|😆))+[\s!?.]*$",
    re.IGNORECASE,
)


def _join(t: Translator, items: Sequence[str]) -> str:
    if len(items) == 1:
        return items[0]
    return t.gettext("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


# What a message the learner received carries of its sender: asked about, not shared.
SENDERS_DATA: Final = frozenset({Kind.EMAIL, Kind.PHONE, Kind.IBAN})


def personal_data_warning(
    turn: Turn,
    language: Language,
    kinds: Sequence[Kind],
    privacy_lesson_id: str,
    *,
    received: bool = False,
) -> None:
    """Tell the learner kindly what personal data they shared, and why to keep it to themselves.

    With `received`, the message is about one the learner received ("j'ai reçu un SMS du
    0470…"): its sender's address or number is left out without a lesson on sharing one's own.
    """
    t = turn.services.translators[language]
    shared = _join(t, [t.gettext(KIND_NAMES[kind]) for kind in kinds])
    if received and SENDERS_DATA.issuperset(kinds):
        turn.say(
            t.gettext("🔒 I left {shared} out of your message before reading it.").format(
                shared=shared
            )
        )
        return
    text = "\n".join(
        [
            t.ngettext(
                "🔒 You shared {shared}. I removed it before going on.",
                "🔒 You shared {shared}. I removed them before going on.",
                len(kinds),
            ).format(shared=shared),
            t.gettext(
                "Please do not give personal details to AI tools. "
                "They may keep what you type, and it could be misused."
            ),
        ]
    )
    lesson = turn.course.lesson(language, privacy_lesson_id)
    lesson_button = (
        button(t.gettext("🔒 Lesson: {title}").format(title=lesson.title), OpenLesson(lesson.id))
        if lesson
        else None
    )
    turn.say(text, rows(lesson_button))


def _lesson_button(t: Translator, hit: LessonHit) -> Button:
    return button(t.gettext("📖 {title}").format(title=hit.title), OpenLesson(hit.lesson_id))


class Answers:
    """Answer free questions from the course, with or without the chat model."""

    def __init__(
        self,
        retriever: Lazy[Retriever],
        detector: Lazy[LanguageDetector],
        chains: TutorModel | None,
        budget: DailyBudget,
        course: Course,
        privacy_lesson_id: str,
        checking_lesson_id: str,
        translation_lesson_id: str,
        languages: LanguageRegistry,
        definitions: Definitions,
    ) -> None:
        self.retriever = retriever
        self.detector = detector
        self.chains = chains
        self.budget = budget
        self.privacy_lesson_id = privacy_lesson_id
        self.checking_lesson_id = checking_lesson_id
        self.translation_lesson_id = translation_lesson_id
        self.course = course
        self.reply_language = ReplyLanguageRule(languages)
        self.definitions = definitions
        self._ai_words: dict[Language, Vocabulary] = {}
        self._openers = openers(languages)
        self._closings = closings(languages)
        self._introductions = introductions(languages)
        self._self_descriptions = self_descriptions(languages)
        self._receipts = receipts(languages)
        self._own_contacts = WordBeginnings(w for p in languages for w in p.own_contacts)
        self._reminder_words = WordBeginnings(w for p in languages for w in p.reminders)
        self._trainer_tools = WordBeginnings(w for p in languages for w in p.trainer_tools)
        self._trainer_sends = WordBeginnings(w for p in languages for w in p.trainer_sends)
        self._trainer_alone = WordBeginnings(w for p in languages for w in p.trainer_alone)
        self._trainer_reports = WordBeginnings(w for p in languages for w in p.trainer_reports)
        self._trainer_timing = WordBeginnings(w for p in languages for w in p.trainer_timing)
        self._trainer_sent = WordBeginnings(w for p in languages for w in p.trainer_sent)
        self._trainer_cancels = WordBeginnings(w for p in languages for w in p.trainer_cancels)
        # Each language's own: "pain" is an ailment in English and bread in French.
        self._ailments = {p.code: WordBeginnings(p.ailments) for p in languages}
        self._medicines = {p.code: WordBeginnings(p.medicines) for p in languages}
        self._investments = {p.code: WordBeginnings(p.investments) for p in languages}
        self._benefits = {p.code: WordBeginnings(p.benefits) for p in languages}
        self._payments = {p.code: WordBeginnings(p.payments) for p in languages}
        self._own_papers = {p.code: WordBeginnings(p.own_papers) for p in languages}
        self._translations = {p.code: WordBeginnings(p.translations) for p in languages}
        self._claim_questions = {
            p.code: WordBeginnings(p.claim_questions, whole=True) for p in languages
        }
        self._claim_sources = {p.code: WordBeginnings(p.claim_sources) for p in languages}
        self._sharing = {p.code: WordBeginnings(p.sharing) for p in languages}
        self._health_words = {
            p.code: WordBeginnings((*p.ailments, *p.medicines, *p.conditions)) for p in languages
        }

    async def _language(self, turn: Turn, text: str) -> ReplyLanguage:
        if not can_switch(text):
            # Too short to switch: the detector (perhaps still loading) is not needed.
            return ReplyLanguage(turn.language, switched=False)
        detector = await self.detector.wait()
        return self.reply_language.choose(text, turn.language, detector)

    def _vocabulary(self, language: Language) -> Vocabulary:
        # Built on the first question in each language, not while the tutor starts.
        if language not in self._ai_words:
            self._ai_words[language] = ai_vocabulary(self.course, language)
        return self._ai_words[language]

    async def answer(self, turn: Turn, text: str) -> None:
        """Answer one question: personal data first, then its language, the course, the model."""
        text = LAUGHTER.sub("", text).strip() or text
        text = self._closings.sub("", text).strip() or text
        after_greeting = self._openers.sub("", text)
        redaction = redact(after_greeting or text)
        reply = await self._language(turn, redaction.bare)
        language = reply.language
        if redaction.kinds == (Kind.NAME,):
            # "je m'appelle Monique": a learner introducing themselves is told, not warned.
            t = turn.services.translators[language]
            if not has_letters(self._introductions.sub("", redaction.bare)):
                # Nothing but the introduction: greeted, not read as a question.
                said = t.gettext(
                    "Nice to meet you! 👋 I do not keep the names you write, so I left yours "
                    "out. Ask me a question about AI, or tap a button."
                )
                turn.say(said, rows(screens.way_back(turn, t), screens.menu_button(t)))
                return
            if not turn.replies:
                # After the lines that listen ("mijn vrouw Maria is twee jaar geleden gestorven…"),
                # a note on leaving her name out read as cold: it is left out without a word.
                turn.say(t.gettext("🔒 I do not keep the names you write, so I left it out."))
        elif redaction.found:
            # A sender's address or number, asked about; not the learner's own, named as such.
            received = bool(
                self._receipts.search(redaction.bare.replace("’", "'"))
            ) and not self._own_contacts.found_in(redaction.bare)
            personal_data_warning(
                turn, language, redaction.kinds, self.privacy_lesson_id, received=received
            )
        if LINK.search(redaction.bare):
            self._link(turn)
            return
        under_a_question = question_on_screen(turn)
        # "i dont understand the word algorithm" under a question asks, as "what is…?" does.
        asks = "?" in text or _ASKS.match(redaction.bare)
        if under_a_question and not (
            asks or self.definitions.asks_about_a_word(redaction.bare, language)
        ):
            self._tap_to_answer(turn, turn.t, redaction.bare)
            return
        if tool := await self._trainer_tool_asked(turn, redaction.bare):
            # "hoe stuur ik een les naar mijn groep?" from a trainer got a lesson card on
            # anonymising letters: the lessons are for learners, the tools are in the menu.
            command, said = tool
            turn.say(turn.t.gettext(said))
            await run_command(turn, command, "trainer")
            return
        if not has_letters(redaction.bare):
            # "7" where no button has that number, a date, a sum: nothing the lessons answer.
            t = turn.t
            said = (
                t.gettext("No button here has that number. Tap a button, or write your question.")
                if any(char.isdigit() for char in redaction.bare)
                else t.gettext(
                    "I see no words there. Tap a button, or write your question in words."
                )
            )
            turn.say(said, rows(screens.continue_button(t), screens.menu_button(t)))
            return
        if (foreign := (await self.detector.wait()).foreign(redaction.bare)) is not None:
            self._languages_read(turn, turn.t, foreign)
            return
        question, shown = await self._standalone(turn, redaction, language)
        # "Bonjour, je suis Josée, j'ai 78 ans": a hello and a few words about oneself, no
        # question; "je m'appelle Sophie et j'ai 60 ans" is one too, without the hello, and so
        # is "i am Amir from Syria, i live in Liège", which was refused.
        introduced = (
            redaction.kinds == (Kind.NAME,) and self._introductions.search(redaction.bare)
        ) or self._self_descriptions.match(redaction.bare)
        greeting = (after_greeting != text or bool(introduced)) and "?" not in text
        # "my phone is 0478 12 34 56 please call me": after the warning, "That is not in my
        # lessons" came as a second, colder no.
        opening = (
            Opening.INTRODUCED
            if greeting and introduced and after_greeting != text
            else Opening.WELCOME
            if greeting
            else Opening.WARNED
            if redaction.found and not introduced
            else Opening.REFUSAL
        )
        answered_from = len(turn.replies)
        answered = await self._respond(
            turn, language, question, opening=opening, shown=shown, typed=redaction.text
        )
        if not answered:
            return
        # Kept for the keep-language button, and for the next question, which may lean on it
        # when it is about the course ("will it rain tomorrow?" is no question to lean on).
        kept = await remember(turn, language, question.text)
        if reply.switched:
            # Only over an answer from the course, which the button gives again in the learner's
            # language: "wa bedoel je met content" under an English quiz was told "I answer in
            # Dutch", then got the words of the question in English, as small talk answers.
            turn.replies.insert(answered_from, self._switch_notice(turn, language, kept))

    def _link(self, turn: Turn) -> None:
        """Say that links stay unopened, and where the course teaches to check what they show."""
        # A link is neither opened nor kept: what is behind it is unknown, and may be personal.
        self._to_checking(
            turn,
            turn.t.gettext(
                "I do not open links. To know whether what you saw online is real, check it "
                "yourself: this lesson shows you how."
            ),
        )

    def _claim(self, turn: Turn, *, health: bool) -> None:
        """Say that the tutor cannot tell whether a claim seen online is true, and who can."""
        t = turn.t
        said = t.gettext(
            "🔍 I cannot tell you whether this is true: I only know my lessons. You can check "
            "it yourself: who posted it? Do trusted news sites say it too? Does it promise a "
            "miracle or make you angry? This lesson shows you how."
        )
        if health:
            # "a nurse on TikTok says lemon cures cancer": the check, and who to trust on health.
            said += "\n" + t.gettext(
                "🩺 For your health, trust your doctor or pharmacist, not a video or a post."
            )
        self._to_checking(turn, said)

    def _to_checking(self, turn: Turn, said: str) -> None:
        """Say something, with a button to the lesson on checking what one sees online."""
        _with_lesson(turn, said, self.checking_lesson_id)

    async def again(self, turn: Turn, chosen: AnswerInMyLanguage) -> None:
        """Answer a kept question again, in the learner's own language."""
        kept = next((q for q in await recent_questions(turn) if q.id == chosen.question), None)
        if kept is None:
            t = turn.t
            turn.say(
                t.gettext(
                    "I no longer have that question: I keep questions for a short time only. "
                    "Please ask it again."
                ),
                rows(screens.menu_button(t)),
            )
            return
        # Searched in the language it was written in, which the lessons share with the learner's:
        # searched in the learner's, a French question found no English lesson and was refused.
        await self._respond(turn, turn.language, redact(kept.text), asked_in=kept.language)

    def _switch_notice(self, turn: Turn, language: Language, question_id: int) -> Message:
        # In the message's language (each catalog names its own), the button to keep the
        # learner's language in theirs. A learner who chose a language by mistake ("je comprends
        # rien c'est en néerlandais") can take the message's for good in one tap.
        written = turn.services.translators[language]
        said = written.gettext("🌐 You wrote in English, so I answer in English.")
        # Named, not "my language": French and Dutch share a flag, and "ma langue" under a Dutch
        # line read as either.
        mine = turn.t.gettext("{flag} Answer in English").format(flag=turn.profile.flag)
        always = written.gettext("{flag} Always answer in English").format(
            flag=turn.services.languages.profile(language).flag
        )
        keep = button(mine, AnswerInMyLanguage(question_id))
        return Message(said, rows(keep, button(always, ChooseLanguage(language))))

    async def _standalone(
        self, turn: Turn, redaction: Redaction, language: Language
    ) -> tuple[Redaction, Shown | None]:
        """Rewrite a follow-up with the model, from the learner's last questions.

        Without a model, return it read after the question before, with the card shown for that
        one (`_with_last_question`).
        """
        if self.chains is None:
            return await self._with_last_question(turn, redaction, language)
        earlier = await recent_questions(turn)
        names_a_topic = bool(self._vocabulary(language).find(redaction.bare))
        follow_ups = turn.services.languages.profile(language).follow_ups
        if not earlier or not looks_like_follow_up(redaction.bare, follow_ups, names_a_topic):
            return redaction, None
        call = partial(self.chains.standalone, redaction.text, [q.text for q in earlier], language)
        outcome = await self.budget.spend(turn, call)
        # The model only saw redacted text; what it wrote is checked all the same.
        return (redact(outcome.question) if isinstance(outcome, Standalone) else redaction), None

    async def _with_last_question(
        self, turn: Turn, redaction: Redaction, language: Language
    ) -> tuple[Redaction, Shown | None]:
        """Read a follow-up after the learner's last question, when it cannot stand alone.

        Also return the card that answered the last question: read together, the two questions
        found it again for 43 of the 60 course follow-ups of eval/follow-ups read so, and the
        learner has just read it.
        """
        follow_ups = turn.services.languages.profile(language).follow_ups
        bare = redaction.bare
        if not may_follow(bare, follow_ups):
            return redaction, None
        earlier = await recent_questions(turn)
        if not earlier:
            return redaction, None
        retriever = await self.retriever.wait()
        alone = await retriever.search(bare, language, k=SEARCH_K)
        last = earlier[-1].text
        # After "what is a deepfake?", the term is the context: "what is" would pull the
        # follow-up back to the card that defines it.
        asked_about = self.definitions.find(last, language)
        context = asked_about.term.term if asked_about else last
        names_a_topic = self._names_a_topic(language, bare, alone)
        together = read_after(redaction.text, context, alone, names_a_topic, follow_ups)
        if together is None:
            return redaction, None
        # The card the last question's search shows; after a definition, the card the term alone
        # finds, which says what the definition said ("C'est quoi, un deepfake ?").
        answered = (await retriever.search(context, language, k=1)).hits
        return Redaction(together, redaction.kinds), answered[0].shown if answered else None

    def _definition_asked(
        self, text: str, language: Language, languages: Sequence[Language]
    ) -> Definition | None:
        """Return the definition a question asks for, read in its language, then in the others."""
        others = (other for other in languages if other != language)
        for reading in (language, *others):
            if (definition := self.definitions.find(text, reading)) is not None:
                return definition
        return None

    def _picks_another_language(self, turn: Turn, text: str) -> bool:
        """Tell whether a message picks a language other than the learner's, and nothing more."""
        # Read from its words, not from the detector, which keeps a short message in the
        # learner's language: "jcomprend rien remet en francais" got a refusal in Dutch.
        typed = language_reader(turn.services.languages).read(text)
        return typed is not None and typed.language != turn.language and not typed.question

    def _names_a_topic(self, language: Language, text: str, result: SearchResult) -> bool:
        vocabulary = self._vocabulary(language)
        # As the search read it too: an acronym typed in small letters ("l'ia") is the course's.
        return bool(vocabulary.find(text) or vocabulary.find(result.read_as))

    async def _respond(
        self,
        turn: Turn,
        language: Language,
        redaction: Redaction,
        *,
        asked_in: Language | None = None,
        opening: Opening = Opening.REFUSAL,
        shown: Shown | None = None,
        typed: str | None = None,
    ) -> bool:
        """Answer a redacted question in a language: from the course, then the model.

        A question written in another language (`asked_in`) is read in that language and
        answered with the same glossary term or lesson cards in `language`; it was kept for the
        trainers, if need be, when first asked. `shown` is the card that answered the question
        this one follows up: its lesson answers with another. `typed` is what the learner wrote,
        which the trainers read: a follow-up is searched read after the question before it, and
        kept as written. Return whether the question is about the course.
        """
        question = redaction.text
        kept = typed or question
        t = turn.services.translators[language]
        read_in = asked_in or language
        follow_ups = turn.services.languages.profile(read_in).follow_ups
        # The glossary answers "what is X" for its own words, with or without a chat model; asked
        # in words of another language ("what is a chatbot?" from a Dutch learner) too short to
        # switch the reply's language, it is still the same question.
        definition = self._definition_asked(redaction.bare, read_in, turn.services.languages.codes)
        if definition is not None:
            await say_definition(turn, t, self.definitions.of(definition, language), language)
            if _several(kept, follow_ups):
                turn.say(t.gettext(SEVERAL_ASKED))
            return True
        retriever = await self.retriever.wait()
        # "sorry i dont understand the word pattern" is searched as "what does the word pattern
        # mean": the words around the question outweighed it, and it was refused.
        searched = self.definitions.searched(redaction.bare, read_in) or redaction.bare
        result = await retriever.search(searched, read_in, k=SEARCH_K, shown=shown)
        # "cest quoi lia": a definition question once its words are spelt as the course does.
        if result.read_as != redaction.bare and (
            definition := self.definitions.find(result.read_as, read_in)
        ):
            await say_definition(turn, t, self.definitions.of(definition, language), language)
            return True
        hits = self._hits_in(language, result)
        names_a_topic = self._names_a_topic(read_in, searched, result)
        # The lesson on screen (a card, its quiz), not one only offered next after a quiz.
        reading = None if isinstance(turn.state, Idle) else turn.state.lesson_id
        if not on_topic(result, names_a_topic, reading):
            await self._off_topic(turn, t, language, redaction.bare, result, opening=opening)
            return False
        shares = self._sharing[read_in].found_in(redaction.bare)
        if self._medicines[read_in].found_in(redaction.bare) and not shares:
            # "chatgpt m'a dit de prendre 2 dafalgan, c bon ?": the lesson on checking answers
            # follows, but who to ask comes first.
            turn.say(_health_advice(t))
        if self._investments[read_in].found_in(redaction.bare):
            # "Can AI predict the stock market?" got "AI makes predictions", and "which stocks
            # should I buy with AI?" a card on agents: a job seeker short of money could read
            # either as a yes.
            turn.say(t.gettext(MONEY_ADVICE))
        if self._benefits[read_in].found_in(redaction.bare) and self._payments[read_in].found_in(
            redaction.bare
        ):
            # "quand est-ce que l'onem paie les allocations ?" got a card on the right to an
            # explanation, and nothing on who pays.
            turn.say(t.gettext(OWN_BENEFITS))
        if not result.confident:
            # About AI, but no lesson comes close enough: say so, show the closest card all the
            # same (on the learner development questions, the right lesson for 30 of 40), and
            # keep the question for the trainers.
            saved = asked_in is None and await self._keep_for_trainers(turn, language, kept)
            # The suicide lines are no guess: "my son is on TikTok all day, is that dangerous?"
            # got them, from the lesson on chatbots as friends.
            guessed = [hit for hit in hits if not names_crisis_lines(hit.passage)] or hits
            await self._card_answer(
                turn,
                t,
                language,
                guessed,
                unsure=True,
                kept=saved,
                several=_several(kept, follow_ups),
            )
            return True
        if names_crisis_lines(hits[0].passage) and not distress().seeks_help(redaction.bare):
            # The lines to call answer a question after someone to talk to, not one that only
            # shares the card's words of feeling: "mon petit fils parle avec une ia comme un
            # copain, j'ai peur pour lui" got the suicide lines. Another card of the lesson.
            result = await retriever.search(
                searched, read_in, k=SEARCH_K, shown=result.hits[0].shown
            )
            hits = self._hits_in(language, result)
        ask = partial(self._ask_model, question, language, hits) if self.chains else None
        outcome = await self.budget.spend(turn, ask)
        if isinstance(outcome, GroundedAnswer):
            if outcome.covered:
                await self._model_answer(turn, t, language, outcome, hits)
            else:
                await self._unknown(turn, t, language, kept, hits, keep=asked_in is None)
            return True
        if outcome is Unavailable.DAILY_LIMIT:
            turn.say(
                t.gettext(
                    "You asked many questions today. Here is what the lessons say. "
                    "Tomorrow I can explain in my own words again."
                )
            )
        await self._card_answer(turn, t, language, hits, several=_several(kept, follow_ups))
        return True

    def _hits_in(self, language: Language, result: SearchResult) -> tuple[LessonHit, ...]:
        """Return a search's lessons and cards in a language (the course's are parallel)."""
        if result.language == language:
            return result.hits
        found = []
        for hit in result.hits:
            lesson = self.course.lesson(language, hit.lesson_id)
            if lesson is None:
                continue
            card = hit.card_index if hit.card_index is not None else 0
            passage = lesson.cards[min(card, len(lesson.cards) - 1)].text
            found.append(replace(hit, title=lesson.title, passage=passage))
        return tuple(found)

    async def _ask_model(
        self, question: str, language: Language, hits: Sequence[LessonHit]
    ) -> GroundedAnswer:
        assert self.chains is not None
        passages = [
            Passage(number, hit.title, hit.passage)
            for number, hit in enumerate(hits[:MODEL_PASSAGES], start=1)
        ]
        return await self.chains.answer(question, language, passages)

    async def _model_answer(
        self,
        turn: Turn,
        t: Translator,
        language: Language,
        answer: GroundedAnswer,
        hits: Sequence[LessonHit],
    ) -> None:
        used = [hits[n - 1] for n in answer.sources] or hits[:1]
        titles = _join(t, [f"“{hit.title}”" for hit in used])
        source = t.ngettext(
            "📚 From the lesson {titles}", "📚 From the lessons {titles}", len(used)
        ).format(titles=titles)
        listen = await listen_answer_button(turn, answer.text, language)
        turn.say(
            f"{answer.text}\n\n{source}",
            rows(
                screens.way_back(turn, t),
                *(_lesson_button(t, hit) for hit in used),
                listen,
                screens.menu_button(t),
            ),
        )
        await read_answer_aloud(turn, answer.text, language)

    async def _card_answer(
        self,
        turn: Turn,
        t: Translator,
        language: Language,
        hits: Sequence[LessonHit],
        *,
        unsure: bool = False,
        kept: bool = False,
        several: bool = False,
    ) -> None:
        """Answer with the best lesson's card; `unsure` when no lesson comes close enough.

        `several` when the message asked several questions, of which one card answers one.
        """
        # The retriever gives one hit per lesson, best first.
        best, *others = hits
        passage = trim_words(best.passage, CARD_MAX_WORDS)
        source = t.gettext("This comes from the lesson “{title}”.").format(title=best.title)
        parts = [passage, source]
        if unsure:
            parts.insert(
                0, t.gettext("🤔 I am not sure my lessons answer that. The closest I have:")
            )
        if several:
            # "…is het veilig om mijn cv in chatgpt te plakken? … moet ik betalen voor chatgpt
            # plus? … wat vind jij van copilot?" got one card, and the question on safety was
            # silently dropped.
            parts.append(t.gettext(SEVERAL_ASKED))
        if kept:
            parts.append(
                t.gettext("I saved your question, without personal details, for the trainers.")
            )
        open_button = button(t.gettext("📖 Open the lesson"), OpenLesson(best.lesson_id))
        # The card in simpler words, as under the lesson's own card: "can you say more simple
        # please" after an answer simplified the card of the lesson in progress.
        simpler = (
            simpler_button(t, best.lesson_id, best.card_index)
            if best.card_index is not None
            else None
        )
        close = [_lesson_button(t, hit) for hit in others[:OTHER_LESSONS]]
        listen = await listen_answer_button(turn, passage, language)
        turn.say(
            "\n\n".join(parts),
            rows(
                screens.way_back(turn, t),
                open_button,
                simpler,
                *close,
                listen,
                screens.menu_button(t),
            ),
        )
        # All that is shown: an unsure answer read without its "not sure" would sound sure.
        await read_answer_aloud(turn, "\n\n".join(parts), language)

    async def _keep_for_trainers(self, turn: Turn, language: Language, question: str) -> bool:
        """Keep a (redacted) question the lessons may not answer for the trainers, if any.

        Return whether it was kept: a learner in no group has no trainer to read it, and what
        no one reads is not stored.
        """
        if not await turn.services.questions_read(turn.uow, turn.learner):
            return False
        await turn.repo(QUESTIONS).record(turn.learner.id, language, question, turn.now)
        return True

    async def _unknown(
        self,
        turn: Turn,
        t: Translator,
        language: Language,
        question: str,
        hits: Sequence[LessonHit],
        *,
        keep: bool = True,
    ) -> None:
        """Say the lessons do not answer; keep the question for the trainers unless told not to."""
        lines = [t.gettext("I am sorry, my lessons do not answer that question.")]
        if keep and await self._keep_for_trainers(turn, language, question):
            lines.append(
                t.gettext("I saved your question, without personal details, for the trainers.")
            )
        closest = hits[: OTHER_LESSONS + 1]
        if closest:
            lines.append(t.gettext("These lessons come closest:"))
        all_lessons = screens.lessons_button(t)
        turn.say(
            "\n".join(lines),
            rows(
                screens.way_back(turn, t),
                *(_lesson_button(t, hit) for hit in closest),
                all_lessons,
                screens.menu_button(t),
            ),
        )

    def _ask_whole_question(self, turn: Turn, t: Translator) -> None:
        turn.say(
            t.gettext(
                "I do not know what this question is about. Please write the whole question, "
                "for example: “Can I use ChatGPT at work?”"
            ),
            rows(screens.way_back(turn, t), screens.menu_button(t)),
        )

    async def _off_topic(
        self,
        turn: Turn,
        t: Translator,
        language: Language,
        bare: str,
        result: SearchResult,
        *,
        opening: Opening,
    ) -> None:
        """Answer a message the topic gate finds outside the course, as kindly as it allows."""
        if self._asks_for_reminders(bare):
            # "rappelle-moi demain à 18h": the reminders are in the settings, a tap away. Said
            # first, as they remind of reviews only: "rappelez-moi mon rendez-vous chez le
            # docteur" got the settings alone, and read as if the tutor would.
            turn.say(t.gettext(REVIEWS_ONLY))
            if await run_command(turn, "settings"):
                return
        if self._picks_another_language(turn, bare):
            # "oups je me suis trompée, je veux le français" from a learner set to Dutch: the
            # language buttons, one tap from the language they ask for, not a refusal.
            await screens.ask_language(turn)
            return
        state = turn.state
        answering = (
            isinstance(state, Answering)
            and bool(state.asked)
            and on_screen(turn, AnswerQuiz.action)
        )
        if not answering and turn.course.speech_list(language).letter(bare) in OPTION_POSITIONS:
            # "b" or "c'est la B" from a learner back the next day, answering a question no longer
            # on screen: read by closeness to "bye" or "brb", they got "let us take a break".
            turn.say(
                t.gettext(
                    "No question is waiting for an answer here. Tap ▶ Continue to go on where "
                    "you were."
                ),
                rows(screens.continue_button(t), screens.menu_button(t)),
            )
            return
        if answering and word_count(bare) <= SHORT_WORDS:
            # "a or b", "not a", "celle du milieu" under a quiz question: an answer the options
            # did not read, not a question to write whole.
            self._tap_to_answer(turn, t, bare)
            return
        # "And at work?", "is it safe?", "since when?": a question that leans on one before it,
        # which the search cannot read alone, gets a request for the whole question, not a
        # refusal. A longer one with a pronoun stands alone ("quel temps fait-il à Liège
        # demain ?"), and so does a short one close to an everyday subject ("météo demain").
        follow_ups = turn.services.languages.profile(language).follow_ups
        words = word_count(bare)
        # "il" in "quel temps fera-t-il demain ?" stands for nothing said before: a short
        # question with a pronoun, close to an everyday subject, is refused as one.
        leans_back = (
            refers_back(bare, follow_ups)
            and words <= SHORT_WORDS
            and result.signals.everyday < EVERYDAY_CLOSE
        )
        if self._investments[language].found_in(bare) and not answering:
            turn.say(
                t.gettext(MONEY_ADVICE), rows(screens.way_back(turn, t), screens.menu_button(t))
            )
        elif self._benefits[language].found_in(bare) and not answering:
            turn.say(
                t.gettext(OWN_BENEFITS), rows(screens.way_back(turn, t), screens.menu_button(t))
            )
        elif self._own_papers[language].found_in(bare) and not answering:
            turn.say(t.gettext(OWN_PAPERS), rows(screens.way_back(turn, t), screens.menu_button(t)))
        elif self._translations[language].found_in(bare) and not answering:
            # "Can you translate for me please: 'Geachte mevrouw…'" was refused: the pasted
            # letter outweighed the question, and the lesson on translating is the answer.
            _with_lesson(turn, t.gettext(TRANSLATE_ASKED), self.translation_lesson_id)
        elif self._asks_to_check_a_claim(bare, language) and not answering:
            self._claim(turn, health=self._health_words[language].found_in(bare))
        elif self._speaks_of_ailments(bare, language) and not answering:
            # Before all else: "j'ai mal au dos, je dois faire quoi" came as close to "what do I
            # do?" as help does, and "il a de la fièvre" leans on no question before it.
            await self._redirect(turn, t, health=True)
        elif opens_as_follow_up(bare, follow_ups) or (leans_back and "?" in bare):
            self._ask_whole_question(turn, t)
        elif opening is not Opening.INTRODUCED and await read_as_stray(turn, bare):
            # "c'est quoi mon score", "kunde da herhalen?": small talk worded freely; and "ça me
            # stresse beaucoup", no question, whose "ça" stands for nothing asked before.
            return
        elif leans_back or (
            words <= VERY_SHORT_WORDS
            and result.signals.everyday < EVERYDAY_CLOSE
            # "hoi 👋 ik ben hanne" is no question cut short: "write the whole question" was a
            # cold first hello.
            and opening not in (Opening.WELCOME, Opening.INTRODUCED)
        ):
            self._ask_whole_question(turn, t)
        elif answering:
            # "enlever mon nom et adresse": an answer in the learner's own words, not a question
            # outside the course to refuse.
            self._tap_to_answer(turn, t, bare)
        else:
            await self._redirect(turn, t, opening=opening)

    def _languages_read(self, turn: Turn, t: Translator, written_in: str) -> None:
        """Say, in the learner's language, which languages the tutor reads and writes."""
        # An Arabic question about AI got "I can only help you learn about AI": the learner
        # asked exactly that, in a language the course does not speak.
        names = [t.language_name(code) for code in turn.services.languages.codes]
        said = (
            t.gettext(
                "Sorry, I cannot read this language. I understand {languages}: please write your "
                "question in one of them."
            )
            if written_in == UNDETERMINED
            else t.gettext(
                "Sorry, I cannot read {language}. I understand {languages}: please write your "
                "question in one of them."
            )
        )
        turn.say(
            said.format(language=t.language_name(written_in), languages=_join(t, names)),
            rows(screens.way_back(turn, t), screens.menu_button(t)),
        )

    def _tap_to_answer(self, turn: Turn, t: Translator, typed: str) -> None:
        last = last_letter(turn)
        # "d" under a question with answers A to C: "type it: b" did not say why "d" was not one.
        beyond = last is not None and bool(_LONE_LETTER.fullmatch(typed))
        said = (
            t.gettext(NO_SUCH_LETTER).format(last=last)
            if beyond and typed.strip(" ).").upper() > str(last)
            else tap_to_answer(t, turn.shown)
        )
        if word_count(typed) > SAYS_MORE_WORDS and not speaks_of_the_question(turn, typed):
            # Answered here, it could give the question's answer away; a bare "tap a letter"
            # ignored a worry ("jvais retrouver du taf ou pas").
            said = f"{t.gettext(ASK_AFTER)} {said}"
        # Only ▶ Continue: the question stays on screen, and a letter typed next answers it.
        turn.say(said, rows(screens.continue_button(t)))

    async def _trainer_tool_asked(self, turn: Turn, text: str) -> tuple[str, str] | None:
        """Return the trainer command a trainer's message asks for, and what to say before it."""
        cancel = self._trainer_cancels.found_in(text)
        report = self._trainer_reports.found_in(text)
        send = self._trainer_sends.found_in(text)
        when = self._trainer_timing.found_in(text) and (send or self._trainer_sent.found_in(text))
        if not (cancel or report or send or when or self._trainer_tools.found_in(text)):
            return None
        if "trainer" not in await turn.services.audiences(turn.uow, turn.learner):
            return None
        if cancel:
            return "scheduled", TAKE_BACK
        if when:
            return "trainer", SENDS_ARRIVE
        if send and self._trainer_alone.found_in(text):
            # "je veux seulement voir mon groupe" singles nobody out: only a send can.
            return "trainer", TO_THE_GROUP
        return ("report" if report else "push" if send else "trainer"), TRAINER_TOOLS

    def _asks_to_check_a_claim(self, text: str, language: Language) -> bool:
        """Tell whether a message asks if something seen or heard is true ("vu sur tiktok…")."""
        return self._claim_questions[language].found_in(text) and self._claim_sources[
            language
        ].found_in(text)

    def _speaks_of_ailments(self, text: str, language: Language) -> bool:
        """Tell whether a message names an everyday ailment ("j'ai de la fièvre", "hoofdpijn")."""
        return self._ailments[language].found_in(text)

    def _asks_for_reminders(self, text: str) -> bool:
        """Tell whether a message speaks of reminders ("rappelle-moi demain à 18h")."""
        return self._reminder_words.found_in(text)

    async def _redirect(
        self,
        turn: Turn,
        t: Translator,
        *,
        opening: Opening = Opening.REFUSAL,
        health: bool = False,
    ) -> None:
        """Say kindly what the tutor is for: after a hello without a question, as a welcome."""
        first = {
            Opening.WELCOME: t.gettext("Hello! 👋 I am your AI tutor."),
            Opening.INTRODUCED: t.gettext("Hello! 👋 I am your AI tutor."),
            Opening.REFUSAL: _refusal(t, health=health),
            Opening.WARNED: _health_advice(t) if health else None,
        }[opening]
        lines = [
            *([first] if first else []),
            t.gettext(
                "I can explain AI words, answer questions about chatbots, privacy or fake "
                "news, and teach you short lessons with quizzes."
            ),
            t.gettext("You can ask me, for example: “What is a chatbot?” or “What is a deepfake?”"),
        ]
        if "trainer" in await turn.services.audiences(turn.uow, turn.learner):
            # "Stuur morgen de volgende les naar mijn groep" from a trainer: the chat reads no
            # such request, and the learner's refusal alone left them looking for their tools.
            lines.append(t.gettext(TRAINER_TOOLS))
        text = "\n".join(lines)
        all_lessons = screens.lessons_button(t)
        turn.say(text, rows(screens.way_back(turn, t), all_lessons, screens.menu_button(t)))


class WordBeginnings:
    """Find a word that starts with one of some beginnings ("rappel", "mal au"), folded."""

    def __init__(self, beginnings: Iterable[str], *, whole: bool = False) -> None:
        listed = "|".join(re.escape(_plain(beginning)) for beginning in beginnings)
        # Whole phrases end where a word ends: "c est vrai" is not "c est vraiment".
        end = r"(?!\w)" if whole else ""
        self._pattern = re.compile(rf"(?<!\w)(?:{listed}){end}") if listed else None

    def found_in(self, text: str) -> bool:
        """Tell whether a word of the text, without accents nor capitals, starts with one."""
        return self._pattern is not None and bool(self._pattern.search(_plain(text)))


def _with_lesson(turn: Turn, said: str, lesson_id: str) -> None:
    """Say something, with a button to a lesson of the course when it has that one."""
    t = turn.t
    lesson = turn.course.lesson(turn.language, lesson_id)
    lesson_button = (
        button(t.gettext("🔍 Lesson: {title}").format(title=lesson.title), OpenLesson(lesson.id))
        if lesson
        else None
    )
    turn.say(said, rows(screens.way_back(turn, t), lesson_button, screens.menu_button(t)))


def _plain(text: str) -> str:
    """Return a text without accents nor capitals, its apostrophes and hyphens as spaces."""
    # "est-ce vrai" and "l'onem" are typed with marks that the listed phrases write as spaces.
    folded = fold(text).casefold()
    for mark in ("'", "’", "-"):
        folded = folded.replace(mark, " ")
    return folded


def _health_advice(t: Translator) -> str:
    """Say that the tutor gives no medical advice, and who does."""
    return t.gettext(
        "🩺 I am a computer program and cannot give medical advice. Ask your doctor or a "
        "pharmacist. In an emergency, call {emergency}: it is free, day and night."
    ).format(emergency=EMERGENCY)


def _refusal(t: Translator, *, health: bool) -> str:
    """Say that the course does not answer a question, and who does when health is at stake."""
    if health:
        # "j'ai mal au dos, je dois faire quoi", "mijn zoon heeft koorts": a bare refusal left
        # a worried learner with nowhere to turn.
        return _health_advice(t)
    return t.gettext("That is not in my lessons, so I cannot answer it.")


def _several(question: str, follow_ups: FollowUpWords) -> bool:
    """Tell whether a message asks several questions ("…? …? …?")."""
    asked = QUESTIONS_ASKED.findall(question)
    # "and for my job? I work in a nursing home. Can I…?": a short first one that goes on from
    # the last answer leads into the next, and "please send the others one by one" left the
    # learner wondering what to send. "… ? en moet ik betalen?" still asks two.
    if asked and word_count(asked[0]) <= SHORT_WORDS and opens_as_follow_up(asked[0], follow_ups):
        asked = asked[1:]
    return len(asked) >= SEVERAL_QUESTIONS
