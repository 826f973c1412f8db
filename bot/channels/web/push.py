"""Pushing a lesson, a review or a message to a cohort from the web: choose, preview, confirm."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any, Final, cast
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import Response

from bot.channels.web.context import Dashboard, PageError
from bot.core.ports import UnitOfWork
from bot.features.dashboard.ports import AUDIT, AuditEntry
from bot.features.trainers.members import member_languages
from bot.features.trainers.ports import COHORTS, PUSHES, Cohort, PushKind
from bot.features.trainers.push_flow import MESSAGE_MAX_CHARS, queued_text, when_text
from bot.features.trainers.render import (
    message_text,
    review_text,
    suggestion_text,
    trainer_message,
)
from bot.features.trainers.timing import beyond_horizon
from bot.i18n import Translator

KINDS: Final = ("lesson", "review", "message")
# The review preview shows a typical number: each learner's own is counted when it goes out.
PREVIEW_REVIEWS: Final = 3
# The form field of a send's key, and how many of a cohort's latest log entries are searched
# for it: a second click comes seconds after the first, with few entries in between.
ONCE: Final = "once"
RECENT_ENTRIES: Final = 50


@dataclass(frozen=True)
class PushChoice:
    """What a trainer chose in the push form, read and checked."""

    kind: PushKind
    lesson_id: str | None
    texts: dict[str, str]
    due_at: datetime | None  # None: now

    def fields(self, local_due: str) -> dict[str, str]:
        """Return the form fields that carry this choice to the confirmation."""
        # A key of this one send: the same form sent twice (a double click, the browser's
        # "send again") is made once.
        fields = {
            "kind": self.kind,
            "lesson": self.lesson_id or "",
            "at": local_due,
            ONCE: secrets.token_urlsafe(12),
        }
        fields.update({f"text_{code}": text for code, text in self.texts.items()})
        return fields


class PushPages:
    """The push form, its preview in each learner's language, and the truthful outcome."""

    def __init__(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard

    async def form(self, request: Request) -> Response:
        """Show the push form."""
        async with self.dashboard.in_cohort(request) as visit:
            values = self._form_values(visit.cohort, visit.t, {}, [])
        return self.dashboard.show(request, visit, "push.html", values)

    async def preview(self, request: Request) -> Response:
        """Show the push as each learner will read it, and when it will reach them."""
        d = self.dashboard
        async with d.in_cohort(request, form=True) as visit:
            cohort, t = visit.cohort, visit.t
            choice, errors = self._read(visit.form, t)
            if choice is None:
                values = self._form_values(cohort, t, dict(visit.form), errors)
                return d.show(request, visit, "push.html", values, status=HTTPStatus.BAD_REQUEST)
            default = d.app.services.default_language
            languages = await member_languages(visit.stores, cohort.id, default)
        previews = [
            (t.language_name(code), count, self._preview(choice, code))
            for code, count in sorted(languages.items())
        ]
        values = {
            "cohort": cohort,
            "fields": choice.fields(str(visit.form.get("at", ""))),
            "previews": previews,
            "when": when_text(t, cohort, choice.due_at, d.zone, d.now),
        }
        return d.show(request, visit, "push_preview.html", values)

    async def send(self, request: Request) -> Response:
        """Queue the push in the outbox, as the chat does, and say what will happen."""
        d = self.dashboard
        now = d.now
        async with d.in_cohort(request, form=True) as visit:
            cohort, t, stores = visit.cohort, visit.t, visit.stores
            choice, errors = self._read(visit.form, t)
            if choice is None:
                raise PageError(HTTPStatus.BAD_REQUEST, " ".join(errors), t)
            key = str(visit.form.get(ONCE, ""))
            # One send of a cohort at a time, so that the same form twice finds the first one.
            await stores.get(COHORTS).hold(cohort.id)
            if key and await _sent_before(stores, cohort.id, key):
                done = [t.gettext("✅ This was already sent: each learner gets it once.")]
                return d.show(request, visit, "push_done.html", {"cohort": cohort, "outcome": done})
            push = await stores.get(PUSHES).create_push(
                cohort,
                choice.kind,
                now=now,
                zone=d.zone,
                due_at=choice.due_at,
                lesson_id=choice.lesson_id,
                texts=choice.texts,
                created_by_id=visit.viewer.learner.id,
            )
            outcome = await queued_text(t, stores, cohort, push, d.zone, now)
            detail = {
                "push": push.id,
                "kind": push.kind,
                "lesson": push.lesson_id,
                "due_at": push.due_at.isoformat(),
                ONCE: key,
            }
            entry = AuditEntry(now, visit.viewer.learner.id, cohort.id, "push", detail)
            await stores.get(AUDIT).record(entry)
        values = {"cohort": cohort, "outcome": outcome.splitlines()}
        return d.show(request, visit, "push_done.html", values)

    def _read(self, form: Any, t: Translator) -> tuple[PushChoice | None, list[str]]:
        services = self.dashboard.app.services
        errors = []
        kind = str(form.get("kind", ""))
        if kind not in KINDS:
            errors.append(t.gettext("Choose what to send."))
        lesson_id = str(form.get("lesson", "")) or None
        if kind == "lesson" and (
            lesson_id is None or services.course.lesson(t.language, lesson_id) is None
        ):
            errors.append(t.gettext("Choose a lesson."))
        texts = {
            code: text
            for code in services.languages.codes
            if (text := str(form.get(f"text_{code}", "")).strip())
        }
        if kind == "message" and not texts:
            errors.append(t.gettext("Write the message in at least one language."))
        if any(len(text) > MESSAGE_MAX_CHARS for text in texts.values()):
            errors.append(
                t.gettext("A message has at most {count} characters.").format(
                    count=MESSAGE_MAX_CHARS
                )
            )
        due_at = _due(str(form.get("at", "")), self.dashboard.options.zone)
        if due_at is not None and due_at <= self.dashboard.now:
            errors.append(t.gettext("That time has already passed: choose a later one."))
        if due_at is not None and beyond_horizon(due_at, self.dashboard.now):
            errors.append(t.gettext("That time is more than a year away: choose an earlier one."))
        if form.get("at") and due_at is None:
            errors.append(t.gettext("Give the date and time like this: 2026-12-24 09:00."))
        if errors:
            return None, errors
        return PushChoice(
            cast(PushKind, kind),
            lesson_id if kind == "lesson" else None,
            texts if kind == "message" else {},
            due_at,
        ), []

    def _form_values(
        self, cohort: Cohort, t: Translator, sent: dict[str, Any], errors: list[str]
    ) -> dict[str, Any]:
        course = self.dashboard.app.services.course
        modules = [
            (
                module.title,
                [
                    (lesson_id, course.lesson(t.language, lesson_id))
                    for lesson_id in module.lesson_ids
                ],
            )
            for module in course.modules.get(t.language, ())
        ]
        return {"cohort": cohort, "modules": modules, "sent": sent, "errors": errors}

    def _preview(self, choice: PushChoice, code: str) -> str:
        services = self.dashboard.app.services
        language = services.language(code)
        t = self.dashboard.translator(language)
        if choice.kind == "lesson":
            lesson = services.course.lesson(language, choice.lesson_id or "")
            return suggestion_text(t, "lesson", lesson.title if lesson else "")
        if choice.kind == "review":
            return review_text(t, PREVIEW_REVIEWS)
        written = message_text(choice.texts, language, services.languages.codes)
        return trainer_message(t, written or "")


async def _sent_before(stores: UnitOfWork, cohort_id: int, key: str) -> bool:
    """Tell whether a send with this key was made already, among the cohort's latest entries."""
    entries = await stores.get(AUDIT).of_cohort(cohort_id, RECENT_ENTRIES)
    return any(entry.action == "push" and entry.detail.get(ONCE) == key for entry in entries)


def _due(text: str, zone: ZoneInfo) -> datetime | None:
    """Read the form's local date and time (from the browser's date-time field, or typed)."""
    try:
        local = datetime.fromisoformat(text.strip().replace(" ", "T"))
    except ValueError:
        return None
    return local.replace(tzinfo=zone).astimezone(UTC) if local.tzinfo is None else None
