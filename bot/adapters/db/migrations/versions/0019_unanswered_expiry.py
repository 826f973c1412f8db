"""Unanswered questions expire: the sweeper deletes those older than 30 days every minute.

Questions the lessons did not answer stayed until /forget, though the trainers' reports read
only the last 30 days; they now go after 30 days, which needs `unanswered_questions.asked_at`
indexed. Down, the index goes (the rows deleted stay deleted).

Revision ID: 0019_unanswered_expiry
Revises: 0018_ids_never_reused
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0019_unanswered_expiry'
down_revision: str | Sequence[str] | None = '0018_ids_never_reused'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('unanswered_questions', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_unanswered_questions_asked_at'), ['asked_at'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('unanswered_questions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unanswered_questions_asked_at'))
