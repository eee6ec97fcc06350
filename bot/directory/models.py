"""Directory tables. Unknown is NULL, never a guess; values that rest on demo data are
named in `synthetic_fields` so every reply built on them can say so."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
)

from bot.infrastructure.models import Base


class Hospital(Base):
    __tablename__ = "hospitals"

    id = Column(Integer, primary_key=True)
    ccn = Column(String(6), nullable=False, unique=True)
    name = Column(String(200), nullable=False)
    address = Column(String(200))
    city = Column(String(100))
    state = Column(String(2), index=True)
    zip_code = Column(String(5))
    county = Column(String(100))
    phone = Column(String(20))
    hospital_type = Column(String(100))
    ownership = Column(String(100))
    emergency_services = Column(Boolean)
    star_rating = Column(Integer)
    latitude = Column(Float)
    longitude = Column(Float)
    # "campus" (the hospital's own position) or "zip_centre" (the centre of its ZIP code
    # area): only a campus position can say "less than a mile away".
    location_source = Column(String(20))
    source = Column(String(60), nullable=False)

    __table_args__ = (Index("ix_hospitals_lat_lon", "latitude", "longitude"),)


class CancerProgram(Base):
    """What a hospital offers people with cancer, where it is known."""

    __tablename__ = "cancer_programs"

    hospital_id = Column(Integer, ForeignKey("hospitals.id", ondelete="CASCADE"), primary_key=True)
    nci_designation = Column(String(40))
    nci_center_name = Column(String(200))
    pps_exempt = Column(Boolean, nullable=False, default=False)
    coc_accredited = Column(Boolean)
    virtual_second_opinion = Column(Boolean)
    scheduling_phone = Column(String(20))
    support_groups = Column(Boolean)
    counseling = Column(Boolean)
    social_worker_navigator = Column(Boolean)
    complementary_therapies = Column(Boolean)
    medicaid_application_help = Column(Boolean)
    payment_plans = Column(Boolean)
    charity_care = Column(Boolean)
    synthetic_fields = Column(String(400), nullable=False, default="")


class CancerType(Base):
    """The same vocabulary as the NLU (bot/content/cancer_types.yml)."""

    __tablename__ = "cancer_types"

    id = Column(String(40), primary_key=True)
    label = Column(String(100), nullable=False)


class InsuranceCarrier(Base):
    """Carriers as the NLU names them, each backed by real CMS issuer names."""

    __tablename__ = "insurance_carriers"

    id = Column(String(40), primary_key=True)
    name = Column(String(100), nullable=False)
    issuer_names = Column(Integer, nullable=False, default=0)


class Provider(Base):
    __tablename__ = "providers"

    id = Column(Integer, primary_key=True)
    npi = Column(String(10), nullable=False, unique=True)
    first_name = Column(String(100))
    last_name = Column(String(100))
    credential = Column(String(40))
    gender = Column(String(1))
    primary_specialty = Column(String(120), index=True)
    specialties = Column(String(400))
    address = Column(String(200))
    city = Column(String(100))
    state = Column(String(2), index=True)
    zip_code = Column(String(5))
    phone = Column(String(20))
    latitude = Column(Float)
    longitude = Column(Float)
    accepting_new_patients = Column(Boolean)
    virtual_visits = Column(Boolean)
    board_certified = Column(Boolean)
    languages = Column(String(200))
    source = Column(String(60), nullable=False)
    synthetic_fields = Column(String(400), nullable=False, default="")

    __table_args__ = (
        Index("ix_providers_lat_lon", "latitude", "longitude"),
        Index("ix_providers_languages", "languages"),
    )


class ProviderHospital(Base):
    __tablename__ = "provider_hospitals"

    provider_id = Column(Integer, ForeignKey("providers.id", ondelete="CASCADE"), primary_key=True)
    hospital_id = Column(Integer, ForeignKey("hospitals.id", ondelete="CASCADE"), primary_key=True)


class ProviderCancerType(Base):
    """Cancer types a provider treats, derived from their specialty (`basis` says how).

    The provider's position is copied here so that "ovarian cancer near 19104" is one
    range scan of one index instead of a lookup per provider in the area."""

    __tablename__ = "provider_cancer_types"

    provider_id = Column(Integer, ForeignKey("providers.id", ondelete="CASCADE"), primary_key=True)
    cancer_type_id = Column(String(40), ForeignKey("cancer_types.id"), primary_key=True)
    basis = Column(String(60), nullable=False)
    latitude = Column(Float)
    longitude = Column(Float)

    __table_args__ = (
        Index(
            "ix_provider_cancer_types_area",
            "cancer_type_id",
            "latitude",
            "longitude",
            "provider_id",
        ),
    )


class NetworkParticipation(Base):
    """Which carriers' networks a hospital or provider is in. No public source lists
    this, so every row so far is demo data (`synthetic` is true)."""

    __tablename__ = "network_participation"

    id = Column(Integer, primary_key=True)
    carrier_id = Column(String(40), ForeignKey("insurance_carriers.id"), nullable=False)
    hospital_id = Column(Integer, ForeignKey("hospitals.id", ondelete="CASCADE"), index=True)
    provider_id = Column(Integer, ForeignKey("providers.id", ondelete="CASCADE"), index=True)
    synthetic = Column(Boolean, nullable=False, default=True)

    __table_args__ = (Index("ix_network_participation_carrier", "carrier_id"),)
