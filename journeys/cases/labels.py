"""A case's stage and next deadline in words, for lists: the parent's case list and the
support workers' dashboard and case pages say it the same way.

Read from the summary columns kept on `Case` (see cases/services.case_summary_refresh), never
the case file. How close "soon" is comes from the rules (journeys/rules/deadlines.py SOON).
"""

from __future__ import annotations

from datetime import date

from journeys.rules.deadlines import SOON, RuleId

# The stage a case is at (`Case.journey`), as a support worker would say it.
STAGE_LABELS: dict[str, str] = {
    "request": "Asking for an assessment",
    "refused": "Challenging a refusal",
    "plan": "Draft or final plan",
    "mediation": "Mediation",
    "appeal": "Appeal to the Tribunal",
    "annual-review": "Annual review",
    "amendments": "Proposed changes to the plan",
    "not-amended": "Council will not change the plan",
    "ceasing": "Council wants to stop the plan",
    "import": "Uploaded case file",
}

# What the next deadline is, in a few words for a table cell. The full sentence, with its
# legal source, is on the case's timeline (journeys/rules/deadlines.py `explain`).
DEADLINE_LABELS: dict[RuleId, str] = {
    RuleId.DECIDE_WHETHER_TO_ASSESS: "Council decides whether to assess",
    RuleId.NOTIFY_NO_PLAN: "Council says if there will be no plan",
    RuleId.FINAL_PLAN: "Final plan due",
    RuleId.DRAFT_PLAN_REPRESENTATIONS: "Comments on the draft plan",
    RuleId.MEDIATION_CERTIFICATE: "Mediation certificate due",
    RuleId.MEDIATION_BY: "Mediation must happen",
    RuleId.APPEAL_DEADLINE: "Last day to appeal",
    RuleId.ANNUAL_REVIEW: "Annual review due",
    RuleId.REVIEW_DECISION: "Council's decision after the review",
    RuleId.PHASE_TRANSFER_PLAN: "Plan naming the next school",
}


def case_stage_and_deadline(*, case, today: date) -> dict[str, str]:
    """The stage and next deadline of a case in the words of a dashboard row, shared by the
    dashboard and a case's organisation page."""
    due = case.next_deadline_on
    return {
        "stage": STAGE_LABELS.get(case.journey, case.journey),
        "deadline_label": deadline_label(case.next_deadline_rule),
        "time_left": time_left_label(due=due, today=today) if due else "",
        "urgency": deadline_urgency(due=due, today=today),
    }


def deadline_label(rule: str) -> str:
    try:
        return DEADLINE_LABELS[RuleId(rule)]
    except ValueError:
        return ""


def time_left_label(*, due: date, today: date) -> str:
    """'3 days overdue', '1 day overdue', 'due today', '1 day left', '12 days left'."""
    days = (due - today).days
    if days == 0:
        return "due today"
    count = abs(days)
    unit = "day" if count == 1 else "days"
    return f"{count} {unit} overdue" if days < 0 else f"{count} {unit} left"


def deadline_urgency(*, due: date | None, today: date) -> str:
    """How pressing a deadline is, for the colour of its tag."""
    if due is None:
        return ""
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    return "soon" if due <= today + SOON else "later"
