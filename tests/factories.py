"""factory_boy factories (STYLE.md point 12): built without saving where the database is not
needed (`CaseFactory.build()`), created through the app's own service when it is.

A saved case goes through `journeys.cases.services.case_create`, as the app's writes do, so
its summary columns (names, council, next deadline) say what its case file says: a test that
wrote `Case.objects.create(...)` would get a case the lists cannot find.
"""

from __future__ import annotations

import copy
import json

import factory

from journeys.cases.casefile import EXAMPLE_CASE_FILE
from journeys.cases.services import case_create, case_summary_refresh
from journeys.models import Case


def example_case_file() -> dict:
    return copy.deepcopy(json.loads(EXAMPLE_CASE_FILE.read_text(encoding="utf-8")))


class CaseFactory(factory.django.DjangoModelFactory):
    """A saved case; pass `case_file=` (and any column) to say what it holds."""

    class Meta:
        model = Case

    journey = "request"
    case_file = factory.LazyFunction(example_case_file)
    owner = None

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        case = model_class(*args, **kwargs)
        case_summary_refresh(case=case)  # as the services would, without the database
        return case

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return case_create(**kwargs)
