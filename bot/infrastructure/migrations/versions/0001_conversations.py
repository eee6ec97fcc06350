"""conversations: per-conversation flags such as a handoff request

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("session_key", sa.String(64), primary_key=True),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("handoff_requested_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index(
        "ix_conversations_handoff_requested_at", "conversations", ["handoff_requested_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_conversations_handoff_requested_at", table_name="conversations")
    op.drop_table("conversations")
