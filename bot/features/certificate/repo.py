"""The certificates on the database."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.ports import jsonable
from bot.features.certificate.ports import Certificate, Verification
from bot.features.certificate.tables import CertificateRow, ForgottenCertificateRow


def _certificate(row: CertificateRow) -> Certificate:
    return Certificate(
        code_prefix=row.code_prefix,
        name=row.name,
        language=row.language,
        modules=tuple(str(title) for title in row.modules),
        issued_at=row.issued_at,
        revoked_at=row.revoked_at,
    )


class SqlCertificates:
    """Certificates in the `certificates` and `forgotten_certificates` tables."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def issue(
        self, learner_id: int, digest: str, certificate: Certificate, now: datetime
    ) -> None:
        """Store a new certificate, revoking the learner's earlier ones."""
        await self.session.execute(
            update(CertificateRow)
            .where(CertificateRow.learner_id == learner_id, CertificateRow.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        self.session.add(
            CertificateRow(
                learner_id=learner_id,
                code_digest=digest,
                code_prefix=certificate.code_prefix,
                name=certificate.name,
                language=certificate.language,
                modules=list(certificate.modules),
                issued_at=certificate.issued_at,
            )
        )
        await self.session.flush()

    async def valid_of(self, learner_id: int) -> Certificate | None:
        """Return the learner's certificate that is not revoked, if any."""
        row = await self.session.scalar(
            select(CertificateRow).where(
                CertificateRow.learner_id == learner_id, CertificateRow.revoked_at.is_(None)
            )
        )
        return _certificate(row) if row else None

    async def of_learner(self, learner_id: int) -> list[Certificate]:
        """Return every certificate of the learner, oldest first."""
        rows = await self.session.scalars(
            select(CertificateRow)
            .where(CertificateRow.learner_id == learner_id)
            .order_by(CertificateRow.issued_at, CertificateRow.id)
        )
        return [_certificate(row) for row in rows]

    async def verify(self, digest: str) -> Verification:
        """Say what the certificate with this code digest is."""
        row = await self.session.scalar(
            select(CertificateRow).where(CertificateRow.code_digest == digest)
        )
        if row is not None:
            certificate = _certificate(row)
            if row.revoked_at is None:
                return Verification("valid", certificate)
            return Verification("revoked", revoked_at=row.revoked_at)
        forgotten = await self.session.get(ForgottenCertificateRow, digest)
        if forgotten is not None:
            return Verification("revoked", revoked_at=forgotten.revoked_at)
        return Verification("unknown")

    async def revoke(self, digest: str, now: datetime) -> bool:
        """Revoke a certificate; return False when no valid one has this digest."""
        result = await self.session.execute(
            update(CertificateRow)
            .where(CertificateRow.code_digest == digest, CertificateRow.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        return bool(getattr(result, "rowcount", 0))

    async def forget(self, learner_id: int, now: datetime) -> None:
        """Keep only the digests of a departing learner's certificates, as revoked."""
        rows = await self.session.scalars(
            select(CertificateRow).where(CertificateRow.learner_id == learner_id)
        )
        for row in rows:
            self.session.add(
                ForgottenCertificateRow(
                    code_digest=row.code_digest, revoked_at=row.revoked_at or now
                )
            )
        await self.session.flush()

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's certificates for /mydata (the code's first characters only)."""
        return [
            jsonable(
                {
                    "code_starts_with": c.code_prefix,
                    "name": c.name,
                    "language": c.language,
                    "modules": list(c.modules),
                    "issued_at": c.issued_at,
                    "revoked_at": c.revoked_at,
                }
            )
            for c in await self.of_learner(learner_id)
        ]
