"""What the certificate asks of its store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, Protocol

from bot.core.ports import Port

Status = Literal["valid", "revoked", "unknown"]


@dataclass(frozen=True)
class Certificate:
    """A certificate as issued: who it names, when, for which modules; and if it was revoked."""

    code_prefix: str
    name: str
    language: str
    modules: tuple[str, ...]
    issued_at: datetime
    revoked_at: datetime | None = None


@dataclass(frozen=True)
class Verification:
    """What a verification code says: valid (with its certificate), revoked (since), unknown."""

    status: Status
    certificate: Certificate | None = None
    revoked_at: datetime | None = None


class CertificateStore(Protocol):
    """Certificates, known by a keyed hash of their code (the code itself is never stored)."""

    async def issue(
        self, learner_id: int, digest: str, certificate: Certificate, now: datetime
    ) -> None:
        """Store a new certificate, revoking the learner's earlier ones."""
        ...

    async def valid_of(self, learner_id: int) -> Certificate | None:
        """Return the learner's certificate that is not revoked, if any."""
        ...

    async def of_learner(self, learner_id: int) -> list[Certificate]:
        """Return every certificate of the learner, oldest first."""
        ...

    async def verify(self, digest: str) -> Verification:
        """Say what the certificate with this code digest is."""
        ...

    async def revoke(self, digest: str, now: datetime) -> bool:
        """Revoke a certificate; return False when no valid one has this digest."""
        ...

    async def forget(self, learner_id: int, now: datetime) -> None:
        """Keep only the digests of a departing learner's certificates, as revoked."""
        ...

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's certificates for /mydata."""
        ...


CERTIFICATES: Port[CertificateStore] = Port("certificates")
