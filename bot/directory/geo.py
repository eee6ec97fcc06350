"""Places to coordinates, offline: Census ZCTA centroids first, the `zipcodes` package
for ZIPs the Census file lacks and for cities. Distances are great-circle miles."""

from __future__ import annotations

import csv
import math
import statistics
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import zipcodes
from sqlalchemy import and_
from sqlalchemy.sql.elements import ColumnElement

from bot.infrastructure.paths import DATA_DIR

ZCTA_CSV = DATA_DIR / "directory" / "census_zcta_centroids.csv"
EARTH_RADIUS_MI = 3958.8
MILES_PER_DEGREE_LAT = 69.0


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


@lru_cache(maxsize=1)
def _zcta_centroids() -> dict[str, Point]:
    with ZCTA_CSV.open(encoding="utf-8") as handle:
        return {
            row["GEOID"].zfill(5): Point(float(row["LAT"]), float(row["LONG"]))
            for row in csv.DictReader(handle)
        }


def normalise_zip(raw: str | None) -> str | None:
    """Five digits from "2215", "02215", "02215-1234" or "022151234"; else None."""
    # ASCII digits only: the zipcodes package panics on others ("６０６１２").
    digits = "".join(c for c in (raw or "") if c in "0123456789")
    if len(digits) in (3, 4):
        digits = digits.zfill(5)  # spreadsheets drop leading zeros
    elif len(digits) in (7, 8):
        digits = digits.zfill(9)
    if len(digits) == 9:
        digits = digits[:5]
    return digits if len(digits) == 5 else None


def zip_point(zip_code: str) -> Point | None:
    if zip_code in _zcta_centroids():
        return _zcta_centroids()[zip_code]
    valid = len(zip_code) == 5 and zip_code.isascii() and zip_code.isdigit()
    found = zipcodes.matching(zip_code) if valid else []
    if found and _usable(found[0].get("lat"), found[0].get("long")):
        return Point(float(found[0]["lat"]), float(found[0]["long"]))
    return None


def city_point(city: str, state: str) -> Point | None:
    """The centre of a city: the median of its ZIP codes' positions. The median, because
    the ZIP tables hold strays (a Birmingham ZIP at 0°, 0°) that a mean would follow. A
    town with no post office of its own ("Hoover, AL") is where the ZIP codes that
    accept its name are."""
    points = []
    rows = zipcodes.filter_by(city=city.title(), state=state.upper()) or [
        row
        for row in zipcodes.filter_by(state=state.upper())
        if city.lower() in (name.lower() for name in row.get("acceptable_cities", []))
    ]
    for row in rows:
        # The post office's own position is in town; a rural ZIP area's centre can be
        # tens of miles out (Tonopah, NV's is 45 miles away).
        point = (
            Point(float(row["lat"]), float(row["long"]))
            if _usable(row.get("lat"), row.get("long"))
            else _zcta_centroids().get(row["zip_code"])
        )
        if point is not None:
            points.append(point)
    if not points:
        return None
    return Point(
        statistics.median(p.latitude for p in points),
        statistics.median(p.longitude for p in points),
    )


def _usable(latitude: str | None, longitude: str | None) -> bool:
    try:
        return abs(float(latitude or 0)) > 1 and abs(float(longitude or 0)) > 1
    except ValueError:
        return False


def miles_between(a: Point, b: Point) -> float:
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_MI * math.asin(math.sqrt(h))


@dataclass(frozen=True)
class BoundingBox:
    min_lat: float
    max_lat: float
    min_lon: float
    max_lon: float

    def contains(self, latitude: Any, longitude: Any) -> ColumnElement[bool]:
        """The SQL condition "this row's position is in the box", for indexed columns."""
        return and_(
            latitude.between(self.min_lat, self.max_lat),
            longitude.between(self.min_lon, self.max_lon),
        )


def bounding_box(center: Point, radius_miles: float) -> BoundingBox:
    """A box that contains every point within the radius: the indexed prefilter."""
    dlat = radius_miles / MILES_PER_DEGREE_LAT
    cos_lat = max(math.cos(math.radians(center.latitude)), 0.01)
    dlon = radius_miles / (MILES_PER_DEGREE_LAT * cos_lat)
    return BoundingBox(
        center.latitude - dlat,
        center.latitude + dlat,
        center.longitude - dlon,
        center.longitude + dlon,
    )
