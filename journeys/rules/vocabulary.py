"""The words of the case file (docs/case-format.md) as enums, with plain-English labels.

Pure Python: forms, the JSON Schema, conditions and letters all take their choices from here,
so a value can never be spelt two ways.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry a plain-English label for pages and letters."""

    label: str

    def __new__(cls, value: str, label: str) -> LabelledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]


class Country(LabelledEnum):
    ENGLAND = "england", "England"
    WALES = "wales", "Wales"
    SCOTLAND = "scotland", "Scotland"
    NORTHERN_IRELAND = "northern_ireland", "Northern Ireland"


class Stage(LabelledEnum):
    """The triage's answer: where the family is. Each value is the slug of the journey it
    starts (journeys/wizard/definition.py TRIAGE)."""

    REQUEST = "request", "I want to ask the council for an EHC needs assessment"
    REFUSED = (
        "refused",
        ("The council refused to carry out an assessment, or refused to issue a plan"),
    )
    PLAN = "plan", "I have a draft plan, or a new final plan, that I disagree with"
    ANNUAL_REVIEW = "annual-review", "The plan's annual review is coming up, or has just happened"
    AMENDMENTS = "amendments", "The council has sent proposed changes to the plan"
    NOT_AMENDED = "not-amended", "After a review, the council decided not to change the plan"
    TRANSFER = "transfer", "A move to a new school or college is coming up"
    REASSESSMENT = (
        "reassessment",
        ("Needs have changed since the last assessment, and I want a new one"),
    )
    CEASING = "ceasing", "The council wants to stop the plan"
    MEDIATION = "mediation", "I need to contact a mediation adviser or go to mediation"
    APPEAL = "appeal", "I want to appeal to the SEND Tribunal"
    TRIBUNAL_ORDER = "tribunal-order", "The Tribunal has decided my appeal"
    MEDIATION_AGREEMENT = (
        "mediation-agreement",
        "Mediation ended in an agreement that the council has not carried out",
    )


# The triage's choices in groups, so a family finds theirs by where they are. Mediation,
# appeals and the Tribunal's decision come before a plan and after one alike.
STAGE_GROUPS: tuple[tuple[str, tuple[Stage, ...]], ...] = (
    ("Before there is a plan", (Stage.REQUEST, Stage.REFUSED, Stage.PLAN)),
    (
        "There is a plan",
        (
            Stage.ANNUAL_REVIEW,
            Stage.AMENDMENTS,
            Stage.NOT_AMENDED,
            Stage.TRANSFER,
            Stage.REASSESSMENT,
            Stage.CEASING,
        ),
    ),
    (
        "Mediation, appeals and the Tribunal",
        (Stage.MEDIATION, Stage.MEDIATION_AGREEMENT, Stage.APPEAL, Stage.TRIBUNAL_ORDER),
    ),
)


class Pronouns(LabelledEnum):
    HE = "he", "He and him"
    SHE = "she", "She and her"
    THEY = "they", "They and them"


class SettingKind(LabelledEnum):
    MAINSTREAM = "mainstream", "A mainstream school or academy"
    SPECIAL = "special", "A special school"
    INDEPENDENT = "independent", "An independent (private) school"
    ALTERNATIVE_PROVISION = (
        "alternative_provision",
        "Alternative provision or a pupil referral unit",
    )
    EARLY_YEARS = "early_years", "A nursery, pre-school or childminder"
    COLLEGE = "college", "A college or sixth form"
    HOME_EDUCATED = "home_educated", "Home educated"
    NONE = "none", "Not in any school, college or nursery at the moment"


SETTINGS_WITHOUT_A_PLACE = frozenset({SettingKind.HOME_EDUCATED, SettingKind.NONE})


class Relationship(LabelledEnum):
    PARENT = "parent", "Parent"
    CARER = "carer", "Carer or someone else with parental responsibility"
    YOUNG_PERSON = "young_person", "I am the young person (aged 16 to 25)"
    ADVOCATE = "advocate", "Advocate writing for the family"


class NeedArea(LabelledEnum):
    COMMUNICATION_INTERACTION = "communication_interaction", "Communication and interaction"
    COGNITION_LEARNING = "cognition_learning", "Cognition and learning"
    SEMH = "semh", "Social, emotional and mental health"
    SENSORY_PHYSICAL = "sensory_physical", "Sensory and/or physical needs"


class EvidenceKind(LabelledEnum):
    EDUCATIONAL_PSYCHOLOGIST = "educational_psychologist", "Educational psychologist report"
    SPEECH_LANGUAGE_THERAPIST = "speech_language_therapist", "Speech and language therapy report"
    OCCUPATIONAL_THERAPIST = "occupational_therapist", "Occupational therapy report"
    CAMHS = "camhs", "CAMHS (child and adolescent mental health services) letter or report"
    PAEDIATRICIAN = "paediatrician", "Paediatrician letter or report"
    SCHOOL_REPORT = "school_report", "School report or records"
    SEN_SUPPORT_PLAN = "sen_support_plan", "SEN support plan or individual education plan"
    ATTENDANCE_RECORD = "attendance_record", "Attendance record"
    EXCLUSION_RECORD = "exclusion_record", "Record of exclusions"
    PARENT_DIARY = "parent_diary", "My own diary or notes"
    OTHER = "other", "Something else"


class SchoolView(LabelledEnum):
    SUPPORTS = "supports", "Yes, the school supports the request"
    DOES_NOT_SUPPORT = "does_not_support", "No, the school does not support it"
    UNKNOWN = "unknown", "I do not know, or have not asked"


class EventType(LabelledEnum):
    REQUEST_RECEIVED = "request_received", "The council received the request for an assessment"
    DECISION_TO_ASSESS = "decision_to_assess", "The council agreed to assess"
    DECISION_NOT_TO_ASSESS = "decision_not_to_assess", "The council refused to assess"
    DECISION_NOT_TO_ISSUE_PLAN = (
        "decision_not_to_issue_plan",
        "The council decided not to issue a plan",
    )
    DRAFT_PLAN_ISSUED = "draft_plan_issued", "A draft plan was sent"
    FINAL_PLAN_ISSUED = "final_plan_issued", "A final plan was issued"
    MEDIATION_ADVISER_CONTACTED = (
        "mediation_adviser_contacted",
        "The mediation adviser was contacted",
    )
    MEDIATION_REQUESTED = "mediation_requested", "Mediation was asked for"
    MEDIATION_HELD = "mediation_held", "Mediation took place"
    MEDIATION_CERTIFICATE_ISSUED = (
        "mediation_certificate_issued",
        "The mediation certificate was issued",
    )
    APPEAL_LODGED = "appeal_lodged", "The appeal reached the Tribunal"
    ANNUAL_REVIEW_MEETING = "annual_review_meeting", "The annual review meeting took place"
    PHASE_TRANSFER_YEAR = "phase_transfer_year", "The school year of a move to a new phase"
    # Version 2 of the case file (CASE_FORMAT.md): recorded, shown and counted.
    AMENDMENT_PROPOSAL_ISSUED = (
        "amendment_proposal_issued",
        "The council sent its proposed changes to the plan",
    )
    DECISION_NOT_TO_AMEND = (
        "decision_not_to_amend",
        "The council decided not to change the plan after a review",
    )
    CEASE_CONSIDERED = (
        "cease_considered",
        "The council said it is thinking of stopping the plan",
    )
    DECISION_TO_CEASE = "decision_to_cease", "The council decided to stop the plan"
    REASSESSMENT_REQUESTED = (
        "reassessment_requested",
        "The council received a request to assess again",
    )
    DECISION_NOT_TO_REASSESS = (
        "decision_not_to_reassess",
        "The council refused to assess again",
    )
    TRIBUNAL_DECISION = "tribunal_decision", "The Tribunal decided the appeal"
    PROVISION_COMPLAINT_MADE = (
        "provision_complaint_made",
        "A complaint that the plan's provision is not being made",
    )
    PROVISION_COMPLAINT_RESPONSE = (
        "provision_complaint_response",
        "The council's final answer to that complaint",
    )
    OMBUDSMAN_COMPLAINT_MADE = (
        "ombudsman_complaint_made",
        "A complaint to the Local Government and Social Care Ombudsman",
    )
    PRE_ACTION_LETTER_SENT = "pre_action_letter_sent", "A pre-action letter was sent"


# The events of version 1 of the case file: a version-1 file may use only these (the case
# file's schema). The timeline's add-date form offers every event, and the deadlines engine
# counts version 2's too (journeys.rules.deadlines).
V1_EVENT_TYPES: tuple[EventType, ...] = tuple(EventType)[:13]


class DecisionKind(LabelledEnum):
    REFUSAL_TO_ASSESS = "refusal_to_assess", "Refusal to assess"
    REFUSAL_TO_ISSUE_PLAN = "refusal_to_issue_plan", "Refusal to issue a plan"
    PLAN_CONTENTS = "plan_contents", "The contents of the plan"
    PLACEMENT_ONLY = "placement_only", "The school or college named in the plan"
    REFUSAL_TO_AMEND = "refusal_to_amend", "Refusal to amend the plan after a review"
    CEASE_TO_MAINTAIN = "cease_to_maintain", "Decision to stop the plan"
    REFUSAL_TO_REASSESS = "refusal_to_reassess", "Refusal to assess again"  # version 2


class Transfer(LabelledEnum):
    """A phase_transfer_year event's `transfer` (version 2)."""

    SCHOOL = "school", "A move between school phases"
    POST16 = "post16", "From secondary school to a post-16 institution"
    BETWEEN_POST16 = "between_post16", "From one post-16 institution to another"


class TribunalOrder(LabelledEnum):
    """A tribunal_decision event's `order` (version 2)."""

    ASSESS = "assess", "Carry out an assessment"
    REASSESS = "reassess", "Carry out a re-assessment"
    MAKE_PLAN = "make_plan", "Make and maintain a plan"
    AMEND_PLAN = "amend_plan", "Amend the plan"
    CHANGE_SCHOOL_ONLY = "change_school_only", "Change only the school or college named"
    CONTINUE_PLAN = "continue_plan", "Continue to maintain the plan"
    DISMISSED = "dismissed", "The appeal was dismissed"


class Represented(LabelledEnum):
    """`represents.relationship` (version 2): whose rights these are, when an advocate writes."""

    PARENT = "parent", "Their parent"
    CARER = "carer", "Their carer, or someone else with parental responsibility"
    YOUNG_PERSON = "young_person", "The young person themselves (aged 16 to 25)"


class ActingForYoungPerson(LabelledEnum):
    """`acting_for_young_person` (version 2): on what basis someone acts for a young person."""

    AGREED = "agreed", "The young person agreed"
    LACKS_CAPACITY = "lacks_capacity", "The young person lacks capacity (reg 64)"


class Per(LabelledEnum):
    """`provision[].per` (version 2)."""

    WEEK = "week", "a week"
    FORTNIGHT = "fortnight", "a fortnight"
    MONTH = "month", "a month"
    TERM = "term", "a term"
    YEAR = "year", "a year"


class Delivered(LabelledEnum):
    """`delivery_log[].delivered` (version 2)."""

    YES = "yes", "Delivered"
    NO = "no", "Not delivered"
    PARTLY = "partly", "Partly delivered"


YEAR_GROUPS: tuple[str, ...] = (
    "Nursery",
    "Reception",
    *(f"Year {n}" for n in range(1, 15)),
)


# The event that records each appealable decision, and starts its appeal time limit.
DECISION_EVENTS: dict[DecisionKind, EventType] = {
    DecisionKind.REFUSAL_TO_ASSESS: EventType.DECISION_NOT_TO_ASSESS,
    DecisionKind.REFUSAL_TO_ISSUE_PLAN: EventType.DECISION_NOT_TO_ISSUE_PLAN,
    DecisionKind.PLAN_CONTENTS: EventType.FINAL_PLAN_ISSUED,
    DecisionKind.PLACEMENT_ONLY: EventType.FINAL_PLAN_ISSUED,
}


class VoiceSource(LabelledEnum):
    """Extras `child_voice.source` (issue 14): whose words the child's views are in."""

    OWN_WORDS = "own_words", "Their own words: you wrote down what they said, wrote or signed"
    AS_HEARD = "as_heard", "What you have heard them say"
    COULD_NOT_TELL = "could_not_tell", "They could not tell us in words"


class AdulthoodArea(LabelledEnum):
    """Extras `adulthood` keys (issue 14): the four areas of preparing for adulthood
    (SEND Code of Practice 2015, chapter 8)."""

    EMPLOYMENT = "employment", "Work, training or further study"
    INDEPENDENT_LIVING = "independent_living", "Living independently"
    COMMUNITY = "community", "Friends, relationships and the community"
    HEALTH = "health", "Being as healthy as possible"
