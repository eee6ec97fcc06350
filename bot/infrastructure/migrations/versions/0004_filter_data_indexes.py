"""Indexes that tell quickly whether a carrier's network list or any provider's
languages are loaded at all (a filter without data is reported, not applied)

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_network_participation_carrier", "network_participation", ["carrier_id"])
    op.create_index("ix_providers_languages", "providers", ["languages"])


def downgrade() -> None:
    op.drop_index("ix_providers_languages", table_name="providers")
    op.drop_index("ix_network_participation_carrier", table_name="network_participation")
