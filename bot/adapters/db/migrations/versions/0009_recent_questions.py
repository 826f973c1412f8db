"""Keep a learner's last few questions, redacted, for a short time.

They let the tutor understand a follow-up question ("and at work?") and answer a question again
in the learner's own language. Deleted with the learner, and after 30 minutes.

Revision ID: 0009_recent_questions
Revises: 0008_identity_counters
Create Date: 2026-12-10
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009_recent_questions'
down_revision: str | Sequence[str] | None = '0008_identity_counters'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('recent_questions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('text', sa.String(length=1000), nullable=False),
    sa.Column('asked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_recent_questions_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recent_questions'))
    )
    with op.batch_alter_table('recent_questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recent_questions_asked_at'), ['asked_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_recent_questions_learner_id'), ['learner_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('recent_questions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recent_questions_learner_id'))
        batch_op.drop_index(batch_op.f('ix_recent_questions_asked_at'))

    op.drop_table('recent_questions')
