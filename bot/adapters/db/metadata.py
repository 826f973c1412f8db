"""The metadata of every table, for Alembic: each feature's tables module is imported here."""

import bot.adapters.llm.tables
import bot.channels.telegram.tables
import bot.features.trainers.tables  # noqa: F401 - registers the tables on Base
from bot.adapters.db.tables import Base

metadata = Base.metadata
