"""Replace the Leitner boxes with FSRS cards, and add the review reminders.

Every answered quiz item gets a card (`review_cards`: due, stability, difficulty, state, step,
last review, in columns so that due cards are found through an index). A Leitner row becomes a
card in review, due when the row was: its box's interval (1, 3, 7 or 16 days) is the time the
learner held the item, which at 90 % retention is what FSRS calls stability; the last answer
was that long before the due time; and its difficulty is the one FSRS gives an item first
answered wrong, since only missed items had a box. `review_reminders` keeps each learner's
reminder hour, `review_nudges` the reminders (an outbox of their own).

Down, each card goes back to the box whose interval its stability reaches, due when it was;
cards held longer than the last box (16 days) are dropped, as Leitner retired learnt items.

Revision ID: 0011_fsrs_reviews
Revises: 0010_progress_certificates
Create Date: 2026-12-04
"""

from collections.abc import Sequence
from datetime import timedelta

import sqlalchemy as sa
from alembic import op

from bot.adapters.db.tables import UTCDateTime

revision: str = '0011_fsrs_reviews'
down_revision: str | Sequence[str] | None = '0010_progress_certificates'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BOX_DAYS = (1, 3, 7, 16)
# FSRS-6's initial difficulty after "Again" (its default parameter w4).
MISSED_DIFFICULTY = 6.4133
REVIEW_STATE = 2

review_items = sa.table(
    'review_items',
    sa.column('learner_id', sa.Integer()),
    sa.column('lesson_id', sa.String()),
    sa.column('item_id', sa.String()),
    sa.column('box', sa.Integer()),
    sa.column('due_at', UTCDateTime()),
)
review_cards = sa.table(
    'review_cards',
    sa.column('learner_id', sa.Integer()),
    sa.column('lesson_id', sa.String()),
    sa.column('item_id', sa.String()),
    sa.column('due', UTCDateTime()),
    sa.column('stability', sa.Float()),
    sa.column('difficulty', sa.Float()),
    sa.column('state', sa.SmallInteger()),
    sa.column('step', sa.Integer()),
    sa.column('last_review', UTCDateTime()),
)


def upgrade() -> None:
    op.create_table('review_cards',
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('lesson_id', sa.String(length=64), nullable=False),
    sa.Column('item_id', sa.String(length=32), nullable=False),
    sa.Column('due', sa.DateTime(timezone=True), nullable=False),
    sa.Column('stability', sa.Float(), nullable=False),
    sa.Column('difficulty', sa.Float(), nullable=False),
    sa.Column('state', sa.SmallInteger(), nullable=False),
    sa.Column('step', sa.Integer(), nullable=True),
    sa.Column('last_review', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_review_cards_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('learner_id', 'lesson_id', 'item_id', name=op.f('pk_review_cards'))
    )
    with op.batch_alter_table('review_cards', schema=None) as batch_op:
        batch_op.create_index('ix_review_cards_learner_due', ['learner_id', 'due'], unique=False)

    op.create_table('review_nudges',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('not_before', sa.DateTime(timezone=True), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('claimed_by', sa.String(length=32), nullable=True),
    sa.Column('claimed_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_review_nudges_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_nudges')),
    sa.UniqueConstraint('learner_id', 'day', name=op.f('uq_review_nudges_learner_id'))
    )
    with op.batch_alter_table('review_nudges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_nudges_learner_id'), ['learner_id'], unique=False)
        batch_op.create_index('ix_review_nudges_status_not_before', ['status', 'not_before'], unique=False)

    op.create_table('review_reminders',
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('usual_hour', sa.SmallInteger(), nullable=True),
    sa.Column('chosen_hour', sa.SmallInteger(), nullable=True),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_review_reminders_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('learner_id', name=op.f('pk_review_reminders'))
    )
    _boxes_to_cards()
    with op.batch_alter_table('review_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_items_due_at'))

    op.drop_table('review_items')


def _boxes_to_cards() -> None:
    bind = op.get_bind()
    cards = []
    for learner_id, lesson_id, item_id, box, due_at in bind.execute(sa.select(review_items)):
        days = BOX_DAYS[min(max(box, 1), len(BOX_DAYS)) - 1]
        cards.append({
            'learner_id': learner_id,
            'lesson_id': lesson_id,
            'item_id': item_id,
            'due': due_at,
            'stability': float(days),
            'difficulty': MISSED_DIFFICULTY,
            'state': REVIEW_STATE,
            'step': None,
            'last_review': due_at - timedelta(days=days),
        })
    if cards:
        bind.execute(review_cards.insert(), cards)


def downgrade() -> None:
    op.create_table('review_items',
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('lesson_id', sa.String(length=64), nullable=False),
    sa.Column('box', sa.Integer(), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('item_id', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], name=op.f('fk_review_items_learner_id_learners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('learner_id', 'lesson_id', 'item_id', name=op.f('pk_review_items'))
    )
    with op.batch_alter_table('review_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_items_due_at'), ['due_at'], unique=False)

    _cards_to_boxes()
    op.drop_table('review_reminders')
    with op.batch_alter_table('review_nudges', schema=None) as batch_op:
        batch_op.drop_index('ix_review_nudges_status_not_before')
        batch_op.drop_index(batch_op.f('ix_review_nudges_learner_id'))

    op.drop_table('review_nudges')
    with op.batch_alter_table('review_cards', schema=None) as batch_op:
        batch_op.drop_index('ix_review_cards_learner_due')

    op.drop_table('review_cards')


def _cards_to_boxes() -> None:
    bind = op.get_bind()
    found = bind.execute(
        sa.select(
            review_cards.c.learner_id,
            review_cards.c.lesson_id,
            review_cards.c.item_id,
            review_cards.c.stability,
            review_cards.c.due,
        )
    )
    items = [
        {
            'learner_id': learner_id,
            'lesson_id': lesson_id,
            'item_id': item_id,
            # The last box whose interval the card's stability reaches (at least the first).
            'box': max(1, sum(days <= stability for days in BOX_DAYS)),
            'due_at': due,
        }
        for learner_id, lesson_id, item_id, stability, due in found
        if stability <= BOX_DAYS[-1]
    ]
    if items:
        bind.execute(review_items.insert(), items)
