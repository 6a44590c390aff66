"""Form fields in the GOV.UK Design System patterns (date input, plain-English errors)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from ehcp_site.validators import one_line
from journeys.rules.calendar import EARLIEST_YEAR, LATEST_YEAR

DATE_PARTS = ("day", "month", "year")


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
            if len(day_text) > 2 or len(month_text) > 2 or len(year_text) != 4:
                raise ValueError("a day and month of 1 or 2 digits, a year of 4")
            return date(int(year_text), int(month_text), int(day_text))
        except (ValueError, OverflowError):
            raise ValidationError(f"{self.subject} must be a real date", code="invalid") from None


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
