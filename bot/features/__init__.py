"""The tutor core: learning flows that know nothing about any transport."""

from bot.core.router import Router
from bot.features.lessons import flows as lessons
from bot.features.menu import flows as screens
from bot.features.privacy import flows as privacy
from bot.features.progress import flows as progress
from bot.features.quiz import flows as quiz


def core_router() -> Router:
    """Return a router with the core flows: menus, lessons, quizzes, reviews, progress, privacy."""
    router = Router()
    for flow in (screens, lessons, quiz, progress, privacy):
        flow.register(router)
    return router
