"""The certificate: for learners who finished every lesson and mastered most of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.feature import (
    CommandRoute,
    Deferred,
    Departure,
    FeatureContext,
    Manifest,
    TextRoute,
    on,
)
from bot.core.router import Turn
from bot.features.certificate import flows
from bot.features.certificate.buttons import ConfirmName, GetCertificate, UseFirstName
from bot.features.certificate.ports import CERTIFICATES, CertificateStore
from bot.i18n import N_

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.adapters.db.tables import Base

DOMAIN = "tutor"


def _tables() -> tuple[type[Base], ...]:
    from bot.features.certificate.tables import CertificateRow, ForgottenCertificateRow

    return (CertificateRow, ForgottenCertificateRow)


TABLES = Deferred(_tables)


def _sql_certificates(session: AsyncSession) -> CertificateStore:
    # Imported on first use, like the tables, so the manifest loads without SQLAlchemy.
    from bot.features.certificate.repo import SqlCertificates

    return SqlCertificates(session)


async def _warning(turn: Turn) -> str | None:
    if await turn.repo(CERTIFICATES).valid_of(turn.learner.id) is None:
        return None
    return turn.t.gettext(
        "Your certificate will be withdrawn: whoever checks its code will read that it is "
        "no longer valid."
    )


async def _forget(turn: Turn) -> None:
    # The certificates go with the learner; their codes stay known as revoked, so that whoever
    # checks a certificate the learner still shows learns that it was withdrawn, not forged.
    await turn.repo(CERTIFICATES).forget(turn.learner.id, turn.now)


def manifest(_: FeatureContext) -> Manifest:
    """Return what the certificate handles."""
    return Manifest(
        name="certificate",
        commands=(CommandRoute("certificate", flows.get_certificate, N_("Your certificate")),),
        buttons=(
            on(GetCertificate, flows.get_certificate),
            on(UseFirstName, flows.use_first_name),
            on(ConfirmName, flows.confirm_name),
        ),
        texts=(TextRoute(flows.name_typed, flows.NamingCertificate.flow),),
        states=(flows.NamingCertificate,),
        repositories=((CERTIFICATES, _sql_certificates),),
        exporters=(("certificates", lambda uow, learner: uow.get(CERTIFICATES).export(learner)),),
        departures=(Departure(_warning, _forget),),
    )
