"""The output guard: which model replies a learner may read, and text made valid first."""

from __future__ import annotations

import pytest

from bot.core.guard import MAX_REPLY_CHARS, Refusal, refusal
from bot.core.languages import BUILT_IN
from bot.core.text import valid_unicode
from bot.language import LanguageDetector

DETECTOR = LanguageDetector(BUILT_IN)
PASSAGE = (
    "Report a scam to the police at www.police.be/report or call 02 123 45 67. "
    "Since 2023, about 1,500 people a year ask for help."
)


@pytest.mark.parametrize(
    "reply",
    [
        "A deepfake is a fake video made with AI. Check the source before you share it.",
        "Call 02 123 45 67 or go to https://www.police.be/report.",
        "Go to police.be/report (it is free).",
        # Years, prices, versions, counts and a range of years are not phone numbers.
        "In 2023, 1,500 people paid 12.99 euros for GPT-4o, from 2010-2020.",
        "Node.js and e.g. i.e. are not addresses.",
    ],
)
def test_replies_that_keep_to_the_passage_are_shown(reply: str) -> None:
    assert refusal(reply, "en", [PASSAGE], DETECTOR) is None


@pytest.mark.parametrize(
    ("reply", "why"),
    [
        ("Ask for help at http://scam.example/win now.", Refusal.LINK),
        ("Ask for help at www.free-gift.com today.", Refusal.LINK),
        ("Ask for help at free-gift.be today.", Refusal.LINK),
        ("Ask for help at police.be/pay today.", Refusal.LINK),
        ("Call our helpdesk on 0475 12 34 56 today.", Refusal.PHONE),
        ("Call our helpdesk on +32 475 12 34 56 today.", Refusal.PHONE),
        ("Call our helpdesk on 0032 (0)2 123 45 68 today.", Refusal.PHONE),
        ("Call our helpdesk on 1-800-555-0199 today.", Refusal.PHONE),
        ("A" * (MAX_REPLY_CHARS + 1), Refusal.TOO_LONG),
        ("Een deepfake is een nepvideo die met AI gemaakt is.", Refusal.LANGUAGE),
    ],
)
def test_replies_with_something_the_passage_does_not_hold_are_refused(
    reply: str, why: Refusal
) -> None:
    assert refusal(reply, "en", [PASSAGE], DETECTOR) is why


def test_a_short_reply_is_not_judged_on_its_language() -> None:
    assert refusal("Oui, c'est ça.", "en", [PASSAGE], DETECTOR) is None


def test_valid_unicode_drops_lone_surrogates_controls_and_direction_overrides() -> None:
    text = "Bon\ud800jour\x00 !\u202e moc.evil\u202c\nÇa va 👨\u200d👩\u200d👧 ?\tOui"
    assert valid_unicode(text) == "Bonjour ! moc.evil\nÇa va 👨\u200d👩\u200d👧 ?\tOui"
    valid_unicode(text).encode("utf-8")
