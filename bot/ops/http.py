"""/healthz, /readyz and /metrics as tornado routes: on the webhook's port, or one of their own.

A web front end (a dashboard) serving on the same port adds these routes to its own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Final

import tornado.web
from tornado.httpserver import HTTPServer

from bot.ops.health import readiness
from bot.ops.metrics import CONTENT_TYPE, Metrics

if TYPE_CHECKING:
    from bot.app import App

Route = tuple[str, type[tornado.web.RequestHandler], dict[str, Any]]
# The operations routes take no request body.
MAX_BODY_BYTES: Final = 64_000


class HealthHandler(tornado.web.RequestHandler):
    """Answer 200 while the process serves HTTP at all (liveness)."""

    def get(self) -> None:
        """Say the process is alive."""
        self.write({"status": "alive"})


class ReadyHandler(tornado.web.RequestHandler):
    """Answer 200 when this process can handle updates now, else 503 naming what is not ready."""

    def initialize(self, app: App) -> None:
        """Keep the app whose readiness is checked (tornado calls this for each request)."""
        self.app = app

    async def get(self) -> None:
        """Run the checks and report each one."""
        result = await readiness(self.app)
        self.set_status(HTTPStatus.OK if result.ready else HTTPStatus.SERVICE_UNAVAILABLE)
        self.write({"ready": result.ready, "failed": result.failed, "checks": result.checks})


class MetricsHandler(tornado.web.RequestHandler):
    """Serve the app's metrics in Prometheus' text format."""

    def initialize(self, metrics: Metrics) -> None:
        """Keep the metrics to serve (tornado calls this for each request)."""
        self.metrics = metrics

    def get(self) -> None:
        """Write every metric."""
        self.set_header("Content-Type", CONTENT_TYPE)
        self.write(self.metrics.exposition())


def ops_routes(app: App, metrics: Metrics) -> list[Route]:
    """Return the operations routes of one app."""
    return [
        (r"/healthz", HealthHandler, {}),
        (r"/readyz", ReadyHandler, {"app": app}),
        (r"/metrics", MetricsHandler, {"metrics": metrics}),
    ]


class _OpsServer(HTTPServer):
    """An HTTP server built directly, so that no process-wide server configuration applies."""


@asynccontextmanager
async def serving_ops(routes: Sequence[Route], listen: str, port: int) -> AsyncIterator[None]:
    """Serve the routes on a port of their own until the block ends."""
    server = _OpsServer(tornado.web.Application(list(routes)), max_body_size=MAX_BODY_BYTES)
    server.listen(port, address=listen)
    try:
        yield
    finally:
        server.stop()
        await server.close_all_connections()


class _WebhookServer(HTTPServer):
    """The webhook's server, with the operations routes added to the application it serves."""

    def initialize(
        self, request_callback: Any, *args: Any, extra_routes: Sequence[Route] = (), **kwargs: Any
    ) -> None:
        """Add the routes, then set the server up as tornado does."""
        if isinstance(request_callback, tornado.web.Application):
            # Tried after the webhook's own path, which they never match.
            request_callback.add_handlers(r".*", list(extra_routes))
        super().initialize(request_callback, *args, **kwargs)


def configure_webhook_server(max_body_bytes: int, routes: Sequence[Route]) -> None:
    """Make the webhook server refuse larger bodies from their headers, and serve `routes`.

    python-telegram-bot builds its tornado server itself, with tornado's limit of 100 MB, and
    checks the secret token only once the whole body is in memory. Tornado lets the process
    choose the class and options of every server it builds: announced larger, a body is refused
    unread; chunked, as soon as it passes the limit. The same hook adds the operations routes
    to the webhook's application, so that they answer on its port.
    """
    HTTPServer.configure(_WebhookServer, max_body_size=max_body_bytes, extra_routes=list(routes))
