"""Never give a deleted learner's, group's or push's number to a new one, on SQLite too.

SQLite numbers a new row after the highest one left, so a deleted last row's number came back:
a trainer's old "Yes, delete" button for a group, or a number typed to cancel a push, could then
reach the new row of that number. AUTOINCREMENT keeps the highest number ever given. PostgreSQL's
sequences never give a number twice: nothing changes there. Down, the tables are rebuilt without.

Revision ID: 0018_ids_never_reused
Revises: 0017_buttons_on_screen
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0018_ids_never_reused'
down_revision: str | Sequence[str] | None = '0017_buttons_on_screen'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('learners', 'cohorts', 'push_plans', 'pushes')


def _rebuild(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    for table in TABLES:
        # The rebuilt table takes its rows with their numbers, and SQLite records the highest.
        with op.batch_alter_table(
            table, recreate='always', table_kwargs={'sqlite_autoincrement': autoincrement}
        ):
            pass


def upgrade() -> None:
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)
