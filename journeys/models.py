"""Saved cases and who may see them. A case is one child's journey; its portable form is the
case file (docs/case-format.md), kept here as JSON so the web, the commands and exports
agree.

The owner of a case is its `owner` account; a case made before signing up is owned by the
browser session that made it (the session lists its ids) until the parent signs in, when it
becomes theirs. Others see a case only through an accepted, unrevoked `AdvocateAccess` or an
`OrganisationShare` with an organisation they belong to. journeys/cases/selectors.py is the one
place that decides, on every request.
"""

import unicodedata
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from ehcp_site.crypto import EncryptedJSONField, EncryptedTextField


def fold_for_search(text: str) -> str:
    """`text` without accents or case ("Siân" -> "sian", "Ærø" -> "aerø"), for matching.

    The same folding is applied to the stored names and to what is searched for, so the
    database compares plain strings: no unaccent extension or collation needed.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped.replace("æ", "ae").replace("œ", "oe"))


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,  # deleting an account deletes its cases, for real
        related_name="cases",
    )
    # The stage the case is at: the last journey the parent finished.
    journey = models.SlugField(max_length=40)
    # Encrypted at rest (ehcp_site/crypto.py): needs, diagnoses, evidence in a family's words.
    case_file = EncryptedJSONField()
    # Answers the case file cannot hold (a reply to each reason, wording for the plan...),
    # for the letters: see letters/extras.py.
    extras = EncryptedJSONField(default=dict, blank=True)
    # The events each journey's answers put in the case file ({journey: [event, ...]}), so a
    # corrected date replaces the one it corrects; events added on the timeline are not here.
    journey_events = models.JSONField(default=dict, blank=True)
    # Reminders (issue 3): only with an address the parent gave and a clear yes.
    # Encrypted like the case file; never filtered on in the database.
    email = EncryptedTextField(blank=True, default="")
    reminders_opt_in = models.BooleanField(default=False)
    # Copied out of the case file whenever a service writes it (journeys/cases/services.py
    # case_summary_refresh) so lists and the caseload dashboard can filter, search and sort
    # in the database.
    child_name = models.CharField(max_length=200, blank=True)
    parent_name = models.CharField(max_length=200, blank=True)
    council = models.CharField(max_length=200, blank=True)
    # The earliest statutory deadline not yet met, whoever it is for (None: nothing open).
    next_deadline_on = models.DateField(null=True, blank=True)
    next_deadline_rule = models.CharField(max_length=40, blank=True)
    # The child's and parent's names folded for search (fold_for_search: no accents, no case),
    # so "Sian" finds "Siân" with a plain LIKE on SQLite and PostgreSQL alike.
    search_names = models.CharField(max_length=400, blank=True, default="")
    # Sessions of the plan's provision recorded as not delivered since 1 September of the
    # school year it was last written in (None: no provision recorded), for the caseload's
    # "provision not delivered" filter and its largest-shortfall-first order
    # (journeys/cases/provision.py provision_missed_since_september).
    provision_missed = models.PositiveIntegerField(null=True, blank=True)
    # "See an example letter" makes a case from the shipped fictional child: shown as an
    # example wherever it appears, never shared, and never counted among real cases.
    is_example = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Retention (journeys/jobs/retention.py): the parent's last save or visit (set by the
    # services in journeys/cases/services.py), and how many "your case will be deleted"
    # emails have gone since then.
    last_active_at = models.DateTimeField(default=timezone.now)
    retention_warnings_sent = models.PositiveSmallIntegerField(default=0)
    retention_warned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["reminders_opt_in"], name="case_reminders_idx"),
            models.Index(fields=["last_active_at"], name="case_last_active_idx"),
            models.Index(fields=["next_deadline_on"], name="case_next_deadline_idx"),
            models.Index(fields=["provision_missed"], name="case_provision_missed_idx"),
        ]

    def __str__(self) -> str:
        # Never the child's name: admin lists and logs must not carry case content.
        return f"Case {self.id}"

    SUMMARY_FIELDS = (
        "child_name",
        "parent_name",
        "council",
        "next_deadline_on",
        "next_deadline_rule",
        "search_names",
        "provision_missed",
    )


class ReminderSent(models.Model):
    """One reminder email, recorded so re-running the command never sends it twice."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reminders_sent")
    rule = models.CharField(max_length=40)
    due = models.DateField()
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case", "rule", "due", "days_before"], name="reminder_sent_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule} due {self.due}, {self.days_before} days before"


class Draft(models.Model):
    """A signed-in parent's answers in progress for one journey of one case (formtools'
    storage data), so a case resumes on another device at the step they left.
    Anonymous visitors' drafts live in their session instead (journeys/wizard/storage.py)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts"
    )
    case_id = models.UUIDField()
    journey = models.SlugField(max_length=40)
    data = EncryptedJSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "case_id", "journey"], name="draft_once")
        ]

    def __str__(self) -> str:
        return f"Draft {self.journey} of {self.case_id}"


class AdvocateAccess(models.Model):
    """An invitation to an advocate for one case and, once accepted, the access it gives.

    The link carries a random token; only its SHA-256 is stored, so a database leak gives
    no working links. The link works once, for 7 days, for an account with the invited
    address. Revoking ends access on the next request (selectors read it every time).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="advocate_accesses")
    email = EncryptedTextField()  # the address invited (encrypted; compared in Python)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="advocate_accesses",
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["accepted_by", "revoked_at"], name="advocate_active_idx")]

    def __str__(self) -> str:
        return f"Advocate access {self.id}"

    @property
    def is_active(self) -> bool:
        return self.accepted_by_id is not None and self.revoked_at is None


class OrganisationShare(models.Model):
    """A case shared with a support organisation: its workers see it on their caseload."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="organisation_shares")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="shares"
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    shared_at = models.DateTimeField(default=timezone.now)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_shares",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "organisation"], name="share_once")]

    def __str__(self) -> str:
        return f"Case {self.case_id} shared with {self.organisation_id}"


class CaseNote(models.Model):
    """A support worker's note: seen by the organisation only; the parent sees that notes
    exist (how many, and whose), never what they say."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=150)
    body = EncryptedTextField(max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Note on case {self.case_id}"


class AuditEvent(models.Model):
    """Someone other than the parent looked at, downloaded or changed something.

    Names are copied at the time (an account deleted later must not erase the record), and
    `detail` never holds case content: it names a letter or a page, not what it says.
    Deleting the case deletes its record too: the parent asked for everything to go.
    """

    class Action(models.TextChoices):
        VIEWED = "viewed", "looked at"
        DOWNLOADED = "downloaded", "downloaded"
        CHANGED = "changed", "changed"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="audit_events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150)
    # "advocate", "support worker at Sunrise SEND Support", "staff (operations)"
    actor_role = models.CharField(max_length=250)
    action = models.CharField(max_length=12, choices=Action.choices)
    detail = models.CharField(max_length=200)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["case", "-at"], name="audit_case_at_idx")]

    def __str__(self) -> str:
        return f"{self.actor_name} {self.action} {self.detail}"

    @property
    def what_happened(self) -> str:
        """The rest of a sentence after the person: "looked at the timeline", "marked the
        case reviewed". A change's detail already says what they did."""
        if self.action == self.Action.CHANGED:
            return (
                self.detail
                if self.detail.split(" ", 1)[0].endswith("ed")
                else (f"changed {self.detail}".strip())
            )
        return f"{self.get_action_display()} {self.detail}".strip()


class EvidenceFile(models.Model):
    """A document kept with a case (issue 16): the clean copy, encrypted, in the evidence
    store (journeys/documents/store.py), named in the case file's `evidence` item whose
    `file` is `name`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence_files")
    # The file name the case file uses (`evidence[].file`): encrypted like the case file.
    name = EncryptedTextField()
    # The case file's author, date and title for it, kept here too so a later journey that
    # rewrites the evidence list cannot leave a document without them.
    title = EncryptedTextField()
    author = EncryptedTextField(blank=True, default="")
    document_date = models.DateField()
    kind = models.CharField(max_length=10)  # pdf, jpeg, png, docx (journeys/documents/checks)
    size = models.PositiveIntegerField()
    # Pages as a PDF: exact for PDFs and images; Word's own estimate for a DOCX (or None).
    pages = models.PositiveIntegerField(null=True, blank=True)
    pages_exact = models.BooleanField(default=True)
    sha256 = models.CharField(max_length=64)  # of the clean copy: part of a pack's inputs
    stored_as = models.CharField(max_length=200)  # the random name in the evidence store
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return f"document {self.pk}"  # never its name or title: those are family text


class EvidencePack(models.Model):
    """An evidence pack built (or being built) in the background: one per case and set of
    inputs, so asking for the same pack twice builds it once."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Being built"
        READY = "ready", "Ready"
        FAILED = "failed", "Could not be built"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence_packs")
    # A hash of everything that decides the file: the documents' clean copies and their
    # titles, dates and authors, the heading and the builder's version.
    inputs_hash = models.CharField(max_length=64)
    file_ids = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    # What went wrong, in plain English, naming the document (never its content).
    error = models.CharField(max_length=300, blank=True, default="")
    pages = models.PositiveIntegerField(null=True, blank=True)
    page_limit = models.PositiveIntegerField(null=True, blank=True)
    # The index, as the command prints it (titles are family text: encrypted).
    documents = EncryptedJSONField(default=list, blank=True)
    stored_as = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "inputs_hash"], name="one_pack_per_inputs")
        ]

    def __str__(self) -> str:
        return f"evidence pack {self.pk} ({self.status})"
