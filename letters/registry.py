"""Every kind of letter: its title, template and pure context builder. One entry a kind.

A test walks this registry and renders every kind, so a new kind is covered the day it lands.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from letters import context


class LetterKind(StrEnum):
    REQUEST_ASSESSMENT = "request_assessment"
    LA_MISSED_DEADLINE = "la_missed_deadline"


@dataclass(frozen=True)
class LetterSpec:
    kind: LetterKind
    title: str
    template: str
    build: Callable[..., Any]  # (case_file, *, today) -> frozen dataclass

    def filename(self, case_file: Mapping[str, Any], extension: str) -> str:
        child = case_file["child"]
        who = "-".join(
            part for part in (child.get("first_name", ""), child.get("last_name", "")) if part
        )
        safe = "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in who).strip("-")
        return f"{self.kind.value.replace('_', '-')}-{safe or 'child'}.{extension}"

    def build_context(self, case_file: Mapping[str, Any], *, today: date) -> Any:
        return self.build(case_file, today=today)


REGISTRY: dict[LetterKind, LetterSpec] = {
    spec.kind: spec
    for spec in (
        LetterSpec(
            kind=LetterKind.REQUEST_ASSESSMENT,
            title="Request for an EHC needs assessment",
            template="letters/request_assessment.html",
            build=context.build_request_assessment,
        ),
        LetterSpec(
            kind=LetterKind.LA_MISSED_DEADLINE,
            title="A statutory time limit has passed",
            template="letters/la_missed_deadline.html",
            build=context.build_la_missed_deadline,
        ),
    )
}


def letter_spec(kind: str) -> LetterSpec:
    """Return the spec for `kind`; raise KeyError naming the known kinds."""
    try:
        return REGISTRY[LetterKind(kind)]
    except ValueError:
        known = ", ".join(k.value for k in LetterKind)
        raise KeyError(f"unknown letter kind {kind!r} (known: {known})") from None
