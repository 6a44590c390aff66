"""Saved cases. A case is one child's journey; its portable form is the case file
(../shared/CASE_FORMAT.md), kept here as JSON so the web, the commands and exports agree.

Until accounts exist (issue 5) the owner of a case is the browser session that made it:
the session lists the ids it owns (journeys/selectors.py checks it on every read). Issue 5
adds an owning user and moves in-progress answers to the database too.
"""

import uuid

from django.db import models


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    journey = models.SlugField(max_length=40)
    case_file = models.JSONField()
    # Answers the case file cannot hold (a reply to each reason, wording for the plan...),
    # for the letters: see letters/extras.py.
    extras = models.JSONField(default=dict, blank=True)
    # The events each journey's answers put in the case file ({journey: [event, ...]}), so a
    # corrected date replaces the one it corrects; events added on the timeline are not here.
    journey_events = models.JSONField(default=dict, blank=True)
    # Reminders (issue 3): only with an address the parent gave and a clear yes.
    email = models.EmailField(blank=True)
    reminders_opt_in = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["reminders_opt_in"], name="case_reminders_idx")]

    def __str__(self) -> str:
        # Never the child's name: admin lists and logs must not carry case content.
        return f"Case {self.id}"


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
