"""Keep the limits under a hashed identity, so that /forget no longer resets them.

The daily model budget and the wrong-code throttle move to `identity_counters`, keyed by an
HMAC of the channel identity and kept until their window ends. `code_failures`, keyed by the
learner (and so deleted by /forget), goes. The counters start empty: for the day of the upgrade,
a learner may make up to a day's model calls again and has fresh tries at a code. Down, the
counters go and `code_failures` comes back empty.

Revision ID: 0008_identity_counters
Revises: 0007_cohorts_outlive_trainers
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008_identity_counters'
down_revision: str | Sequence[str] | None = '0007_cohorts_outlive_trainers'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('identity_counters',
    sa.Column('identity', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=16), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('last_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('identity', 'name', name=op.f('pk_identity_counters'))
    )
    with op.batch_alter_table('identity_counters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_identity_counters_expires_at'), ['expires_at'], unique=False)

    op.drop_table('code_failures')


def downgrade() -> None:
    op.create_table('code_failures',
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failure_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_code_failures_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('learner_id', name=op.f('pk_code_failures'))
    )
    with op.batch_alter_table('identity_counters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_identity_counters_expires_at'))

    op.drop_table('identity_counters')
