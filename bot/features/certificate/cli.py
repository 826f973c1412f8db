"""`tutor certificate verify | revoke CODE`: check or withdraw a certificate by its code.

They open the database alone: no course, no lesson index, no chat model. Each prints one line.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.features.certificate import codes
from bot.features.certificate.ports import CertificateStore, Verification

# Given the store, the code's digest, the time and the tutor's time zone: a line, and success.
Action = Callable[[CertificateStore, str, datetime, ZoneInfo], Awaitable[tuple[str, bool]]]


def add_commands(commands: Any) -> None:
    """Add `certificate verify` and `certificate revoke` to the command parser."""
    certificate = commands.add_parser("certificate", help="verify or revoke a certificate")
    actions = certificate.add_subparsers(dest="action", required=True, metavar="ACTION")
    verify = actions.add_parser("verify", help="say whether a verification code is valid")
    verify.add_argument("code")
    verify.set_defaults(handler=_handler(_verify))
    revoke = actions.add_parser("revoke", help="withdraw a certificate by its code")
    revoke.add_argument("code")
    revoke.set_defaults(handler=_handler(_revoke))


def _handler(action: Action) -> Callable[[Settings, argparse.Namespace], int]:
    def handler(settings: Settings, args: argparse.Namespace) -> int:
        code = codes.normalize(args.code)
        if code is None:
            print(
                "unknown: this is not a certificate code "
                "(10 letters and digits, never 0, 1, I, L or O)"
            )
            return 1
        line, ok = asyncio.run(_run(settings, action, code))
        print(line)
        return 0 if ok else 1

    return handler


async def _run(settings: Settings, action: Action, code: str) -> tuple[str, bool]:
    from bot.adapters.db.database import open_database
    from bot.core.limits import IdentityHasher
    from bot.features.certificate.repo import SqlCertificates
    from bot.salt import identity_salt

    digest = codes.digest(IdentityHasher(identity_salt(settings)), code)
    async with open_database(settings) as database, database.session() as session:
        store = SqlCertificates(session)
        return await action(store, digest, datetime.now(UTC), ZoneInfo(settings.timezone))


def describe(verification: Verification, zone: ZoneInfo) -> str:
    """Return a verification in one line: valid (name, date, modules), revoked (since), unknown."""
    certificate = verification.certificate
    if verification.status == "valid" and certificate is not None:
        issued = certificate.issued_at.astimezone(zone).date().isoformat()
        modules = "; ".join(certificate.modules)
        return f"valid: {certificate.name} · issued {issued} · modules: {modules}"
    if verification.status == "revoked" and verification.revoked_at is not None:
        revoked = verification.revoked_at.astimezone(zone).date().isoformat()
        return f"revoked: this certificate was withdrawn on {revoked}"
    return "unknown: no certificate has this code"


async def _verify(
    store: CertificateStore, digest: str, _: datetime, zone: ZoneInfo
) -> tuple[str, bool]:
    verification = await store.verify(digest)
    return describe(verification, zone), verification.status == "valid"


async def _revoke(
    store: CertificateStore, digest: str, now: datetime, zone: ZoneInfo
) -> tuple[str, bool]:
    before = await store.verify(digest)
    if await store.revoke(digest, now):
        # Whose certificate was withdrawn, so the operator sees it was the one meant.
        return f"revoked now: {describe(before, zone).removeprefix('valid: ')}", True
    if before.status == "revoked":
        return f"already {describe(before, zone)}", False
    return describe(before, zone), False
