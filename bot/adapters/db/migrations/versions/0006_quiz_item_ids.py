"""Know quiz items by their stable id, not their position in the lesson.

Answers, reviews and a quiz in progress pointed at an item by its index, so inserting or
reordering a question re-pointed every learner's history. They now keep the item's id from
`content/`. Rows whose position has no item in the course being deployed are dropped.

Revision ID: 0006_quiz_item_ids
Revises: 0005_conversations
Create Date: 2026-12-03
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0006_quiz_item_ids'
down_revision: str | Sequence[str] | None = '0005_conversations'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Positions = dict[tuple[str, int], str]


def _item_ids() -> Positions:
    """Return each (lesson, position) of the course's quiz items with the item's id."""
    from bot.config import load_settings
    from bot.course.loader import load_course

    settings = load_settings()
    course = load_course(settings.content_dir, settings.languages.codes)
    # The ids and their order are the same in every language (`tutor content check`).
    return {
        (lesson_id, position): item.id
        for (_, lesson_id), lesson in course.lessons.items()
        for position, item in enumerate(lesson.quiz)
    }


def _has_rows(*tables: str) -> bool:
    bind = op.get_bind()
    return any(bind.execute(sa.text(f'SELECT 1 FROM {t} LIMIT 1')).first() for t in tables)


def _move(table: str, source: str, target: str, mapping: dict[Any, Any]) -> None:
    """Fill `target` from `source` through `mapping`, dropping rows it has no entry for."""
    bind = op.get_bind()
    rows = bind.execute(sa.text(f'SELECT DISTINCT lesson_id, {source} FROM {table}')).all()
    for lesson_id, value in rows:
        new = mapping.get((lesson_id, value))
        where = f'WHERE lesson_id = :lesson AND {source} = :value'
        params = {'lesson': lesson_id, 'value': value, 'new': new}
        if new is None:
            bind.execute(sa.text(f'DELETE FROM {table} {where}'), params)
        else:
            bind.execute(sa.text(f'UPDATE {table} SET {target} = :new {where}'), params)


def _move_quiz_states(mapping: dict[Any, Any]) -> None:
    """Point quizzes in progress (stored as JSON) at the new kind of item key."""
    bind = op.get_bind()
    conversations = sa.table('conversations', sa.column('learner_id'), sa.column('flow'),
                             sa.column('data', sa.JSON()))
    quiz = conversations.c.flow == 'quiz.answering'
    for learner_id, data in bind.execute(sa.select(conversations.c.learner_id,
                                                   conversations.c.data).where(quiz)).all():
        item = mapping.get((data.get('lesson'), data.get('item')))
        new = {'lesson': data.get('lesson'), 'item': item} if item is not None else {
            'lesson': data.get('lesson')}
        flow = 'quiz.answering' if item is not None else 'core.idle'
        bind.execute(conversations.update().where(conversations.c.learner_id == learner_id)
                     .values(flow=flow, data=new))


def upgrade() -> None:
    with op.batch_alter_table('quiz_answers') as batch_op:
        batch_op.add_column(sa.Column('item_id', sa.String(length=32), nullable=True))
    with op.batch_alter_table('review_items') as batch_op:
        batch_op.add_column(sa.Column('item_id', sa.String(length=32), nullable=True))
    if _has_rows('quiz_answers', 'review_items', 'conversations'):
        ids = _item_ids()
        _move('quiz_answers', 'item_index', 'item_id', ids)
        _move('review_items', 'item_index', 'item_id', ids)
        _move_quiz_states(ids)
    with op.batch_alter_table('quiz_answers') as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_quiz_answers_learner_id'), type_='unique')
        batch_op.alter_column('item_id', existing_type=sa.String(length=32), nullable=False)
        batch_op.drop_column('item_index')
        batch_op.create_unique_constraint(batch_op.f('uq_quiz_answers_learner_id'),
                                          ['learner_id', 'lesson_id', 'item_id', 'mode', 'attempt'])
    with op.batch_alter_table('review_items') as batch_op:
        batch_op.drop_constraint(batch_op.f('pk_review_items'), type_='primary')
        batch_op.alter_column('item_id', existing_type=sa.String(length=32), nullable=False)
        batch_op.drop_column('item_index')
        batch_op.create_primary_key(batch_op.f('pk_review_items'),
                                    ['learner_id', 'lesson_id', 'item_id'])


def downgrade() -> None:
    with op.batch_alter_table('quiz_answers') as batch_op:
        batch_op.add_column(sa.Column('item_index', sa.Integer(), nullable=True))
    with op.batch_alter_table('review_items') as batch_op:
        batch_op.add_column(sa.Column('item_index', sa.Integer(), nullable=True))
    if _has_rows('quiz_answers', 'review_items', 'conversations'):
        positions = {(lesson, item): position for (lesson, position), item in _item_ids().items()}
        _move('quiz_answers', 'item_id', 'item_index', positions)
        _move('review_items', 'item_id', 'item_index', positions)
        _move_quiz_states(positions)
    with op.batch_alter_table('quiz_answers') as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_quiz_answers_learner_id'), type_='unique')
        batch_op.alter_column('item_index', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('item_id')
        batch_op.create_unique_constraint(batch_op.f('uq_quiz_answers_learner_id'),
                                          ['learner_id', 'lesson_id', 'item_index', 'mode', 'attempt'])
    with op.batch_alter_table('review_items') as batch_op:
        batch_op.drop_constraint(batch_op.f('pk_review_items'), type_='primary')
        batch_op.alter_column('item_index', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('item_id')
        batch_op.create_primary_key(batch_op.f('pk_review_items'),
                                    ['learner_id', 'lesson_id', 'item_index'])
