"""Alembic environment: runs on the connection handed over by `Database`, or on its own."""

import asyncio

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from bot.config import load_settings

config = context.config


def run_on(connection: Connection) -> None:
    from bot.app import schema  # the assembler knows every feature's tables

    context.configure(
        connection=connection,
        target_metadata=schema(),
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_standalone() -> None:
    # Bound values may be what learners wrote: never in an error or a log line.
    engine = create_async_engine(load_settings().resolved_database_url, hide_parameters=True)
    async with engine.begin() as connection:
        await connection.run_sync(run_on)
    await engine.dispose()


connection = config.attributes.get("connection")
if connection is not None:
    run_on(connection)
else:
    asyncio.run(run_standalone())
