"""Forms on a case's sharing page: invite an advocate, share with an organisation."""

from __future__ import annotations

from django import forms

from ehcp_site.accounts.models import Organisation
from journeys.forms.base import QuestionForm


class InviteAdvocateForm(QuestionForm):
    title = "Invite an advocate"
    email = forms.EmailField(
        label="Their email address",
        help_text="We will email them a link. It works once, for 7 days, and only for an "
        "account with this address.",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": "Enter the advocate's email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )

    def __init__(self, *args, owner_email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.owner_email = owner_email.lower()

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email == self.owner_email:
            raise forms.ValidationError("Enter someone else's email address, not your own")
        return email


class ShareWithOrganisationForm(QuestionForm):
    title = "Share with a support organisation"
    organisation = forms.ModelChoiceField(
        label="Which organisation?",
        queryset=Organisation.objects.none(),
        empty_label="Select an organisation",
        error_messages={
            "required": "Select the organisation to share with",
            "invalid_choice": "Select an organisation from the list",
        },
    )

    def __init__(self, *args, exclude_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.exclude(pk__in=exclude_ids)
