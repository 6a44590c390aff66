"""The appeal deadline calculator: a page anyone can use without starting a case."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from journeys.forms.base import QuestionForm
from journeys.forms.fields import DateField, hint_with_example, not_in_future
from journeys.rules.appeal_reasoning import explain_appeal_deadline
from journeys.rules.law import Law, entry
from journeys.templatetags.govuk import error_summary


class AppealDeadlineForm(QuestionForm):
    title = "Work out the last day to appeal"
    decision_date = DateField(
        label="What date is on the council's decision letter?",
        subject="The decision letter date",
        help_text=hint_with_example(
            "The decision you want to appeal: a refusal to assess, a refusal to issue a "
            "plan, or the final plan."
        ),
        error_messages={"required": "Enter the date on the decision letter"},
        validators=[not_in_future("The decision letter date")],
    )
    certificate_date = DateField(
        label="When was your mediation certificate issued? (optional)",
        subject="The certificate date",
        required=False,
        help_text="Leave this empty if you do not have one yet.",
        validators=[not_in_future("The certificate date")],
    )

    def clean(self):
        cleaned = super().clean()
        decision, certificate = cleaned.get("decision_date"), cleaned.get("certificate_date")
        if decision and certificate and certificate < decision:
            self.add_error(
                "certificate_date",
                ValidationError(
                    "The certificate date must be the same as or after the decision letter date",
                    code="before_decision",
                ),
            )
        return cleaned


@require_GET
def appeal_deadline_calculator(request):
    """A GET form (nothing is stored); the answer and its working show on the same page.

    When the last day has passed, the page says so and what can still be done (a late appeal
    with a request to extend time; after a refusal to assess, perhaps a fresh request). The
    legal sentences come from journeys.rules.law.
    """
    form = AppealDeadlineForm(request.GET or None, prefix="appeal")
    result = None
    if form.is_bound and form.is_valid():
        result = explain_appeal_deadline(
            decision_date=form.cleaned_data["decision_date"],
            certificate_issued=form.cleaned_data["certificate_date"],
        )
    return render(
        request,
        "journeys/appeal_calculator.html",
        {
            "form": form,
            "result": result,
            "passed": result is not None and result.has_passed(timezone.localdate()),
            "time_limit": entry(Law.APPEAL_TIME_LIMIT),
            "by_5pm": entry(Law.APPEAL_BY_5PM),
            "late_appeal": entry(Law.LATE_APPEAL),
            "fresh_request": entry(Law.FRESH_REQUEST),
            "mediation": entry(Law.MEDIATION_BEFORE_APPEAL),
            "page_errors": error_summary(form) if form.is_bound else [],
        },
    )
