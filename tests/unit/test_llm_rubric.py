"""The rubric checker judges practice prompts by rules in French, Dutch and English."""

from __future__ import annotations

import pytest
import yaml

from bot.config import Language
from bot.core.languages import BUILT_IN, ENGLISH
from bot.course.loader import load_course
from bot.course.model import PracticeTask
from bot.features.practice.rubric import (
    Criterion,
    Verdict,
    check,
    check_in_any,
    is_attempt,
    is_on_task,
    topics_addressed,
)
from bot.paths import PROJECT_ROOT


@pytest.mark.parametrize(
    ("language", "prompt"),
    [
        (
            "en",
            "Summarise this letter from my commune in three points. "
            "I am not at ease with official French.",
        ),
        (
            "fr",
            "Écris un e-mail poli à ma commune pour demander un rendez-vous. "
            "Je suis libre le mardi. Cinq lignes maximum.",
        ),
        (
            "nl",
            "Schrijf een korte e-mail aan mijn gemeente. Ik wil een afspraak "
            "voor een nieuwe identiteitskaart. Maximaal vijf zinnen.",
        ),
        # Learners often type without accents and with curly apostrophes.
        ("fr", "ecris une lettre courte pour mon proprietaire, j’ai un probleme de chauffage"),
        # Other verbs a task starts with, and the Flemish "ge".
        ("fr", "Cite trois applis sur mon GSM qui utilisent l'IA, une ligne pour chacune."),
        ("en", "Name 3 phone apps that use AI, one line each. im new to this"),
        (
            "nl",
            "Kunt ge een korte mail schrijven naar mijn gemeente voor een afspraak? "
            "Maximaal vijf zinnen.",
        ),
        # A role and questions one at a time, as the lesson on job interviews teaches: the
        # French one had no clear task and none had a format.
        (
            "en",
            "You are a recruiter for a job as a warehouse worker. Ask me one question at a "
            "time. Wait for my answer.",
        ),
        (
            "fr",
            "Tu es recruteur pour un poste de magasinier. Pose-moi une question à la fois. "
            "Attends ma réponse.",
        ),
        (
            "nl",
            "Jij bent rekruteerder voor een job als magazijnmedewerker. Stel me één vraag per "
            "keer. Wacht op mijn antwoord.",
        ),
        # Written as a learner of English writes: it had no clear task and no context.
        (
            "en",
            "you are recruter for admin job at the commune. ask me 3 question one by one and "
            "say me what is good",
        ),
    ],
)
def test_a_complete_prompt_meets_every_criterion(language: Language, prompt: str) -> None:
    verdict = check(prompt, BUILT_IN.profile(language).rubric)
    assert verdict == Verdict(clear_task=True, context=True, format=True, no_personal_data=True)
    assert verdict.score == 4
    assert verdict.first_gap is None


@pytest.mark.parametrize(
    ("language", "prompt", "gap"),
    [
        ("en", "identity card", Criterion.CLEAR_TASK),
        ("fr", "carte d'identité commune", Criterion.CLEAR_TASK),
        ("nl", "identiteitskaart gemeente", Criterion.CLEAR_TASK),
        ("en", "Write an email to ask for an appointment.", Criterion.CONTEXT),
        ("fr", "Écris un mail pour demander un rendez-vous.", Criterion.CONTEXT),
        ("nl", "Schrijf een mail om een afspraak te vragen.", Criterion.CONTEXT),
        (
            "en",
            "Explain what a temporary contract is, because I start a new job soon.",
            Criterion.FORMAT,
        ),
        (
            "fr",
            "Explique-moi ce qu'est un contrat intérimaire, parce que je commence bientôt.",
            Criterion.FORMAT,
        ),
        (
            "nl",
            "Leg uit wat een interimcontract is, want ik begin binnenkort met werken.",
            Criterion.FORMAT,
        ),
        (
            "nl",
            "Schrijf een korte mail aan mijn gemeente, ik ben bereikbaar op 0475 12 34 56.",
            Criterion.NO_PERSONAL_DATA,
        ),
        # The kind of text asked for is the task: an e-mail says nothing of its length or tone.
        ("fr", "ecris un mail a mon chef pour vendredi", Criterion.FORMAT),
        ("nl", "Schrijf een mail aan mijn baas over mijn verlof van vrijdag", Criterion.FORMAT),
        ("en", "Write an email to my boss about a day off on Friday", Criterion.FORMAT),
    ],
)
def test_the_first_gap_is_the_one_to_fix(language: Language, prompt: str, gap: Criterion) -> None:
    verdict = check(prompt, BUILT_IN.profile(language).rubric)
    assert verdict.first_gap == gap
    assert not verdict.met(gap)


@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "Le citoyen a une question pour la commune"), ("en", "my name is Olena")],
)
def test_words_that_only_start_like_a_task_are_no_task(language: Language, text: str) -> None:
    assert not check(text, BUILT_IN.profile(language).rubric).clear_task


def test_personal_data_comes_before_everything_else() -> None:
    verdict = check("jan.peeters@example.be", ENGLISH.rubric)
    assert verdict.score == 0
    assert verdict.first_gap == Criterion.NO_PERSONAL_DATA


COURSE = load_course(PROJECT_ROOT / "content", BUILT_IN.codes)
PROMPTS = yaml.safe_load((PROJECT_ROOT / "tests/fixtures/practice/prompts.yaml").read_text())
# The review's example: keywords of a good prompt, about nothing the task asks.
KEYWORD_SALAD = {
    "en": "Please my email is nice today and my cat is list.",
    "fr": "S'il vous plaît mon e-mail est joli aujourd'hui et mon chat est liste.",
    "nl": "Alsjeblieft mijn e-mail is mooi vandaag en mijn kat is lijst.",
}


def tasks(language: Language) -> dict[str, PracticeTask]:
    return {task.id: task for m in COURSE.modules[language] for task in m.practice}


def judge(language: Language, task_id: str, prompt: str) -> Verdict:
    return check(prompt, BUILT_IN.profile(language).rubric, tasks(language)[task_id].topics)


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_keywords_without_the_task_score_at_most_one_for_every_task(language: Language) -> None:
    for task_id in tasks(language):
        verdict = judge(language, task_id, KEYWORD_SALAD[language])
        assert not verdict.on_task, task_id
        assert verdict.score <= 1, task_id
        assert verdict.first_gap is Criterion.CLEAR_TASK


@pytest.mark.parametrize(
    ("language", "task_id", "prompt"),
    [(lang, p["task"], p["prompt"]) for lang, sets in PROMPTS.items() for p in sets["good"]],
)
def test_genuine_prompts_for_the_task_still_score_well(
    language: Language, task_id: str, prompt: str
) -> None:
    verdict = judge(language, task_id, prompt)
    assert verdict.on_task
    assert verdict.score >= 3, verdict


@pytest.mark.parametrize(
    ("language", "task_id", "prompt"),
    [(lang, p["task"], p["prompt"]) for lang, sets in PROMPTS.items() for p in sets["off_task"]],
)
def test_well_written_prompts_about_something_else_score_at_most_one(
    language: Language, task_id: str, prompt: str
) -> None:
    verdict = judge(language, task_id, prompt)
    assert not verdict.on_task
    assert verdict.score <= 1


@pytest.mark.parametrize(
    ("language", "prompt"),
    [
        (
            "nl",
            "doe alsof ge iemand zijt van een bedrijf en stel mij vragen "
            "voor een job als magazijnier",
        ),
        (
            "fr",
            "fais comme si tu étais une entreprise et pose-moi des questions "
            "pour un job de magasinier",
        ),
        ("en", "pretend you are a company and ask me questions for a warehouse job"),
    ],
)
def test_a_role_play_asked_in_everyday_words_is_on_task(language: Language, prompt: str) -> None:
    # "Your prompt is not about this task yet" answered a learner who asked for the role play
    # without the word "recruiter".
    assert judge(language, "jobs-interview-roleplay", prompt).on_task


SPAM_TOPICS = (("spam", "junk"), ("filter",), ("learn", "train"))


@pytest.mark.parametrize(
    "prompt",
    [
        "How does a SPAM Filter learn?",  # capitals
        "Hoe leert een spamfilter?",  # a Dutch compound holds "filter"; "spam" starts it
        "How do spam filters get trained?",  # inflected
        "How does a spam filtr work?",  # a letter missing in a long word
        "junk mail filtering",  # two of three topics are enough
    ],
)
def test_topics_are_matched_tolerantly(prompt: str) -> None:
    assert is_on_task(prompt, SPAM_TOPICS)


def test_short_topic_words_match_only_whole_words() -> None:
    topics = (("IA",), ("app",))
    assert topics_addressed("J'ai un rendez-vous, j'appelle demain.", topics) == 0
    assert topics_addressed("I need an appointment.", topics) == 0
    assert topics_addressed("Quelles apps utilisent l'IA ?", topics) == 2


def test_a_task_without_topics_is_never_off_task() -> None:
    assert is_on_task("Anything at all.", ())


def test_personal_data_still_counts_for_a_prompt_off_task() -> None:
    verdict = check("Write to jan@example.be about my cat.", ENGLISH.rubric, SPAM_TOPICS)
    assert verdict == Verdict(False, False, False, no_personal_data=False, on_task=False)
    assert verdict.first_gap is Criterion.NO_PERSONAL_DATA


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bonjour !", "fr"),
        ("Merci, c'est gentil.", "fr"),
        ("Kun je me helpen?", "nl"),
        ("What should I write here?", "en"),
        ("I do not understand this.", "en"),
        # The same words over and over: it got 3 of 4, with "Clear task" and "Context".
        ("please please please tell me tell me apps apps apps ai ai ai now now now", "en"),
        ("écris écris écris moi moi moi une lettre lettre lettre", "fr"),
    ],
)
def test_greetings_and_questions_to_the_tutor_are_not_attempts(text: str, language: str) -> None:
    words = BUILT_IN.profile(language).rubric
    assert not is_attempt(text, check(text, words))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Écris un e-mail poli à ma commune.", "fr"),
        ("Schrijf een korte brief aan mijn huisbaas.", "nl"),
        ("Can you explain deepfakes in three short points?", "en"),
        ("I am a cook and I need a short letter for my boss.", "en"),
    ],
)
def test_prompts_are_attempts(text: str, language: str) -> None:
    words = BUILT_IN.profile(language).rubric
    assert is_attempt(text, check(text, words))


@pytest.mark.parametrize(
    ("prompt", "gap"),
    [
        # "mn" for "mijn": the context is there all the same.
        (
            "kan je in 3 korte zinnen uitleggen hoe een spamfilter leert? ik snap er niks van en "
            "wil het snappen voor mn nieuwe job",
            Criterion.CONTEXT,
        ),
        # A prompt in English from a Dutch learner: chatbots take it as it is.
        (
            "explain in 3 short sentences how a spam filter learns. im new to AI and need it for "
            "a job",
            Criterion.CLEAR_TASK,
        ),
    ],
)
def test_a_prompt_in_chat_words_or_another_offered_language_is_judged_as_written(
    prompt: str, gap: Criterion
) -> None:
    assert check(prompt, BUILT_IN.profile("nl").rubric).first_gap is gap
    verdict = check_in_any(prompt, BUILT_IN, "nl")
    assert verdict.score == 4


@pytest.mark.parametrize(
    ("prompt", "tells"),
    [
        # A care report's prompt: the condition listed, not said with a verb the detector reads.
        (
            "Schrijf een kort verslag over [NAAM], 82 jaar, diabetes. Ze was vandaag verward. "
            "Maximaal 5 zinnen.",
            True,
        ),
        (
            "Write a short note for my colleague: the resident, 90 years, dementia, fell today.",
            True,
        ),
        ("Résume en 5 lignes : ma voisine, asthme, ne sort plus de chez elle.", True),
        # A condition alone is a topic.
        ("Explain in 3 short sentences what diabetes is, for a leaflet at the pharmacy.", False),
        ("Schrijf een korte verslag van 5 zinnen over een klant van 82 jaar.", False),
    ],
)
def test_a_prompt_that_tells_someones_condition_has_personal_data(prompt: str, tells: bool) -> None:
    verdict = check_in_any(prompt, BUILT_IN, "en")
    assert verdict.no_personal_data is not tells
