"""What an import did: rows read, inserted, updated, rejected (with reasons), unmatched."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


@dataclass
class ImportReport:
    source: str
    rows_read: int = 0
    inserted: int = 0
    updated: int = 0
    rejected: list[dict[str, object]] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    # Named tallies a source wants on record, e.g. how many hospitals got a campus
    # position and how many only their ZIP code's centre.
    counts: dict[str, int] = field(default_factory=dict)

    def reject(self, line: int, reason: str) -> None:
        self.rejected.append({"line": line, "reason": reason})

    def summary(self) -> str:
        reasons = Counter(str(r["reason"]) for r in self.rejected)
        why = "; ".join(f"{n}× {reason}" for reason, n in reasons.most_common(5))
        text = (
            f"{self.source}: {self.rows_read} rows read, {self.inserted} inserted, "
            f"{self.updated} updated, {len(self.rejected)} rejected"
        )
        if why:
            text += f" ({why})"
        if self.unmatched:
            text += f", {len(self.unmatched)} unmatched"
        if self.counts:
            text += " (" + ", ".join(f"{k}: {v}" for k, v in sorted(self.counts.items())) + ")"
        return text

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.source}.json"
        path.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        return path


def progress(rows: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    """A progress bar on stderr (quiet when not on a terminal, e.g. under pytest)."""
    yield from tqdm(rows, desc=label, total=total, unit=" rows", leave=False, disable=None)
