"""The `tutor` command: each feature adds its subcommands here, explicitly."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Final

from bot.adapters.search import cli as retrieval_cli
from bot.allocator import limit_arenas
from bot.channels.telegram import cli as telegram_cli
from bot.channels.telegram.channel import TelegramChannel
from bot.channels.telegram.channel import join_link as telegram_join_link
from bot.channels.terminal.channel import TerminalChannel
from bot.channels.terminal.channel import join_link as terminal_join_link
from bot.channels.web import cli as web_cli
from bot.config import (
    Settings,
    SettingsError,
    given_variables,
    load_settings,
    misspelt_settings,
)
from bot.core.languages import UnknownLanguageError
from bot.course import cli as course_cli
from bot.features.certificate import cli as certificate_cli
from bot.features.trainers import cli as trainers_cli
from bot.features.voice import cli as voice_cli
from bot.logs import configure_logging
from bot.waiting import Unreachable

logger = logging.getLogger("bot")


# Files rw------- and folders rwx------.
PRIVATE_UMASK: Final = 0o077


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="tutor", description="The AI-literacy tutor.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    chat = commands.add_parser("chat", help="chat with the tutor in this terminal")
    chat.add_argument("--lang", help="the language to learn in, one of TUTOR_LANGUAGES")
    chat.add_argument("--user", default="local", help="who is learning (keeps progress apart)")
    chat.set_defaults(handler=_chat)

    database = commands.add_parser("db", help="database migrations")
    database.add_argument("action", choices=["upgrade", "downgrade"])
    database.add_argument(
        "--revision",
        default=None,
        help="upgrade: up to this one (default: the latest); downgrade: required, as -1 for one "
        "step back or base, which deletes every table and all data",
    )
    database.add_argument(
        "--yes",
        action="store_true",
        help="downgrade: go on, knowing that the data of the revisions undone is deleted",
    )
    database.set_defaults(handler=_db)

    course_cli.add_commands(commands)
    retrieval_cli.add_commands(commands)
    telegram_cli.add_commands(commands)
    trainers_cli.add_commands(commands, _join_links)
    certificate_cli.add_commands(commands)
    voice_cli.add_commands(commands)
    web_cli.add_commands(commands, _telegram_join_link)
    return parser


def _join_links(settings: Settings) -> dict[str, Callable[[str], str | None]]:
    """Return how someone on each channel redeems a code, for codes made on the command line."""
    return {
        TelegramChannel.name: partial(telegram_join_link, settings.telegram_bot_username),
        TerminalChannel.name: terminal_join_link,
    }


def _telegram_join_link(settings: Settings) -> Callable[[str], str | None]:
    """Return how a learner joins with a code from the dashboard: the bot's Telegram link."""
    return partial(telegram_join_link, settings.telegram_bot_username)


def _chat(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import open_app
    from bot.channels.terminal.chat import chat

    language = settings.languages.profile(args.lang).code if args.lang else None
    if "log_level" not in settings.model_fields_set:
        # The log shares the learner's screen: "Index updated…" came between two replies.
        logging.getLogger().setLevel(logging.WARNING)

    async def run() -> None:
        async with open_app(settings) as app:
            await chat(app, args.user, language)

    asyncio.run(run())
    return 0


def _db(settings: Settings, args: argparse.Namespace) -> int:
    from bot.adapters.db.database import Database, MigrationError

    if args.action == "downgrade" and args.revision is None:
        # Going down deletes data: "base" empties the database, so it is never a default.
        sys.stderr.write(
            "tutor db downgrade needs --revision: -1 for one step back, or base to delete every "
            "table and all data.\n"
        )
        return 2
    if args.action == "downgrade" and not args.yes:
        # A second chance: what goes down is deleted, all of it at base.
        sys.stderr.write(
            f"tutor db downgrade --revision {args.revision} deletes the data of every revision "
            "it undoes (base: all data). Make a dump first, then add --yes to go on.\n"
        )
        return 2

    async def run() -> set[str]:
        database = Database(settings.resolved_database_url)
        try:
            await database.wait_until_reachable(settings.startup_wait_seconds)
            if args.action == "upgrade":
                await database.upgrade(args.revision or "head")
            else:
                await database.downgrade(args.revision)
            return await database.revisions()
        finally:
            await database.close()

    try:
        revisions = asyncio.run(run())
    except MigrationError as error:
        sys.stderr.write(f"Cannot {args.action} the database: {error}\n")
        return 2
    print(f"The database is at revision {', '.join(sorted(revisions)) or 'base (no tables)'}.")
    return 0


def _in_data_folder(error: OSError, settings: Settings) -> bool:
    """Tell whether an error is about the data folder, or a file or folder in it."""
    if not isinstance(error.filename, str):
        return False
    folder, failed = settings.data_dir.absolute(), Path(error.filename).absolute()
    return failed == folder or folder in failed.parents or failed in folder.parents


def run() -> int:
    """Run the `tutor` command as a program: what it writes, only its user may read."""
    # The database, the exports, the reports and the audio cache hold learners' data; under the
    # usual umask they were readable by every account of the machine.
    os.umask(PRIVATE_UMASK)
    # Before any thread starts: each would take an arena of its own.
    limit_arenas()
    return main()


def _not_utf8(args: Sequence[str]) -> str | None:
    """Return the first argument the terminal did not give as UTF-8, as it reads; None if none."""
    for arg in args:
        raw = arg.encode("utf-8", "surrogateescape")
        if raw != arg.encode("utf-8", "replace"):
            return raw.decode("utf-8", "replace")
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `tutor` command and return its exit code."""
    if (garbled := _not_utf8(sys.argv[1:] if argv is None else argv)) is not None:
        # A Latin-1 terminal's "é" reached search and the database as a lone surrogate, and
        # failed there with a traceback.
        sys.stderr.write(
            f"{garbled!r} is not UTF-8 text: set your terminal to UTF-8 (for example "
            "LANG=C.UTF-8) and type it again.\n"
        )
        return 2
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as error:
        sys.stderr.write(f"{error}\n")
        return 2
    for warning in misspelt_settings(given_variables()):
        sys.stderr.write(f"{warning}\n")
    configure_logging(settings.log_level, settings.log_format)
    try:
        return int(args.handler(settings, args))
    except (UnknownLanguageError, Unreachable) as error:
        sys.stderr.write(f"{error}\n")
        return 2
    except BrokenPipeError:
        # The reader stopped early (`tutor cohort list | head -1`): nothing more to say, and
        # Python's own flush at exit must not fail on the closed pipe again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:
        # A data folder that cannot be made (under /proc, on a read-only disk) is a setting.
        if not _in_data_folder(error, settings):
            raise
        sys.stderr.write(
            f"Invalid setting TUTOR_DATA_DIR: cannot use {error.filename!r}: {error.strerror}\n"
        )
        return 2
    except KeyboardInterrupt:
        return 130
