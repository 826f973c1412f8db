"""Typed words that name a button on screen: its whole label, or its action of two words."""

from __future__ import annotations

import pytest

from bot.core.replies import Button
from bot.features.menu.typed_buttons import named, names


@pytest.mark.parametrize(
    ("label", "typed"),
    [
        ("📖 Open de les", "open de les"),
        ("📖 Open de les", "📖 Open de les"),
        ("📖 Ouvrir la leçon", "ouvrir la lecon !"),
        ("▶ Volgende les: AI die je al gebruikt", "volgende les"),
        ("▶ Leçon suivante : L’IA que vous utilisez déjà", "Leçon suivante"),
        ("▶ Next lesson: AI you already use", "next lesson: AI you already use"),
        ("AI ontdekken · 0/5", "AI ontdekken"),
        ("🧭 Wat weet ik al? (10 vragen)", "wat weet ik al"),  # it showed /mydata
        ("18:00", "18:00"),
    ],
)
def test_a_label_is_named_whole_or_by_its_action(label: str, typed: str) -> None:
    assert names(label, typed)


@pytest.mark.parametrize(
    ("label", "typed"),
    [
        # One word is left to small talk and questions: "bias" may ask what bias is.
        ("📖 Bias: when AI is unfair", "bias"),
        ("▶ Continue: What AI is", "continue"),
        ("Task 1", "task 2"),
        ("📖 Open the lesson", "open"),
        ("📖 Open the lesson", "🙂"),
    ],
)
def test_other_words_name_no_button(label: str, typed: str) -> None:
    assert not names(label, typed)


def test_words_that_name_two_different_buttons_press_none() -> None:
    shown = (Button("Task 1", "v2:practice.task:a"), Button("Task 1", "v2:practice.task:b"))
    assert named(shown, "task 1") is None
    assert named(shown[:1] * 2, "task 1") == shown[0]
