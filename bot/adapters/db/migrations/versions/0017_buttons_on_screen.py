"""The buttons on a learner's screen: typed words that name one do what tapping it does.

`conversations.buttons` keeps the [label, data] pairs of the last reply that had buttons. Rows
kept before this revision have none, until their learner's next turn. Down, the column goes.

Revision ID: 0017_buttons_on_screen
Revises: 0016_kept_answers_expiry
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017_buttons_on_screen'
down_revision: str | Sequence[str] | None = '0016_kept_answers_expiry'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('buttons', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.drop_column('buttons')
