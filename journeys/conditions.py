"""Named predicates over a journey's answers.

`answers` maps a step slug to that step's cleaned data (a list of items for repeatable
steps). Predicates take data only: no request, wizard or ORM, so the journey definition,
check-your-answers and tests all use the same ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from journeys.rules.vocabulary import SETTINGS_WITHOUT_A_PLACE, Country, NeedArea, SettingKind

Answers = Mapping[str, Any]


def lives_outside_england(answers: Answers) -> bool:
    country = answers.get("country", {}).get("country")
    return country is not None and country != Country.ENGLAND


def attends_a_setting(answers: Answers) -> bool:
    kind = answers.get("child-setting", {}).get("setting_kind")
    return kind is not None and SettingKind(kind) not in SETTINGS_WITHOUT_A_PLACE


def _has_need(area: NeedArea):
    def predicate(answers: Answers) -> bool:
        return area in answers.get("need-areas", {}).get("areas", ())

    predicate.__name__ = f"has_need_{area.value}"
    return predicate


has_communication_need = _has_need(NeedArea.COMMUNICATION_INTERACTION)
has_cognition_need = _has_need(NeedArea.COGNITION_LEARNING)
has_semh_need = _has_need(NeedArea.SEMH)
has_sensory_need = _has_need(NeedArea.SENSORY_PHYSICAL)
