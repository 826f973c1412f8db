"""The trainers' web dashboard: sign-in links, browser sessions, an audit log, handled questions.

Links and sessions are kept as hashes of their tokens and go with their person; audit entries
outlive their author (without who it was) and go with their cohort. Down, all go, and with them
the mark of questions handled.

Revision ID: 0015_dashboard
Revises: 0014_weekly_report
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0015_dashboard'
down_revision: str | Sequence[str] | None = '0014_weekly_report'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('web_sign_in_links',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_web_sign_in_links_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_web_sign_in_links')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_web_sign_in_links_token_hash'))
    )
    op.create_index(op.f('ix_web_sign_in_links_learner_id'), 'web_sign_in_links', ['learner_id'], unique=False)
    op.create_table('web_sessions',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('csrf_token', sa.String(length=64), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_web_sessions_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_web_sessions'))
    )
    op.create_index(op.f('ix_web_sessions_learner_id'), 'web_sessions', ['learner_id'], unique=False)
    op.create_table('dashboard_audit',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('cohort_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['learners.id'], name=op.f('fk_dashboard_audit_actor_id_learners'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_dashboard_audit_cohort_id_cohorts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dashboard_audit'))
    )
    op.create_index(op.f('ix_dashboard_audit_cohort_id'), 'dashboard_audit', ['cohort_id'], unique=False)
    with op.batch_alter_table('unanswered_questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('unanswered_questions', schema=None) as batch_op:
        batch_op.drop_column('handled_at')

    op.drop_index(op.f('ix_dashboard_audit_cohort_id'), table_name='dashboard_audit')
    op.drop_table('dashboard_audit')
    op.drop_index(op.f('ix_web_sessions_learner_id'), table_name='web_sessions')
    op.drop_table('web_sessions')
    op.drop_index(op.f('ix_web_sign_in_links_learner_id'), table_name='web_sign_in_links')
    op.drop_table('web_sign_in_links')
