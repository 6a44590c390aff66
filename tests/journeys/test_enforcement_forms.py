"""The enforcement journeys' question pages (journeys/forms/enforcement.py): what each accepts,
the words of its errors, and the choices that depend on earlier answers."""

from __future__ import annotations

import pytest

from journeys.forms.enforcement import (
    AGREEMENT_CHOICES,
    ComplaintDetailsForm,
    EnforceSectionsForm,
    ProvisionRecordForm,
)


def record(sections: str, logged: str) -> ProvisionRecordForm:
    return ProvisionRecordForm(
        data={"r-sections": sections, "r-logged": logged}, prefix="r", answers={}
    )


class ProvisionRecordFormTests:
    def test_a_record_with_items_and_a_log(self):
        form = record("F,G", "3")
        assert form.is_valid()
        assert form.cleaned_data == {"sections": ["F", "G"], "logged": 3}

    @pytest.mark.parametrize(
        ("sections", "logged"), [("", "3"), ("F", "0"), ("F", ""), ("F,X", "3")]
    )
    def test_without_a_record_the_family_is_sent_to_record_it(self, sections, logged):
        form = record(sections, logged)
        assert not form.is_valid()
        assert form.non_field_errors() == ["Record what the plan promises and what happened first"]


class EnforceSectionsFormTests:
    def choices(self, step: str, recorded: list[str]) -> list[str]:
        answers = {"provision-record": {"sections": recorded}, "enforce-step": {"step": step}}
        form = EnforceSectionsForm(prefix="s", answers=answers)
        return [value for value, _ in form.fields["sections"].choices]

    def test_a_complaint_offers_every_part_of_the_plan_recorded(self):
        assert self.choices("complaint", ["F", "G", "H"]) == ["F", "G", "H"]
        assert self.choices("complaint", ["G"]) == ["G"]

    def test_the_ombudsman_and_judicial_review_are_about_the_councils_provision(self):
        assert self.choices("ombudsman", ["F", "G", "H"]) == ["F", "H"]
        assert self.choices("pre_action", ["F", "G"]) == ["F"]

    def test_only_health_care_recorded_sends_the_family_to_the_board(self):
        answers = {"provision-record": {"sections": ["G"]}, "enforce-step": {"step": "ombudsman"}}
        field = EnforceSectionsForm(prefix="s", answers=answers).fields["sections"]
        assert list(field.choices) == []
        assert "Complain to the integrated care board first" in field.help_text

    def test_a_part_not_offered_is_refused_in_plain_words(self):
        form = EnforceSectionsForm(
            data={"s-sections": ["G"]},
            prefix="s",
            answers={
                "provision-record": {"sections": ["F", "G"]},
                "enforce-step": {"step": "ombudsman"},
            },
        )
        assert form.errors["sections"] == ["Select the provision that is not being made"]


@pytest.mark.parametrize(
    ("days", "error"),
    [
        ("0", "Enter a number of working days of 1 or more"),
        ("121", "Enter a number of working days of 120 or fewer"),
        ("twenty", "Enter the number of working days as a number, like 20"),
    ],
)
def test_the_complaints_period_is_a_number_of_working_days(days, error):
    form = ComplaintDetailsForm(
        data={
            "c-complaint_date_0": "5",
            "c-complaint_date_1": "10",
            "c-complaint_date_2": "2026",
            "c-reply_working_days": days,
        },
        prefix="c",
    )
    assert form.errors["reply_working_days"] == [error]


def test_an_agreement_cannot_be_to_dismiss_an_appeal():
    values = [value for value, _ in AGREEMENT_CHOICES]
    assert "dismissed" not in values and values[-1] == "other"
