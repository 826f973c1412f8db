"""The learning features assembled into a tutor on the fixture course, on any units of work.

No database, no search index and no language models: the tutor the flow tests drive is built
from the manifests of the menu, lessons, quiz, review, progress, certificate and privacy
features, the default settings, the real catalogs, the small course in tests/fixtures/course and
the units of work it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from bot.config import Language, Settings
from bot.core.engine import Tutor
from bot.core.feature import FeatureContext, Manifest
from bot.core.languages import BUILT_IN
from bot.core.ports import Port, UnitsOfWork
from bot.core.router import Router, Services
from bot.course.loader import load_course
from bot.course.model import Course
from bot.features.certificate import feature as certificate
from bot.features.lessons import feature as lessons
from bot.features.menu import feature as menu
from bot.features.privacy import feature as privacy
from bot.features.progress import feature as progress
from bot.features.quiz import feature as quiz
from bot.features.review import feature as review
from bot.i18n import Translator, load_translators
from bot.paths import PROJECT_ROOT

FIXTURE_COURSE_DIR = PROJECT_ROOT / "tests" / "fixtures" / "course"
# In the order of bot/app.py's FEATURES, so /help lists the commands in the same order.
LEARNING_FEATURES = (menu, lessons, quiz, review, progress, certificate, privacy)


class Unavailable:
    """A service of the feature context the learning features must not use."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __getattr__(self, attribute: str) -> Any:
        raise AssertionError(f"a learning feature used the {self.name} ({attribute})")


@cache
def fixture_course() -> Course:
    """Return the fixture course, loaded once."""
    return load_course(FIXTURE_COURSE_DIR, BUILT_IN.codes)


@cache
def translators() -> dict[Language, Translator]:
    """Return the real catalogs of every language, loaded once."""
    return load_translators(PROJECT_ROOT / "locales", BUILT_IN)


def learning_manifests(course: Course) -> list[Manifest]:
    """Build the manifests of the learning features, with nothing in their context but a course."""
    context = FeatureContext(
        # The defaults, not the developer's `.env`: the review's retention and reminder hours.
        settings=Settings(_env_file=None),  # type: ignore[call-arg]
        course=course,
        database=Unavailable("database"),  # type: ignore[arg-type]
        retriever=Unavailable("lesson index"),  # type: ignore[arg-type]
        detector=Unavailable("language detector"),  # type: ignore[arg-type]
        chains=None,
        budget=Unavailable("model budget"),  # type: ignore[arg-type]
        channels={},
    )
    return [feature.manifest(context) for feature in LEARNING_FEATURES]


def bound_ports(manifests: Sequence[Manifest]) -> set[Port[Any]]:
    """Return the ports the manifests bind a repository to."""
    return {port for manifest in manifests for port, _ in manifest.repositories}


def learning_tutor(
    units: UnitsOfWork,
    clock: Callable[[], datetime],
    manifests: Sequence[Manifest] | None = None,
) -> Tutor:
    """Assemble a tutor of the learning features, the way bot/app.py assembles the whole one."""
    course = fixture_course()
    manifests = manifests if manifests is not None else learning_manifests(course)
    router = Router.of(manifests)
    services = Services(
        course=course,
        translators=translators(),
        clock=clock,
        languages=BUILT_IN,
        exporters=tuple(exporter for manifest in manifests for exporter in manifest.exporters),
        commands=tuple(router.commands.values()),
        answer_text=router.texts.get(None),
    )
    return Tutor(units, services, router)
