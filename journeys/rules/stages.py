"""Which stages of the EHCP process apply to a case now, each with its status and why.

Pure Python (no Django: tests/journeys/rules/test_purity.py). The case page's task list
(journeys/wizard/progress.py) shows what `stages_for` returns; the parent's case list and the
support workers' caseload name a case's stage with `stage_label`, so a stage is said one way.

Which stages show (the decisions this module makes, in one place):
- Before there is a plan: the first five, as always (request, refusal, plan, mediation,
  appeal), then "After the Tribunal's decision" once an appeal reached the Tribunal.
- A case "has a plan" when it records a final plan, or anything that only happens to a plan
  (a review meeting, proposed amendments, a decision not to amend, to cease or not to
  re-assess, a request to re-assess), or the family started or finished a journey about a
  plan's life (they told us there is one).
- With a plan: the request and refusal stages only if the family started or finished them
  (their letters stay reachable); then the plan, the annual review (always: the council must
  review every plan, Act s.44(1)), proposed amendments (always: a council may propose them
  after any review), a refusal to amend (when recorded), a phase transfer (see below),
  re-assessment (always available), ceasing (when the council said it is considering it or
  decided it), mediation, appeal, and the Tribunal's decision (after an appeal).
- Phase transfer: shown when a recorded `phase_transfer_year` falls today or in the next 12
  months. With none recorded, the year group the family gave decides: Nursery (to
  Reception), Year 6 (to secondary school) and Year 11 (to a post-16 place) are the last
  year of a phase for most children, so the move is at most 12 months away. The year group
  is taken as the family gave it, never worked out from the date of birth (children can be
  out of their age group), and the reason says "you told us", so a stale one is visible.
  Year 2 (infant to junior) and middle-school moves depend on the school, so only a
  recorded transfer shows them.

The annual review comes back every year, so "Done" holds only for the review the family
prepared for: once the family told us that review's meeting took place (`review_behind`), or a
council duty of the stage is late, the stage shows the next review's status instead (its
letters stay under Letters).

Status: "Done" once the stage's journey was finished (its letters exist), "In progress"
while a draft of it exists, "Action needed" when a date of that stage is the family's to
meet and still open, or a duty of the council (or the mediation adviser) in it is late, and
otherwise "Not started". Dates come from the deadlines engine, given in as `DateDue`, so a
new rule shows on its stage (by RULE_STAGES) without changes here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from journeys.rules.calendar import add_months
from journeys.rules.deadlines import long_date
from journeys.rules.vocabulary import DecisionKind, EventType, TribunalOrder


class Progress(StrEnum):
    NOT_STARTED = "Not started"
    IN_PROGRESS = "In progress"
    DONE = "Done"
    ACTION_NEEDED = "Action needed"


@dataclass(frozen=True)
class StageName:
    """A stage in the words people read: `title` on the task list (its journey's title),
    `label` in a list of cases (where the case is), for parents and support workers alike."""

    slug: str  # the journey that deals with it (journeys/wizard/definition.py)
    title: str
    label: str


STAGES: tuple[StageName, ...] = (
    StageName("request", "Ask for an EHC needs assessment", "Asking for an assessment"),
    StageName("refused", "Challenge a refusal", "Challenging a refusal"),
    StageName("plan", "Respond to a draft or final plan", "Draft or final plan"),
    StageName("mediation", "Mediation", "Mediation"),
    StageName("appeal", "Appeal to the SEND Tribunal", "Appeal to the Tribunal"),
    StageName("annual-review", "Get ready for an annual review", "Annual review"),
    StageName(
        "amendments", "Respond to proposed changes to the plan", "Proposed changes to the plan"
    ),
    StageName(
        "not-amended",
        "The council will not change the plan",
        "The council will not change the plan",
    ),
    StageName("transfer", "Moving to a new school or college", "Moving to a new school or college"),
    StageName("reassessment", "Ask for a new assessment", "Asking for a new assessment"),
    StageName(
        "ceasing", "The council wants to stop the plan", "The council wants to stop the plan"
    ),
    StageName("tribunal-order", "After the Tribunal's decision", "After the Tribunal's decision"),
    # Issue 15: enforcing the plan.
    StageName(
        "not-delivered", "The plan is not being delivered", "The plan is not being delivered"
    ),
    StageName(
        "mediation-agreement",
        "A mediation agreement has not been carried out",
        "Mediation agreement not carried out",
    ),
)
BY_SLUG: dict[str, StageName] = {stage.slug: stage for stage in STAGES}
BEFORE_PLAN = ("request", "refused", "plan", "mediation", "appeal")
# The stages only a case with a plan has (the Tribunal's decision can come before a plan).
PLAN_ONLY = frozenset(
    {
        "annual-review",
        "amendments",
        "not-amended",
        "transfer",
        "reassessment",
        "ceasing",
        "not-delivered",
    }
)
# Issue 15: what shows that the plan's provision is being enforced (the stage shows once the
# family records the plan's provision, or has complained about it).
PROVISION_EVENTS = frozenset(
    {
        EventType.PROVISION_COMPLAINT_MADE,
        EventType.PROVISION_COMPLAINT_RESPONSE,
        EventType.OMBUDSMAN_COMPLAINT_MADE,
        EventType.PRE_ACTION_LETTER_SENT,
    }
)
# A case that was uploaded rather than made by a journey.
IMPORTED = "import"
IMPORTED_LABEL = "Uploaded case file"


def stage_label(slug: str) -> str:
    """Where a case is (its last finished journey), as every list says it."""
    stage = BY_SLUG.get(slug)
    if stage is not None:
        return stage.label
    return IMPORTED_LABEL if slug == IMPORTED else slug


@dataclass(frozen=True)
class DateDue:
    """One date of the deadlines engine, as the timeline has it (journeys/cases/timeline.py)."""

    rule: str  # its rule id (CASE_FORMAT.md)
    due: date
    from_event: str  # the event type that started it
    met: bool
    by_family: bool  # the family's to meet (an appeal, comments), not the council's
    explanation: str  # the engine's sentence: who must do what, by when


# The stage each rule's date belongs to; the appeal deadline goes by its decision
# (APPEAL_STAGES). Version-2 rule ids are listed by name, so they work as the engine gains them.
RULE_STAGES: dict[str, str] = {
    "decide_whether_to_assess": "request",
    "notify_no_plan": "plan",
    "final_plan": "plan",
    "draft_plan_representations": "plan",
    "mediation_certificate": "mediation",
    "mediation_by": "mediation",
    "annual_review": "annual-review",
    "review_decision": "annual-review",
    "amendment_representations": "amendments",
    "amended_plan_final": "amendments",
    "phase_transfer_plan": "transfer",
    "decide_whether_to_reassess": "reassessment",
    "reassessment_final_plan": "reassessment",
    "tribunal_order_compliance": "tribunal-order",
    "provision_complaint_escalation": "not-delivered",
    "judicial_review_limit": "not-delivered",
}
APPEAL_STAGES: dict[str, str] = {
    EventType.DECISION_NOT_TO_ASSESS: "refused",
    EventType.DECISION_NOT_TO_ISSUE_PLAN: "refused",
    EventType.FINAL_PLAN_ISSUED: "plan",
    EventType.DECISION_NOT_TO_AMEND: "not-amended",
    EventType.DECISION_TO_CEASE: "ceasing",
    EventType.DECISION_NOT_TO_REASSESS: "reassessment",
}

PLAN_EVENTS = frozenset(
    {
        EventType.FINAL_PLAN_ISSUED,
        EventType.ANNUAL_REVIEW_MEETING,
        EventType.AMENDMENT_PROPOSAL_ISSUED,
        EventType.DECISION_NOT_TO_AMEND,
        EventType.CEASE_CONSIDERED,
        EventType.DECISION_TO_CEASE,
        EventType.REASSESSMENT_REQUESTED,
        EventType.DECISION_NOT_TO_REASSESS,
    }
)
PLAN_DECISIONS = frozenset(
    {
        DecisionKind.REFUSAL_TO_AMEND,
        DecisionKind.CEASE_TO_MAINTAIN,
        DecisionKind.REFUSAL_TO_REASSESS,
    }
)

# The last year of a phase, for most children (see the module docstring), and the move.
# "Usually" and "may": middle schools, and staying on in a school's own sixth form, are not
# such a move, so the reason never says the move will happen.
LAST_YEAR_OF_PHASE: dict[str, str] = {
    "Nursery": "a move to school (Reception) is usually within a year",
    "Year 6": "a move to secondary school is usually within a year",
    "Year 11": "a move to a college or sixth form may be within a year",
}

# What each stage is for, when nothing in the case says more. The law behind the sentences
# that state it (DOMAIN.md): a review at least once in each 12 months (Act s.44(1)); a
# mediation adviser before an appeal, unless it is only about the school named (Act s.55);
# the next school or college named before the transfer (SEND Regulations 2014, reg 18);
# refusals to re-assess or to amend, and a decision to cease, are appealable (Act s.51(2)(d),
# (e) and (f): checked on legislation.gov.uk, the Act as enacted, with the `search` tool).
ABOUT: dict[str, str] = {
    "request": "Ask the council to assess {whose} special educational needs.",
    "refused": "For when the council refuses to assess, or refuses to issue a plan.",
    "plan": "Check a draft or final plan, and ask for what is missing.",
    "mediation": "Before most appeals you must contact a mediation adviser.",
    "appeal": "Appeal to the SEND Tribunal against a decision you disagree with.",
    "annual-review": "The council must review the plan at least once a year.",
    "amendments": "For when the council sends proposed changes to the plan.",
    "not-amended": "You can appeal against a decision not to change the plan.",
    "transfer": "The plan must name the next school or college in good time.",
    "reassessment": "Ask for a new assessment if {whose} needs have changed.",
    "ceasing": "You can answer the council, and appeal if it decides to stop the plan.",
    "tribunal-order": "Waiting for the Tribunal's decision.",
    "not-delivered": "The council must secure the provision in the plan. If it is not made, "
    "you can complain.",
    "mediation-agreement": "The council must do what it agreed at mediation, in time.",
}

DONE = "Its letters are under Letters."
STARTED = "You started this: carry on where you stopped."


@dataclass(frozen=True)
class StageStatus:
    slug: str
    title: str
    progress: Progress
    reason: str  # one plain-English line


Latest = dict[str, tuple[date, Mapping[str, Any]]]


def _events(case_file: Mapping[str, Any]) -> Latest:
    """The latest event of each type (its date and the event itself)."""
    latest: Latest = {}
    for event in case_file.get("events", []):
        day = date.fromisoformat(event["date"])
        if event["type"] not in latest or day >= latest[event["type"]][0]:
            latest[event["type"]] = (day, event)
    return latest


def has_plan(case_file: Mapping[str, Any], touched: Iterable[str] = ()) -> bool:
    """Whether the case has a plan (see the module docstring); `touched`: the journeys the
    family finished or started for it."""
    events = {event["type"] for event in case_file.get("events", [])}
    return (
        bool(events & PLAN_EVENTS)
        or case_file.get("decision", {}).get("kind") in PLAN_DECISIONS
        or bool(PLAN_ONLY & set(touched))
    )


def _whose(case_file: Mapping[str, Any]) -> str:
    """Whose needs a reason speaks of: "your" to a young person writing for themselves, else
    the child's first name ("Sam's"), else "your child's"."""
    if case_file.get("applicant", {}).get("relationship") == "young_person":
        return "your"
    name = case_file.get("child", {}).get("first_name")
    return f"{name}'s" if name else "your child's"


def _transfer(case_file: Mapping[str, Any], latest: Latest, today: date) -> str | None:
    """Why a phase transfer is within 12 months, or None when none is."""
    if EventType.PHASE_TRANSFER_YEAR in latest:
        move = latest[EventType.PHASE_TRANSFER_YEAR][0]
        if today <= move <= add_months(today, 12):
            return f"The move is on {long_date(move)}."
        return None
    year_group = case_file.get("child", {}).get("year_group", "")
    if year_group in LAST_YEAR_OF_PHASE:
        return f"You told us the year group is {year_group}: {LAST_YEAR_OF_PHASE[year_group]}."
    return None


def _event_facts(latest: Latest) -> dict[str, str]:
    """What the case's events say about each stage, the latest first."""
    facts: dict[str, str] = {}

    def say(event: EventType, stage: str, words: str) -> None:
        if event in latest and stage not in facts:
            facts[stage] = words.format(on=long_date(latest[event][0]))

    say(EventType.DECISION_NOT_TO_REASSESS, "reassessment", "The council refused on {on}.")
    say(EventType.REASSESSMENT_REQUESTED, "reassessment", "You asked on {on}.")
    say(EventType.DECISION_TO_CEASE, "ceasing", "The council decided on {on} to stop the plan.")
    say(EventType.DECISION_NOT_TO_AMEND, "not-amended", "The council decided this on {on}.")
    say(EventType.AMENDMENT_PROPOSAL_ISSUED, "amendments", "The council sent them on {on}.")
    say(EventType.APPEAL_LODGED, "appeal", "Your appeal reached the Tribunal on {on}.")
    say(EventType.FINAL_PLAN_ISSUED, "plan", "The final plan was issued on {on}.")
    say(EventType.DRAFT_PLAN_ISSUED, "plan", "The draft plan was sent on {on}.")
    for refusal in (EventType.DECISION_NOT_TO_ISSUE_PLAN, EventType.DECISION_NOT_TO_ASSESS):
        say(refusal, "refused", "The council refused on {on}.")
    say(EventType.REQUEST_RECEIVED, "request", "The council received the request on {on}.")
    say(
        EventType.PRE_ACTION_LETTER_SENT, "not-delivered", "You sent a letter before claim on {on}."
    )
    say(
        EventType.OMBUDSMAN_COMPLAINT_MADE,
        "not-delivered",
        "You complained to the Ombudsman on {on}.",
    )
    say(EventType.PROVISION_COMPLAINT_MADE, "not-delivered", "You complained on {on}.")
    if EventType.TRIBUNAL_DECISION in latest:
        day, event = latest[EventType.TRIBUNAL_DECISION]
        decided = f"The Tribunal decided on {long_date(day)}"
        order = event.get("order")
        facts["tribunal-order"] = (
            f"{decided}: {TribunalOrder(order).label.lower()}." if order else f"{decided}."
        )
    return facts


def _date_notes(dates: Iterable[DateDue], today: date) -> tuple[dict[str, str], dict[str, str]]:
    """From the engine's open dates: what needs doing now (the family's open dates, a late
    council), and what is simply coming (the council's dates not yet passed), by stage. The
    earliest date of a stage speaks for it."""
    actions: dict[str, str] = {}
    coming: dict[str, str] = {}
    for item in sorted(dates, key=lambda d: (d.due, d.rule)):
        stage = RULE_STAGES.get(item.rule) or APPEAL_STAGES.get(item.from_event)
        if item.met or stage is None:
            continue
        if item.by_family:
            if item.due >= today:
                actions.setdefault(stage, item.explanation)
        elif item.due < today:
            late = item.explanation[:1].lower() + item.explanation[1:]
            actions.setdefault(stage, f"Late: {late}")
        else:
            coming.setdefault(stage, item.explanation)
    return actions, coming


def _shown(
    case_file: Mapping[str, Any], latest: Latest, touched: set[str], today: date
) -> list[str]:
    appealed = bool({EventType.APPEAL_LODGED, EventType.TRIBUNAL_DECISION} & set(latest))
    after_appeal = ["tribunal-order"] if appealed or "tribunal-order" in touched else []
    agreed = EventType.MEDIATION_HELD in latest or "mediation-agreement" in touched
    agreement = ["mediation-agreement"] if agreed else []
    if not has_plan(case_file, touched):
        return [*BEFORE_PLAN, *agreement, *after_appeal]
    kind = case_file.get("decision", {}).get("kind")
    optional = {
        "request": "request" in touched,
        "refused": "refused" in touched,
        "not-amended": EventType.DECISION_NOT_TO_AMEND in latest
        or kind == DecisionKind.REFUSAL_TO_AMEND
        or "not-amended" in touched,
        "transfer": _transfer(case_file, latest, today) is not None or "transfer" in touched,
        "ceasing": bool({EventType.CEASE_CONSIDERED, EventType.DECISION_TO_CEASE} & set(latest))
        or kind == DecisionKind.CEASE_TO_MAINTAIN
        or "ceasing" in touched,
        "not-delivered": bool(case_file.get("provision"))
        or bool(PROVISION_EVENTS & set(latest))
        or "not-delivered" in touched,
    }
    order = [
        "request",
        "refused",
        "plan",
        "annual-review",
        "amendments",
        "not-amended",
        "transfer",
        "reassessment",
        "ceasing",
        "not-delivered",
        "mediation",
        "appeal",
    ]
    return [slug for slug in order if optional.get(slug, True)] + agreement + after_appeal


def stages_for(
    case_file: Mapping[str, Any],
    today: date,
    *,
    dates: Iterable[DateDue] = (),
    finished: Iterable[str] = (),
    drafts: Iterable[str] = (),
    review_behind: bool = False,
) -> list[StageStatus]:
    """The stages that apply to this case on `today`, in the order a family meets them,
    each with its status and a one-line reason (see the module docstring).

    `dates`: the engine's dates for the case; `finished`: the journeys finished for it;
    `drafts`: the journeys with answers in progress for it; `review_behind`: the finished
    annual review journey was about a meeting that has taken place (the next review is next).
    """
    done, started = set(finished), set(drafts)
    latest = _events(case_file)
    actions, coming = _date_notes(dates, today)
    facts = _event_facts(latest)
    transfer = _transfer(case_file, latest, today)
    if transfer is not None:
        facts["transfer"] = transfer
    if EventType.CEASE_CONSIDERED in latest and EventType.DECISION_TO_CEASE not in latest:
        on = long_date(latest[EventType.CEASE_CONSIDERED][0])
        actions.setdefault(
            "ceasing", f"The council said on {on} it is thinking of stopping the plan."
        )
    shown = _shown(case_file, latest, done | started, today)
    # The annual review recurs: the one the family prepared for is behind them, or the
    # council is late with this one (see the module docstring). Its journey still counts
    # as touched above: the family told us there is a plan.
    if review_behind or "annual-review" in actions:
        done.discard("annual-review")
    statuses = []
    for slug in shown:
        about = coming.get(slug) or facts.get(slug)
        if slug in done:
            progress, reason = Progress.DONE, f"Done. {about or DONE}"
        elif slug in started:
            progress, reason = Progress.IN_PROGRESS, STARTED
        elif slug in actions:
            progress, reason = Progress.ACTION_NEEDED, actions[slug]
        else:
            progress = Progress.NOT_STARTED
            reason = about or ABOUT[slug].format(whose=_whose(case_file))
        statuses.append(StageStatus(slug, BY_SLUG[slug].title, progress, reason))
    return statuses
