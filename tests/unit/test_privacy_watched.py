"""Questions on who reads what a learner writes here are told from questions on the course."""

from __future__ import annotations

import pytest

from bot.features.privacy.watched import watched_words


@pytest.mark.parametrize(
    "text",
    [
        "est-ce que le CPAS peut voir ce que j'écris ici ?",
        "mon assistant social il voit mes messages ?",
        "mon formateur peut lire mes messages ?",
        "qu'est-ce que mon formateur voit de moi ?",
        "jai peur que le CPAS me coupe mes sous à cause de ce que jai écrit",
        "qui peut voir mes messages ?",
        "kan mijn begeleider zien wat ik schrijf?",
        "ziet het ocmw mijn vragen?",
        "wie kan mijn berichten lezen?",
        "leest de VDAB wat ik hier typ?",
        "can my trainer read my messages?",
        "who can see what i write here",
        "does my employer know what i do here",
        # "What I … write", words between.
        "En wie kan er lezen wat ik hier allemaal schrijf",
        "wie leest er mee wat ik in deze chat typ",
        # This chat, named: no tool.
        "can my trainer read my messages in this app?",
        "est-ce que mon formateur peut voir mes messages dans cette appli ?",
    ],
)
def test_a_question_on_who_reads_the_learner_is_recognised(text: str) -> None:
    assert watched_words().asked(text)


@pytest.mark.parametrize(
    "text",
    [
        # About a tool, a question on the course.
        "can chatgpt read my messages?",
        "est-ce que l'IA voit mes messages",
        "leest Meta AI mijn berichten in WhatsApp?",
        # Leaning on a tool named before.
        "kan die mijn berichten lezen?",
        "can it read my messages with my wife?",
        # About work, where the learner is the one who looks.
        "my boss says the computer decided my hours, can i see which data it used about me",
        "Comment écrire à mon employeur pour savoir quelles données le logiciel utilise sur moi ?",
        "welke gegevens houdt mijn werkgever over mij bij met die software, mag ik die zien?",
        "hoe lang must my message be to get a good answer?",
        # A trainer and the learner's words, but nothing seen nor feared.
        "can my trainer answer my questions?",
        "my coach told me to ask my questions here",
        "Mon assistant social m'a dit de poser mes questions ici",
        # A practice prompt to the commune.
        "Schrijf een korte beleefde mail naar de gemeente. Mijn bericht moet kort zijn.",
    ],
)
def test_a_question_on_the_course_is_not(text: str) -> None:
    assert not watched_words().asked(text)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("je voudrais voir les messages de Fatou", True),
        ("est-ce que je peux lire les conversations de fatou ?", True),
        ("kan ik de berichten van Lieve lezen?", True),
        ("can I read what my learners write?", True),
        ("can I read the chats of ChatGPT users?", False),  # about a tool
        ("les messages de phishing sont de plus en plus crédibles", False),  # nobody reads
        ("comment voir les messages de phishing", False),
        ("how can I check the messages of my bank are real?", False),
    ],
)
def test_a_question_on_reading_others_messages_is_recognised(text: str, asked: bool) -> None:
    assert watched_words().asked_of_others(text) is asked
