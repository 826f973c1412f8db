"""Keep each learner's conversation as one typed state, instead of a mode and loose columns.

`learners.mode`, `lesson_id`, `card_index` and `quiz_item`, `practice_state` and the
`awaiting`/`previous_mode` of `push_drafts` become one `conversations` row per learner: the
state (flow, step, data) and the state it interrupts. Existing learners are carried over.

Revision ID: 0005_conversations
Revises: 0004_trainers
Create Date: 2026-12-03
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0005_conversations'
down_revision: str | Sequence[str] | None = '0004_trainers'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

State = tuple[str, str, dict[str, Any]]

conversations = sa.table(
    'conversations',
    sa.column('learner_id', sa.Integer()),
    sa.column('flow', sa.String()),
    sa.column('step', sa.String()),
    sa.column('data', sa.JSON()),
    sa.column('resume_flow', sa.String()),
    sa.column('resume_step', sa.String()),
    sa.column('resume_data', sa.JSON()),
    sa.column('lesson_id', sa.String()),
    sa.column('updated_at', sa.DateTime(timezone=True)),
)


def _learning_state(mode: str | None, lesson: str | None, card: int, item: int | None) -> State:
    if mode == 'lesson' and lesson:
        return 'lessons.reading', '', {'lesson': lesson, 'card': card}
    if mode == 'quiz' and lesson and item is not None:
        return 'quiz.answering', '', {'lesson': lesson, 'item': item}
    if mode == 'review':
        return 'review.reviewing', '', {}
    return 'core.idle', '', {'lesson': lesson}


def _conversation(row: sa.Row[Any]) -> tuple[State, State | None]:
    """Return the state and the interrupted state of one learner, from the old columns."""
    lesson, card, item = row.lesson_id, row.card_index or 0, row.quiz_item
    bookmark = _learning_state('lesson' if lesson else 'idle', lesson, card, item)
    if row.mode == 'review':
        return _learning_state('review', lesson, card, item), bookmark
    if row.mode == 'practice' and row.task_id:
        return ('practice.writing', '', {'task': row.task_id}), bookmark
    if row.mode == 'trainer_input' and row.awaiting:
        previous = _learning_state(row.previous_mode, lesson, card, item)
        return ('trainers.typing', row.awaiting, {'awaiting': row.awaiting}), previous
    return _learning_state(row.mode, lesson, card, item), None


def upgrade() -> None:
    op.create_table('conversations',
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('flow', sa.String(length=32), nullable=False),
    sa.Column('step', sa.String(length=32), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('resume_flow', sa.String(length=32), nullable=True),
    sa.Column('resume_step', sa.String(length=32), nullable=True),
    sa.Column('resume_data', sa.JSON(), nullable=True),
    sa.Column('lesson_id', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_conversations_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('learner_id', name=op.f('pk_conversations'))
    )
    rows = op.get_bind().execute(sa.text(
        'SELECT l.id, l.mode, l.lesson_id, l.card_index, l.quiz_item, p.task_id,'
        ' d.awaiting, d.previous_mode FROM learners l'
        ' LEFT JOIN practice_state p ON p.learner_id = l.id'
        ' LEFT JOIN push_drafts d ON d.trainer_id = l.id'
    )).all()
    now = datetime.now(UTC)
    values = []
    for row in rows:
        (flow, step, data), resume = _conversation(row)
        lesson = data.get('lesson') or (resume[2].get('lesson') if resume else None)
        values.append({
            'learner_id': row.id, 'flow': flow, 'step': step, 'data': data,
            'resume_flow': resume[0] if resume else None,
            'resume_step': resume[1] if resume else None,
            'resume_data': resume[2] if resume else None,
            'lesson_id': lesson, 'updated_at': now,
        })
    if values:
        op.bulk_insert(conversations, values)
    with op.batch_alter_table('learners') as batch_op:
        batch_op.drop_column('quiz_item')
        batch_op.drop_column('card_index')
        batch_op.drop_column('lesson_id')
        batch_op.drop_column('mode')
    with op.batch_alter_table('push_drafts') as batch_op:
        batch_op.drop_column('previous_mode')
        batch_op.drop_column('awaiting')
    op.drop_table('practice_state')


def _old_mode(flow: str | None) -> str:
    return {
        'lessons.reading': 'lesson', 'quiz.answering': 'quiz', 'review.reviewing': 'review',
        'practice.writing': 'practice', 'trainers.typing': 'trainer_input',
    }.get(flow or '', 'idle')


def downgrade() -> None:
    op.create_table('practice_state',
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.String(length=64), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_practice_state_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('learner_id', name=op.f('pk_practice_state'))
    )
    with op.batch_alter_table('push_drafts') as batch_op:
        batch_op.add_column(sa.Column('awaiting', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('previous_mode', sa.String(length=16), nullable=True))
    with op.batch_alter_table('learners') as batch_op:
        batch_op.add_column(sa.Column('mode', sa.String(length=16), nullable=False, server_default='idle'))
        batch_op.add_column(sa.Column('lesson_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('card_index', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('quiz_item', sa.Integer(), nullable=True))
    bind = op.get_bind()
    states = bind.execute(sa.select(conversations)).all()
    learners = sa.table('learners', sa.column('id'), sa.column('mode'), sa.column('lesson_id'),
                        sa.column('card_index'), sa.column('quiz_item'))
    drafts = sa.table('push_drafts', sa.column('trainer_id'), sa.column('awaiting'),
                      sa.column('previous_mode'))
    practice = sa.table('practice_state', sa.column('learner_id'), sa.column('task_id'),
                        sa.column('started_at'))
    for state in states:
        data, resume = state.data or {}, state.resume_data or {}
        card = data.get('card', resume.get('card', 0))
        bind.execute(learners.update().where(learners.c.id == state.learner_id).values(
            mode=_old_mode(state.flow), lesson_id=state.lesson_id, card_index=card,
            quiz_item=data.get('item', resume.get('item')),
        ))
        if state.flow == 'practice.writing':
            bind.execute(practice.insert().values(
                learner_id=state.learner_id, task_id=data['task'], started_at=state.updated_at))
        if state.flow == 'trainers.typing':
            bind.execute(drafts.update().where(drafts.c.trainer_id == state.learner_id).values(
                awaiting=data.get('awaiting'), previous_mode=_old_mode(state.resume_flow)))
    op.drop_table('conversations')
