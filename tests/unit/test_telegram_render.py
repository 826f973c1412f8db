"""How replies become Telegram text and keyboards: splitting, questions, polls."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.channels.telegram.render import (
    MAX_TEXT,
    fits_in_poll,
    markup,
    poll_explanation,
    question_text,
    split_text,
    telegram_length,
)
from bot.core.replies import Button, Question

QUESTION = Question(
    header="📝 Question 1 of 4",
    question="Which sentence describes AI best?",
    options=("A robot that feels", "Software that finds patterns", "A photo website"),
    answer_data=(
        "v2:quiz.ans:basics/what-is-ai:0:0",
        "v2:quiz.ans:basics/what-is-ai:0:1",
        "v2:quiz.ans:x:0:2",
    ),
    correct=1,
    explanation="Yes. AI learns patterns from many examples.",
    extra_keyboard=((Button("☰ Menu", "v2:menu.show"),),),
)


def test_a_short_text_is_one_message() -> None:
    assert split_text("  Hello!\n") == ["Hello!"]
    assert split_text("   ") == []


def test_a_long_text_is_cut_at_paragraphs_and_loses_nothing() -> None:
    paragraphs = [f"Paragraph {n}. " + "word " * 150 for n in range(20)]
    text = "\n\n".join(p.strip() for p in paragraphs)

    chunks = split_text(text)

    assert len(chunks) > 1
    assert all(telegram_length(chunk) <= MAX_TEXT for chunk in chunks)
    assert all(chunk.startswith("Paragraph") for chunk in chunks)
    assert " ".join(chunks).split() == text.split()


def test_a_text_without_breaks_is_cut_hard() -> None:
    chunks = split_text("x" * 10_000)

    assert [len(chunk) for chunk in chunks] == [MAX_TEXT, MAX_TEXT, 10_000 - 2 * MAX_TEXT]


def test_emoji_count_twice_as_telegram_counts_them() -> None:
    text = "🤖" * 3000  # 6,000 UTF-16 code units

    chunks = split_text(text)

    assert telegram_length("🤖") == 2
    assert [len(chunk) for chunk in chunks] == [2048, 952]
    assert "".join(chunks) == text


def test_options_that_fit_a_button_are_the_buttons_one_per_row() -> None:
    assert question_text(QUESTION) == ("📝 Question 1 of 4\n\nWhich sentence describes AI best?")
    assert [[(b.label, b.data) for b in row] for row in QUESTION.keyboard()] == [
        [("A robot that feels", QUESTION.answer_data[0])],
        [("Software that finds patterns", QUESTION.answer_data[1])],
        [("A photo website", "v2:quiz.ans:x:0:2")],
        [("☰ Menu", "v2:menu.show")],
    ]


def test_an_option_over_30_characters_makes_letters_of_every_button() -> None:
    long = "Software that finds patterns in data"  # 36 characters
    question = replace(QUESTION, options=("A robot that feels", long, "A photo website"))

    assert question_text(question) == (
        "📝 Question 1 of 4\n\nWhich sentence describes AI best?\n\n"
        f"A) A robot that feels\nB) {long}\nC) A photo website"
    )
    assert [[(b.label, b.data) for b in row] for row in question.keyboard()] == [
        [
            ("A", QUESTION.answer_data[0]),
            ("B", QUESTION.answer_data[1]),
            ("C", "v2:quiz.ans:x:0:2"),
        ],
        [("☰ Menu", "v2:menu.show")],
    ]
    assert not replace(QUESTION, options=("x" * 30, "y", "z")).lettered


def test_buttons_become_an_inline_keyboard() -> None:
    assert markup(()) is None
    inline = markup(
        ((Button("Next ▶", "v2:lessons.card:a/b:1"), Button("◀ Back", "v2:lessons.card:a/b:0")),)
    )
    assert inline is not None
    assert inline.to_dict() == {
        "inline_keyboard": [
            [
                {"text": "Next ▶", "callback_data": "v2:lessons.card:a/b:1"},
                {"text": "◀ Back", "callback_data": "v2:lessons.card:a/b:0"},
            ]
        ]
    }


@pytest.mark.parametrize(
    ("changes", "fits"),
    [
        ({}, True),
        ({"question": "Why? " * 60}, False),  # a poll question holds 300 characters
        ({"options": ("Yes", "No " * 40)}, False),  # an option holds 100
        ({"options": ("Only one",)}, False),
    ],
)
def test_questions_too_big_for_a_poll_are_shown_with_buttons(
    changes: dict[str, object], fits: bool
) -> None:
    assert fits_in_poll(replace(QUESTION, **changes)) is fits


def test_a_poll_explains_only_when_telegram_has_room() -> None:
    assert poll_explanation(QUESTION) == QUESTION.explanation
    assert poll_explanation(replace(QUESTION, explanation="Because. " * 30)) is None
