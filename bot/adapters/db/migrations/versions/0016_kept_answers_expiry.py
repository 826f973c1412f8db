"""An index on when an answer was kept, so that every learner's expired answers go at once.

Answers kept to be read aloud were deleted a day later only when their learner asked again; each
new answer now deletes every learner's expired ones, which needs `voice_answers.created_at`
indexed. Down, the index goes.

Revision ID: 0016_kept_answers_expiry
Revises: 0015_dashboard
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0016_kept_answers_expiry'
down_revision: str | Sequence[str] | None = '0015_dashboard'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('voice_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_voice_answers_created_at'), ['created_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('voice_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_voice_answers_created_at'))
