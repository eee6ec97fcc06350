"""Directory search: filter, rank and explain. Actions and API routes call this; neither
holds query logic.

A bounding box on the indexed latitude/longitude columns narrows the rows before the
exact great-circle distance is computed, so no search scans a whole table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.expression import Exists

from bot.content import texts
from bot.directory.fit import RESTRICTED, Fit, Group, fits, group_of, national_tier, tier
from bot.directory.geo import Point, bounding_box, city_point, miles_between, zip_point
from bot.directory.models import (
    CancerProgram,
    Hospital,
    NetworkParticipation,
    Provider,
    ProviderCancerType,
)
from bot.vocabulary.index import label_of

Kind = Literal["hospitals", "providers"]


class LocationNotFound(ValueError):
    """The ZIP or city/state does not name a place we can put on a map."""


@dataclass(frozen=True)
class SearchQuery:
    zip_code: str | None = None
    city: str | None = None
    state: str | None = None
    radius_miles: float = 25.0
    kind: Kind = "hospitals"
    cancer_type: str | None = None
    specialty: str | None = None
    insurance: str | None = None
    language: str | None = None
    virtual_second_opinion: bool = False
    nci_only: bool = False
    pps_exempt_only: bool = False
    coc_only: bool = False
    fit: Fit = Fit()
    # The national list (NCI-designated centers and PPS-exempt cancer hospitals at any
    # distance) instead of everything within the radius.
    national: bool = False
    # "Solo dentro de NJ", "only in-state": hospitals in the place's own state only.
    in_state_only: bool = False
    limit: int = 5
    offset: int = 0


@dataclass(frozen=True)
class Result:
    kind: Kind
    id: str
    name: str
    address: str | None
    city: str | None
    state: str | None
    zip_code: str | None
    phone: str | None
    # None on the national list asked for without a place.
    distance_miles: float | None
    reasons: tuple[str, ...]
    demo_data: bool = False
    # Hospitals only: what it is (bot/directory/fit.py), who may use it when not
    # everyone can ("veterans", "military", "children"), and whether its position is
    # only its ZIP code's centre in the searcher's own ZIP code (then "in your ZIP code"
    # is all that can be said about the distance).
    group: str | None = None
    for_only: str | None = None
    in_your_zip: bool = False
    latitude: float | None = None
    longitude: float | None = None


# Each "search farther" moves one step out; past the last, the national list.
RADII = (25, 50, 100, 250)


@dataclass(frozen=True)
class SearchPage:
    center: Point | None
    radius_miles: float
    total: int
    results: list[Result] = field(default_factory=list)
    # Filters asked for but not applied because the directory holds no data for them
    # ("insurance", "language"): filtering on nothing would hide every place, so the
    # results stand unfiltered and the reply says "not known — ask them".
    not_applied: tuple[str, ...] = ()


def locate(query: SearchQuery) -> Point | None:
    """The search's centre; None for the national list asked for without a place
    ("the best sarcoma centers, we'll travel anywhere"), which needs none."""
    if query.national and not query.zip_code and not (query.city and query.state):
        return None
    point = None
    if query.zip_code:
        point = zip_point(query.zip_code)
    elif query.city and query.state:
        point = city_point(query.city, query.state)
    if point is None:
        raise LocationNotFound("no such ZIP code or city and state")
    return point


ACRONYMS = {
    "va",
    "uc",
    "usc",
    "nyu",
    "md",
    "llc",
    "upmc",
    "osu",
    "ohsu",
    "musc",
    "unc",
    "uab",
    "chi",
    "ucla",
    "ucsf",
    "ucsd",
    "uci",
    "unm",
    "vcu",
    "uams",
    "utmb",
    "ut",
    "ouhsc",
    "uh",
}
SMALL_WORDS = {"and", "of", "the", "for", "at", "in"}


def _title(name: str) -> str:
    """CMS spells names in capitals; patients read "Rush University Medical Center"."""

    def word(match: re.Match[str]) -> str:
        text = match.group(0).lower()
        if text in ACRONYMS:
            return text.upper()
        if text in SMALL_WORDS and match.start() > 0:
            return text
        return text.capitalize()

    # "JOHNS HOPKINS HOSPITAL, THE" is how CMS sorts it; people say "The Johns Hopkins
    # Hospital".
    name = re.sub(r"^(.*?),\s*THE$", r"THE \1", name.strip(), flags=re.IGNORECASE)
    return re.sub(r"[A-Za-z][A-Za-z']*", word, name)


def _badge(group: str) -> str | None:
    return texts("directory.yml")["badges"].get(group)


def _reason(key: str, **values: object) -> str:
    """A result's reason in the conversation's language (English for the API)."""
    return str(texts("directory.yml")["reasons"][key]).format(**values)


def not_known() -> str:
    """The words that mark a fact with no data, so a reply can say it once."""
    return _reason("not_known")


def _designation(value: str) -> str:
    return str(texts("directory.yml")["designations"].get(value, value))


def _hospital_reasons(
    hospital: Hospital, program: CancerProgram | None, group: Group, query: SearchQuery
) -> tuple[tuple[str, ...], bool]:
    """Why it is listed: its designation or kind first, then what is not known."""
    reasons = []
    if program and program.nci_designation:
        reasons.append(_designation(program.nci_designation))
    if program and program.pps_exempt:
        reasons.append(str(_badge("pps_exempt")))
    if group not in CANCER_CENTER_GROUPS and _badge(group):
        reasons.append(str(_badge(group)))
    if query.cancer_type and group != "children" and not _treats_all_cancers(program):
        cancer = label_of("cancer_type", query.cancer_type)
        reasons.append(_reason("care_for", cancer=cancer, not_known=not_known()))
    if hospital.star_rating:
        reasons.append(_reason("cms_rating", stars=hospital.star_rating))
    demo = False
    if query.virtual_second_opinion and program:
        flagged = _is_demo(program.synthetic_fields, "virtual_second_opinion")
        reasons.append(_labelled(_reason("virtual_second_opinions"), flagged))
        demo = demo or flagged
    if query.insurance:
        reasons.append(_network_reason(query.insurance))
        demo = True
    return tuple(reasons), demo


def _is_demo(synthetic_fields: str, field_name: str) -> bool:
    return field_name in synthetic_fields.split(",")


def _labelled(reason: str, demo: bool) -> str:
    return _reason("demo", reason=reason) if demo else reason


def _network_reason(carrier: str) -> str:
    # Only the demo importer writes network rows (no public source lists networks).
    return _labelled(_reason("in_network", carrier=label_of("insurance_carrier", carrier)), True)


def _in_network(joined: ColumnElement[bool], carrier: str) -> Exists:
    """Whether a network-participation row links this hospital or provider to `carrier`."""
    return exists().where(and_(joined, NetworkParticipation.carrier_id == carrier))


def _treats_all_cancers(program: CancerProgram | None) -> bool:
    """NCI-designated centers and PPS-exempt cancer hospitals treat the whole range of
    adult cancers; for other hospitals the directory does not know."""
    return bool(program and (program.nci_designation or program.pps_exempt))


CANCER_CENTER_GROUPS = ("nci_comprehensive", "nci", "pps_exempt")


def _hospital_rows(session: Session, query: SearchQuery, center: Point | None) -> Select:
    """Candidate rows: those in the radius's box, or for the national list every
    designated cancer hospital (and children's hospital, for a child)."""
    statement = select(Hospital, CancerProgram).outerjoin(
        CancerProgram, CancerProgram.hospital_id == Hospital.id
    )
    if not query.national and center is not None:
        box = bounding_box(center, query.radius_miles)
        statement = statement.where(
            box.contains(Hospital.latitude, Hospital.longitude),
            func.coalesce(Hospital.hospital_type, "") != "Psychiatric",
        )
        if query.in_state_only and query.state:
            statement = statement.where(Hospital.state == query.state)
        return statement
    designated = or_(CancerProgram.nci_designation.is_not(None), CancerProgram.pps_exempt.is_(True))
    if query.fit.patient == "child":
        designated = or_(designated, Hospital.hospital_type == "Childrens")
    if query.in_state_only and query.state:
        # "Hospitals in North Carolina" from someone with no town: the state's own.
        statement = statement.where(Hospital.state == query.state)
    return statement.where(designated, Hospital.latitude.is_not(None))


def _rank_key(
    group: Group, distance: float | None, query: SearchQuery, name: str
) -> tuple[float, float] | None:
    """(tier, distance), or None when the hospital is not for this search."""
    if not fits(group, query.fit):
        return None
    if query.national:
        national = national_tier(group, query.fit)
        return None if national is None else (national, distance or 0.0)
    if distance is None or distance > query.radius_miles:
        return None
    return tier(group, query.fit, name), distance


def _search_hospitals(session: Session, query: SearchQuery, center: Point | None) -> SearchPage:
    statement = _hospital_rows(session, query, center)
    if query.nci_only:
        statement = statement.where(CancerProgram.nci_designation.is_not(None))
    if query.pps_exempt_only:
        statement = statement.where(CancerProgram.pps_exempt.is_(True))
    if query.coc_only:
        statement = statement.where(CancerProgram.coc_accredited.is_(True))
    if query.virtual_second_opinion:
        statement = statement.where(CancerProgram.virtual_second_opinion.is_(True))
    if query.insurance:
        statement = statement.where(
            _in_network(NetworkParticipation.hospital_id == Hospital.id, query.insurance)
        )
    ranked = []
    for hospital, program in session.execute(statement):
        distance = (
            miles_between(center, Point(hospital.latitude, hospital.longitude))
            if center is not None
            else None
        )
        group = group_of(
            hospital.name,
            hospital.hospital_type,
            program.nci_designation if program else None,
            bool(program and program.pps_exempt),
        )
        key = _rank_key(group, distance, query, hospital.name)
        if key is not None:
            ranked.append((key, hospital.name, hospital, program, group, distance))
    ranked.sort(key=lambda r: (r[0], r[1]))
    results = []
    for _, _, hospital, program, group, distance in ranked[
        query.offset : query.offset + query.limit
    ]:
        reasons, demo = _hospital_reasons(hospital, program, group, query)
        results.append(
            Result(
                kind="hospitals",
                id=hospital.ccn,
                name=_title(hospital.name),
                address=hospital.address,
                city=hospital.city.title() if hospital.city else None,
                state=hospital.state,
                zip_code=hospital.zip_code,
                phone=hospital.phone or (program.scheduling_phone if program else None),
                distance_miles=None if distance is None else round(distance, 1),
                reasons=reasons,
                demo_data=demo,
                group=group,
                for_only=_for_only(group),
                in_your_zip=bool(
                    query.zip_code
                    and hospital.zip_code == query.zip_code
                    and hospital.location_source != "campus"
                ),
                latitude=hospital.latitude,
                longitude=hospital.longitude,
            )
        )
    return SearchPage(center, query.radius_miles, len(ranked), results)


def _for_only(group: Group) -> str | None:
    return group if group in (*RESTRICTED, "children") else None


def search(session: Session, query: SearchQuery) -> SearchPage:
    center = locate(query)
    applied, not_applied = _with_known_filters(session, query)
    if query.kind == "providers":
        if center is None:
            raise LocationNotFound("a search for doctors needs a place")
        page = _search_providers(session, applied, center)
    else:
        page = _hospitals_page(session, applied, center)
    return replace(page, not_applied=not_applied)


def _hospitals_page(session: Session, query: SearchQuery, center: Point | None) -> SearchPage:
    """One page of hospitals. For a child, a first page with no children's hospital in
    reach is searched farther out until one is in it: "children's hospitals come first"
    must not head a list without one (the page says how far it looked). The place and
    the filters are the same at every radius, so only the rows are read again."""
    page = _search_hospitals(session, query, center)
    if query.fit.patient != "child" or query.national or query.offset or _has_children(page):
        return page
    for radius in (r for r in RADII if r > query.radius_miles):
        wider = _search_hospitals(session, replace(query, radius_miles=radius), center)
        if _has_children(wider):
            return wider
    return page


def _has_children(page: SearchPage) -> bool:
    return any(result.group == "children" for result in page.results)


def _with_known_filters(
    session: Session, query: SearchQuery
) -> tuple[SearchQuery, tuple[str, ...]]:
    """Drops the insurance and language filters the directory has no data for."""
    missing = []
    if query.insurance and not _network_list_loaded(session, query.insurance, query.kind):
        missing.append("insurance")
    if query.language and (query.kind == "hospitals" or not _languages_loaded(session)):
        missing.append("language")
    applied = replace(
        query,
        insurance=None if "insurance" in missing else query.insurance,
        language=None if "language" in missing else query.language,
    )
    return applied, tuple(missing)


def _network_list_loaded(session: Session, carrier: str, kind: Kind) -> bool:
    member = (
        NetworkParticipation.hospital_id
        if kind == "hospitals"
        else NetworkParticipation.provider_id
    )
    return bool(
        session.execute(
            select(exists().where(NetworkParticipation.carrier_id == carrier, member.is_not(None)))
        ).scalar()
    )


def _language_name(language: str) -> str:
    """ "haitian_creole" → "Haitian Creole", as providers.languages spells it."""
    return label_of("language", language.lower()).replace("_", " ").title()


def _languages_loaded(session: Session) -> bool:
    return bool(session.execute(select(exists().where(Provider.languages.is_not(None)))).scalar())


def _search_providers(session: Session, query: SearchQuery, center: Point) -> SearchPage:
    """Ranks light rows (id, position, name) first and loads full rows for one page only:
    a dense city holds tens of thousands of providers within 25 miles."""
    box = bounding_box(center, query.radius_miles)
    statement = select(
        Provider.id, Provider.latitude, Provider.longitude, Provider.last_name
    ).where(
        box.contains(Provider.latitude, Provider.longitude),
    )
    if query.cancer_type:
        # One range scan of ix_provider_cancer_types_area (type, then the same box).
        statement = statement.where(
            Provider.id.in_(
                select(ProviderCancerType.provider_id).where(
                    ProviderCancerType.cancer_type_id == query.cancer_type,
                    box.contains(ProviderCancerType.latitude, ProviderCancerType.longitude),
                )
            )
        )
    if query.specialty:
        statement = statement.where(Provider.primary_specialty.ilike(f"%{query.specialty}%"))
    if query.language:
        spoken = _language_name(query.language)
        statement = statement.where(Provider.languages.ilike(f"%{spoken}%"))
    if query.virtual_second_opinion:
        statement = statement.where(Provider.virtual_visits.is_(True))
    if query.insurance:
        statement = statement.where(
            _in_network(NetworkParticipation.provider_id == Provider.id, query.insurance)
        )
    ranked = []
    for provider_id, latitude, longitude, last_name in session.execute(statement):
        distance = miles_between(center, Point(latitude, longitude))
        if distance <= query.radius_miles:
            ranked.append((distance, last_name or "", provider_id))
    ranked.sort()
    page = ranked[query.offset : query.offset + query.limit]
    loaded = {
        p.id: p
        for p in session.execute(
            select(Provider).where(Provider.id.in_([pid for _, _, pid in page]))
        ).scalars()
    }
    results = [_provider_result(loaded[pid], distance, query) for distance, _, pid in page]
    return SearchPage(center, query.radius_miles, len(ranked), results)


def _provider_result(provider: Provider, distance: float, query: SearchQuery) -> Result:
    reasons = [
        provider.primary_specialty or _reason("specialty_not_known"),
        _reason("miles", miles=f"{distance:.1f}"),
    ]
    demo = provider.source == "synthetic_benchmark" or bool(query.insurance)
    if query.language:
        flagged = _is_demo(provider.synthetic_fields, "languages")
        spoken = label_of("language", query.language.lower())
        reasons.append(_labelled(_reason("speaks", language=spoken), flagged))
        demo = demo or flagged
    if query.virtual_second_opinion:
        flagged = _is_demo(provider.synthetic_fields, "virtual_visits")
        reasons.append(_labelled(_reason("virtual_visits"), flagged))
        demo = demo or flagged
    if query.insurance:
        reasons.append(_network_reason(query.insurance))
    name = " ".join(p for p in (provider.first_name, provider.last_name) if p).title()
    if provider.credential:
        name += f", {provider.credential}"
    return Result(
        kind="providers",
        id=provider.npi,
        name=name,
        address=provider.address,
        city=provider.city.title() if provider.city else None,
        state=provider.state,
        zip_code=provider.zip_code,
        phone=provider.phone,
        distance_miles=round(distance, 1),
        reasons=tuple(reasons),
        demo_data=demo,
    )
