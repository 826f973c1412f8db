"""A weekly report for each trainer, with an off switch.

`cohorts.weekly_report_at` holds the Monday morning whose report was last queued for the
cohort's trainer, so that several processes queue it once. `trainer_settings` holds a trainer's
off switch (no row: the report is on). Down, both go.

Revision ID: 0014_weekly_report
Revises: 0013_voice
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014_weekly_report'
down_revision: str | Sequence[str] | None = '0013_voice'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('trainer_settings',
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('weekly_report', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_trainer_settings_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('learner_id', name=op.f('pk_trainer_settings'))
    )
    with op.batch_alter_table('cohorts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('weekly_report_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('cohorts', schema=None) as batch_op:
        batch_op.drop_column('weekly_report_at')

    op.drop_table('trainer_settings')
