"""The dashboard's ASGI application: its routes, static files and operations endpoints."""

from __future__ import annotations

from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Final

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from bot.channels.web.context import Dashboard, JoinLink, PageError, error_response
from bot.channels.web.exports import Exports
from bot.channels.web.join import JoinPages
from bot.channels.web.pages import Pages
from bot.channels.web.push import PushPages
from bot.ops.health import readiness
from bot.ops.metrics import CONTENT_TYPE

if TYPE_CHECKING:
    from bot.app import App

STATIC: Final = Path(__file__).parent / "static"
# Forms are a few kilobytes; anything larger is refused before it is read.
MAX_BODY_BYTES: Final = 64_000


def _operations(app: App) -> list[Route]:
    async def healthz(_: Request) -> Response:
        return JSONResponse({"status": "alive"})

    async def readyz(_: Request) -> Response:
        result = await readiness(app, updates=False)
        status = HTTPStatus.OK if result.ready else HTTPStatus.SERVICE_UNAVAILABLE
        body = {"ready": result.ready, "failed": result.failed, "checks": result.checks}
        return JSONResponse(body, status_code=status)

    async def metrics(_: Request) -> Response:
        exposition = app.metrics.exposition() if app.metrics else b""
        return PlainTextResponse(exposition, media_type=CONTENT_TYPE)

    return [Route("/healthz", healthz), Route("/readyz", readyz), Route("/metrics", metrics)]


def build_dashboard(app: App, join_link: JoinLink) -> Starlette:
    """Build the dashboard on an open app; `join_link` makes a join code into a link."""
    dashboard = Dashboard.of(app, join_link)
    pages, push, join, exports = (
        Pages(dashboard),
        PushPages(dashboard),
        JoinPages(dashboard),
        Exports(dashboard),
    )
    cohort = "/cohorts/{cohort:int}"
    routes = [
        Route("/", lambda _: RedirectResponse("/cohorts", HTTPStatus.SEE_OTHER)),
        Route("/signin/{token:str}", pages.sign_in_form, methods=["GET"]),
        Route("/signin/{token:str}", pages.sign_in, methods=["POST"]),
        Route("/signout", pages.sign_out, methods=["POST"]),
        Route("/language", pages.choose_language, methods=["POST"]),
        Route("/cohorts", pages.cohorts),
        Route(cohort, pages.cohort),
        Route(
            f"{cohort}/questions/{{question:int}}/handled", pages.question_handled, methods=["POST"]
        ),
        Route(f"{cohort}/push", push.form, methods=["GET"]),
        Route(f"{cohort}/push/preview", push.preview, methods=["POST"]),
        Route(f"{cohort}/push", push.send, methods=["POST"]),
        Route(f"{cohort}/join", join.show, methods=["GET"]),
        Route(f"{cohort}/join", join.rotate, methods=["POST"]),
        Route(f"{cohort}/poster.pdf", join.poster),
        Route(f"{cohort}/export.{{format:str}}", exports.download),
        *_operations(app),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]

    async def refused(request: Request, error: Exception) -> Response:
        assert isinstance(error, PageError)
        return error_response(dashboard, request, error)

    async def not_found(request: Request, _: Exception) -> Response:
        t = dashboard.translator(dashboard.language(request, None))
        return error_response(
            dashboard,
            request,
            PageError(HTTPStatus.NOT_FOUND, t.gettext("There is no such page."), t),
        )

    return Starlette(
        routes=routes,
        exception_handlers={PageError: refused, HTTPStatus.NOT_FOUND.value: not_found},
        max_body_size=MAX_BODY_BYTES,
    )
