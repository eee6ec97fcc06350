"""GET /api/v1/directory/search: the directory as JSON for the web page and staff
console. Parameters are validated here; the query itself lives in bot.directory."""

from __future__ import annotations

from dataclasses import asdict
from enum import Enum
from typing import Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field

from api.dependencies import SessionDep
from api.schemas import ErrorOut
from bot.directory.fit import Fit
from bot.directory.search import LocationNotFound, SearchQuery, search
from bot.infrastructure.db import run_blocking
from bot.vocabulary.terms import cancer_types, insurance_carriers

router = APIRouter(prefix="/api/v1/directory", tags=["directory"])

CancerTypeParam = Enum("CancerTypeParam", {t.id: t.id for t in cancer_types()})  # type: ignore[misc]
CarrierParam = Enum("CarrierParam", {c.id: c.id for c in insurance_carriers()})  # type: ignore[misc]


class KindParam(str, Enum):
    hospitals = "hospitals"
    providers = "providers"


class PatientParam(str, Enum):
    adult = "adult"
    child = "child"


NATIONAL = "any"
MAX_RADIUS = 500.0


class ResultOut(BaseModel):
    kind: str
    id: str
    name: str
    address: str | None
    city: str | None
    state: str | None
    zip_code: str | None
    phone: str | None
    distance_miles: float
    reasons: list[str]
    demo_data: bool
    group: str | None = Field(
        None,
        description="Hospitals: nci_comprehensive, nci, pps_exempt, children, general, "
        "critical_access, specialty, veterans or military.",
    )
    for_only: str | None = Field(
        None,
        description="Who may use it when not everyone can: veterans (VA), military "
        "(Department of Defense: service members and their families) or children.",
    )
    in_your_zip: bool = Field(
        False,
        description="Only the ZIP code's centre is known for this hospital and it is the "
        "searched ZIP: say 'in your ZIP code', not a distance.",
    )


class SearchOut(BaseModel):
    total: int
    page: int
    page_size: int
    radius_miles: float
    national: bool = Field(False, description="The national list (radius=any).")
    results: list[ResultOut]
    not_applied: list[str] = Field(
        description="Filters asked for but not applied because the directory holds no "
        "data for them (insurance networks, languages): the results are unfiltered "
        "and that fact is not known — ask them."
    )


MISSING_LOCATION = "give a zip, or a city and a state (a city needs its state)"


def _public(result: dict[str, Any]) -> dict[str, Any]:
    """Positions stay inside: the distance is what a client needs."""
    return {k: v for k, v in result.items() if k not in ("latitude", "longitude")}


def _invalid(field: str, message: str) -> RequestValidationError:
    return RequestValidationError(
        [{"loc": ("query", field), "msg": message, "type": "value_error"}]
    )


# exclude_none: a field that does not apply is left out (the schema has no null).
@router.get(
    "/search",
    response_model=SearchOut,
    response_model_exclude_none=True,
    responses={
        404: {"model": ErrorOut, "description": "No such ZIP code or city and state"},
        422: {"model": ErrorOut, "description": "Invalid parameters, or no location given"},
    },
)
async def directory_search(
    session: SessionDep,
    zip: str | None = Query(None, regex=r"^[0-9]{5}\Z", description="5-digit ZIP code"),
    city: str | None = Query(None, min_length=2, max_length=60, regex=r"^[A-Za-z .'-]+\Z"),
    state: str | None = Query(None, regex=r"^[A-Za-z]{2}\Z"),
    radius: str = Query(
        "25",
        regex=r"^(any|[0-9]{1,3}(\.[0-9]+)?)\Z",
        description="Miles (up to 500), or 'any' for the national list: NCI-designated "
        "centers (Comprehensive first) and PPS-exempt cancer hospitals at any distance "
        "(and children's hospitals first when patient=child). Hospitals only.",
    ),
    patient: PatientParam = Query(
        PatientParam.adult,
        description="adult: children's hospitals are left out. child: children's "
        "hospitals first, then NCI centers; VA hospitals are left out.",
    ),
    veteran: bool = Query(
        False,
        description="The patient is a veteran or a service member (or their family): VA "
        "and military hospitals rank with the others instead of last.",
    ),
    kind: KindParam = Query(KindParam.hospitals),
    cancer_type: CancerTypeParam | None = Query(None),
    specialty: str | None = Query(None, min_length=2, max_length=60, regex=r"^[A-Za-z &/,.-]+\Z"),
    insurance: CarrierParam | None = Query(None),
    language: str | None = Query(None, min_length=2, max_length=30, regex=r"^[A-Za-z -]+\Z"),
    virtual_second_opinion: bool = Query(False),
    nci: bool = Query(False, description="NCI-designated cancer centers only"),
    pps_exempt: bool = Query(False, description="PPS-exempt cancer hospitals only"),
    coc: bool = Query(False, description="Commission on Cancer accredited only"),
    page: int = Query(1, ge=1, le=100),
    page_size: int = Query(10, ge=1, le=50),
) -> SearchOut:
    """Ranked hospitals or providers near a place, each with the reasons it is listed.

    The place is **either `zip` or both `city` and `state`**; a city without a state is
    a 422. Inside the radius, hospitals rank NCI-designated centers first, then
    PPS-exempt cancer hospitals, then general hospitals, then critical-access and
    specialty hospitals, then VA and military hospitals (marked in `for_only`), each
    group by distance. Psychiatric hospitals never appear. Unknown facts say "not known —
    ask them"; results that rest on demo data say so."""
    if not zip and not (city and state):
        raise _invalid("state" if city else "zip", MISSING_LOCATION)
    national = radius == NATIONAL
    miles = 25.0 if national else float(radius)
    if not 0 < miles <= MAX_RADIUS:
        raise _invalid("radius", f"radius must be more than 0 and at most {MAX_RADIUS:g} miles")
    if national and kind != KindParam.hospitals:
        raise _invalid("radius", "radius=any is for hospitals only")
    query = SearchQuery(
        zip_code=zip,
        city=None if zip else city,
        state=None if zip else state.upper() if state else None,
        radius_miles=miles,
        kind=kind.value,
        cancer_type=cancer_type.value if cancer_type else None,
        specialty=specialty,
        insurance=insurance.value if insurance else None,
        language=language,
        virtual_second_opinion=virtual_second_opinion,
        nci_only=nci,
        pps_exempt_only=pps_exempt,
        coc_only=coc,
        fit=Fit(patient=patient.value, veteran=veteran),
        national=national,
        limit=page_size,
        offset=(page - 1) * page_size,
    )
    try:
        found = await run_blocking(search, session, query)
    except LocationNotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    return SearchOut(
        total=found.total,
        page=page,
        page_size=page_size,
        radius_miles=miles,
        national=national,
        results=[ResultOut(**_public(asdict(r))) for r in found.results],
        not_applied=list(found.not_applied),
    )
