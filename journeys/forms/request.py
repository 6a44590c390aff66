"""Question pages for the request for an EHC needs assessment (one question per page).

Page order and which pages show are declared in journeys/wizard/definition.py, not here.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from journeys.forms.base import QuestionForm, repeatable
from journeys.forms.fields import (
    DateField,
    choice,
    hint_with_example,
    not_in_future,
    text,
    uk_phone,
    uk_postcode,
)
from journeys.local_authorities import local_authority_choices
from journeys.rules.eligibility import is_within_assessment_age, is_young_person
from journeys.rules.law import Law, entry
from journeys.rules.vocabulary import (
    YEAR_GROUPS,
    ActingForYoungPerson,
    EvidenceKind,
    NeedArea,
    Pronouns,
    Relationship,
    Represented,
    SchoolView,
    SettingKind,
)

ABOUT_CHILD = "About your child"
ABOUT_YOU = "About you"
WHOSE_RIGHTS = "The person you are helping"
WHOSE_RIGHTS_YOUNG_PERSON = "Acting for a young person"
NEEDS = "Your child's needs"
SUPPORT = "Support and evidence"

LONG_TEXT = 3000


class ChildNameForm(QuestionForm):
    title = "What is your child's name?"
    caption = ABOUT_CHILD
    first_name = text(
        label="First name",
        subject="First name",
        required_message="Enter your child's first name",
        max_length=100,
    )
    last_name = text(
        label="Last name",
        subject="Last name",
        required_message="Enter your child's last name",
        max_length=100,
    )
    uses_answers = True

    def __init__(self, *args, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        # A young person filling it in for themselves gave their full name on "About you"
        # (asked first): offer it here split in two, to check, rather than ask it again blank.
        details = (answers or {}).get("your-details", {})
        if details.get("relationship") == Relationship.YOUNG_PERSON and not self.is_bound:
            first, _, last = details.get("name", "").strip().rpartition(" ")
            self.initial = {
                "first_name": first or last,
                "last_name": last if first else "",
                **self.initial,
            }


class ChildPronounsForm(QuestionForm):
    title = "How should the letter refer to your child?"
    caption = ABOUT_CHILD
    pronouns = choice(
        label=title,
        hint="We use this when the letter talks about your child, for example "
        "\u201cshe finds it hard to\u201d.",
        choices=Pronouns.choices(),
        required_message="Select how the letter should refer to your child",
    )


def _under_assessment_age(value: date) -> None:
    if not is_within_assessment_age(date_of_birth=value, on=timezone.localdate()):
        raise ValidationError(
            "Your child must be under 25 to have an EHC needs assessment", code="too_old"
        )


def _rights_holder(answers) -> str | None:
    """Who holds the rights: the applicant, or for an advocate the person they help."""
    relationship = answers.get("your-details", {}).get("relationship")
    if relationship == Relationship.ADVOCATE:
        return answers.get("represents-details", {}).get("relationship")
    return relationship


class ChildDateOfBirthForm(QuestionForm):
    title = "What is your child's date of birth?"
    caption = ABOUT_CHILD
    date_of_birth = DateField(
        label=title,
        subject="Date of birth",
        help_text=hint_with_example(years_ago=8),
        error_messages={"required": "Enter your child's date of birth"},
        validators=[not_in_future("Date of birth"), _under_assessment_age],
    )
    # Who is filling it in is asked first; a young person (or an advocate helping one) must
    # be over compulsory school age. The relationship pages check the same thing when the
    # date of birth is already known (_YoungPersonIsOldEnough).
    uses_answers = True

    def __init__(self, *args, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.young_person_answering = _rights_holder(answers or {}) == Relationship.YOUNG_PERSON

    def clean_date_of_birth(self) -> date:
        born = self.cleaned_data["date_of_birth"]
        if self.young_person_answering and _too_young(born):
            raise ValidationError(
                "A young person has finished Year 11: the rights become theirs on the "
                "1 September after their 16th birthday. Check the date of birth, or change "
                "who is filling this in",
                code="too_young",
            )
        return born


class ChildSettingForm(QuestionForm):
    title = "Where does your child go to school, college or nursery?"
    caption = ABOUT_CHILD
    setting_kind = choice(
        label=title,
        hint="You can ask for an assessment wherever your child is, including if they are "
        "not in school. If your child is not at a nursery or school yet, or is a young person "
        "not in education or training at the moment, choose the last answer.",
        choices=SettingKind.choices(),
        required_message="Select where your child goes to school, college or nursery",
    )


class SettingDetailsForm(QuestionForm):
    title = "About your child's school, college or nursery"
    caption = ABOUT_CHILD
    setting_name = text(
        label="Name of the school, college or nursery",
        subject="The name",
        required_message="Enter the name of the school, college or nursery",
        max_length=200,
    )
    year_group = choice(
        label="Which year group is your child in?",
        choices=[("", "Select a year group"), *((y, y) for y in YEAR_GROUPS)],
        required_message="Select your child's year group",
        widget=forms.Select,
    )


class ChildDiagnosesForm(QuestionForm):
    title = "Does your child have any diagnoses?"
    caption = ABOUT_CHILD
    diagnoses = text(
        label=title,
        subject="Diagnoses",
        hint="Put each diagnosis on its own line, for example autism or ADHD. Leave this "
        "empty if there are none: a child does not need a diagnosis to be assessed.",
        max_length=1000,
        multiline=True,
    )

    def clean_diagnoses(self) -> list[str]:
        lines = (line.strip() for line in self.cleaned_data["diagnoses"].splitlines())
        return [line for line in lines if line]


class LocalAuthorityForm(QuestionForm):
    title = "Which council is responsible for your child?"
    caption = ABOUT_CHILD
    local_authority = choice(
        label=title,
        hint="This is usually the council for the area where your child lives, even if "
        "their school is in another area.",
        choices=[("", "Select a council"), *local_authority_choices()],
        required_message="Select the council responsible for your child",
        widget=forms.Select,
    )


def _too_young(date_of_birth: date | None) -> bool:
    """Not yet a young person (over compulsory school age: the 31 August after their 16th
    birthday, journeys.rules.eligibility.is_young_person), when the date of birth is known."""
    return date_of_birth is not None and not is_young_person(
        date_of_birth=date_of_birth, on=timezone.localdate()
    )


class _YoungPersonIsOldEnough(QuestionForm):
    """A relationship question whose "young person" answer needs the child to be over
    compulsory school age, when the date of birth is known (the applicant's own, or the person
    an advocate helps)."""

    uses_answers = True

    def __init__(self, *args, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.date_of_birth = (answers or {}).get("child-date-of-birth", {}).get("date_of_birth")

    def clean_relationship(self) -> str:
        relationship = self.cleaned_data["relationship"]
        if relationship == Relationship.YOUNG_PERSON and _too_young(self.date_of_birth):
            raise ValidationError(
                "A young person has finished Year 11: the rights become theirs on the "
                "1 September after their 16th birthday. Choose parent or carer, or check the "
                "date of birth",
                code="too_young",
            )
        return relationship


class YourDetailsForm(_YoungPersonIsOldEnough):
    title = "About you"
    caption = ABOUT_YOU

    name = text(
        label="Your full name",
        subject="Your name",
        required_message="Enter your full name",
        max_length=200,
        autocomplete="name",
    )
    relationship = choice(
        label="How are you connected to the child?",
        choices=Relationship.choices(),
        required_message="Select how you are connected to the child",
    )


class YourContactForm(QuestionForm):
    title = "How can the council contact you?"
    caption = ABOUT_YOU
    hint = "These details go at the top of the letter."
    address_line_1 = text(
        label="Address line 1",
        subject="Address line 1",
        required_message="Enter the first line of your address",
        max_length=200,
        autocomplete="address-line1",
    )
    address_line_2 = text(
        label="Address line 2 (optional)",
        subject="Address line 2",
        max_length=200,
        autocomplete="address-line2",
    )
    town = text(
        label="Town or city",
        subject="Town or city",
        required_message="Enter your town or city",
        max_length=100,
        autocomplete="address-level2",
    )
    postcode = text(
        label="Postcode",
        subject="Postcode",
        required_message="Enter your postcode",
        max_length=10,
        autocomplete="postal-code",
    )
    email = forms.EmailField(
        label="Email address",
        help_text="Councils usually reply faster by email, and an email gives you a dated record.",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    phone = text(
        label="Phone number (optional)",
        subject="Phone number",
        max_length=30,
        autocomplete="tel",
    )

    # Both are printed at the top of the letter: checked here, not noticed by the council.
    def clean_postcode(self) -> str:
        return uk_postcode(self.cleaned_data["postcode"])

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"]
        return uk_phone(phone) if phone.strip() else ""


class RepresentsDetailsForm(_YoungPersonIsOldEnough):
    """When an advocate fills in the journey: the person whose rights these are."""

    title = "Who are you helping?"
    caption = WHOSE_RIGHTS

    hint = (
        "The letters are written for them, with you named as their representative. "
        + entry(Law.WHO_APPEALS).statement
    )
    name = text(
        label="Their full name",
        subject="Their name",
        required_message="Enter the full name of the person you are helping",
        max_length=200,
    )
    relationship = choice(
        label="Who are they?",
        choices=Represented.choices(),
        required_message="Select who the person you are helping is",
    )


class RepresentsContactForm(YourContactForm):
    title = "What are their contact details?"
    caption = WHOSE_RIGHTS
    hint = "Their address goes on the letters, because the rights are theirs."
    address_line_1 = text(
        label="Address line 1",
        subject="Address line 1",
        required_message="Enter the first line of their address",
        max_length=200,
    )
    address_line_2 = text(
        label="Address line 2 (optional)", subject="Address line 2", max_length=200
    )
    town = text(
        label="Town or city",
        subject="Town or city",
        required_message="Enter their town or city",
        max_length=100,
    )
    postcode = text(
        label="Postcode",
        subject="Postcode",
        required_message="Enter their postcode",
        max_length=10,
    )
    email = forms.EmailField(
        label="Their email address (optional)",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"spellcheck": "false"}),
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    phone = text(label="Their phone number (optional)", subject="Phone number", max_length=30)


class ActingForYoungPersonForm(QuestionForm):
    """A parent or carer filling in a journey for a young person: on what basis they act
    (case file `acting_for_young_person`, CASE_FORMAT.md version 2)."""

    title = "Are you acting for your child with their agreement?"
    caption = WHOSE_RIGHTS_YOUNG_PERSON
    hint = (
        entry(Law.YOUNG_PERSON_RIGHTS).cited
        + " The letters say on what basis you act for them. If your child can make this "
        "decision and has not agreed, the rights are still theirs: they can fill this in "
        "themselves, with your help."
    )
    acting_for_young_person = choice(
        label=title,
        choices=[
            (ActingForYoungPerson.AGREED.value, "Yes, your child has asked me to act for them"),
            (
                ActingForYoungPerson.LACKS_CAPACITY.value,
                "Your child lacks the mental capacity to make this decision, and I act for "
                "them as their alternative person",
            ),
        ],
        hint=entry(Law.ALTERNATIVE_PERSON).cited,
        required_message="Select whether your child agreed, or lacks capacity to decide",
    )
    uses_answers = True

    def __init__(self, *args, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        helped = (answers or {}).get("represents-details", {}).get("name")
        if (answers or {}).get("your-details", {}).get("relationship") == Relationship.ADVOCATE:
            # An advocate is not the one acting: the parent or carer they help is.
            who = helped or "the person you are helping"
            self.title = f"Is {who} acting for your child with their agreement?"
            field = self.fields["acting_for_young_person"]
            field.label = self.title
            field.choices = [
                (ActingForYoungPerson.AGREED.value, f"Yes, your child has asked {who} to act "
                 "for them"),
                (ActingForYoungPerson.LACKS_CAPACITY.value, "Your child lacks the mental "
                 f"capacity to make this decision, and {who} acts for them as their "
                 "alternative person"),
            ]  # fmt: skip


class NeedAreasForm(QuestionForm):
    title = "Which areas does your child need help with?"
    caption = NEEDS
    areas = forms.MultipleChoiceField(
        label=title,
        help_text="Select all that apply. These are the four broad areas of need in the SEND "
        "Code of Practice. You will describe each one in your own words next.",
        choices=NeedArea.choices(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one area your child needs help with"},
    )


def _need_form(area: NeedArea, examples: str) -> type[QuestionForm]:
    """One page per area of need: what the child finds hard, and what it stops them doing."""

    class NeedForm(QuestionForm):
        title = area.label
        caption = NEEDS
        hint = examples
        summary_prefix = f"{area.label}: "
        description = text(
            label="What does your child find hard?",
            subject="What your child finds hard",
            required_message="Describe what your child finds hard",
            hint="Give real examples from home and school, in your own words.",
            max_length=LONG_TEXT,
            multiline=True,
        )
        impact = text(
            label="How does this affect your child's learning or day at school?",
            subject="How it affects your child",
            required_message="Describe how this affects your child's learning or day",
            hint="For example, missing lessons, not making progress, being distressed, or "
            "not being able to attend.",
            max_length=LONG_TEXT,
            multiline=True,
        )

    NeedForm.__name__ = NeedForm.__qualname__ = f"Need{area.name.title().replace('_', '')}Form"
    return NeedForm


NeedCommunicationForm = _need_form(
    NeedArea.COMMUNICATION_INTERACTION,
    "For example understanding or using language, conversation, friendships, or social situations.",
)
NeedCognitionForm = _need_form(
    NeedArea.COGNITION_LEARNING,
    "For example reading, writing, maths, memory, or learning at the pace of the class.",
)
NeedSemhForm = _need_form(
    NeedArea.SEMH,
    "For example anxiety, low mood, anger, attention, or coping with the school day.",
)
NeedSensoryForm = _need_form(
    NeedArea.SENSORY_PHYSICAL,
    "For example hearing, sight, sensory processing, movement, handwriting, or medical needs.",
)


class SupportTriedItemForm(forms.Form):
    summary_labels = {"description": "Support", "since": "Started", "outcome": "What happened"}
    description = text(
        label="What support was given?",
        subject="The support",
        required_message="Describe the support that was given",
        hint="Who gave it, what it was, and how often, for example "
        "\u201csmall-group phonics, 3 times a week for 20 minutes\u201d.",
        max_length=1000,
        multiline=True,
    )
    since = DateField(
        label="When did it start?",
        subject="The start date",
        help_text=hint_with_example("If you do not know the day, put 1.", days_ago=90),
        error_messages={"required": "Enter when the support started"},
        validators=[not_in_future("The start date")],
    )
    outcome = text(
        label="What happened?",
        subject="What happened",
        required_message="Describe what happened",
        hint="For example, no measurable progress, or progress stopped when it ended.",
        max_length=1000,
        multiline=True,
    )


class SupportNowItemForm(SupportTriedItemForm):
    """For a child with no school place: what they are receiving now, from anyone."""

    summary_labels = {
        "description": "Support or education",
        "since": "Started",
        "outcome": "How it is going",
    }
    description = text(
        label="What support or education are they receiving?",
        subject="The support or education",
        required_message="Describe the support or education they are receiving",
        hint="Who gives it, what it is, and how often, for example \u201chome education "
        "with a tutor for English and maths, 2 hours a week\u201d or \u201cspeech and "
        "language therapy from the NHS, once a month\u201d.",
        max_length=1000,
        multiline=True,
    )
    outcome = text(
        label="How is it going?",
        subject="How it is going",
        required_message="Describe how it is going",
        hint="For example, not enough to help them learn, or they cannot cope with it.",
        max_length=1000,
        multiline=True,
    )


SupportNowFormSet = repeatable(
    SupportNowItemForm,
    title="What support or education is your child receiving now?",
    item_name="Support",
    caption=SUPPORT,
    hint="For example, from home education, tutoring, health services such as speech and "
    "language therapy, or a charity. Say how long each has run and how it is going. Leave "
    "it blank if they are receiving none. You can add more than one.",
)


SupportTriedFormSet = repeatable(
    SupportTriedItemForm,
    title="What support has your child had already?",
    item_name="Support",
    caption=SUPPORT,
    hint="Add each kind of help the school, nursery or others have given, how long it ran, "
    "and what happened. Leave it blank if none has been tried. You can add more than one.",
)


class EvidenceItemForm(forms.Form):
    summary_labels = {
        "kind": "Kind",
        "title": "Title",
        "author": "Written by",
        "date": "Dated",
        "key_points": "What it says",
    }
    kind = choice(
        label="What kind of evidence is it?",
        choices=[("", "Select a kind"), *EvidenceKind.choices()],
        required_message="Select the kind of evidence",
        widget=forms.Select,
    )
    title = text(
        label="Title (optional)",
        subject="The title",
        max_length=200,
        hint="For example, \u201cEducational psychology report\u201d.",
    )
    author = text(
        label="Who wrote it?",
        subject="The author",
        required_message="Enter who wrote it",
        hint="A name and role, for example \u201cDr A Patel, educational psychologist\u201d, "
        "or \u201cme\u201d for your own notes.",
        max_length=200,
    )
    date = DateField(
        label="What is the date on it?",
        subject="The date",
        help_text=hint_with_example(),
        error_messages={"required": "Enter the date on the evidence"},
        validators=[not_in_future("The date")],
    )
    key_points = text(
        label="What does it say that matters?",
        subject="What it says",
        required_message="Describe what the evidence says",
        hint="One or two sentences, for example what it recommends.",
        max_length=1000,
        multiline=True,
    )


EvidenceFormSet = repeatable(
    EvidenceItemForm,
    title="What evidence do you have?",
    item_name="Evidence",
    caption=SUPPORT,
    # Each journey says what the evidence is for (Journey.hints); this fits any of them.
    hint="Reports, letters and records that back up what you say. You can add more than one.",
)


class SchoolViewForm(QuestionForm):
    title = "Does the school support the request?"
    caption = SUPPORT
    school_view = choice(
        label=title,
        hint="You do not need the school's agreement to ask for an assessment.",
        choices=SchoolView.choices(),
        required_message="Select whether the school supports the request",
    )


class AnythingElseForm(QuestionForm):
    title = "Is there anything else the council should know?"
    caption = SUPPORT
    notes = text(
        label=title,
        subject="Anything else",
        hint="For example, something that happened recently, or anything the other pages "
        "did not ask. Leave it empty if there is nothing to add.",
        max_length=LONG_TEXT,
        multiline=True,
    )
