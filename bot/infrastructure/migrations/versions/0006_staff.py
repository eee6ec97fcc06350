"""staff accounts, sessions, audit log; reference codes and handoff state on conversations

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(40), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("failed_logins", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "staff_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column(
            "user_id",
            sa.Integer,
            sa.ForeignKey("staff_users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(40), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("conversation_key", sa.String(64), nullable=True),
        sa.Column("detail", sa.String(200), nullable=False),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_conversation_key", "audit_log", ["conversation_key"])
    with op.batch_alter_table("conversations") as table:
        table.add_column(sa.Column("handoff_closed_at", sa.DateTime(timezone=True)))
        table.add_column(sa.Column("reference_code", sa.String(8)))
        table.add_column(sa.Column("started_by", sa.String(40)))
        table.create_unique_constraint("uq_conversations_reference_code", ["reference_code"])
    with op.batch_alter_table("sms_senders") as table:
        # Kept only while a person's request to talk to staff is open: a staff reply
        # cannot be texted to a hash. Cleared when the request is closed.
        table.add_column(sa.Column("reply_to", sa.String(20)))


def downgrade() -> None:
    with op.batch_alter_table("sms_senders") as table:
        table.drop_column("reply_to")
    with op.batch_alter_table("conversations") as table:
        table.drop_constraint("uq_conversations_reference_code", type_="unique")
        table.drop_column("started_by")
        table.drop_column("reference_code")
        table.drop_column("handoff_closed_at")
    op.drop_index("ix_audit_log_conversation_key", table_name="audit_log")
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("staff_sessions")
    op.drop_table("staff_users")
