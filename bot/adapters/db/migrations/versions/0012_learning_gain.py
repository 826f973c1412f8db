"""Keep the check-in and check-out: each learner's forms, their scores and every answer.

Two new tables, empty at first; both are deleted with their learner. Down, they go.

Revision ID: 0012_learning_gain
Revises: 0011_fsrs_reviews
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012_learning_gain'
down_revision: str | Sequence[str] | None = '0011_fsrs_reviews'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('check_results',
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('form', sa.String(length=1), nullable=False),
    sa.Column('offered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('skipped_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('total', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_check_results_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('learner_id', 'form', name=op.f('pk_check_results'))
    )
    op.create_table('check_answers',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('form', sa.String(length=1), nullable=False),
    sa.Column('item_id', sa.String(length=32), nullable=False),
    sa.Column('chosen', sa.Integer(), nullable=False),
    sa.Column('is_correct', sa.Boolean(), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_check_answers_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_answers')),
    sa.UniqueConstraint('learner_id', 'form', 'item_id', name=op.f('uq_check_answers_learner_id'))
    )
    with op.batch_alter_table('check_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_answers_learner_id'), ['learner_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('check_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_answers_learner_id'))

    op.drop_table('check_answers')
    op.drop_table('check_results')
