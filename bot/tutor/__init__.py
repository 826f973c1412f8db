"""The tutor core: learning flows that know nothing about any transport."""

from bot.tutor import lessons, privacy, progress, quiz, screens
from bot.tutor.router import Router


def core_router() -> Router:
    """Return a router with the core flows: menus, lessons, quizzes, reviews, progress, privacy."""
    router = Router()
    for flow in (screens, lessons, quiz, progress, privacy):
        flow.register(router)
    return router
