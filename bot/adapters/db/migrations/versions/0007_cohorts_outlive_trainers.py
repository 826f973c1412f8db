"""Keep a cohort when its trainer deletes their data: it loses its trainer, not its learners.

`cohorts.trainer_id` may be empty and is emptied (`ON DELETE SET NULL`) when the trainer's
learner row goes, where it used to take the cohort, its memberships and plans along. Going back
deletes the cohorts without a trainer, with what hangs on them, as the old schema would have.

Revision ID: 0007_cohorts_outlive_trainers
Revises: 0006_quiz_item_ids
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007_cohorts_outlive_trainers'
down_revision: str | Sequence[str] | None = '0006_quiz_item_ids'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FOREIGN_KEY = 'fk_cohorts_trainer_id_learners'
# What points at a cohort, deleted by hand: SQLite runs migrations with foreign keys off.
ORPHANS = 'SELECT id FROM cohorts WHERE trainer_id IS NULL'
DEPENDENTS = (
    f'DELETE FROM outbox WHERE push_id IN (SELECT id FROM pushes WHERE cohort_id IN ({ORPHANS}))',
    f'DELETE FROM pushes WHERE cohort_id IN ({ORPHANS})',
    f'DELETE FROM push_plans WHERE cohort_id IN ({ORPHANS})',
    f'DELETE FROM push_drafts WHERE cohort_id IN ({ORPHANS})',
    f'DELETE FROM access_codes WHERE cohort_id IN ({ORPHANS})',
    f'DELETE FROM cohort_members WHERE cohort_id IN ({ORPHANS})',
    'DELETE FROM cohorts WHERE trainer_id IS NULL',
)


def _trainer_key(nullable: bool, ondelete: str) -> None:
    with op.batch_alter_table('cohorts') as batch_op:
        batch_op.drop_constraint(FOREIGN_KEY, type_='foreignkey')
        batch_op.alter_column('trainer_id', existing_type=sa.Integer(), nullable=nullable)
        batch_op.create_foreign_key(
            FOREIGN_KEY, 'learners', ['trainer_id'], ['id'], ondelete=ondelete
        )


def upgrade() -> None:
    _trainer_key(nullable=True, ondelete='SET NULL')


def downgrade() -> None:
    for statement in DEPENDENTS:
        op.execute(statement)
    _trainer_key(nullable=False, ondelete='CASCADE')
