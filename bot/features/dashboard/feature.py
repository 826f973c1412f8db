"""The dashboard's part of the chat (/dashboard) and its tables, ports and exports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.feature import CommandRoute, Deferred, FeatureContext, Manifest
from bot.features.dashboard.flows import DashboardFlow
from bot.features.dashboard.ports import AUDIT, SIGN_INS, AuditStore, SignInStore
from bot.features.trainers.access import Access
from bot.i18n import N_

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.adapters.db.tables import Base

DOMAIN = "web"


def _tables() -> tuple[type[Base], ...]:
    from bot.features.dashboard.tables import AuditRow, SignInLinkRow, WebSessionRow

    return (SignInLinkRow, WebSessionRow, AuditRow)


TABLES = Deferred(_tables)


def _sql_sign_ins(session: AsyncSession) -> SignInStore:
    # Imported on first use, like the tables, so the manifest loads without SQLAlchemy.
    from bot.features.dashboard.repo import SqlSignIns

    return SqlSignIns(session)


def _sql_audit(session: AsyncSession) -> AuditStore:
    from bot.features.dashboard.repo import SqlAudit

    return SqlAudit(session)


def manifest(context: FeatureContext) -> Manifest:
    """Return what the dashboard brings to the chat."""
    settings = context.settings
    flow = DashboardFlow(Access(settings.admin_identities), settings.web_url)
    return Manifest(
        name="dashboard",
        commands=(
            # Listed in /help only where it can give a link: elsewhere it only says it cannot.
            CommandRoute(
                "dashboard",
                flow.link,
                N_("The web dashboard") if settings.web_url else None,
                "trainer",
            ),
        ),
        repositories=((SIGN_INS, _sql_sign_ins), (AUDIT, _sql_audit)),
        exporters=(("dashboard", lambda uow, learner: uow.get(SIGN_INS).export(learner)),),
    )
