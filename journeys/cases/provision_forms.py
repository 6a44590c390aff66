"""Forms of the provision tracker: pasting the plan's sections, confirming each item, recording
a week, the term dates and the date the tracker counts from. Every field has a bound and a
plain-English error shown beside it; nothing typed is lost when a page comes back with errors.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from journeys.cases.casefile import ITEM_LENGTH, LINE_LENGTH, PLAN_SECTION_LENGTH
from journeys.cases.provision_services import NOTE_LENGTH, WeekEntry
from journeys.forms.fields import DateField, choice, hint_with_example
from journeys.forms.fields import text as text_field
from journeys.rules.vocabulary import Delivered, Per

SECTION_LABELS = {
    "F": "Section F: special educational provision",
    "G": "Section G: health provision",
    "H": "Section H: social care provision",
}
MOST_SESSIONS = 50  # a period: 10 sessions a school day at most
MOST_MINUTES = 24 * 60  # one session
MOST_WEEK_MINUTES = 10_000  # the case file's bound on a count (a week is 10,080)


def _number(*, label: str, subject: str, hint: str, most: int) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=hint,
        required=False,
        min_value=0,
        max_value=most,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "invalid": f"{subject} must be a whole number, like 2",
            "min_value": f"{subject} must be 0 or more",
            "max_value": f"{subject} must be {most:,} or fewer",
        },
    )


class SectionsForm(forms.Form):
    """Paste the final plan's sections F, G and H."""

    F = text_field(
        label=SECTION_LABELS["F"],
        subject="Section F",
        max_length=PLAN_SECTION_LENGTH,
        multiline=True,
        hint="Copy it from the final plan and paste it here, all of it.",
    )
    G = text_field(
        label=SECTION_LABELS["G"] + " (if the plan has any)",
        subject="Section G",
        max_length=PLAN_SECTION_LENGTH,
        multiline=True,
    )
    H = text_field(
        label=SECTION_LABELS["H"] + " (if the plan has any)",
        subject="Section H",
        max_length=PLAN_SECTION_LENGTH,
        multiline=True,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors and not any(data.get(key, "").strip() for key in "FGH"):
            self.add_error("F", "Paste section F of the plan")
        return data


class ItemForm(forms.Form):
    """One thing the plan promises: what, who, how often, how long, term time only."""

    id = forms.CharField(required=False, max_length=LINE_LENGTH, widget=forms.HiddenInput)
    text = text_field(
        label="What the plan says",
        subject="What the plan says",
        max_length=ITEM_LENGTH,
        multiline=True,
        required_message="Enter what the plan says, or tick the box to remove this item",
    )
    section = choice(
        label="Which section is it in?",
        choices=[(key, label) for key, label in SECTION_LABELS.items()],
        required_message="Choose the section of the plan it is in",
        widget=forms.Select,
    )
    section.initial = "F"
    provider = text_field(
        label="Who gives it (optional)",
        subject="Who gives it",
        max_length=LINE_LENGTH,
        hint="For example, a qualified speech and language therapist",
    )
    sessions = _number(
        label="How many sessions",
        subject="The number of sessions",
        hint="Leave empty if the plan does not say",
        most=MOST_SESSIONS,
    )
    per = choice(
        label="How often",
        choices=[("", "The plan does not say"), *Per.choices()],
        required_message="Choose how often from the list",
        widget=forms.Select,
    )
    minutes = _number(
        label="Minutes each session (optional)",
        subject="The minutes",
        hint="For example, 60 for an hour",
        most=MOST_MINUTES,
    )
    term_time_only = forms.BooleanField(
        label="Term time only (not in the school holidays)", required=False, initial=True
    )
    starts = DateField(
        label="In the plan from (optional)",
        subject="The date it came into the plan",
        required=False,
        help_text="Only if an amended plan added it: the date of that plan.",
    )
    ends = DateField(
        label="Taken out of the plan on (optional)",
        subject="The date it was taken out",
        required=False,
        help_text="If an amended plan took it out or changed it, the date of that plan. What "
        "you recorded for it is kept, and nothing is expected after this date.",
    )
    remove = forms.BooleanField(
        label="Remove this item, and what you recorded for it (if it was never in the plan)",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["per"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("remove"):
            self.errors.pop("text", None)  # a removed item needs nothing else
            return data
        starts, ends = data.get("starts"), data.get("ends")
        if starts and ends and ends < starts:
            self.add_error("ends", "The date it was taken out must be after it came in")
        sessions, per = data.get("sessions"), data.get("per")
        if sessions and not per:
            self.add_error("per", "Choose how often, or empty the number of sessions")
        elif per and not sessions:
            self.add_error(
                "sessions", "Enter how many sessions, or choose that the plan does not say"
            )
        return data

    def item(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "id": data.get("id", ""),
            "section": data["section"],
            "text": data["text"].strip(),
            "provider": data.get("provider", "").strip(),
            "sessions": data.get("sessions") or None,
            "per": data.get("per") or None,
            "minutes": data.get("minutes"),
            "term_time_only": bool(data.get("term_time_only")),
            "starts": data.get("starts"),
            "ends": data.get("ends"),
        }


class ItemFormSet(forms.BaseFormSet):
    def items(self, known_ids: set[str]) -> list[dict[str, Any]]:
        """The items kept, in page order. An id the case does not hold (a stale or made-up
        page) is treated as a new item, so nothing posted can name another item."""
        kept = []
        for form in self.forms:
            if not form.has_changed() and not form.cleaned_data.get("text"):
                continue  # the blank "add an item" row left blank
            if form.cleaned_data.get("remove"):
                continue
            item = form.item()
            if item["id"] not in known_ids:
                item["id"] = ""
            kept.append(item)
        return kept


ItemsFormSet = forms.formset_factory(
    ItemForm, formset=ItemFormSet, extra=1, max_num=200, absolute_max=201, validate_max=True
)
ItemsFormSet.default_error_messages = {
    **forms.BaseFormSet.default_error_messages,
    "too_many_forms": "A plan can have up to 200 items here",
}


def item_initial(item) -> dict[str, Any]:
    """A form's starting values from the rules' Item."""
    return {
        "id": item.id,
        "section": item.section,
        "text": item.text,
        "provider": item.provider,
        "sessions": item.sessions,
        "per": item.per.value if item.per else "",
        "minutes": item.minutes,
        "term_time_only": item.term_time_only,
        "starts": item.starts,
        "ends": item.ends,
    }


# -- a week --------------------------------------------------------------------------------

NOT_RECORDED = "none"
DELIVERY_CHOICES = [
    (Delivered.YES.value, "Delivered"),
    (Delivered.PARTLY.value, "Partly delivered"),
    (Delivered.NO.value, "Not delivered"),
    (NOT_RECORDED, "Not recorded yet"),
]


class WeekItemForm(forms.Form):
    """What happened to one item this week."""

    provision = forms.CharField(max_length=LINE_LENGTH, widget=forms.HiddenInput)
    delivered = choice(
        label="What happened",
        choices=DELIVERY_CHOICES,
        required_message="Choose what happened",
    )
    minutes = _number(
        label="Minutes given this week (optional)",
        subject="The minutes",
        hint="All the sessions of the week together",
        most=MOST_WEEK_MINUTES,
    )
    note = text_field(
        label="Note (optional)",
        subject="The note",
        max_length=NOTE_LENGTH,
        hint=f"For example, therapist off sick, no cover. Up to {NOTE_LENGTH} characters.",
    )

    # The page's items changed since it was shown (another tab, a removed item): the row
    # posted is not the item the page now shows there.
    STALE = "The list of items changed since this page was shown. Check this item and save again."

    def __init__(self, *args, item_label: str = "", item_id: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.item_id = item_id
        self.fields["delivered"].required = False
        if item_label:
            self.fields["delivered"].label = f"What happened to {item_label} this week?"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.item_id and data.get("provision") != self.item_id:
            self.add_error(None, self.STALE)
        recorded = data.get("delivered") not in (None, "", NOT_RECORDED)
        if not recorded and (data.get("minutes") or data.get("note")):
            self.add_error("delivered", "Choose what happened, or empty the minutes and note")
        return data

    def entry(self) -> WeekEntry:
        data = self.cleaned_data
        delivered = data.get("delivered")
        return WeekEntry(
            provision=data["provision"],
            delivered=Delivered(delivered) if delivered and delivered != NOT_RECORDED else None,
            minutes=data.get("minutes"),
            note=data.get("note", "").strip(),
        )


def week_initial(row) -> dict[str, Any]:
    """A week form's starting values from the page's WeekRow."""
    recorded = row.recorded
    return {
        "provision": row.item.id,
        "delivered": recorded.delivered.value if recorded else NOT_RECORDED,
        "minutes": recorded.minutes if recorded else None,
        "note": recorded.note if recorded else "",
    }


# -- the term dates and the tracker's start ----------------------------------------------

MOST_TERMS = 60  # 10 school years of 6 terms
_DAY = r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})|(\d{4})-(\d{1,2})-(\d{1,2})"
_TERM_LINE = re.compile(rf"^\s*(?:{_DAY})\s*(?:to|-|\u2013|until)\s*(?:{_DAY})\s*$", re.IGNORECASE)


def _day(parts: tuple[str | None, ...]) -> date:
    if parts[0]:
        return date(int(parts[2]), int(parts[1]), int(parts[0]))
    return date(int(parts[3]), int(parts[4]), int(parts[5]))


def parse_terms(text: str, *, what: str = "term") -> list[tuple[date, date]]:
    """One term a line, "3/9/2026 to 23/10/2026" (or ISO dates); raises ValidationError
    naming the first line that is not a term (or a half term: `what`)."""
    terms = []
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > MOST_TERMS:
        raise ValidationError(f"Enter up to {MOST_TERMS} {what}s")
    for number, line in enumerate(lines, start=1):
        match = _TERM_LINE.match(line)
        try:
            if not match:
                raise ValueError
            groups = match.groups()
            start, end = _day(groups[:6]), _day(groups[6:])
        except ValueError:
            raise ValidationError(
                f"Line {number} is not a {what}: write it like 3/9/2026 to 23/10/2026"
            ) from None
        if end < start:
            raise ValidationError(f"Line {number}: the {what} must end after it starts")
        if not 2000 <= start.year <= 2100 or not 2000 <= end.year <= 2100:
            raise ValidationError(f"Line {number}: give a year from 2000 to 2100")
        terms.append((start, end))
    return terms


def terms_text(periods) -> str:
    """Periods (the rules' Period) one a line, as the form takes them."""
    return "\n".join(f"{p.start:%-d/%-m/%Y} to {p.end:%-d/%-m/%Y}" for p in periods)


class TermsForm(forms.Form):
    terms = forms.CharField(
        label="Terms",
        help_text="One term a line, its first and last day, like 3/9/2026 to 19/12/2026.",
        max_length=MOST_TERMS * 40,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        error_messages={
            "required": "Enter the term dates, or choose to use a typical school year",
            "max_length": f"Enter up to {MOST_TERMS} terms",
        },
    )
    holidays = forms.CharField(
        label="Half terms (optional)",
        help_text="The holidays inside a term, one a line, like 26/10/2026 to 30/10/2026.",
        required=False,
        max_length=MOST_TERMS * 40,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        error_messages={"max_length": f"Enter up to {MOST_TERMS} half terms"},
    )

    def clean_terms(self) -> list[tuple[date, date]]:
        return parse_terms(self.cleaned_data["terms"])

    def clean_holidays(self) -> list[tuple[date, date]]:
        return parse_terms(self.cleaned_data.get("holidays", ""), what="half term")


class SinceForm(forms.Form):
    since = DateField(
        label="Count from",
        subject="The date",
        help_text=hint_with_example("The first day to count.", days_ago=90),
        error_messages={"required": "Enter the date to count from"},
    )
