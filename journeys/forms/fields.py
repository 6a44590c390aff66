"""Form fields in the GOV.UK Design System patterns (date input, plain-English errors)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.text import format_lazy

from ehcp_site.validators import one_line
from journeys.rules.calendar import EARLIEST_YEAR, LATEST_YEAR

DATE_PARTS = ("day", "month", "year")

MONTH_NAMES = tuple(date(2000, month, 1).strftime("%B").lower() for month in range(1, 13))


def month_number(text: str) -> int:
    """The month typed as a number ("4", "04") or a name ("April", "apr", "Sept")."""
    word = text.strip().lower().rstrip(".")
    if word.isdigit() and len(word) <= 2:
        return int(word)
    if len(word) >= 3:
        for number, name in enumerate(MONTH_NAMES, start=1):
            if name.startswith(word) or (word == "sept" and number == 9):
                return number
    raise ValueError(f"not a month: {text!r}")


def date_example(*, years_ago: int = 0, days_ago: int = 60):
    """A lazy "For example, 27 3 2026": a date before today, so it is always a valid answer
    to a question that refuses future dates (a fixed example goes stale, or starts out in
    the future). Evaluated when the page is shown."""
    from django.utils import timezone

    def example() -> str:
        day = timezone.localdate() - timedelta(days=days_ago)
        day = day.replace(year=day.year - years_ago, day=min(day.day, 28))
        return f"For example, {day.day} {day.month} {day.year}"

    return lazy(example, str)()


def hint_with_example(text: str = "", **when):
    """`text`, then a date example from date_example(**when)."""
    return format_lazy("{}{}", f"{text} " if text else "", date_example(**when))


class DateInputWidget(forms.MultiWidget):
    """Three short text boxes (day, month, year), as in the GOV.UK date input pattern."""

    template_name = "journeys/widgets/date_input.html"

    def __init__(self, attrs=None):
        part_attrs = {"inputmode": "numeric", "spellcheck": "false"}
        super().__init__(
            [
                forms.TextInput(attrs={**part_attrs, "class": f"govuk-input--width-{w}"})
                for w in (2, 2, 4)
            ],
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, part in zip(context["widget"]["subwidgets"], DATE_PARTS, strict=True):
            subwidget["part"] = part
            subwidget["part_label"] = part.capitalize()
        return context


class DateField(forms.MultiValueField):
    """A real calendar date typed as day, month and year, with GOV.UK-style messages.

    `subject` is how errors name the date, e.g. "Date of birth".
    """

    widget = DateInputWidget

    def __init__(self, *, subject: str, **kwargs):
        self.subject = subject
        part = forms.CharField(max_length=4, required=False)
        kwargs.setdefault("error_messages", {"required": f"Enter the {subject.lower()}"})
        super().__init__(fields=(part, part, part), require_all_fields=False, **kwargs)

    def clean(self, value):
        parts = [str(v).strip() if v is not None else "" for v in (value or ["", "", ""])]
        if not any(parts):
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        missing = [name for name, text in zip(DATE_PARTS, parts, strict=True) if not text]
        if missing:
            raise ValidationError(
                f"{self.subject} must include a {' and a '.join(missing)}", code="incomplete"
            )
        result = self.compress(parts)
        if not EARLIEST_YEAR <= result.year <= LATEST_YEAR:
            # The same range as the case file, so whatever is typed can be exported and
            # imported again (and deadlines counted years on stay in the calendar).
            raise ValidationError(
                f"{self.subject} must be between {EARLIEST_YEAR} and {LATEST_YEAR}",
                code="out_of_range",
            )
        self.run_validators(result)
        return result

    def compress(self, data_list):
        if not data_list:
            return None
        day_text, month_text, year_text = (str(text) for text in data_list)
        try:
            if len(day_text) > 2 or len(year_text) != 4:
                raise ValueError("a day of 1 or 2 digits, a year of 4")
            return date(int(year_text), month_number(month_text), int(day_text))
        except (ValueError, OverflowError):
            raise ValidationError(f"{self.subject} must be a real date", code="invalid") from None


# The shape of a UK postcode (outward code, a space, inward code), as Royal Mail writes it;
# plus GIR 0AA. It checks the shape, not that the postcode exists.
UK_POSTCODE = re.compile(r"([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})|(GIR) ?(0AA)")


def uk_postcode(value: str) -> str:
    """The postcode in capitals with one space ("bs11aa" -> "BS1 1AA"); ValidationError
    naming a real example when it is not the shape of a UK postcode."""
    squeezed = "".join(value.upper().split())
    found = UK_POSTCODE.fullmatch(squeezed)
    if found is None:
        raise ValidationError("Enter a real postcode, like BS1 1AA", code="invalid")
    outward, inward = (part for part in found.groups() if part)
    return f"{outward} {inward}"


def uk_phone(value: str) -> str:
    """A UK phone number as the parent wrote it, spacing tidied; ValidationError unless it
    is 10 or 11 digits starting 0 (or +44 and 9 or 10 digits), ignoring spaces, dashes and
    brackets."""
    tidied = " ".join(value.split())
    digits = re.sub(r"[\s()\-]", "", tidied)
    for country in ("+44", "0044"):
        if digits.startswith(country):  # +44 7700..., +44 (0)7700..., 0044 7700...
            digits = "0" + digits[len(country) :].lstrip("0")
    national = digits
    if not (national.isdigit() and national.startswith("0") and 10 <= len(national) <= 11):
        raise ValidationError(
            "Enter a UK phone number, like 01632 960 001 or 07700 900 982", code="invalid"
        )
    return tidied


def not_in_future(subject: str):
    """Return a validator rejecting a date after today (Europe/London)."""
    from django.utils import timezone

    def validate(value: date) -> None:
        if value > timezone.localdate():
            raise ValidationError(f"{subject} must be today or in the past", code="future")

    return validate


def text(
    *,
    label: str,
    subject: str,
    required_message: str = "",
    max_length: int = 200,
    multiline: bool = False,
    hint: str = "",
    autocomplete: str = "",
) -> forms.CharField:
    """A text field whose errors name what is missing in plain words.

    `subject` names the answer in errors ("First name must be 100 characters or fewer");
    a field without `required_message` is optional.
    """
    attrs = {"autocomplete": autocomplete} if autocomplete else {}
    widget = (
        forms.Textarea(attrs={"rows": 6 if max_length > 1000 else 3, **attrs})
        if multiline
        else forms.TextInput(attrs=attrs)
    )
    return forms.CharField(
        label=label,
        help_text=hint,
        required=bool(required_message),
        max_length=max_length,
        widget=widget,
        validators=[] if multiline else [one_line(subject)],
        error_messages={
            "required": required_message,
            "max_length": f"{subject} must be {max_length:,} characters or fewer",
        },
    )


def choice(
    *, label: str, choices, required_message: str, hint: str = "", widget=forms.RadioSelect
) -> forms.ChoiceField:
    """One answer from a fixed list (radios by default), with a plain-English required message."""
    return forms.ChoiceField(
        label=label,
        help_text=hint,
        choices=choices,
        widget=widget,
        error_messages={"required": required_message, "invalid_choice": required_message},
    )
