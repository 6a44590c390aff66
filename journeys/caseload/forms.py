"""Forms for support organisations: the caseload filters, a case's note, assignment and
review, and the members page. Choices of people come from the organisation's members, given
by the view, so a form can never offer (or accept) someone from outside it."""

from __future__ import annotations

from django import forms

from ehcp_site.accounts.models import Membership
from journeys.caseload.selectors import (
    ANYONE,
    UNASSIGNED,
    CaseloadFilters,
    DeadlineWindow,
    ProvisionFilter,
    SortOrder,
)
from journeys.cases.labels import STAGE_LABELS
from journeys.forms.fields import choice


def _name(membership: Membership) -> str:
    return membership.user.full_name or membership.user.email


class CaseloadFilterForm(forms.Form):
    """The dashboard's filters, sent by GET so a filtered page can be bookmarked or shared."""

    q = forms.CharField(
        label="Child or parent name",
        required=False,
        max_length=100,
        error_messages={"max_length": "Search for 100 characters or fewer"},
    )
    stage = choice(
        label="Stage",
        choices=[("", "Any stage"), *STAGE_LABELS.items()],
        required_message="Choose a stage from the list",
        widget=forms.Select,
    )
    deadline = choice(
        label="Next deadline",
        choices=DeadlineWindow.choices(),
        required_message="Choose when the next deadline is from the list",
        widget=forms.Select,
    )
    assigned = choice(
        label="Assigned to",
        choices=[],
        required_message="Choose someone from the list",
        widget=forms.Select,
    )

    provision = choice(
        label="Provision in the plan",
        choices=ProvisionFilter.choices(),
        required_message="Choose from the list",
        widget=forms.Select,
    )
    sort = choice(
        label="Order",
        choices=SortOrder.choices(),
        required_message="Choose an order from the list",
        widget=forms.Select,
    )

    def __init__(self, *args, members: list[Membership], **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("stage", "deadline", "assigned", "provision", "sort"):
            self.fields[name].required = False
        self.fields["assigned"].choices = [
            (ANYONE, "Anyone"),
            (UNASSIGNED, "Nobody (unassigned)"),
            *((str(m.user_id), _name(m)) for m in members),
        ]

    def filters(self) -> CaseloadFilters:
        """The valid filters (a field with an error does not narrow the list)."""
        if not self.is_bound:
            return CaseloadFilters()
        self.is_valid()  # fills cleaned_data with the fields that are valid
        data = self.cleaned_data
        return CaseloadFilters(
            stage=data.get("stage", ""),
            deadline=data.get("deadline", ""),
            assigned=data.get("assigned", ""),
            search=data.get("q", "").strip(),
            provision=data.get("provision", ""),
            sort=data.get("sort", ""),
        )


class CaseNoteForm(forms.Form):
    body = forms.CharField(
        label="Add a note",
        help_text="Only people in your organisation can read notes. The family sees that a "
        "note was written, and by whom, but not what it says.",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Enter a note",
            "max_length": "The note must be 5,000 characters or fewer",
        },
    )

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Enter a note", code="required")
        return body


class CaseAssignForm(forms.Form):
    assigned_to = choice(
        label="Assign this case to",
        choices=[],
        required_message="Choose someone in your organisation",
        widget=forms.Select,
    )

    def __init__(self, *args, members: list[Membership], **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {str(m.user_id): m.user for m in members}
        field = self.fields["assigned_to"]
        field.required = False
        field.choices = [
            ("", "Nobody (unassigned)"),
            *((str(m.user_id), _name(m)) for m in members),
        ]

    def assignee(self):
        """The chosen member's account, or None for nobody."""
        return self.members.get(self.cleaned_data["assigned_to"])


class CaseReviewForm(forms.Form):
    reviewed = forms.ChoiceField(choices=[("yes", "Reviewed"), ("no", "Not reviewed")])


ROLE_CHOICES = Membership.Role.choices


class MemberAddForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="We will email them a link to join. If they do not have an account yet, "
        "they create one with this address first.",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    role = choice(
        label="Role",
        choices=ROLE_CHOICES,
        required_message="Choose a role",
    )


class MemberRoleForm(forms.Form):
    role = choice(label="Role", choices=ROLE_CHOICES, required_message="Choose a role")
