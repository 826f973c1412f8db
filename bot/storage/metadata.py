"""The metadata of every table, for Alembic: each feature's tables module is imported here."""

import bot.llm.tables
import bot.telegram.tables
import bot.trainers.tables  # noqa: F401 - registers the tables on Base
from bot.storage.tables import Base

metadata = Base.metadata
