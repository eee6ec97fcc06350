"""directory: hospitals, cancer programs, providers, carriers, network participation

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hospitals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ccn", sa.String(6), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("address", sa.String(200)),
        sa.Column("city", sa.String(100)),
        sa.Column("state", sa.String(2)),
        sa.Column("zip_code", sa.String(5)),
        sa.Column("county", sa.String(100)),
        sa.Column("phone", sa.String(20)),
        sa.Column("hospital_type", sa.String(100)),
        sa.Column("ownership", sa.String(100)),
        sa.Column("emergency_services", sa.Boolean),
        sa.Column("star_rating", sa.Integer),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("source", sa.String(60), nullable=False),
    )
    op.create_index("ix_hospitals_state", "hospitals", ["state"])
    op.create_index("ix_hospitals_lat_lon", "hospitals", ["latitude", "longitude"])
    op.create_table(
        "cancer_programs",
        sa.Column(
            "hospital_id",
            sa.Integer,
            sa.ForeignKey("hospitals.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("nci_designation", sa.String(40)),
        sa.Column("nci_center_name", sa.String(200)),
        sa.Column("pps_exempt", sa.Boolean, nullable=False),
        sa.Column("coc_accredited", sa.Boolean),
        sa.Column("virtual_second_opinion", sa.Boolean),
        sa.Column("scheduling_phone", sa.String(20)),
        sa.Column("support_groups", sa.Boolean),
        sa.Column("counseling", sa.Boolean),
        sa.Column("social_worker_navigator", sa.Boolean),
        sa.Column("complementary_therapies", sa.Boolean),
        sa.Column("medicaid_application_help", sa.Boolean),
        sa.Column("payment_plans", sa.Boolean),
        sa.Column("charity_care", sa.Boolean),
        sa.Column("synthetic_fields", sa.String(400), nullable=False),
    )
    op.create_table(
        "cancer_types",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("label", sa.String(100), nullable=False),
    )
    op.create_table(
        "insurance_carriers",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("issuer_names", sa.Integer, nullable=False),
    )
    op.create_table(
        "providers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("npi", sa.String(10), nullable=False, unique=True),
        sa.Column("first_name", sa.String(100)),
        sa.Column("last_name", sa.String(100)),
        sa.Column("credential", sa.String(40)),
        sa.Column("gender", sa.String(1)),
        sa.Column("primary_specialty", sa.String(120)),
        sa.Column("specialties", sa.String(400)),
        sa.Column("address", sa.String(200)),
        sa.Column("city", sa.String(100)),
        sa.Column("state", sa.String(2)),
        sa.Column("zip_code", sa.String(5)),
        sa.Column("phone", sa.String(20)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("accepting_new_patients", sa.Boolean),
        sa.Column("virtual_visits", sa.Boolean),
        sa.Column("board_certified", sa.Boolean),
        sa.Column("languages", sa.String(200)),
        sa.Column("source", sa.String(60), nullable=False),
        sa.Column("synthetic_fields", sa.String(400), nullable=False),
    )
    op.create_index("ix_providers_state", "providers", ["state"])
    op.create_index("ix_providers_primary_specialty", "providers", ["primary_specialty"])
    op.create_index("ix_providers_lat_lon", "providers", ["latitude", "longitude"])
    op.create_table(
        "provider_hospitals",
        sa.Column(
            "provider_id",
            sa.Integer,
            sa.ForeignKey("providers.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "hospital_id",
            sa.Integer,
            sa.ForeignKey("hospitals.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_table(
        "provider_cancer_types",
        sa.Column(
            "provider_id",
            sa.Integer,
            sa.ForeignKey("providers.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "cancer_type_id", sa.String(40), sa.ForeignKey("cancer_types.id"), primary_key=True
        ),
        sa.Column("basis", sa.String(60), nullable=False),
    )
    op.create_table(
        "network_participation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "carrier_id", sa.String(40), sa.ForeignKey("insurance_carriers.id"), nullable=False
        ),
        sa.Column("hospital_id", sa.Integer, sa.ForeignKey("hospitals.id", ondelete="CASCADE")),
        sa.Column("provider_id", sa.Integer, sa.ForeignKey("providers.id", ondelete="CASCADE")),
        sa.Column("synthetic", sa.Boolean, nullable=False),
    )
    op.create_index(
        "ix_network_participation_hospital_id", "network_participation", ["hospital_id"]
    )
    op.create_index(
        "ix_network_participation_provider_id", "network_participation", ["provider_id"]
    )


def downgrade() -> None:
    for table in (
        "network_participation",
        "provider_cancer_types",
        "provider_hospitals",
        "providers",
        "insurance_carriers",
        "cancer_types",
        "cancer_programs",
        "hospitals",
    ):
        op.drop_table(table)
