"""The database: engine, sessions and migrations, opened at start and closed at shutdown."""

from __future__ import annotations

import ast
import asyncio
import fcntl
import re
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import String, Table, column, event, inspect, select, table, text
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection, CursorResult, make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.adapters.db.sqlite_trips import OneTripConnection, open_one_trip_connection
from bot.adapters.db.tables import Base, table_of
from bot.waiting import Patience

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.dialects import postgresql

    from bot.config import Settings


class MigrationError(Exception):
    """Raised when a migration command cannot run, such as for a revision that does not exist."""


MIGRATIONS_DIR = Path(__file__).parent / "migrations"
VERSION_TABLE = "alembic_version"  # Alembic's default, which env.py keeps
# `revision = '0006_…'` and `down_revision = '0005_…'` (or None, or a tuple for a merge).
# Any number, the same in every process of the tutor: PostgreSQL's advisory lock on migrations.
MIGRATION_LOCK = 0x7475746F72  # "tutor"
SQLITE_BUSY_SECONDS = 30
# A server connection used this recently is taken as alive, without a ping.
PING_AFTER_IDLE_SECONDS = 10.0
_IDLE_SINCE = "tutor_idle_since"
_REVISION_LINE = re.compile(r"^(down_revision|revision)\b[^=\n]*=\s*(.+)$", re.MULTILINE)
# What PostgreSQL answers while it starts, or when it is full: worth asking again.
_BUSY_SERVER_ERRORS = frozenset({"CannotConnectNowError", "TooManyConnectionsError"})


def alembic_config(connection: Connection | None = None) -> Config:
    """Build the Alembic configuration in code, optionally bound to an open connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


@cache
def head_revision() -> str | None:
    """Return the latest migration's revision, read from the scripts without running them.

    None when the scripts do not say it plainly (several heads, a computed value): Alembic then
    decides.
    """
    revisions: set[str] = set()
    revised: set[str] = set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for name, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            try:
                parsed = ast.literal_eval(value.strip())
            except (SyntaxError, ValueError):  # not a plain literal
                return None
            named = {parsed} if isinstance(parsed, str) else set(parsed or ())
            (revisions if name == "revision" else revised).update(named)
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


def _stored_revisions(connection: Connection) -> set[str]:
    if not inspect(connection).has_table(VERSION_TABLE):
        return set()
    versions = select(column("version_num", String)).select_from(table(VERSION_TABLE))
    return set(connection.execute(versions).scalars())


def _set_up_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # SQLite ignores ON DELETE CASCADE unless asked per connection; /forget relies on it.
    cursor.execute("PRAGMA foreign_keys=ON")
    # A write-ahead log without a disk sync per commit: a commit survives the process being
    # killed (only a power cut may lose the last ones), and takes a fraction of a millisecond,
    # which keeps short the window in which a push Telegram accepted is not yet marked sent.
    _until_unlocked(lambda: cursor.execute("PRAGMA journal_mode=WAL"))
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _note_idle_since(_dbapi_connection: Any, record: Any) -> None:
    record.info[_IDLE_SINCE] = time.monotonic()


def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    idle_since = record.info.get(_IDLE_SINCE)
    if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
        return
    try:
        dbapi_connection.ping()
    except Exception as error:
        # The pool then drops this connection and checks out another one, or opens one.
        raise DisconnectionError("idle connection lost") from error


def _until_unlocked(statement: Callable[[], object]) -> None:
    # Switching to the write-ahead log needs the file to itself, and SQLite fails at once rather
    # than wait for its busy timeout while another process (starting too) migrates the database.
    deadline = time.monotonic() + SQLITE_BUSY_SECONDS
    while True:
        try:
            statement()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
        time.sleep(0.02)


def unreachable_for_now(error: BaseException) -> bool:
    """Tell whether a failed connection may succeed later: no answer yet, or a busy server."""
    if isinstance(error, OSError):  # refused, timed out, or a host name not known yet
        return True
    cause = error.orig.__cause__ if isinstance(error, DBAPIError) and error.orig else None
    return type(cause).__name__ in _BUSY_SERVER_ERRORS


async def _set_sqlite_foreign_keys(connection: AsyncConnection, *, on: bool) -> None:
    # Outside a transaction: SQLite ignores this pragma inside one.
    await connection.commit()
    await connection.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    await connection.commit()


class OneAtATime:
    """Let one task at a time through, in the order they came; the task inside may come again."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._holder: asyncio.Task[Any] | None = None

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Wait for the tasks before this one, then hold the way until the block ends."""
        task = asyncio.current_task()
        if task is not None and task is self._holder:
            # A session opened inside another one, by the same task: waiting would never end.
            yield
            return
        async with self._lock:
            self._holder = task
            try:
                yield
            finally:
                self._holder = None


class Database:
    """Own the engine; hand out one session per unit of work."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        self.url = url
        # For log lines and error messages.
        self.safe_url = parsed.render_as_string(hide_password=True)
        sqlite = parsed.get_backend_name() == "sqlite"
        # Bound values are often what learners wrote: keep them out of errors and log lines.
        self.engine: AsyncEngine = create_async_engine(
            url,
            echo=echo,
            hide_parameters=True,
            **({"async_creator": self._connect_sqlite} if sqlite else {}),
        )
        if sqlite:
            event.listen(self.engine.sync_engine, "connect", _set_up_sqlite_connection)
        else:
            # A server may drop connections left idle (a restart, a firewall's timeout).
            # Pinging every checkout, as SQLAlchemy's pre-ping does, cost three round trips
            # per turn; only a connection idle for a while is pinged now.
            event.listen(self.engine.sync_engine.pool, "checkin", _note_idle_since)
            event.listen(self.engine.sync_engine.pool, "checkout", _ping_if_idle)
        self._sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        # SQLite has one writer. The process's own transactions queue here, in order, instead of
        # polling the file's lock: SQLite's busy handler sleeps up to 100 ms between tries, so
        # 20 learners at once were slower than one at a time. Other processes still wait in it.
        self._writers = OneAtATime() if sqlite else None

    async def _connect_sqlite(self) -> OneTripConnection:
        arguments, options = self.engine.dialect.create_connect_args(self.engine.url)
        # SQLite has one writer: a turn waits for the others' commits, up to 30 s rather than
        # the driver's 5, so that a burst of learners (or two processes) waits instead of failing.
        return await open_one_trip_connection(
            arguments, {**options, "timeout": SQLITE_BUSY_SECONDS}
        )

    @property
    def dialect(self) -> str:
        """Return the backend name, `sqlite` or `postgresql`."""
        return self.engine.dialect.name

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """Open a session in a transaction, committed on success and rolled back on error."""
        async with self._writer_turn(), self._sessions() as session, session.begin():
            yield session

    def _writer_turn(self) -> AbstractAsyncContextManager[None]:
        return self._writers.turn() if self._writers else nullcontext()

    @asynccontextmanager
    async def held_session(self) -> AsyncIterator[AsyncSession]:
        """Open a session on a connection of its own, for short transactions the caller commits."""
        # Keeping the connection spares each commit a checkout, a liveness ping and a reset,
        # which on SQLite cost more than the write itself.
        async with self.engine.connect() as connection, self._sessions(bind=connection) as session:
            yield session

    async def ping(self) -> None:
        """Run the smallest query, to know the database answers."""
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def wait_until_reachable(self, seconds: float) -> None:
        """Wait up to `seconds` for the database to answer; raise `Unreachable` after that."""
        patience = Patience(f"the database at {self.safe_url}", seconds, unreachable_for_now)
        await patience.wait(self.ping)

    async def upgrade(self, revision: str = "head") -> None:
        """Run the Alembic migrations up to `revision`; at once when the database is at head."""
        if revision == "head" and await self.at_head():
            # Loading Alembic and every migration to learn there is nothing to do would cost
            # most of a command's start-up.
            return
        from alembic import command

        await self._migrate_to(command.upgrade, revision)

    async def downgrade(self, revision: str = "base") -> None:
        """Run the Alembic migrations down to `revision`."""
        from alembic import command

        await self._migrate_to(command.downgrade, revision)

    async def _migrate_to(self, move: Callable[[Config, str], None], revision: str) -> None:
        """Run one Alembic command to a revision; raise `MigrationError` for one it cannot find."""
        from alembic.util import CommandError

        try:
            await self._migrate(lambda sync: move(alembic_config(sync), revision))
        except CommandError as error:
            raise MigrationError(str(error)) from None

    async def revisions(self) -> set[str]:
        """Return the revisions the database stands at (none before the first migration)."""
        async with self.engine.connect() as connection:
            return await connection.run_sync(_stored_revisions)

    async def at_head(self) -> bool:
        """Tell whether the database stands at the latest migration, by its version table."""
        head = head_revision()
        if head is None:
            return False
        async with self.engine.connect() as connection:
            return await connection.run_sync(_stored_revisions) == {head}

    async def _migrate(self, run: Callable[[Connection], None]) -> None:
        async with self.engine.connect() as connection, self._migration_lock(connection):
            if self.dialect == "sqlite":
                # Migrations rebuild SQLite tables (copy, drop, rename); with foreign keys on,
                # dropping `learners` would delete every row that references a learner.
                await _set_sqlite_foreign_keys(connection, on=False)
            try:
                await connection.run_sync(run)
                await connection.commit()
            finally:
                if self.dialect == "sqlite":
                    await _set_sqlite_foreign_keys(connection, on=True)

    @asynccontextmanager
    async def _migration_lock(self, connection: AsyncConnection) -> AsyncIterator[None]:
        """Hold a lock on migrations, so that processes starting together migrate one by one."""
        if self.dialect == "sqlite":
            async with _file_lock(self.url):
                yield
            return
        # Session-level, not tied to a transaction: it spans the migration's own commit. The
        # process that waited then finds the database at head and Alembic does nothing.
        await connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        await connection.commit()
        try:
            yield
        finally:
            await connection.rollback()  # whatever a failed migration left open
            await connection.execute(
                text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK}
            )
            await connection.commit()

    async def close(self) -> None:
        """Close every pooled connection."""
        await self.engine.dispose()


@asynccontextmanager
async def _file_lock(url: str) -> AsyncIterator[None]:
    """Hold a lock file beside a SQLite database (none for one in memory, which one process has)."""
    path = make_url(url).database
    if path in (None, "", ":memory:"):
        yield
        return
    # Waited for in a thread, not to block the event loop; released when the file closes.
    lock_file = await asyncio.to_thread(_locked, Path(f"{path}.migrating"))
    try:
        yield
    finally:
        lock_file.close()


def _locked(path: Path) -> IO[str]:
    lock_file = path.open("a")
    fcntl.flock(lock_file, fcntl.LOCK_EX)
    return lock_file


@asynccontextmanager
async def open_database(settings: Settings) -> AsyncIterator[Database]:
    """Open the database (waiting for it), migrated to the latest revision; close it at the end."""
    database = Database(settings.resolved_database_url)
    try:
        await database.wait_until_reachable(settings.startup_wait_seconds)
        await database.upgrade()
        yield database
    finally:
        await database.close()


def affected(result: Any) -> int:
    """Return how many rows an UPDATE or DELETE changed."""
    assert isinstance(result, CursorResult)
    return result.rowcount


def upsert(
    session: AsyncSession, row: type[Any] | Table
) -> postgresql.Insert | sqlite_dialect.Insert:
    """Return an INSERT that can say ON CONFLICT, in the dialect of the session's database."""
    return insert_for(session.get_bind().dialect.name, row)


def insert_for(dialect: str, row: type[Any] | Table) -> postgresql.Insert | sqlite_dialect.Insert:
    """Return an INSERT that can say ON CONFLICT, in this dialect (`postgresql` or `sqlite`)."""
    if dialect == "postgresql":
        # Imported here: on SQLite, loading PostgreSQL's dialect slowed the start by 0.1 s.
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(row)
    return sqlite_dialect.insert(row)


async def save_row(
    session: AsyncSession, row: type[Base], values: Mapping[str, Any], keys: Sequence[str]
) -> None:
    """Insert a row, or update the one with the same keys, in one statement."""
    # On the table, without mapped objects: the repositories that save rows this way read them
    # on the table too, so no mapped copy held by the session can be older than the row.
    insert = upsert(session, table_of(row)).values(dict(values))
    changed = {name: insert.excluded[name] for name in values if name not in keys}
    await session.execute(insert.on_conflict_do_update(index_elements=list(keys), set_=changed))
