"""Which hospitals fit the person searching, and in what order.

The CMS hospital file says which hospitals are for children, for veterans (VA) or for
military members and families (Department of Defense), and which are psychiatric.
A search for an adult leaves children's hospitals out; a child's search puts them first
and leaves VA hospitals out (only veterans can use them); VA and military hospitals come
last, with their eligibility on the result, unless the person is a veteran or serving.

Ranking inside the radius, as docs/architecture.md records it: NCI-designated centers,
then PPS-exempt cancer hospitals, then general (acute-care) hospitals, then
critical-access and specialty hospitals (surgical, orthopedic, heart, eye, rehab), each
group by distance. Critical-access hospitals are small rural hospitals that may be the
only care near a person, so they stay in the list, just never ahead of a cancer center
or a general hospital.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from bot.content import load

Patient = Literal["adult", "child"]
# What a hospital is, for fit and ranking; one value per hospital.
Group = Literal[
    "nci_comprehensive",
    "nci",
    "pps_exempt",
    "children",
    "general",
    "critical_access",
    "specialty",
    "veterans",
    "military",
    "psychiatric",
]
# Groups only some people can use: the result says who.
RESTRICTED: frozenset[str] = frozenset({"veterans", "military"})
CANCER_CENTERS: frozenset[str] = frozenset({"nci_comprehensive", "nci", "pps_exempt"})


@dataclass(frozen=True)
class Fit:
    """Who is searching: an adult or a child, and whether they can use VA or military
    hospitals (a veteran or a service member and their family)."""

    patient: Patient = "adult"
    veteran: bool = False


@lru_cache(maxsize=1)
def _kinds() -> dict[str, object]:
    return dict(load("hospital_kinds.yml"))


@lru_cache(maxsize=1)
def _specialty_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in _kinds()["specialty_name_patterns"])  # type: ignore[attr-defined]


def _type_group(hospital_type: str | None) -> str | None:
    types: dict[str, str] = _kinds()["hospital_types"]  # type: ignore[assignment]
    for group, cms_type in types.items():
        if hospital_type == cms_type:
            return group
    return None


@lru_cache(maxsize=16384)
def is_specialty(name: str) -> bool:
    """Cached by name: every search meets the same few thousand hospital names."""
    if name in _kinds()["not_specialty_names"]:  # type: ignore[operator]
        return False
    return any(p.search(name.upper()) for p in _specialty_patterns())


def group_of(
    name: str, hospital_type: str | None, nci_designation: str | None, pps_exempt: bool
) -> Group:
    """A hospital's group: its cancer designation first, then its CMS type."""
    if nci_designation:
        return "nci_comprehensive" if "comprehensive" in nci_designation.lower() else "nci"
    if pps_exempt:
        return "pps_exempt"
    by_type = _type_group(hospital_type) or "general"
    if by_type in ("general", "critical_access") and is_specialty(name):
        return "specialty"
    return by_type  # type: ignore[return-value]


def fits(group: Group, fit: Fit) -> bool:
    """Whether a hospital belongs in this person's cancer search at all."""
    if group == "psychiatric":
        return False
    if group == "children":
        return fit.patient == "child"
    if group == "veterans":
        return fit.patient == "adult"
    return True


_ADULT_ORDER: dict[str, int] = {
    "nci_comprehensive": 0,
    "nci": 0,
    "pps_exempt": 1,
    "general": 2,
    "critical_access": 3,
    "specialty": 3,
    "veterans": 4,
    "military": 4,
}
_CHILD_ORDER: dict[str, int] = {
    "children": 0,
    "nci_comprehensive": 1,
    "nci": 1,
    "pps_exempt": 2,
    "general": 3,
    "critical_access": 4,
    "specialty": 4,
    "military": 5,
}


def tier(group: Group, fit: Fit, name: str = "") -> float:
    """Lower ranks first; distance orders hospitals within a tier. A children's
    rehabilitation or other specialty hospital comes after the other children's
    hospitals."""
    if fit.veteran and group in RESTRICTED:
        return 2 if fit.patient == "adult" else 3
    order = _CHILD_ORDER if fit.patient == "child" else _ADULT_ORDER
    rank = float(order.get(group, 9))
    return rank + 0.5 if group == "children" and is_specialty(name) else rank


def national_tier(group: Group, fit: Fit) -> int | None:
    """The national list: NCI-designated centers (Comprehensive first) and PPS-exempt
    cancer hospitals; for a child, children's hospitals first. None: not on it."""
    if fit.patient == "child" and group == "children":
        return 0
    order = {"nci_comprehensive": 1, "pps_exempt": 1, "nci": 2}
    return order.get(group)
