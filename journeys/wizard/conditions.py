"""Named predicates over a journey's answers.

`answers` maps a step slug to that step's cleaned data (a list of items for repeatable
steps). Predicates take data only: no request, wizard or ORM, so the journey definition,
check-your-answers and tests all use the same ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.utils import timezone

from journeys.forms.wording import Audience
from journeys.rules import eligibility, wording
from journeys.rules.deadlines import appeal_deadline
from journeys.rules.eligibility import is_young_person
from journeys.rules.vocabulary import (
    DECISION_EVENTS,
    SETTINGS_WITHOUT_A_PLACE,
    Country,
    DecisionKind,
    NeedArea,
    Relationship,
    SettingKind,
    Transfer,
    TribunalOrder,
)

Answers = Mapping[str, Any]


def lives_outside_england(answers: Answers) -> bool:
    country = answers.get("country", {}).get("country")
    return country is not None and country != Country.ENGLAND


def attends_a_setting(answers: Answers) -> bool:
    kind = answers.get("child-setting", {}).get("setting_kind")
    return kind is not None and SettingKind(kind) not in SETTINGS_WITHOUT_A_PLACE


def has_no_school_place(answers: Answers) -> bool:
    """Home educated, or in no school, college or nursery (a young person returning to
    education, a young child not yet in a setting): no school's view, no school's resources."""
    kind = answers.get("child-setting", {}).get("setting_kind")
    return kind is not None and SettingKind(kind) in SETTINGS_WITHOUT_A_PLACE


def is_advocate(answers: Answers) -> bool:
    """An advocate is filling in the journey: ask whose rights these are (Act s.51(1), s.55)."""
    return answers.get("your-details", {}).get("relationship") == Relationship.ADVOCATE


def _has_need(area: NeedArea):
    def predicate(answers: Answers) -> bool:
        return area in answers.get("need-areas", {}).get("areas", ())

    predicate.__name__ = f"has_need_{area.value}"
    return predicate


has_communication_need = _has_need(NeedArea.COMMUNICATION_INTERACTION)
has_cognition_need = _has_need(NeedArea.COGNITION_LEARNING)
has_semh_need = _has_need(NeedArea.SEMH)
has_sensory_need = _has_need(NeedArea.SENSORY_PHYSICAL)


# -- the stages after a request (issue 4) ---------------------------------------------------


def is_draft_plan(answers: Answers) -> bool:
    return answers.get("plan-stage", {}).get("plan_stage") == "draft"


def is_final_plan(answers: Answers) -> bool:
    return answers.get("plan-stage", {}).get("plan_stage") == "final"


def _decision_kind(answers: Answers) -> str | None:
    return answers.get("which-decision", {}).get("decision_kind")


def is_placement_only(answers: Answers) -> bool:
    """Appeals only about the school named need no mediation certificate (Act s.55)."""
    return _decision_kind(answers) == DecisionKind.PLACEMENT_ONLY


def needs_mediation_certificate(answers: Answers) -> bool:
    kind = _decision_kind(answers)
    return kind is not None and kind != DecisionKind.PLACEMENT_ONLY


def adviser_contacted(answers: Answers) -> bool:
    return answers.get("adviser-contacted", {}).get("contacted") == "yes"


def wants_mediation(answers: Answers) -> bool:
    return answers.get("wants-mediation", {}).get("wants_mediation") == "yes"


def may_involve_health_or_care(answers: Answers) -> bool:
    """Plan appeals can bring the health and care parts in; a refusal to assess cannot."""
    return _decision_kind(answers) in {
        DecisionKind.REFUSAL_TO_ISSUE_PLAN,
        DecisionKind.PLAN_CONTENTS,
        DecisionKind.PLACEMENT_ONLY,
    }


def appeal_is_late(answers: Answers, today: date | None = None) -> bool:
    """True when the appeal deadline (from the engine) has passed on `today`."""
    decision = answers.get("which-decision-date", {}).get("decision_date")
    kind = _decision_kind(answers)
    if decision is None or kind is None:
        return False
    certificate = answers.get("certificate-date", {}).get("certificate_date")
    deadline = appeal_deadline(
        decision=DECISION_EVENTS[DecisionKind(kind)],
        decision_date=decision,
        certificate_issued=certificate,
    )
    return (today or timezone.localdate()) > deadline.due


def plan_has_vague_provision(answers: Answers) -> bool:
    """Ask for specific wording only when the wording checker flags something in section F."""
    section_f = answers.get("plan-section-f", {}).get("text", "")
    return any(report.defects for report in wording.check_text(section_f))


def check_needs_text(text: str):
    """The wording checker's reports on section B (needs described vaguely)."""
    return wording.check_needs_text(text)


def plan_has_vague_needs(answers: Answers) -> bool:
    """Ask what section B should say only when the checker flags a sentence in it."""
    section_b = answers.get("plan-section-b", {}).get("text", "")
    return any(report.flags for report in check_needs_text(section_b))


def has_preferred_setting(answers: Answers) -> bool:
    return bool(answers.get("preferred-setting", {}).get("preferred_setting"))


def is_refusal_to_issue_plan(answers: Answers) -> bool:
    return (
        answers.get("refusal-kind", {}).get("decision_kind") == DecisionKind.REFUSAL_TO_ISSUE_PLAN
    )


def asks_about_school_resources(answers: Answers) -> bool:
    """After an assessment: does the advice go beyond what the school can provide itself?
    Not asked for a child with no school place (there are no school resources to compare)."""
    return is_refusal_to_issue_plan(answers) and not has_no_school_place(answers)


def names_a_school_in_appeal(answers: Answers) -> bool:
    """An appeal only about the school named asks which school and what kind it is."""
    return is_placement_only(answers)


def asks_school_kind_in_appeal(answers: Answers) -> bool:
    return names_a_school_in_appeal(answers) and has_preferred_setting(answers)


# -- the rest of a plan's life (issue 14): phase transfer, re-assessment, Tribunal orders -----


def _transfer(answers: Answers) -> str | None:
    return answers.get("transfer-kind", {}).get("transfer")


def moves_in_september(answers: Answers) -> bool:
    """A move between school phases or to post-16 happens in a September: ask the year."""
    kind = _transfer(answers)
    return kind is not None and kind != Transfer.BETWEEN_POST16


def moves_between_post16(answers: Answers) -> bool:
    """A move between two post-16 places may be at any time: ask its date (reg 18(2))."""
    return _transfer(answers) == Transfer.BETWEEN_POST16


def _reassessment_status(answers: Answers) -> str | None:
    return answers.get("reassessment-asked", {}).get("status")


def reassessment_not_asked(answers: Answers) -> bool:
    return _reassessment_status(answers) == "not_asked"


def reassessment_waiting(answers: Answers) -> bool:
    return _reassessment_status(answers) == "asked"


def reassessment_refused(answers: Answers) -> bool:
    return _reassessment_status(answers) == "refused"


def tribunal_decided(answers: Answers) -> bool:
    return answers.get("tribunal-how", {}).get("how") == "decided"


def tribunal_unopposed(answers: Answers) -> bool:
    return answers.get("tribunal-how", {}).get("how") == "unopposed"


def appeal_not_dismissed(answers: Answers) -> bool:
    """What the order said is asked only when there is an order to carry out."""
    order = answers.get("tribunal-order", {}).get("order")
    return order is not None and order != TribunalOrder.DISMISSED


# -- the rest of a plan's life (issue 14) ---------------------------------------------------


def review_meeting_held(answers: Answers) -> bool:
    return answers.get("review-meeting-held", {}).get("held") == "yes"


def review_decision_known(answers: Answers) -> bool:
    """The council's decision after the review has a date to ask for (not "not told yet")."""
    decision = answers.get("review-decision", {}).get("decision")
    return review_meeting_held(answers) and decision is not None and decision != "not_told"


def wants_school_in_amendments(answers: Answers) -> bool:
    return answers.get("wants-school", {}).get("wants_school") == "yes"


def asks_school_kind_in_amendments(answers: Answers) -> bool:
    return wants_school_in_amendments(answers) and has_preferred_setting(answers)


def is_young_person_19_or_over(answers: Answers, today: date | None = None) -> bool:
    """The young person is 19 or over today: ask whether the council said the outcomes in
    the plan were achieved (SEND Code of Practice 2015, para 9.200)."""
    from journeys.rules.law import aged_19_or_over

    born = answers.get("child-date-of-birth", {}).get("date_of_birth")
    return aged_19_or_over(born, today or timezone.localdate())


# -- young people, preparing for adulthood, and who the pages speak to (issue 14) ---------------


def _date_of_birth(answers: Answers) -> date | None:
    return answers.get("child-date-of-birth", {}).get("date_of_birth")


def is_about_a_young_person(answers: Answers, today: date | None = None) -> bool:
    """The date of birth says the rights are the young person's (over compulsory school age:
    journeys.rules.eligibility.is_young_person; Act s.83(2))."""
    born = _date_of_birth(answers)
    return born is not None and is_young_person(
        date_of_birth=born, on=today or timezone.localdate()
    )


def rights_holder_relationship(answers: Answers) -> str | None:
    """Who holds the rights these answers exercise: the applicant, or for an advocate the
    person they help (represents-details)."""
    relationship = answers.get("your-details", {}).get("relationship")
    if relationship == Relationship.ADVOCATE:
        return answers.get("represents-details", {}).get("relationship")
    return relationship


def speaks_of_a_young_person(answers: Answers) -> bool:
    """The pages name a young person, not a child: the date of birth says so, or (before it
    is given) the young person is filling it in or is the one an advocate helps."""
    holder = rights_holder_relationship(answers)
    return holder == Relationship.YOUNG_PERSON or is_about_a_young_person(answers)


def acts_for_young_person(answers: Answers) -> bool:
    """A parent or carer (or an advocate for one) fills in the journey for a young person:
    ask on what basis they act (their agreement, or reg 64 where they lack capacity)."""
    holder = rights_holder_relationship(answers)
    return holder in {Relationship.PARENT, Relationship.CARER} and is_about_a_young_person(answers)


def prepares_for_adulthood(answers: Answers, today: date | None = None) -> bool:
    """From Year 9 (the year group given, else by age): ask about preparing for adulthood
    (SEND Code of Practice 2015, chapter 8)."""
    return eligibility.prepares_for_adulthood(
        year_group=answers.get("setting-details", {}).get("year_group"),
        date_of_birth=_date_of_birth(answers),
        on=today or timezone.localdate(),
    )


def audience(answers: Answers) -> Audience:
    """Who the question pages speak to: the young person themselves ("you"), a parent or
    carer about a child ("your child"), or anyone else (someone acting for a young person, an
    advocate): the child or young person by name. Before the pages have said who is filling
    them in: a parent about a child, unless the date of birth says it is a young person."""
    relationship = answers.get("your-details", {}).get("relationship")
    if relationship == Relationship.YOUNG_PERSON:
        return Audience.YOUNG_PERSON
    if relationship == Relationship.ADVOCATE or is_about_a_young_person(answers):
        return Audience.OTHER
    return Audience.PARENT


def child_first_name(answers: Answers) -> str:
    return answers.get("child-name", {}).get("first_name", "")


# -- enforcing the plan (issue 15) ------------------------------------------------------------


def _enforce_step(answers: Answers) -> str | None:
    return answers.get("enforce-step", {}).get("step")


def enforce_by_complaint(answers: Answers) -> bool:
    return _enforce_step(answers) == "complaint"


def enforce_after_complaint(answers: Answers) -> bool:
    """The Ombudsman and a letter before claim come after a complaint to the council."""
    return _enforce_step(answers) in ("ombudsman", "pre_action")


def enforce_by_pre_action(answers: Answers) -> bool:
    return _enforce_step(answers) == "pre_action"


def complains_to_icb(answers: Answers) -> bool:
    """A complaint about health care (section G) goes to the integrated care board."""
    return enforce_by_complaint(answers) and "G" in answers.get("enforce-sections", {}).get(
        "sections", []
    )


def complaint_answered(answers: Answers) -> bool:
    return (
        enforce_after_complaint(answers)
        and answers.get("complaint-answered", {}).get("answered") == "yes"
    )
