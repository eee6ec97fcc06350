"""hospital_location_source: whether a hospital's position is its campus or its ZIP's centre

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("hospitals", sa.Column("location_source", sa.String(20)))


def downgrade() -> None:
    op.drop_column("hospitals", "location_source")
