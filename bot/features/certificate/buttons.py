"""The certificate's buttons."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.callbacks import CallbackData


@dataclass(frozen=True)
class GetCertificate(CallbackData):
    """Start making the learner's certificate."""

    action = "certificate.get"


@dataclass(frozen=True)
class UseFirstName(CallbackData):
    """Put the learner's first name, as their chat app gives it, on the certificate."""

    action = "certificate.first"


@dataclass(frozen=True)
class ConfirmName(CallbackData):
    """Make the certificate with the name the learner typed and saw again."""

    action = "certificate.ok"
