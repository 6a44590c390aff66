"""The English local authorities with SEND duties, shipped as data in journeys/data/."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "local_authorities.json"


@dataclass(frozen=True)
class LocalAuthority:
    name: str  # formal name, as written on a letter: "Bristol City Council"
    area: str  # the name people use: "Bristol"


@cache
def local_authorities() -> tuple[LocalAuthority, ...]:
    """Return every authority, sorted by area; read once per process."""
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return tuple(LocalAuthority(**entry) for entry in raw["local_authorities"])


def local_authority_choices() -> list[tuple[str, str]]:
    """Choices for a select: the formal name is stored, the area and name are shown."""
    return [
        (la.name, la.area if la.area in la.name else f"{la.area} ({la.name})")
        for la in local_authorities()
    ]
