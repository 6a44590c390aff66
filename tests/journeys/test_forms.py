"""Every step's validation: required answers, impossible dates, lengths, repeatable items."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from journeys.wizard.answers import form_for_step
from journeys.wizard.definition import REQUEST_ASSESSMENT, TRIAGE
from tests.conftest import date_parts, formset, request_answers

# The message a parent sees for each required answer left empty, step by step.
REQUIRED_MESSAGES = {
    "country": {"country": "Select where the child or young person lives"},
    "stage": {"stage": "Select where you are in the process"},
    "child-name": {
        "first_name": "Enter your child's first name",
        "last_name": "Enter your child's last name",
    },
    "child-pronouns": {"pronouns": "Select how the letter should refer to your child"},
    "child-date-of-birth": {"date_of_birth": "Enter your child's date of birth"},
    "child-setting": {"setting_kind": "Select where your child goes to school, college or nursery"},
    "setting-details": {
        "setting_name": "Enter the name of the school, college or nursery",
        "year_group": "Select your child's year group",
    },
    "child-diagnoses": {},
    "local-authority": {"local_authority": "Select the council responsible for your child"},
    "your-details": {
        "name": "Enter your full name",
        "relationship": "Select how you are connected to the child",
    },
    "your-contact": {
        "address_line_1": "Enter the first line of your address",
        "town": "Enter your town or city",
        "postcode": "Enter your postcode",
        "email": "Enter your email address",
    },
    "represents-details": {
        "name": "Enter the full name of the person you are helping",
        "relationship": "Select who the person you are helping is",
    },
    "represents-contact": {
        "address_line_1": "Enter the first line of their address",
        "town": "Enter their town or city",
        "postcode": "Enter their postcode",
    },
    "need-areas": {"areas": "Select at least one area your child needs help with"},
    "need-communication": {
        "description": "Describe what your child finds hard",
        "impact": "Describe how this affects your child's learning or day",
    },
    "need-cognition": {
        "description": "Describe what your child finds hard",
        "impact": "Describe how this affects your child's learning or day",
    },
    "need-semh": {
        "description": "Describe what your child finds hard",
        "impact": "Describe how this affects your child's learning or day",
    },
    "need-sensory": {
        "description": "Describe what your child finds hard",
        "impact": "Describe how this affects your child's learning or day",
    },
    "school-view": {"school_view": "Select whether the school supports the request"},
    "acting-for-young-person": {
        "acting_for_young_person": "Select whether your child agreed, or lacks capacity to decide"
    },
    # The child's voice and preparing for adulthood are optional: nothing is required.
    "child-views": {},
    "child-strengths": {},
    "preparing-for-adulthood": {},
    "anything-else": {},
    "check-answers": {},
}

SINGLE_FORM_STEPS = [
    (journey, step)
    for journey in (TRIAGE, REQUEST_ASSESSMENT)
    for step in journey.steps
    if step.slug not in {"support-tried", "support-now", "evidence"}
]


def test_the_table_covers_every_single_form_step():
    assert {step.slug for _, step in SINGLE_FORM_STEPS} == set(REQUIRED_MESSAGES)


@pytest.mark.parametrize(
    "step", [step for _, step in SINGLE_FORM_STEPS], ids=lambda step: step.slug
)
def test_empty_submission_names_each_missing_answer(step):
    form = form_for_step(step, {})
    expected = REQUIRED_MESSAGES[step.slug]
    assert form.is_valid() is (not expected)
    assert {name: errors[0] for name, errors in form.errors.items()} == expected


def step_form(slug, **overrides):
    data = {**request_answers()[slug], **overrides}
    return form_for_step(REQUEST_ASSESSMENT.step(slug), data)


@pytest.mark.parametrize("slug", [s for s in request_answers() if s != "check-answers"])
def test_the_complete_answers_are_valid(slug):
    form = step_form(slug)
    assert form.is_valid(), form.errors


class DateOfBirthTests:
    field = "child-date-of-birth-date_of_birth"

    def errors_for(self, day, month, year):
        form = step_form("child-date-of-birth", **date_parts(self.field, day, month, year))
        form.is_valid()
        return form.errors.get("date_of_birth", [])

    def test_future_date_is_refused(self):
        tomorrow = timezone.localdate() + timedelta(days=1)
        assert self.errors_for(tomorrow.day, tomorrow.month, tomorrow.year) == [
            "Date of birth must be today or in the past"
        ]

    def test_impossible_date_is_refused(self):
        assert self.errors_for(30, 2, 2017) == ["Date of birth must be a real date"]
        assert self.errors_for("x", 2, 2017) == ["Date of birth must be a real date"]
        assert self.errors_for(1, 13, 2017) == ["Date of birth must be a real date"]
        assert self.errors_for(1, 1, 17) == ["Date of birth must be a real date"]

    @pytest.mark.parametrize("month", ["4", "04", "April", "april", "APR", "apr.", "Apr"])
    def test_the_month_can_be_a_name_or_a_number(self, month):
        form = step_form("child-date-of-birth", **date_parts(self.field, 14, month, 2018))
        assert form.is_valid(), form.errors
        assert form.cleaned_data["date_of_birth"] == date(2018, 4, 14)

    @pytest.mark.parametrize("month", ["Aprilx", "ap", "Smarch", "0"])
    def test_a_month_that_is_not_one_is_refused(self, month):
        assert self.errors_for(14, month, 2018) == ["Date of birth must be a real date"]

    def test_a_missing_part_is_named(self):
        assert self.errors_for(2, "", 2017) == ["Date of birth must include a month"]
        assert self.errors_for("", "", 2017) == ["Date of birth must include a day and a month"]

    def test_someone_25_or_over_cannot_be_assessed(self):
        today = timezone.localdate()
        over = today.replace(year=today.year - 26)
        assert self.errors_for(over.day, over.month, over.year) == [
            "Your child must be under 25 to have an EHC needs assessment"
        ]

    def test_a_24_year_old_can(self):
        today = timezone.localdate()
        young = today.replace(year=today.year - 24)
        assert self.errors_for(young.day, young.month, young.year) == []


def test_long_text_is_refused_with_its_limit_and_keeps_the_other_answers():
    form = step_form("need-semh", **{"need-semh-description": "x" * 3001})
    assert not form.is_valid()
    assert form.errors["description"] == [
        "What your child finds hard must be 3,000 characters or fewer"
    ]
    # The page re-renders from the bound form: every other answer is still there.
    assert form["impact"].value() == request_answers()["need-semh"]["need-semh-impact"]
    assert form["description"].value() == "x" * 3001


def test_names_have_a_length_limit():
    form = step_form("child-name", **{"child-name-first_name": "A" * 101})
    assert form.errors["first_name"] == ["First name must be 100 characters or fewer"]
    assert form["last_name"].value() == "Okafor"


def test_email_must_look_like_an_email():
    form = step_form("your-contact", **{"your-contact-email": "grace at example"})
    assert form.errors["email"] == [
        "Enter an email address in the correct format, like name@example.com"
    ]


def test_postcode_is_tidied():
    form = step_form("your-contact", **{"your-contact-postcode": "  bs1   1aa "})
    assert form.is_valid()
    assert form.cleaned_data["postcode"] == "BS1 1AA"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("sw1a1aa", "SW1A 1AA"),
        ("M1 3HE", "M1 3HE"),
        ("ec1a 1bb", "EC1A 1BB"),
        (" gir0aa ", "GIR 0AA"),
    ],
)
def test_a_uk_postcode_is_accepted_and_written_the_royal_mail_way(typed, kept):
    form = step_form("your-contact", **{"your-contact-postcode": typed})
    form.is_valid()
    assert "postcode" not in form.errors
    assert form.cleaned_data["postcode"] == kept


@pytest.mark.parametrize("typed", ["BS1", "12345", "BS1 1AAA", "1AA BS1", "SW1A-1AA", "CF10 1A"])
def test_a_postcode_that_is_not_one_is_refused_before_it_reaches_a_letter(typed):
    form = step_form("your-contact", **{"your-contact-postcode": typed})
    assert form.errors["postcode"] == ["Enter a real postcode, like BS1 1AA"]


@pytest.mark.parametrize(
    "typed",
    [
        "07700 900123",
        "0117 496 0123",
        "+44 7700 900123",
        "+44 (0)117 496 0123",
        "(01632) 960001",
        "",
    ],
)
def test_a_uk_phone_number_is_accepted(typed):
    form = step_form("your-contact", **{"your-contact-phone": typed})
    form.is_valid()
    assert "phone" not in form.errors


@pytest.mark.parametrize(
    "typed", ["0770090", "call me", "+1 202 555 0100", "077009001234567", "7700900123"]
)
def test_a_phone_number_that_is_not_a_uk_one_is_refused(typed):
    form = step_form("your-contact", **{"your-contact-phone": typed})
    assert form.errors["phone"] == ["Enter a UK phone number, like 01632 960 001 or 07700 900 982"]


def test_a_council_not_on_the_list_is_refused():
    form = step_form("local-authority", **{"local-authority-local_authority": "Cardiff Council"})
    assert form.errors["local_authority"] == ["Select the council responsible for your child"]


def test_diagnoses_become_a_list_one_per_line():
    form = step_form("child-diagnoses", **{"child-diagnoses-diagnoses": " autism \n\nADHD\n"})
    assert form.is_valid()
    assert form.cleaned_data["diagnoses"] == ["autism", "ADHD"]


class RepeatableStepTests:
    def support_formset(self, items):
        return form_for_step(
            REQUEST_ASSESSMENT.step("support-tried"), formset("support-tried", items)
        )

    def test_blank_items_are_ignored(self):
        blank = {"description": "", "since_0": "", "since_1": "", "since_2": "", "outcome": ""}
        formset_ = self.support_formset([blank])
        assert formset_.is_valid()
        assert formset_.items() == []

    def test_a_half_filled_item_names_what_is_missing_and_keeps_what_was_typed(self):
        half = {
            "description": "Speech therapy group",
            "since_0": "",
            "since_1": "",
            "since_2": "",
            "outcome": "",
        }
        formset_ = self.support_formset([half])
        assert not formset_.is_valid()
        assert formset_.forms[0].errors == {
            "since": ["Enter when the support started"],
            "outcome": ["Describe what happened"],
        }
        assert formset_.forms[0]["description"].value() == "Speech therapy group"

    def test_a_removed_item_is_dropped_even_if_incomplete(self):
        item = {
            "description": "Dropped",
            "since_0": "",
            "since_1": "",
            "since_2": "",
            "outcome": "",
            "DELETE": "on",
        }
        formset_ = self.support_formset([item])
        assert formset_.is_valid()
        assert formset_.items() == []

    def test_items_keep_page_order(self):
        items = [
            {"description": f"Support {n}", **date_parts("since", 1, n, 2025), "outcome": "None"}
            for n in (1, 2, 3)
        ]
        formset_ = self.support_formset(items)
        assert formset_.is_valid(), formset_.errors
        assert [i["description"] for i in formset_.items()] == [
            "Support 1",
            "Support 2",
            "Support 3",
        ]

    def test_more_than_twenty_items_are_refused(self):
        items = [{"description": "x", **date_parts("since", 1, 1, 2025), "outcome": "y"}] * 21
        formset_ = self.support_formset(items)
        assert not formset_.is_valid()
        assert formset_.non_form_errors() == ["You can add up to 20 support items"]


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [
        ("99999999999", "1", "2020"),
        ("1", "1", "99999999999"),
        ("001", "1", "2020"),
        ("1", "1", "20201"),
    ],
)
def test_absurd_date_parts_are_an_error_not_a_crash(day, month, year):
    form = step_form(
        "child-date-of-birth", **date_parts("child-date-of-birth-date_of_birth", day, month, year)
    )
    assert form.errors["date_of_birth"] == ["Date of birth must be a real date"]


def test_a_child_with_no_place_is_asked_what_they_receive_now_not_school_support():
    page = REQUEST_ASSESSMENT.step("support-now").form_class
    assert page.title == "What support or education is your child receiving now?"
    assert "home education, tutoring, health services" in page.hint
    item = page.form.base_fields
    assert item["description"].label == "What support or education are they receiving?"
    assert "school" not in page.title.lower()


def test_the_person_an_advocate_helps_is_a_parent_carer_or_young_person():
    form = form_for_step(
        REQUEST_ASSESSMENT.step("represents-details"),
        {"represents-details-name": "Grace Okafor", "represents-details-relationship": "advocate"},
    )
    assert not form.is_valid()
    assert "relationship" in form.errors
    form = form_for_step(
        REQUEST_ASSESSMENT.step("represents-details"),
        {"represents-details-name": "Grace Okafor", "represents-details-relationship": "parent"},
    )
    assert form.is_valid()


def test_their_email_is_optional_but_must_be_an_email():
    data = {
        "represents-contact-address_line_1": "12 Elm Road",
        "represents-contact-town": "Bristol",
        "represents-contact-postcode": "bs1 1aa",
    }
    step = REQUEST_ASSESSMENT.step("represents-contact")
    assert form_for_step(step, data).is_valid()
    bad = form_for_step(step, {**data, "represents-contact-email": "not-an-email"})
    assert bad.errors["email"] == [
        "Enter an email address in the correct format, like name@example.com"
    ]


def test_the_person_helped_is_a_young_person_only_once_over_compulsory_school_age():
    from datetime import date

    step = REQUEST_ASSESSMENT.step("represents-details")
    data = {"represents-details-name": "Sam", "represents-details-relationship": "young_person"}
    child = {"child-date-of-birth": {"date_of_birth": date(2017, 5, 2)}}
    form = form_for_step(step, data, child)
    assert form.errors["relationship"] == [
        "A young person has finished Year 11: the rights become theirs on the 1 September "
        "after their 16th birthday. Choose parent or carer, or check the date of birth"
    ]
    older = {"child-date-of-birth": {"date_of_birth": date(2005, 5, 2)}}
    assert form_for_step(step, data, older).is_valid()


def _date_fields():
    """Every DateField on every form in the journeys and the calculator."""
    import inspect

    from django import forms

    from journeys.cases import calculator
    from journeys.cases import forms as events
    from journeys.forms import request, stages
    from journeys.forms.fields import DateField

    for module in (request, stages, events, calculator):
        for name, form_class in inspect.getmembers(module, inspect.isclass):
            if issubclass(form_class, forms.BaseForm) and form_class.__module__ == module.__name__:
                for field_name, field in form_class.base_fields.items():
                    if isinstance(field, DateField):
                        yield f"{name}.{field_name}", field


DATE_FIELDS = sorted(_date_fields(), key=lambda item: item[0])


def test_every_date_question_is_found():
    assert len(DATE_FIELDS) >= 11  # request 3, events 1, calculator 2, stages 5+


@pytest.mark.parametrize(("name", "field"), DATE_FIELDS, ids=[n for n, _ in DATE_FIELDS])
def test_a_date_hint_example_is_a_valid_answer_to_its_own_question(name, field):
    import re

    hint = str(field.help_text)
    found = re.search(r"For example, (\d{1,2}) (\d{1,2}) (\d{4})", hint)
    if found is None:
        assert "For example" not in hint, hint
        return
    assert field.clean(list(found.groups())) is not None  # raises ValidationError if not


def test_date_examples_follow_today(settings):
    from unittest import mock

    from journeys.forms.fields import date_example

    with mock.patch("django.utils.timezone.localdate", return_value=date(2031, 5, 31)):
        assert str(date_example(days_ago=10)) == "For example, 21 5 2031"
        assert str(date_example(years_ago=8, days_ago=0)) == "For example, 28 5 2023"
