"""The evidence pages' forms: uploading a document, choosing documents for a pack, the witness
statement and the reasons for asking for more pages."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from journeys.documents.checks import DocumentRefused, document_clean
from journeys.forms.base import QuestionForm
from journeys.forms.fields import DateField, choice, hint_with_example, not_in_future, text
from journeys.rules.vocabulary import EvidenceKind
from letters.tribunal_documents import WITNESS_SECTIONS

ACCEPT = ".pdf,application/pdf,.jpg,.jpeg,image/jpeg,.png,image/png,.docx"


def too_big_message(limit: int) -> str:
    size = f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"
    return f"The file must be smaller than {size}"


class EvidenceUploadForm(QuestionForm):
    title = "Add a document"
    document = forms.FileField(
        label="Document",
        help_text="A PDF, a photo or scan (JPEG or PNG) or a Word document (DOCX), "
        "smaller than 20 MB.",
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        error_messages={
            "required": "Choose a document to upload",
            "empty": "The selected file is empty",
        },
    )
    kind = choice(
        label="What kind of evidence is it?",
        choices=[("", "Select a kind"), *EvidenceKind.choices()],
        required_message="Select the kind of evidence",
        widget=forms.Select,
    )
    document_title = text(
        label="Title",
        subject="The title",
        required_message="Enter the document's title",
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
        error_messages={"required": "Enter the date on the document"},
        validators=[not_in_future("The date")],
    )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        limit = settings.EVIDENCE_MAX_BYTES
        if upload.size > limit:
            raise ValidationError(too_big_message(limit), code="too_big")
        try:
            return upload.name, document_clean(upload.read(), max_bytes=limit)
        except DocumentRefused as problem:
            raise ValidationError(str(problem), code="refused") from None


class PackChoiceForm(forms.Form):
    """The documents ticked for the pack (checkboxes: works without JavaScript)."""

    documents = forms.MultipleChoiceField(
        label="Which documents should go in the pack?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose at least one document for the pack",
            "invalid_choice": "Choose documents from the list",
        },
    )

    def __init__(self, *args, files, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].choices = [
            (str(f.pk), f"{f.title} ({f.document_date:%-d %b %Y})") for f in files
        ]


class WorkingDocumentForm(forms.Form):
    """The working document page: for each sentence the family asked to change, which of the
    case's documents supports it (optional); and, when the plan has a section I, the wording
    they want there (optional). Only what the family tells us: nothing is filled in for them."""

    def __init__(self, *args, sentences: list[tuple[str, str, str]], titles: list[str],
                 section_i: str = "", **kwargs):  # fmt: skip
        super().__init__(*args, **kwargs)
        # (section, plan wording, wording sought), in the order the plan journey asked.
        self.sentences = sentences
        choices = [("", "No document chosen"), *((t, t) for t in titles)]
        for number, (section, original, sought) in enumerate(sentences, start=1):
            self.fields[f"evidence_{number}"] = forms.ChoiceField(
                label=f"Which document supports change {number} (section {section})?",
                help_text=f"The plan says: \u201c{original}\u201d You asked for: "
                f"\u201c{sought}\u201d",
                choices=choices,
                required=False,
                error_messages={"invalid_choice": "Choose a document from the list"},
            )
        self.has_section_i = bool(section_i)
        if section_i:
            self.fields["section_i"] = text(
                label="What should section I say?",
                subject="What section I should say",
                hint=f"The plan now says: \u201c{section_i}\u201d. Leave it empty to leave "
                "section I as it is, for example the name and type of the school you want.",
                max_length=1000,
                multiline=True,
            )
            self.fields["section_i_evidence"] = forms.ChoiceField(
                label="Which document supports the school or placement you want?",
                choices=choices,
                required=False,
                error_messages={"invalid_choice": "Choose a document from the list"},
            )

    def evidence_fields(self):
        return [self[f"evidence_{n}"] for n in range(1, len(self.sentences) + 1)]

    def links(self, section_i_original: str) -> dict[str, str]:
        """Plan wording -> document title, from the cleaned answers."""
        links = {
            original: self.cleaned_data.get(f"evidence_{number}", "")
            for number, (_, original, _) in enumerate(self.sentences, start=1)
        }
        if self.has_section_i and self.cleaned_data.get("section_i"):
            links[section_i_original] = self.cleaned_data.get("section_i_evidence", "")
        return links


# -- the witness statement page (issue 16 item 3) ------------------------------------------

# Enough for a statement well over the 10 pages, so that a long one is said and shortened on
# the page rather than refused by the form.
SECTION_MOST_CHARACTERS = 20_000

SECTION_HINTS = {
    "about": "For example, how long you have known them and how often you see them.",
    "needs": "What you have seen yourself: what happens, how often, and what it means for them.",
    "support": "What help they have had at school or elsewhere, for how long, and what "
    "changed or did not.",
    "outcome": "What you want the Tribunal to decide, and why, in your own words.",
}


class WitnessStatementForm(QuestionForm):
    title = "Write a witness statement"
    name = text(
        label="The witness's full name",
        subject="The name",
        required_message="Enter the witness's full name",
        max_length=200,
        autocomplete="name",
    )
    relationship = text(
        label="Who they are to the child",
        subject="Who they are to the child",
        required_message="Enter who the witness is to the child",
        max_length=200,
        hint="For example, \u201cSam's mother\u201d or \u201cSam's grandfather\u201d.",
    )
    appeal_number = text(
        label="The Tribunal's appeal number (optional)",
        subject="The appeal number",
        max_length=40,
        hint="It is on the letter from the Tribunal that registered the appeal.",
    )

    def __init__(self, *args, child_name: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for key, heading in WITNESS_SECTIONS:
            self.fields[key] = text(
                label=f"{heading.format(child=child_name)} (optional)",
                subject="This section",
                max_length=SECTION_MOST_CHARACTERS,
                multiline=True,
                hint=f"{SECTION_HINTS[key]} Start a new line for each new paragraph.",
            )

    def clean(self):
        cleaned = super().clean()
        if not any((cleaned.get(key) or "").strip() for key, _ in WITNESS_SECTIONS):
            self.add_error(WITNESS_SECTIONS[0][0], "Write at least one section of the statement")
        return cleaned

    def answers(self) -> dict:
        """The answers as extras `witness_statement` keeps them (letters/extras.py)."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "relationship": data["relationship"],
            "appeal_number": data.get("appeal_number", ""),
            "sections": {key: data.get(key, "") for key, _ in WITNESS_SECTIONS},
        }


def initial_from(answers: dict, *, name: str, relationship: str, needs: str = "") -> dict:
    """The form filled in from what was kept, or from the case (the applicant, and the needs
    the family described) the first time."""
    if not answers:
        return {"name": name, "relationship": relationship, "needs": needs}
    return {
        "name": answers.get("name", ""),
        "relationship": answers.get("relationship", ""),
        "appeal_number": answers.get("appeal_number", ""),
        **{key: (answers.get("sections") or {}).get(key, "") for key, _ in WITNESS_SECTIONS},
    }


# -- asking the Tribunal for more pages (form SEND7) ----------------------------------------


class MorePagesForm(forms.Form):
    """One line for each document over the limit: why the Tribunal needs it. Never
    written for the family: a document without its line cannot be asked for."""

    def __init__(self, *args, documents, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for document in documents:
            self.fields[f"why_{document.id}"] = text(
                label=f"Why does the Tribunal need \u201c{document.title}\u201d?",
                subject="The reason",
                required_message=f"Say why the Tribunal needs \u201c{document.title}\u201d",
                max_length=300,
                hint=f"{document.pages or '?'} pages. One line: what it shows that no other "
                "document does.",
            )
        self.documents = documents

    def reasons(self) -> dict[str, str]:
        """Document id -> the family's line."""
        return {doc.id: self.cleaned_data[f"why_{doc.id}"] for doc in self.documents}
