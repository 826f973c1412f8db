"""Signing in and out, the list of cohorts and the page of one cohort."""

from __future__ import annotations

from datetime import timedelta
from http import HTTPStatus
from typing import Final, cast
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.channels.web.auth import COOKIE, open_session, set_cookie
from bot.channels.web.context import Dashboard, PageError
from bot.core.callbacks import MAX_INT
from bot.core.limits import COUNTERS
from bot.features.answers.ports import QUESTIONS
from bot.features.dashboard.links import token_hash
from bot.features.dashboard.overview import (
    FILTERS,
    SORT_KEYS,
    Filter,
    SortKey,
    arrange,
    cohort_summary,
    cohort_view,
)
from bot.features.dashboard.ports import AUDIT, SIGN_INS
from bot.features.trainers.ports import COHORTS

# Failed sign-ins from one address: a few typos are fine, a guessing machine is stopped.
SIGN_IN_FAILURES: Final = "web_sign_in"
SIGN_IN_FAILURES_MAX: Final = 10
SIGN_IN_WINDOW: Final = timedelta(minutes=15)
# The latest sends and downloads a cohort's page lists.
AUDIT_SHOWN: Final = 10


def see_other(path: str) -> RedirectResponse:
    """Send the browser on to another page after a form (so reloading does not post again)."""
    return RedirectResponse(path, status_code=HTTPStatus.SEE_OTHER)


def _own_path(path: str) -> str:
    """Return a path on this site to go back to; anything else (another site) gives the groups."""
    parts = urlsplit(path)
    # "//host" and "/\\host" name another site in a browser's eyes.
    if parts.scheme or parts.netloc or not path.startswith("/") or path[1:2] in ("/", "\\"):
        return "/cohorts"
    # A preview answers a posted form and cannot be fetched again: its form can.
    return path.removesuffix("/preview")


class Pages:
    """The pages every trainer sees."""

    def __init__(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard

    async def sign_in_form(self, request: Request) -> Response:
        """Show a button that uses the link: link previews fetch pages, they do not press."""
        d = self.dashboard
        t = d.translator(d.language(request, None))
        return d.page(request, "signin.html", t, {"token": request.path_params["token"]})

    async def sign_in(self, request: Request) -> Response:
        """Use a one-time link and open a session; refuse used, old and unknown links."""
        d = self.dashboard
        t = d.translator(d.language(request, None))
        now = d.now
        who = d.app.services.identity_hasher("web", request.client.host if request.client else "")
        async with d.app.tutor.units() as stores:
            counters = stores.get(COUNTERS)
            if (await counters.tally(who, SIGN_IN_FAILURES, now)).count >= SIGN_IN_FAILURES_MAX:
                raise PageError(
                    HTTPStatus.TOO_MANY_REQUESTS,
                    t.gettext(
                        "Too many tries. Wait a quarter of an hour, then ask for a new link."
                    ),
                )
            token = request.path_params["token"]
            learner_id = await stores.get(SIGN_INS).use_link(token_hash(token), now)
            if learner_id is None:
                await counters.add(who, SIGN_IN_FAILURES, now, now + SIGN_IN_WINDOW)
            else:
                cookie = await open_session(stores, learner_id, now)
        if learner_id is None:
            raise PageError(
                HTTPStatus.BAD_REQUEST,
                t.gettext(
                    "This link no longer works: each link works once, for 15 minutes. "
                    "Send /dashboard to the tutor for a new one."
                ),
            )
        response = see_other("/cohorts")
        set_cookie(response, cookie, secure=d.secure_cookies)
        return response

    async def sign_out(self, request: Request) -> Response:
        """Close the session and forget the cookie."""
        d = self.dashboard
        async with d.signed_in(request, form=True) as visit:
            await visit.stores.get(SIGN_INS).close_session(visit.viewer.cookie_hash)
        response = d.page(request, "signed_out.html", visit.t, {})
        response.delete_cookie(COOKIE)
        return response

    async def choose_language(self, request: Request) -> Response:
        """Switch the dashboard's language for this session."""
        d = self.dashboard
        async with d.signed_in(request, form=True) as visit:
            language = str(visit.form.get("language", ""))
            if language in d.app.services.languages.codes:
                await visit.stores.get(SIGN_INS).set_language(visit.viewer.cookie_hash, language)
        return see_other(_own_path(str(visit.form.get("back", ""))))

    async def cohorts(self, request: Request) -> Response:
        """List the viewer's cohorts with their figures."""
        d = self.dashboard
        async with d.signed_in(request) as visit:
            summaries = [
                await cohort_summary(visit.stores, d.outlook(visit), cohort)
                for cohort in await visit.viewer.cohorts(visit.stores)
            ]
        return d.show(request, visit, "cohorts.html", {"summaries": summaries})

    async def cohort(self, request: Request) -> Response:
        """Show one cohort: its learners (sorted, filtered), hard lessons and questions."""
        d = self.dashboard
        params = request.query_params
        key = cast(SortKey, params.get("sort")) if params.get("sort") in SORT_KEYS else "stuck"
        shown = cast(Filter, params.get("show")) if params.get("show") in FILTERS else "all"
        descending = params.get("order") == "desc"
        course = d.app.services.course
        async with d.in_cohort(request) as visit:
            view = await cohort_view(visit.stores, d.outlook(visit), visit.cohort)
            audit = await visit.stores.get(AUDIT).of_cohort(visit.cohort.id, AUDIT_SHOWN)
        values = {
            "cohort": visit.cohort,
            "view": view,
            "rows": arrange(view.rows, key, descending, shown, d.now),
            "sort": key,
            "descending": descending,
            "show": shown,
            "filters": FILTERS,
            "course": course,
            "audit": audit,
            "kinds": {
                "lesson": visit.t.gettext("a lesson"),
                "review": visit.t.gettext("a review"),
                "message": visit.t.gettext("a message"),
            },
        }
        return d.show(request, visit, "cohort.html", values)

    async def question_handled(self, request: Request) -> Response:
        """Mark one of the cohort's unanswered questions handled."""
        d = self.dashboard
        async with d.in_cohort(request, form=True) as visit:
            cohort = visit.cohort
            members = await visit.stores.get(COHORTS).members(cohort.id)
            question_id = request.path_params["question"]
            # A forged number beyond the column's range is no question of theirs either.
            if question_id <= MAX_INT:
                await visit.stores.get(QUESTIONS).mark_handled(
                    question_id, [member.learner_id for member in members], d.now
                )
        return see_other(f"/cohorts/{cohort.id}#questions")
