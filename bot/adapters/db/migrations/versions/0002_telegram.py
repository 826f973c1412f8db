"""Create the Telegram tables: handled update ids and quiz polls awaiting an answer.

Revision ID: 0002_telegram
Revises: 0001_core
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002_telegram'
down_revision: str | Sequence[str] | None = '0001_core'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('telegram_updates',
    sa.Column('bot_id', sa.BigInteger(), nullable=False),
    sa.Column('update_id', sa.BigInteger(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('bot_id', 'update_id', name=op.f('pk_telegram_updates'))
    )
    with op.batch_alter_table('telegram_updates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_telegram_updates_received_at'), ['received_at'], unique=False)

    op.create_table('telegram_polls',
    sa.Column('poll_id', sa.String(length=64), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('answer_data', sa.JSON(), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_telegram_polls_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('poll_id', name=op.f('pk_telegram_polls'))
    )
    with op.batch_alter_table('telegram_polls', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_telegram_polls_learner_id'), ['learner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_telegram_polls_sent_at'), ['sent_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('telegram_polls', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_telegram_polls_sent_at'))
        batch_op.drop_index(batch_op.f('ix_telegram_polls_learner_id'))

    op.drop_table('telegram_polls')
    with op.batch_alter_table('telegram_updates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_telegram_updates_received_at'))

    op.drop_table('telegram_updates')
