"""Answers as rows for people to read: check your answers, the confirmation page and
(later) the caseworker's review all use these rows through one partial."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms

from journeys.wizard.definition import CHECK_ANSWERS, Journey
from journeys.forms.base import RepeatableFormSet

NOT_GIVEN = "Not given"


@dataclass(frozen=True)
class SummaryRow:
    key: str
    lines: tuple[str, ...]
    step: str


@dataclass(frozen=True)
class SummarySection:
    heading: str
    rows: tuple[SummaryRow, ...]


def _display(field: forms.Field, value: Any) -> tuple[str, ...]:
    if value in (None, "", [], ()):
        return (NOT_GIVEN,)
    if isinstance(value, date):
        return (f"{value.day} {value:%B %Y}",)
    choices = dict(getattr(field, "choices", ()) or ())
    if isinstance(value, list | tuple):
        return tuple(str(choices.get(v, v)) for v in value)
    if choices:
        return (str(choices.get(value, value)),)
    return tuple(line for line in str(value).splitlines() if line.strip()) or (NOT_GIVEN,)


def _rows_for_step(
    slug: str, form_class: type, answer: Any, answers: Mapping[str, Any]
) -> list[SummaryRow]:
    if issubclass(form_class, RepeatableFormSet):
        if not answer:
            return [SummaryRow(form_class.title, ("None added",), slug)]
        item_fields = form_class.form.base_fields
        # Short names ("Started: 1 September 2025") read better than the questions here.
        labels = getattr(form_class.form, "summary_labels", {})
        return [
            SummaryRow(
                f"{form_class.item_name} {number}",
                tuple(
                    f"{labels.get(name, item_fields[name].label)}: "
                    f"{' '.join(_display(item_fields[name], value))}"
                    for name, value in item.items()
                    if value not in (None, "")
                ),
                slug,
            )
            for number, item in enumerate(answer, start=1)
        ]
    if getattr(form_class, "uses_answers", False):
        form = form_class(prefix=slug, answers=answers)
        if hasattr(form, "summary_rows"):
            return [SummaryRow(key, lines, slug) for key, lines in form.summary_rows(answer)]
        fields = form.fields
    else:
        fields = form_class.base_fields
    if len(fields) == 1:
        (name,) = fields
        return [SummaryRow(form_class.title, _display(fields[name], answer.get(name)), slug)]
    prefix = getattr(form_class, "summary_prefix", "")
    return [
        SummaryRow(f"{prefix}{field.label}", _display(field, answer.get(name)), slug)
        for name, field in fields.items()
    ]


def summary_sections(journey: Journey, answers: Mapping[str, Any]) -> list[SummarySection]:
    """Return the answered, visible steps as rows, grouped under each step's caption."""
    sections: dict[str, list[SummaryRow]] = {}
    for slug in journey.visible_steps(answers):
        if slug == CHECK_ANSWERS or slug not in answers:
            continue
        form_class = journey.step(slug).form_class
        heading = form_class.caption or journey.title
        sections.setdefault(heading, []).extend(
            _rows_for_step(slug, form_class, answers[slug], answers)
        )
    return [SummarySection(heading, tuple(rows)) for heading, rows in sections.items()]
