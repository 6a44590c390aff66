"""A case's stage and next deadline in words, for lists: the parent's case list and the
support workers' dashboard and case pages say it the same way.

Read from the summary columns kept on `Case` (see cases/services.case_summary_refresh), never
the case file. How close "soon" is comes from the rules (journeys/rules/deadlines.py SOON).
"""

from __future__ import annotations

from datetime import date

from journeys.rules.deadlines import SOON, RuleId
from journeys.rules.stages import IMPORTED, STAGES, stage_label

# The stage a case is at (`Case.journey`, its last finished journey), in the words every list
# uses: the parent's case list and the support workers' caseload and filter read the one
# vocabulary of journeys/rules/stages.py (which also names an uploaded case file).
STAGE_LABELS: dict[str, str] = {
    **{stage.slug: stage.label for stage in STAGES},
    IMPORTED: stage_label(IMPORTED),
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
    RuleId.AMENDMENT_REPRESENTATIONS: "Comments on proposed changes",
    RuleId.AMENDED_PLAN_FINAL: "Final amended plan due",
    RuleId.DECIDE_WHETHER_TO_REASSESS: "Council decides whether to assess again",
    RuleId.REASSESSMENT_FINAL_PLAN: "Plan after assessing again",
    RuleId.TRIBUNAL_ORDER_COMPLIANCE: "Council must carry out the Tribunal's order",
    RuleId.PROVISION_COMPLAINT_ESCALATION: "Answer to the complaint",
    RuleId.JUDICIAL_REVIEW_LIMIT: "Judicial review time limit",
}


def case_stage_and_deadline(*, case, today: date) -> dict[str, str]:
    """The stage and next deadline of a case in the words of a dashboard row, shared by the
    dashboard and a case's organisation page."""
    due = case.next_deadline_on
    return {
        "stage": stage_label(case.journey),
        "deadline_label": deadline_label(case.next_deadline_rule),
        "time_left": time_left_label(due=due, today=today) if due else "",
        "urgency": deadline_urgency(due=due, today=today),
    }


def deadline_label(rule: str) -> str:
    """A rule's few words; a rule the engine has but this table does not yet name (a new
    one) is still shown, in the words of its id ("tribunal_order_compliance" → "Tribunal
    order compliance"), never dropped. No rule, no words."""
    if not rule:
        return ""
    words = {rule_id.value: label for rule_id, label in DEADLINE_LABELS.items()}
    return words.get(rule) or rule.replace("_", " ").capitalize()


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
