"""Add voice: the read-aloud setting, answers kept a day to read aloud, uploaded voice notes.

`voice_settings` and `voice_answers` belong to a learner (deleted with them); the Telegram
`file_id`s of course text read aloud belong to nobody.

Revision ID: 0013_voice
Revises: 0012_learning_gain
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013_voice'
down_revision: str | Sequence[str] | None = '0012_learning_gain'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('voice_settings',
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('read_aloud', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_voice_settings_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('learner_id', name=op.f('pk_voice_settings'))
    )
    op.create_table('voice_answers',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('text', sa.String(length=4000), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_voice_answers_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_voice_answers'))
    )
    with op.batch_alter_table('voice_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_voice_answers_learner_id'), ['learner_id'], unique=False)

    op.create_table('telegram_voice_files',
    sa.Column('text_hash', sa.String(length=64), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('engine', sa.String(length=64), nullable=False),
    sa.Column('voice', sa.String(length=64), nullable=False),
    sa.Column('file_id', sa.String(length=255), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('text_hash', 'language', 'engine', 'voice', name=op.f('pk_telegram_voice_files'))
    )


def downgrade() -> None:
    op.drop_table('telegram_voice_files')
    with op.batch_alter_table('voice_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_voice_answers_learner_id'))

    op.drop_table('voice_answers')
    op.drop_table('voice_settings')
