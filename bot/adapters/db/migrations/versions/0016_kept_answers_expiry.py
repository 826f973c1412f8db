"""Kept answers: expired ones go for every learner at once, and the same answer is kept once.

Answers kept to be read aloud were deleted a day later only when their learner asked again; each
new answer now deletes every learner's expired ones, which needs `voice_answers.created_at`
indexed. The same answer again (a question asked twice, or its reply shown again after a crash)
is kept once under its first id: `digest` holds a SHA-256 of the language and the text, unique
per learner. Rows kept before this revision get their own id as a digest, which no new answer
can take. Down, the index, the constraint and the column go.

Revision ID: 0016_kept_answers_expiry
Revises: 0015_dashboard
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016_kept_answers_expiry'
down_revision: str | Sequence[str] | None = '0015_dashboard'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('voice_answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('digest', sa.String(length=64), nullable=True))
    op.execute("UPDATE voice_answers SET digest = CAST(id AS VARCHAR(64))")
    with op.batch_alter_table('voice_answers', schema=None) as batch_op:
        batch_op.alter_column('digest', existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_voice_answers_learner_id'), ['learner_id', 'digest'])
        batch_op.create_index(batch_op.f('ix_voice_answers_created_at'), ['created_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('voice_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_voice_answers_created_at'))
        batch_op.drop_constraint(batch_op.f('uq_voice_answers_learner_id'), type_='unique')
        batch_op.drop_column('digest')
