"""Forms on a case's pages: record a date, ask for email reminders, check a decision letter."""

from __future__ import annotations

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from journeys.cases.casefile import CaseFileError, validate_case_file
from journeys.cases.casefile_io import (
    NotACaseZip,
    case_file_bytes_from_upload,
    files_from_export_zip,
)
from journeys.forms.base import QuestionForm
from journeys.forms.fields import DateField, choice, hint_with_example, text
from journeys.rules.events import event_contradiction, recorded_events
from journeys.rules.vocabulary import DecisionKind, EventType, Transfer, TribunalOrder

# Only the phase-transfer date is about the future; every other event has happened.
FUTURE_ALLOWED = frozenset({EventType.PHASE_TRANSFER_YEAR})

# The version-2 keys an event takes (CASE_FORMAT.md): the field that asks for each, and the
# message beside it when the event needs it and it is not given.
EVENT_KEYS: dict[str, tuple[EventType, str]] = {
    "transfer": (EventType.PHASE_TRANSFER_YEAR, "Select which kind of move it is"),
    "order": (EventType.TRIBUNAL_DECISION, "Select what the Tribunal ordered"),
}


class AddEventForm(QuestionForm):
    title = "Tell us what has happened"
    hint = "Add the date from the letter or email. We will work out what is now due."
    event_type = choice(
        label="What happened?",
        # Every event of the case file, version 2's too: the deadlines engine counts them all.
        choices=[("", "Select what happened"), *EventType.choices()],
        required_message="Select what happened",
        widget=forms.Select,
    )
    event_date = DateField(
        label="When did it happen?",
        subject="The date",
        help_text=hint_with_example(
            "For a move to a new school or college, give 1 September of the year of the move. "
            "For a move from one college or sixth form to another, give the day of the move."
        ),
        error_messages={"required": "Enter the date it happened"},
    )
    transfer = forms.ChoiceField(
        label="If this is a move to a new school or college: which kind of move is it?",
        help_text="Only for \u201c" + EventType.PHASE_TRANSFER_YEAR.label + "\u201d.",
        choices=Transfer.choices(),
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": EVENT_KEYS["transfer"][1]},
    )
    order = forms.ChoiceField(
        label="If the Tribunal decided the appeal: what did it order the council to do?",
        help_text="Only for \u201c"
        + EventType.TRIBUNAL_DECISION.label
        + "\u201d. If the council told the Tribunal it would not oppose your appeal, choose "
        "what it must now do.",
        choices=TribunalOrder.choices(),
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": EVENT_KEYS["order"][1]},
    )

    def __init__(self, *args, events: list[dict] | None = None, **kwargs):
        """`events`: the case file's recorded events, to refuse dates that contradict them."""
        super().__init__(*args, **kwargs)
        self.recorded = recorded_events(events or [])

    def clean(self):
        cleaned = super().clean()
        kind, when = cleaned.get("event_type"), cleaned.get("event_date")
        in_future = when is not None and when > timezone.localdate()
        if kind and in_future and EventType(kind) not in FUTURE_ALLOWED:
            self.add_error(
                "event_date",
                ValidationError("The date must be today or in the past", code="future"),
            )
        elif kind and when is not None:
            problem = event_contradiction(event=EventType(kind), on=when, recorded=self.recorded)
            if problem:
                self.add_error("event_date", ValidationError(problem, code="contradicts"))
        for key, (takes_it, missing) in EVENT_KEYS.items():
            if kind == takes_it.value and not cleaned.get(key) and key not in self.errors:
                self.add_error(key, ValidationError(missing, code="required"))
        return cleaned

    def event_keys(self) -> dict[str, str]:
        """The version-2 keys the chosen event takes, as the case file writes them (only
        those of its own type: a transfer chosen for any other event is not recorded)."""
        kind = self.cleaned_data["event_type"]
        return {
            key: self.cleaned_data[key]
            for key, (takes_it, _) in EVENT_KEYS.items()
            if kind == takes_it.value
        }


class RemindersForm(QuestionForm):
    title = "Get email reminders"
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    consent = forms.BooleanField(
        label="Yes, email me 14, 7 and 2 days before each date on this timeline",
        error_messages={"required": "Tick the box to say you want reminders"},
    )


class ImportCaseForm(QuestionForm):
    title = "Upload a case file"
    case_file = forms.FileField(
        label="Case file",
        help_text="The ZIP you downloaded with \u201cDownload everything\u201d, the case.json "
        "file inside it, or a case file made by another tool in the same format.",
        error_messages={
            "required": "Choose a case file to upload",
            "empty": "The selected file is empty",
        },
    )
    MAX_BYTES = 1024 * 1024
    # A ZIP from "Download everything" may carry the case's documents (`files/`).
    MAX_ZIP_BYTES = 100 * 1024 * 1024

    def clean_case_file(self) -> dict:
        upload = self.cleaned_data["case_file"]
        is_zip = upload.read(4) == b"PK\x03\x04"
        upload.seek(0)
        if is_zip and upload.size > self.MAX_ZIP_BYTES:
            raise ValidationError("The ZIP file must be smaller than 100 MB", code="too_big")
        if not is_zip and upload.size > self.MAX_BYTES:
            raise ValidationError("The case file must be smaller than 1 MB", code="too_big")
        try:
            whole = upload.read()
            content = case_file_bytes_from_upload(whole, max_bytes=self.MAX_BYTES)
            # The documents (read again by the view's service, through the upload checks).
            self.documents = files_from_export_zip(whole)
        except NotACaseZip as problem:
            raise ValidationError(str(problem), code="bad_zip") from None
        try:
            data = json.loads(content.decode("utf-8-sig"))  # Notepad adds a BOM
            return validate_case_file(data)
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise ValidationError(
                "The file must be a case file in JSON format", code="not_json"
            ) from None
        except CaseFileError as error:
            reason = str(error)
            reason = reason if len(reason) <= 200 else f"{reason[:200]}\u2026"
            raise ValidationError(
                f"The case file cannot be used: {reason}", code="invalid"
            ) from None


class DecisionLetterForm(QuestionForm):
    """The decision-letter check (issue 16): which decision, and the letter's text. The text
    is checked and shown back, never saved (it is the council's letter, not the case file)."""

    title = "Check the council's decision letter"
    decision_kind = choice(
        label="What did the council decide?",
        choices=DecisionKind.choices(),
        required_message="Select what the council decided",
    )
    letter_text = text(
        label="Paste the text of the letter",
        subject="The letter",
        required_message="Paste the text of the council's letter",
        max_length=20_000,
        multiline=True,
        hint="Copy all of it, including any leaflet or page about appeals and mediation sent "
        "with it. We do not keep this text.",
    )
