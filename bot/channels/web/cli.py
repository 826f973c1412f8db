"""`tutor web`: serve the trainers' dashboard; `tutor web link ID`: a one-time sign-in link."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.config import Settings, parse_identity

if TYPE_CHECKING:
    from bot.channels.web.context import JoinLink


def add_commands(commands: Any, join_link: Callable[[Settings], JoinLink]) -> None:
    """Add `tutor web` to the command parser; `join_link(settings)` makes join codes links."""
    web = commands.add_parser(
        "web",
        help="the trainers' web dashboard",
        description="Serve the trainers' web dashboard (`tutor web` alone), or print a sign-in "
        "link for it (`tutor web link`).",
    )
    actions = web.add_subparsers(dest="action", metavar="ACTION")
    web.set_defaults(handler=lambda settings, _: _serve(settings, join_link(settings)))
    link = actions.add_parser("link", help="print a one-time sign-in link for a trainer or admin")
    link.add_argument(
        "identity", metavar="TELEGRAM_USER_ID", help="or CHANNEL:ID, e.g. terminal:anna"
    )
    link.set_defaults(handler=_link)


def _serve(settings: Settings, join_link: JoinLink) -> int:
    import uvicorn

    from bot.app import open_app
    from bot.channels.web.server import build_dashboard
    from bot.ops.metrics import Metrics

    async def run() -> None:
        async with open_app(settings, chat_model=False, metrics=Metrics()) as app:
            config = uvicorn.Config(
                build_dashboard(app, join_link),
                host=settings.web_listen,
                port=settings.web_port,
                # Sign-in links carry their token in the path: no access log may keep them.
                access_log=False,
                log_config=None,
                lifespan="off",
                server_header=False,
            )
            await uvicorn.Server(config).serve()

    asyncio.run(run())
    return 0


def _link(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import open_app
    from bot.core.ports import LEARNERS
    from bot.features.dashboard.links import LINK_TTL, issue_link, sign_in_url
    from bot.features.dashboard.ports import SIGN_INS
    from bot.features.trainers.access import Access
    from bot.features.trainers.ports import COHORTS

    if settings.web_url is None:
        sys.stderr.write("Set TUTOR_WEB_URL to the dashboard's address first.\n")
        return 2
    try:
        channel, external_id = parse_identity(args.identity)
    except ValueError as error:
        sys.stderr.write(f"{error}.\n")
        return 2

    async def run() -> str | None:
        async with open_app(settings, chat_model=False) as app, app.tutor.units() as stores:
            learner = await stores.get(LEARNERS).find(channel, external_id)
            if learner is None:
                return f"{args.identity} has not talked to the tutor yet: ask them to send /start."
            admin = Access(settings.admin_identities).is_admin(learner)
            if not admin and not await stores.get(COHORTS).is_trainer(learner.id):
                return f"{args.identity} is not a trainer or an administrator."
            token = await issue_link(stores.get(SIGN_INS), learner.id, app.services.clock())
            if token is None:
                return "Too many links for this person in 15 minutes: use the last one, or wait."
            print(sign_in_url(settings.web_url or "", token))
            # On stderr, so that the address alone can be piped on.
            minutes = int(LINK_TTL.total_seconds() // 60)
            sys.stderr.write(f"It signs in once, within {minutes} minutes.\n")
            return None

    problem = asyncio.run(run())
    if problem:
        sys.stderr.write(f"{problem}\n")
        return 1
    return 0
