"""Who is signed in: session cookies, form tokens, and the trainer or administrator behind them."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from starlette.requests import Request
from starlette.responses import Response

from bot.core.ports import LEARNERS, Learner, UnitOfWork
from bot.features.dashboard.links import new_token, token_hash
from bot.features.dashboard.ports import SIGN_INS, WebSession
from bot.features.trainers.access import Access
from bot.features.trainers.ports import COHORTS, Cohort

COOKIE: Final = "tutor_dashboard"
CSRF_FIELD: Final = "csrf"


@dataclass(frozen=True)
class Viewer:
    """The person using the dashboard, their session and what they may see."""

    learner: Learner
    session: WebSession
    cookie_hash: str
    is_admin: bool

    async def cohorts(self, stores: UnitOfWork) -> list[Cohort]:
        """Return the cohorts this person may open: their own, or every one for an admin."""
        return await stores.get(COHORTS).cohorts_of(None if self.is_admin else self.learner.id)

    async def cohort(self, stores: UnitOfWork, cohort_id: int) -> Cohort | None:
        """Return a cohort this person may open; None for anyone else's."""
        for cohort in await self.cohorts(stores):
            if cohort.id == cohort_id:
                return cohort
        return None

    def form_token_ok(self, sent: object) -> bool:
        """Tell whether a form carries this session's token (against cross-site requests)."""
        return isinstance(sent, str) and hmac.compare_digest(sent, self.session.csrf_token)


async def viewer(
    request: Request, stores: UnitOfWork, access: Access, idle: timedelta, now: datetime
) -> Viewer | None:
    """Return who is signed in on this request; None without a live session or a role."""
    cookie = request.cookies.get(COOKIE)
    if not cookie:
        return None
    hashed = token_hash(cookie)
    session = await stores.get(SIGN_INS).find_session(hashed, now - idle, now)
    if session is None:
        return None
    learner = await stores.get(LEARNERS).get(session.learner_id)
    if learner is None:
        return None
    is_admin = access.is_admin(learner)
    if not is_admin and not await stores.get(COHORTS).is_trainer(learner.id):
        return None
    return Viewer(learner, session, hashed, is_admin)


async def open_session(stores: UnitOfWork, learner_id: int, now: datetime) -> str:
    """Open a session for someone and return its cookie's value."""
    cookie = new_token()
    await stores.get(SIGN_INS).open_session(learner_id, token_hash(cookie), new_token(), now)
    return cookie


def set_cookie(response: Response, cookie: str, *, secure: bool) -> None:
    """Give the browser its session cookie: for this visit, unseen by scripts, not cross-site."""
    response.set_cookie(COOKIE, cookie, httponly=True, secure=secure, samesite="lax")
