"""The appeal deadline calculator: a page anyone can use without starting a case."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.http import require_GET

from journeys.forms.base import QuestionForm
from journeys.forms.fields import DateField, hint_with_example, not_in_future
from journeys.rules.appeal_reasoning import explain_appeal_deadline
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
    """A GET form (nothing is stored); the answer and its working show on the same page."""
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
            "page_errors": error_summary(form) if form.is_bound else [],
        },
    )
