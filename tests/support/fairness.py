"""Quiz-fairness limits for tests of other content checks, where fairness is not under test."""

from bot.course.fairness import FairnessLimits

# Every figure is a share: a limit of 1 is never passed.
UNLIMITED = FairnessLimits(
    guesser_advantage=1.0,
    right_longest=1.0,
    absolute_only_distractors=1.0,
    hedged_only_right=1.0,
)
