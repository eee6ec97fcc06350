"""provider_cancer_types: the provider's position, indexed with the cancer type

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("provider_cancer_types") as table:
        table.add_column(sa.Column("latitude", sa.Float))
        table.add_column(sa.Column("longitude", sa.Float))
    op.execute(
        "UPDATE provider_cancer_types SET "
        "latitude = (SELECT latitude FROM providers WHERE providers.id = provider_id), "
        "longitude = (SELECT longitude FROM providers WHERE providers.id = provider_id)"
    )
    op.create_index(
        "ix_provider_cancer_types_area",
        "provider_cancer_types",
        ["cancer_type_id", "latitude", "longitude", "provider_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_provider_cancer_types_area", table_name="provider_cancer_types")
    with op.batch_alter_table("provider_cancer_types") as table:
        table.drop_column("longitude")
        table.drop_column("latitude")
