"""Create the tables of streaks, milestones and certificates.

`learning_streaks` keeps four values per learner (the run of learning days, the longest, the last
learning day and the last day a weekly freeze covered); `celebrations` the milestones a learner
was congratulated on, once each; `certificates` the certificates with the name as the learner
wished it, known by a keyed hash of their code; `forgotten_certificates` only the code hashes of
the certificates of learners who used /forget, so that those codes read as revoked. Down, they go.

Revision ID: 0010_progress_certificates
Revises: 0009_recent_questions
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010_progress_certificates'
down_revision: str | Sequence[str] | None = '0009_recent_questions'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('learning_streaks',
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('best', sa.Integer(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('frozen_day', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_learning_streaks_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('learner_id', name=op.f('pk_learning_streaks'))
    )
    op.create_table('celebrations',
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('milestone', sa.String(length=80), nullable=False),
    sa.Column('reached_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_celebrations_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('learner_id', 'milestone', name=op.f('pk_celebrations'))
    )
    op.create_table('certificates',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('code_digest', sa.String(length=64), nullable=False),
    sa.Column('code_prefix', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('modules', sa.JSON(), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_certificates_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificates')),
    sa.UniqueConstraint('code_digest', name=op.f('uq_certificates_code_digest'))
    )
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificates_learner_id'), ['learner_id'], unique=False)

    op.create_table('forgotten_certificates',
    sa.Column('code_digest', sa.String(length=64), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('code_digest', name=op.f('pk_forgotten_certificates'))
    )


def downgrade() -> None:
    op.drop_table('forgotten_certificates')
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificates_learner_id'))

    op.drop_table('certificates')
    op.drop_table('celebrations')
    op.drop_table('learning_streaks')
