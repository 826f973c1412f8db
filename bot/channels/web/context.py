"""What every page handler gets: the app, the signed-in viewer, their language and templates."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from bot.channels.web.auth import CSRF_FIELD, Viewer, viewer
from bot.config import Language
from bot.core.ports import UnitOfWork
from bot.features.dashboard.overview import Outlook
from bot.features.trainers.access import Access
from bot.features.trainers.join_codes import JoinCodes
from bot.features.trainers.options import TrainerOptions
from bot.features.trainers.ports import Cohort
from bot.features.trainers.report_formats import learner_name
from bot.i18n import Translator

if TYPE_CHECKING:
    from bot.app import App

TEMPLATES: Final = Path(__file__).parent / "templates"
# How someone on the trainer's channel joins with a code (a Telegram link), when there is one.
JoinLink = Callable[[str], str | None]


class PageError(Exception):
    """A request the dashboard answers with an error page (status and a translated reason)."""

    def __init__(self, status: HTTPStatus, reason: str, t: Translator | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.t = t


@dataclass(frozen=True)
class Dashboard:
    """The dashboard's parts, built once with the app and shared by every request."""

    app: App
    options: TrainerOptions
    access: Access
    join_link: JoinLink
    templates: Environment
    secure_cookies: bool
    idle: timedelta

    @classmethod
    def of(cls, app: App, join_link: JoinLink) -> Dashboard:
        """Build the dashboard's parts from the app and its settings."""
        settings = app.settings
        options = TrainerOptions.from_settings(settings)
        templates = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(["html"]),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        secure = urlsplit(settings.web_url or "").scheme == "https"
        idle = timedelta(minutes=settings.web_idle_minutes)
        return cls(app, options, Access(options.admins), join_link, templates, secure, idle)

    @property
    def join_codes(self) -> JoinCodes:
        """Return the maker and finder of cohorts' join codes."""
        return self.options.join_codes

    @property
    def zone(self) -> ZoneInfo:
        """Return the tutor's time zone."""
        return self.options.zone

    @property
    def now(self) -> datetime:
        """Return the app's clock's current time."""
        return self.app.services.clock()

    def outlook(self, visit: Visit) -> Outlook:
        """Return what the visit's views are built from: the course in its language, now."""
        return Outlook(self.app.services.course, visit.t.language, self.now, self.zone)

    def language(self, request: Request, seen: Viewer | None) -> Language:
        """Return the dashboard's language: chosen, the person's own, else the default."""
        services = self.app.services
        chosen = seen.session.language if seen else None
        own = seen.learner.language if seen else None
        asked = request.query_params.get("lang")
        for candidate in (asked if seen is None else None, chosen, own):
            if candidate and candidate in services.languages.codes:
                return services.language(candidate)
        return services.default_language

    def translator(self, language: Language) -> Translator:
        """Return the translator of a language."""
        return self.app.services.translators[language]

    def page(
        self,
        request: Request,
        name: str,
        t: Translator,
        values: Mapping[str, Any],
        *,
        seen: Viewer | None = None,
        status: HTTPStatus = HTTPStatus.OK,
    ) -> HTMLResponse:
        """Render a template in the viewer's language."""
        services = self.app.services
        context = {
            "_": t.gettext,
            "ngettext": t.ngettext,
            "t": t,
            # The name a learner has in the chat's reports too ("Learner 12" when they gave none).
            "learner_name": partial(learner_name, t),
            "request": request,
            "viewer": seen,
            "csrf_field": CSRF_FIELD,
            "csrf_token": seen.session.csrf_token if seen else "",
            "languages": [(code, t.language_name(code)) for code in services.languages.codes],
            "language": t.language,
            **values,
        }
        html = self.templates.get_template(name).render(context)
        return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)

    def show(
        self,
        request: Request,
        visit: Visit,
        name: str,
        values: Mapping[str, Any],
        *,
        status: HTTPStatus = HTTPStatus.OK,
    ) -> HTMLResponse:
        """Render a template for a signed-in visit."""
        return self.page(request, name, visit.t, values, seen=visit.viewer, status=status)

    @asynccontextmanager
    async def signed_in(self, request: Request, *, form: bool = False) -> AsyncIterator[Visit]:
        """Open the request's unit of work with its signed-in viewer; refuse anyone else.

        With `form`, the posted form is read and refused without this session's form token.
        """
        async with self.app.tutor.units() as stores:
            seen = await viewer(request, stores, self.access, self.idle, self.now)
            if seen is None:
                t = self.translator(self.language(request, None))
                raise PageError(
                    HTTPStatus.UNAUTHORIZED,
                    t.gettext(
                        "Please sign in again: ask the tutor for a new link with /dashboard."
                    ),
                )
            t = self.translator(self.language(request, seen))
            fields = await _checked_form(request, seen, t) if form else FormData()
            yield Visit(stores, seen, t, fields)

    @asynccontextmanager
    async def in_cohort(
        self, request: Request, *, form: bool = False
    ) -> AsyncIterator[CohortVisit]:
        """Open a signed-in visit to the cohort of the path; refuse one the viewer may not open."""
        async with self.signed_in(request, form=form) as visit:
            cohort = await visit.viewer.cohort(visit.stores, request.path_params["cohort"])
            if cohort is None:
                # The same answer whether the cohort exists or not: ids tell nothing.
                t = visit.t
                raise PageError(
                    HTTPStatus.FORBIDDEN, t.gettext("This group is not one of yours."), t
                )
            yield CohortVisit(visit.stores, visit.viewer, visit.t, visit.form, cohort)


@dataclass(frozen=True)
class Visit:
    """One request of a signed-in viewer: its unit of work, language and posted form."""

    stores: UnitOfWork
    viewer: Viewer
    t: Translator
    form: FormData


@dataclass(frozen=True)
class CohortVisit(Visit):
    """A visit to one of the viewer's cohorts."""

    cohort: Cohort


async def _checked_form(request: Request, seen: Viewer, t: Translator) -> FormData:
    form = await request.form()
    if not seen.form_token_ok(form.get(CSRF_FIELD)):
        raise PageError(
            HTTPStatus.FORBIDDEN,
            t.gettext("This form has expired. Go back, reload the page and try again."),
            t,
        )
    return form


# No framing (clickjacking), no sniffing, no referrer (links carry tokens), only our own files.
SECURITY_HEADERS: Final = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "Cache-Control": "no-store",
}


def error_response(dashboard: Dashboard, request: Request, error: PageError) -> Response:
    """Render a refusal as a page in the request's language."""
    t = error.t or dashboard.translator(dashboard.language(request, None))
    return dashboard.page(request, "error.html", t, {"reason": error.reason}, status=error.status)
