"""The metadata of every table, for Alembic: each feature's tables module is imported here."""

from bot.storage.tables import Base

metadata = Base.metadata
