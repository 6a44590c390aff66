"""What a parent can do about each deadline, in plain English: before it, and if it is missed.

Keyed by rule id (journeys/rules/deadlines.py). Kept apart from the rules because it is advice
text, not law; the rules module stays the only place that computes a date.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Guidance:
    before: str
    if_missed: str


COUNCIL_LATE = (
    "The council is late. Send it the chaser letter, and keep a copy. If it still does not "
    "act, you can make a formal complaint to the council, then to the Local Government and "
    "Social Care Ombudsman; a solicitor can also send a letter before claim for judicial "
    "review."
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
        if_missed="Tell the mediation adviser that mediation has not been arranged in time: "
        "they must then give you a certificate so you can appeal.",
    ),
    "appeal_deadline": Guidance(
        before="Send your appeal to the SEND Tribunal so that it arrives by this date. "
        "Attach the decision letter and, if you needed one, the mediation certificate.",
        if_missed="The usual time limit has passed. You can still appeal and ask the "
        "Tribunal to accept it late, explaining why (for example, if the decision letter did "
        "not tell you about your right to appeal). Do it as soon as you can.",
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
}
