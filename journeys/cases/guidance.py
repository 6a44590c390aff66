"""What a parent can do about each deadline, in plain English: before it, and if it is missed.

Keyed by rule id (journeys/rules/deadlines.py). Kept apart from the rules because it is advice
text, not law; the rules module stays the only place that computes a date. Where the advice
states the law (a late appeal, a fresh request, the mediation adviser's certificate), the
sentence and its citation come from journeys.rules.law, the only place the law is stated.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeys.rules.deadlines import Deadline, RuleId, Status
from journeys.rules.law import Law, entry
from journeys.rules.vocabulary import EventType


@dataclass(frozen=True)
class Guidance:
    before: str
    if_missed: str


def stated(key: Law) -> str:
    """The law entry's statement followed by its citation in brackets."""
    item = entry(key)
    return f"{item.statement} ({item.citation}.)"


COUNCIL_LATE = (
    "The council is late. Send it the chaser letter, and keep a copy. If it still does not "
    "act, you can make a formal complaint to the council, then to the Local Government and "
    "Social Care Ombudsman; a solicitor can also send a letter before claim for judicial "
    "review."
)

# The appeal deadline has passed: say plainly what can still be done (issue 10, finding 2).
APPEAL_PASSED = (
    "The time limit for appealing has passed. You can still appeal: send the appeal as soon "
    "as you can, with a request to extend time and your reasons for being late (for example, "
    "that the decision letter did not tell you about your right to appeal, its time limit or "
    f"mediation). {stated(Law.LATE_APPEAL)}"
)
# Where the late appeal is against a refusal to assess, a fresh request may be quicker.
FRESH_REQUEST_INSTEAD = (
    "Because the council refused to assess, asking again may be quicker than a late appeal: "
    f"{stated(Law.FRESH_REQUEST)} Say what has changed since the last request."
)

GUIDANCE: dict[str, Guidance] = {
    "decide_whether_to_assess": Guidance(
        before="Wait for the council's decision. If it agrees to assess, it will ask "
        "professionals, the school and you for advice. If it refuses, you can ask it to think "
        "again, and you can appeal.",
        if_missed=COUNCIL_LATE,
    ),
    "notify_no_plan": Guidance(
        before="If the council decides not to issue a plan after assessing, it must tell you "
        "by this date, with your right to appeal.",
        if_missed=COUNCIL_LATE,
    ),
    "final_plan": Guidance(
        before="The council should send you a draft plan first, so you have time to comment "
        "before the final plan is due.",
        if_missed=COUNCIL_LATE,
    ),
    "draft_plan_representations": Guidance(
        before="Send the council your comments on the draft plan, and the name of the school "
        "or college you want, before this date. You can also ask for a meeting.",
        if_missed="The 15 days have passed. Send your comments and school preference now "
        "anyway, and ask the council to consider them before it finalises the plan.",
    ),
    "mediation_certificate": Guidance(
        before="The mediation adviser must send you a certificate. You need it to appeal.",
        if_missed="Contact the mediation adviser and ask for the certificate now. Keep a "
        "record of when you asked.",
    ),
    "mediation_by": Guidance(
        before="The council must arrange the mediation meeting by this date.",
        # Reg 37: when the council cannot arrange mediation in time, the adviser must issue
        # the certificate. So the family asks the adviser, not the council for a meeting.
        if_missed="Mediation has not taken place in time. Ask the mediation adviser for your "
        "mediation certificate, so that you can appeal; you do not need to ask the council "
        f"for a meeting. {stated(Law.MEDIATION_ARRANGED)}",
    ),
    "appeal_deadline": Guidance(
        before="Send your appeal to the SEND Tribunal so that it arrives by 5pm on this date. "
        "Attach the decision letter and, if you needed one, the mediation certificate. "
        f"{stated(Law.APPEAL_BY_5PM)}",
        if_missed=APPEAL_PASSED,
    ),
    "annual_review": Guidance(
        before="The plan must be reviewed by this date. Ask the school or council when the "
        "review meeting will be, and gather up-to-date reports.",
        if_missed=COUNCIL_LATE,
    ),
    "review_decision": Guidance(
        before="After the review meeting the council must tell you whether it will keep, "
        "change or stop the plan.",
        if_missed=COUNCIL_LATE,
    ),
    "phase_transfer_plan": Guidance(
        before="Before a move to a new school or phase, the council must send the amended plan "
        "naming the new school or college by this date.",
        if_missed=COUNCIL_LATE,
    ),
    # Version 2 (issue 14).
    "amendment_representations": Guidance(
        before="Send the council your comments on the proposed changes, and the name of the "
        "school or college you want, before this date. You can also ask for a meeting.",
        if_missed="The 15 days have passed. Send your comments now anyway, and ask the council "
        "to consider them before it issues the amended plan.",
    ),
    "amended_plan_final": Guidance(
        before="The council must send the final amended plan by this date. When it comes, "
        "check sections B, F and I: you can appeal against them.",
        if_missed=COUNCIL_LATE,
    ),
    "decide_whether_to_reassess": Guidance(
        before="Wait for the council's answer. If it refuses to assess again, you can appeal.",
        if_missed=COUNCIL_LATE,
    ),
    "reassessment_final_plan": Guidance(
        before="The council should send you a draft plan first, so you have time to comment. "
        "When the council tells you it will assess again, add the date of its letter.",
        if_missed=COUNCIL_LATE,
    ),
    "tribunal_order_compliance": Guidance(
        before="The Tribunal's order is binding: the council must do what it says by this "
        "date. Keep a copy of the decision.",
        if_missed=COUNCIL_LATE,
    ),
    "provision_complaint_escalation": Guidance(
        before="Wait for the council's final answer to your complaint. Keep a record of the "
        "sessions that are missed.",
        if_missed="The council has not answered in time. You can complain to the Local "
        "Government and Social Care Ombudsman now; a solicitor can also advise on judicial "
        "review, which has a strict time limit.",
    ),
    "judicial_review_limit": Guidance(
        before="A claim for judicial review has a strict time limit and is best made with a "
        "solicitor's help: get legal advice now. "
        f"{stated(Law.JUDICIAL_REVIEW_TIME_LIMIT)}",
        if_missed="This date has passed. Get legal advice at once.",
    ),
}


def what_to_do(deadline: Deadline, status: Status, *, appealed: EventType | None = None) -> str:
    """The advice for `deadline` as it stands: what to do before it, or now it is missed.

    `appealed` is the decision the appeal deadline is about (deadlines.appealed_decision).
    A missed appeal deadline after a refusal to assess adds that a fresh request (s.36(1))
    may be quicker than a late appeal.
    """
    guidance = GUIDANCE[deadline.rule.value]
    if status is not Status.OVERDUE:
        return guidance.before
    if deadline.rule is RuleId.APPEAL_DEADLINE and appealed is EventType.DECISION_NOT_TO_ASSESS:
        return f"{guidance.if_missed} {FRESH_REQUEST_INSTEAD}"
    return guidance.if_missed
