"""From what a wizard stored (raw form data per step) to answers (cleaned data per step)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from journeys.forms.base import RepeatableFormSet
from journeys.wizard.definition import Journey, Step


def form_kwargs(step: Step, answers: Mapping[str, Any]) -> dict[str, Any]:
    """Extra arguments for a step's form: the answers so far, for forms built from them."""
    return {"answers": answers} if getattr(step.form_class, "uses_answers", False) else {}


def form_for_step(
    step: Step, data: Mapping[str, Any] | None = None, answers: Mapping[str, Any] | None = None
):
    """Build the step's form (or formset) with the same prefix the wizard uses."""
    return step.form_class(data=data, prefix=step.slug, **form_kwargs(step, answers or {}))


def cleaned_answer(form) -> Any:
    """The answer a valid step form gives: a dict, or a list of items for a repeatable step."""
    if isinstance(form, RepeatableFormSet):
        return form.items()
    return form.cleaned_data


_NOT_GIVEN = object()


def journey_answers(
    journey: Journey,
    stored_data: Callable[[str], Mapping[str, Any] | None],
    *,
    known: Mapping[str, Any] | None = None,
    changed: str | None = None,
    changed_answer: Any = _NOT_GIVEN,
) -> dict[str, Any]:
    """Return {slug: answer} for each visible step whose stored data is valid.

    Steps are taken in order, so a step's condition sees only the answers before it.

    After one step's stored data changed (`changed`), the answers worked out before
    (`known`) still hold for every step before it: their stored data is the same, and their
    conditions and forms see only the answers before them. Those are taken as they were and
    only the changed step and the ones after it are validated again (issue 12: a step POST
    re-validated every earlier answer twice).

    `changed_answer`, with `known` and `changed`: the changed step's answer, when the caller
    has just validated exactly the data stored for it with the form this function would build
    (the step view, after a valid POST of a step whose form takes no answers). It is used as
    it is, if the step still shows, instead of validating the same data again.
    """
    slugs = [step.slug for step in journey.steps]
    reuse_until = slugs.index(changed) if known is not None and changed in slugs else 0
    answers: dict[str, Any] = {
        slug: known[slug] for slug in slugs[:reuse_until] if known and slug in known
    }
    for step in journey.steps[reuse_until:]:
        if not step.shows_for(answers):
            continue
        if step.slug == changed and changed_answer is not _NOT_GIVEN and known is not None:
            answers[step.slug] = changed_answer
            continue
        data = stored_data(step.slug)
        if data is None:
            continue
        form = form_for_step(step, data, answers)
        if form.is_valid():
            answers[step.slug] = cleaned_answer(form)
    return answers
