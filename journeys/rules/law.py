"""The law, stated once: every duty, test and right the product tells a family about.

Pure Python (no Django; tests/journeys/rules/test_purity.py enforces it). This module is the
only place where the product states the law. Letters, the timeline, the appeal-deadline
calculator, the next-steps pages and the guidance read their legal sentences from here, each
with its citation. Dates are not computed here (journeys.rules.deadlines does that); this
module says what the duty *is*, who owes it, where it comes from, when it applies and what
exceptions it has.

An entry applies in a `Situation` (the stage of the case, the decision appealed, the kind of
school asked for, who is writing and for whom, and what the council has already done). A
letter or page asks `applies(key, situation)` before it states an entry, so an entry never
appears where the law does not give it: an independent school not approved under s.41 is
never argued under s.39; a chaser written before the council agreed to assess never cites
reg 10(1); "unless an exception applies" is said only of the 6, 16 and 20 weeks.

Where the law is unclear, the entry takes the reading that protects the family and says so
in `safe_reading`; those readings are listed in the README and in the issue notes.

Sources were read on legislation.gov.uk, in the SEND Code of Practice 2015 and in IPSEA's
guides (found with the `search` tool); ../shared/DOMAIN.md is the reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from journeys.rules.vocabulary import DecisionKind, LabelledEnum, Relationship, SettingKind


class Law(StrEnum):
    """Every statement of law the product makes, by name."""

    ASSESSMENT_REQUEST = "assessment_request"
    ASSESSMENT_TEST = "assessment_test"
    ASSESSMENT_LOW_THRESHOLD = "assessment_low_threshold"
    ASSESSMENT_NO_SCHOOL_PLACE = "assessment_no_school_place"
    FRESH_REQUEST = "fresh_request"
    DECIDE_WHETHER_TO_ASSESS = "decide_whether_to_assess"
    REFUSAL_NOTICE_CONTENTS = "refusal_notice_contents"
    ASSESSMENT_ADVICE = "assessment_advice"
    VIEWS_WISHES_FEELINGS = "views_wishes_feelings"
    PLAN_SECTION_A = "plan_section_a"
    PREPARING_FOR_ADULTHOOD = "preparing_for_adulthood"
    NOTIFY_NO_PLAN = "notify_no_plan"
    PLAN_NECESSARY = "plan_necessary"
    PLAN_CONTENTS = "plan_contents"
    SPECIFIC_PROVISION = "specific_provision"
    SEP_DEFINITION = "sep_definition"
    FOUR_AREAS = "four_areas"
    DIAGNOSIS_NOT_NEEDED = "diagnosis_not_needed"
    FINAL_PLAN = "final_plan"
    DRAFT_PLAN_REPRESENTATIONS = "draft_plan_representations"
    DRAFT_PLAN_MEETING = "draft_plan_meeting"
    AMENDMENT_REPRESENTATIONS = "amendment_representations"
    AMENDED_PLAN_FINAL = "amended_plan_final"
    REVIEW_DECISION = "review_decision"
    ANNUAL_REVIEW = "annual_review"
    PHASE_TRANSFER_SCHOOL = "phase_transfer_school"
    PHASE_TRANSFER_POST16 = "phase_transfer_post16"
    PHASE_TRANSFER_BETWEEN_POST16 = "phase_transfer_between_post16"
    NAME_SCHOOL_S39 = "name_school_s39"
    NAME_SCHOOL_S9 = "name_school_s9"
    SECURE_PROVISION = "secure_provision"
    HEALTH_PROVISION = "health_provision"
    THERAPY_IS_EDUCATIONAL = "therapy_is_educational"
    PERSONAL_BUDGET = "personal_budget"
    MEDIATION_BEFORE_APPEAL = "mediation_before_appeal"
    MEDIATION_CONTACT = "mediation_contact"
    MEDIATION_CERTIFICATE_ONLY = "mediation_certificate_only"
    MEDIATION_ARRANGED = "mediation_arranged"
    MEDIATION_CERTIFICATE_AFTER = "mediation_certificate_after"
    WHO_APPEALS = "who_appeals"
    RIGHT_OF_APPEAL = "right_of_appeal"
    APPEAL_TIME_LIMIT = "appeal_time_limit"
    APPEAL_BY_5PM = "appeal_by_5pm"
    APPEAL_NON_WORKING_DAY = "appeal_non_working_day"
    LATE_APPEAL = "late_appeal"
    CEASE_TEST = "cease_test"
    CEASE_MAINTAIN_DURING_APPEAL = "cease_maintain_during_appeal"
    CEASE_OUTCOMES_AT_19 = "cease_outcomes_at_19"
    YOUNG_PERSON_RIGHTS = "young_person_rights"
    ALTERNATIVE_PERSON = "alternative_person"
    RECOMMENDATIONS = "recommendations"
    # Version 2 of the case file (issue 14): the rest of a plan's life.
    REASSESSMENT_DECISION = "reassessment_decision"
    REASSESSMENT_FINAL_PLAN = "reassessment_final_plan"
    TRIBUNAL_ORDER_ASSESS = "tribunal_order_assess"
    TRIBUNAL_ORDER_NO_PLAN = "tribunal_order_no_plan"
    TRIBUNAL_ORDER_ASSESS_PLAN = "tribunal_order_assess_plan"
    TRIBUNAL_ORDER_PLAN_DRAFT = "tribunal_order_plan_draft"
    TRIBUNAL_ORDER_PLAN_FINAL = "tribunal_order_plan_final"
    TRIBUNAL_ORDER_AMEND = "tribunal_order_amend"
    TRIBUNAL_ORDER_SCHOOL = "tribunal_order_school"
    TRIBUNAL_ORDER_CONTINUE = "tribunal_order_continue"
    PROVISION_COMPLAINT = "provision_complaint"
    JUDICIAL_REVIEW_TIME_LIMIT = "judicial_review_time_limit"
    PRE_ACTION_REPLY = "pre_action_reply"
    # Issue 14 (re-assessment and Tribunal orders journeys).
    REASSESSMENT_REQUEST = "reassessment_request"
    REASSESSMENT_REFUSAL_GROUNDS = "reassessment_refusal_grounds"
    RIGHT_OF_APPEAL_REASSESSMENT = "right_of_appeal_reassessment"
    TRIBUNAL_ORDER_COMPLIANCE = "tribunal_order_compliance"
    UNOPPOSED_APPEAL = "unopposed_appeal"
    # Issue 15: enforcing the plan when its provision is not made.
    SOCIAL_CARE_PROVISION = "social_care_provision"
    OMBUDSMAN_JURISDICTION = "ombudsman_jurisdiction"
    OMBUDSMAN_TIME_LIMIT = "ombudsman_time_limit"
    MEDIATION_AGREEMENT_APPEALABLE = "mediation_agreement_appealable"
    MEDIATION_AGREEMENT_OTHER = "mediation_agreement_other"
    MEDIATION_AGREEMENT_TIMESCALE = "mediation_agreement_timescale"
    # Issue 16: what a decision letter must say, and the Tribunal's limits on bundles.
    NO_PLAN_NOTICE_CONTENTS = "no_plan_notice_contents"
    FINAL_PLAN_NOTICE_CONTENTS = "final_plan_notice_contents"
    NOT_AMEND_NOTICE_CONTENTS = "not_amend_notice_contents"
    CEASE_NOTICE_CONTENTS = "cease_notice_contents"
    REASSESSMENT_NOTICE_CONTENTS = "reassessment_notice_contents"
    MEDIATION_NOTICE_INFORMATION = "mediation_notice_information"
    BUNDLE_EVIDENCE_LOWER = "bundle_evidence_lower"
    BUNDLE_EVIDENCE_HIGHER = "bundle_evidence_higher"
    BUNDLE_WORKING_DOCUMENT = "bundle_working_document"
    BUNDLE_EXPERT_REPORT = "bundle_expert_report"
    BUNDLE_EXPERT_SUMMARY = "bundle_expert_summary"
    BUNDLE_WITNESS_STATEMENT = "bundle_witness_statement"
    BUNDLE_FORMAT = "bundle_format"
    BUNDLE_MORE_PAGES = "bundle_more_pages"
    WORKING_DOCUMENT_KEY = "working_document_key"
    WITNESS_STATEMENT_SIGNED = "witness_statement_signed"
    WITNESS_STATEMENT_OF_TRUTH = "witness_statement_of_truth"


class Stage(StrEnum):
    """Where a case is, for deciding which law applies (not the triage question's wording)."""

    REQUEST = "request"
    REFUSED = "refused"
    PLAN = "plan"
    MEDIATION = "mediation"
    APPEAL = "appeal"
    REVIEW = "review"
    CHASER = "chaser"


class SchoolKind(LabelledEnum):
    """plan.preferred_setting_kind (CASE_FORMAT.md version 2): Act s.38(3), or not."""

    MAINTAINED_SCHOOL = "maintained_school", "A maintained (council-run) school"
    MAINTAINED_NURSERY = "maintained_nursery", "A maintained nursery school"
    ACADEMY = "academy", "An academy or free school"
    FE_INSTITUTION = "fe_institution", "A further education college or sixth form college"
    NON_MAINTAINED_SPECIAL = "non_maintained_special", "A non-maintained special school"
    INDEPENDENT_S41 = (
        "independent_s41",
        "An independent school or college on the section 41 approved list",
    )
    INDEPENDENT_OTHER = (
        "independent_other",
        "Another independent school or college (not on the section 41 list)",
    )


# Act s.38(3): the institutions a parent or young person may ask to have named, whose request
# the council must meet unless s.39(4) applies.
S38_3_KINDS = frozenset(SchoolKind) - {SchoolKind.INDEPENDENT_OTHER}

# Decisions after which the Tribunal can be asked to act on a plan (s.51(2)(c)-(f)).
PLAN_DECISIONS = frozenset(
    {
        DecisionKind.PLAN_CONTENTS,
        DecisionKind.PLACEMENT_ONLY,
        DecisionKind.REFUSAL_TO_AMEND,
        DecisionKind.CEASE_TO_MAINTAIN,
        # s.51(2)(d): a refusal to re-assess, after a request, of a child or young person who
        # has a plan (the 2015 reg 45(3) names "section 51(2)(a) or (d)" for (re-)assessments).
        DecisionKind.REFUSAL_TO_REASSESS,
    }
)


@dataclass(frozen=True)
class Situation:
    """What decides which law applies. None means "not known", which matches no condition
    that needs the value (an entry that needs a school kind is not stated without one)."""

    stage: Stage | None = None
    decision: DecisionKind | None = None
    school_kind: SchoolKind | None = None
    relationship: Relationship | None = None
    setting_kind: SettingKind | None = None
    # The council has agreed to assess (a decision_to_assess event, or a later stage).
    assessing: bool = False
    # The young person is aged 19 or over on the letter's date (`aged_19_or_over`).
    aged_19_or_over: bool = False


@dataclass(frozen=True)
class When:
    """The conditions under which an entry applies; an empty set means "any"."""

    stages: frozenset[Stage] = frozenset()
    decisions: frozenset[DecisionKind] = frozenset()
    school_kinds: frozenset[SchoolKind] = frozenset()
    relationships: frozenset[Relationship] = frozenset()
    setting_kinds: frozenset[SettingKind] = frozenset()
    needs_assessing: bool = False
    needs_aged_19_or_over: bool = False

    def matches(self, situation: Situation) -> bool:
        """True when every condition this entry sets holds in `situation`."""
        pairs = (
            (self.stages, situation.stage),
            (self.decisions, situation.decision),
            (self.school_kinds, situation.school_kind),
            (self.relationships, situation.relationship),
            (self.setting_kinds, situation.setting_kind),
        )
        if any(allowed and value not in allowed for allowed, value in pairs):
            return False
        if self.needs_aged_19_or_over and not situation.aged_19_or_over:
            return False
        return situation.assessing or not self.needs_assessing


ALWAYS = When()


@dataclass(frozen=True)
class LawEntry:
    key: Law
    statement: str  # the duty, test or right in plain English, as a letter may quote it
    citation: str  # how a letter cites it: "Children and Families Act 2014, s.36(8)"
    when: When = ALWAYS
    exceptions: tuple[str, ...] = ()  # the only circumstances that allow longer or otherwise
    safe_reading: str = ""  # where the text is unclear: the reading taken, and why
    # The one number the entry states, for rules that compute with it (a page limit), so the
    # number lives here only: journeys.rules.bundle reads it, and a test checks that the
    # statement says it.
    figure: int | None = None

    @property
    def cited(self) -> str:
        """The statement with its citation before the closing full stop, as letters print it:
        "... in accordance with an EHC plan (Children and Families Act 2014, s.36(8))."."""
        return f"{self.statement.removesuffix('.')} ({self.citation})."


# SEND Regulations 2014 reg 5(4), reg 10(4) and (through reg 13(3)) for the 20 weeks: the only
# circumstances in which the council need not meet the time limit, and only where they make
# meeting it impractical (DOMAIN.md 1.2). Reg 10(4) has four limbs (read on legislation.gov.uk):
# (a) advice asked of a school or post-16 institution, and (b) of an early years provider, in
# the week before it closed for at least 4 weeks; (c) exceptional personal circumstances;
# (d) absence from the area for at least 4 weeks. (a) and (b) are one exception for a family,
# so it is stated once, naming all three kinds of setting. A missed appointment only extends
# the professionals' 6 weeks for advice (reg 8(2)); it is not one of these.
TIME_LIMIT_EXCEPTIONS = (
    "the council asked a head teacher, a college principal or an early years provider for "
    "advice during the week before their school, college or setting closed for at least 4 "
    "weeks in a row",
    "exceptional personal circumstances affect the child, young person or parent",
    "the child, young person or parent was away from the council's area for at least 4 weeks "
    "in a row",
)
TIME_LIMIT_EXCEPTIONS_RULE = (
    "The council may take longer only if it is impractical to meet the time limit because of "
    "one of these, and it must still act as soon as practicable."
)

# Reg 44(2) (read as quoted from the regulation by SEND Family Magic, for (a) to (c)) and the
# Tribunal's own guidance SEND18 (GOV.UK, updated 1 November 2023): the periods run from the
# order ("from the day we send out the order"); reg 45 as substituted by SI 2015/359 reg 8
# (read on legislation.gov.uk) gives the same periods from the day the council told the
# Tribunal it would not oppose an appeal. Reg 44(3) lets the council take longer in a few
# stated circumstances (SEND18 names exceptional personal circumstances and absence from the
# area for 2 weeks or more); its full text could not be read, so the product lists none and
# never says the council may take longer.
TRIBUNAL_ORDER_READING = (
    "The periods run from the date of the order (or of the council's notice not to oppose "
    "the appeal), which is the date the family records. Reg 44(3) allows longer only in a "
    "few stated circumstances; they are not listed because the text could not be read."
)

_REQUEST_TO_PLAN = frozenset({Stage.REQUEST, Stage.REFUSED, Stage.APPEAL, Stage.MEDIATION})
_NO_PLACE = frozenset({SettingKind.HOME_EDUCATED, SettingKind.NONE})

ENTRIES: tuple[LawEntry, ...] = (
    LawEntry(
        Law.ASSESSMENT_REQUEST,
        "A parent, a young person or a school may ask the council to secure an EHC needs "
        "assessment.",
        "Children and Families Act 2014, s.36(1)",
    ),
    LawEntry(
        Law.ASSESSMENT_TEST,
        "The council must secure an EHC needs assessment if the child or young person has or "
        "may have special educational needs, and it may be necessary for special educational "
        "provision to be made for them in accordance with an EHC plan.",
        "Children and Families Act 2014, s.36(8)",
        When(decisions=frozenset({DecisionKind.REFUSAL_TO_ASSESS})),
    ),
    LawEntry(
        Law.ASSESSMENT_LOW_THRESHOLD,
        "This is a low threshold: the question is whether the child or young person may have "
        "special educational needs and whether a plan may be necessary, not whether either is "
        "certain. Finding out is what the assessment is for.",
        "Children and Families Act 2014, s.36(8)",
        When(decisions=frozenset({DecisionKind.REFUSAL_TO_ASSESS})),
    ),
    LawEntry(
        Law.ASSESSMENT_NO_SCHOOL_PLACE,
        "The council's duties to identify and assess children and young people with special "
        "educational needs apply equally to those who are educated at home or are not in a "
        "school or college: the test in section 36(8) does not depend on a school place.",
        "Children and Families Act 2014, s.22 and s.36(8); SEND Code of Practice 2015, chapter 10",
        When(setting_kinds=_NO_PLACE),
    ),
    LawEntry(
        Law.FRESH_REQUEST,
        "A parent or young person may ask for an EHC needs assessment at any time; a fresh "
        "request starts a new 6 weeks for the council's decision.",
        "Children and Families Act 2014, s.36(1); SEND Regulations 2014, reg 5(1)",
        safe_reading="The Act sets no waiting period between requests. A council may refuse "
        "a request that shows nothing new, which is why a fresh request should say what has "
        "changed.",
    ),
    LawEntry(
        Law.DECIDE_WHETHER_TO_ASSESS,
        "The council must tell the parent or young person whether it will carry out an EHC "
        "needs assessment within 6 weeks of receiving the request.",
        "SEND Regulations 2014, reg 5(1)",
        exceptions=TIME_LIMIT_EXCEPTIONS,
    ),
    LawEntry(
        Law.REFUSAL_NOTICE_CONTENTS,
        "A decision not to assess must give the reasons, the right to appeal and its time "
        "limit, information about mediation, and where to find disagreement resolution and "
        "information and advice services.",
        "Children and Families Act 2014, s.36(5); SEND Regulations 2014, reg 5(3)",
        When(decisions=frozenset({DecisionKind.REFUSAL_TO_ASSESS})),
    ),
    LawEntry(
        Law.ASSESSMENT_ADVICE,
        "In an EHC needs assessment the council must seek advice and information, including "
        "educational, medical, psychological and social care advice.",
        "SEND Regulations 2014, reg 6(1)",
    ),
    LawEntry(
        Law.VIEWS_WISHES_FEELINGS,
        "The council must have regard to the views, wishes and feelings of the child and their "
        "parent, or of the young person, and to the importance of their participating as "
        "fully as possible in decisions.",
        "Children and Families Act 2014, s.19",
    ),
    # Read on legislation.gov.uk (SI 2014/1530, reg 12(1)(a), as made).
    LawEntry(
        Law.PLAN_SECTION_A,
        "An EHC plan must set out the views, interests and aspirations of the child and their "
        "parents, or of the young person, in its section A.",
        "SEND Regulations 2014, reg 12(1)(a)",
    ),
    # Reg 20(6) and 21(6) (a review from Year 9 must consider the provision that helps the
    # child or young person prepare for adulthood and independent living), quoted by Surrey
    # SEND Advice's guide to Year 9 reviews; the four areas are the Code's (chapter 8).
    LawEntry(
        Law.PREPARING_FOR_ADULTHOOD,
        "From Year 9, planning for a child or young person with an EHC plan must include "
        "preparing for adulthood: work or further study, living independently, friends, "
        "relationships and the community, and being as healthy as possible.",
        "SEND Code of Practice 2015, chapter 8; SEND Regulations 2014, reg 20(6) and 21(6)",
        safe_reading="The regulations put the duty on the review from Year 9; the Code asks "
        "for it in all planning from Year 9. A request or representations may ask for it "
        "whenever the family raises it, which can only help the child.",
    ),
    LawEntry(
        Law.NOTIFY_NO_PLAN,
        "If, after assessing, the council decides not to issue an EHC plan, it must say so "
        "within 16 weeks of receiving the request for the assessment.",
        "SEND Regulations 2014, reg 10(1)",
        When(needs_assessing=True),
        exceptions=TIME_LIMIT_EXCEPTIONS,
    ),
    LawEntry(
        Law.PLAN_NECESSARY,
        "Where, in the light of an EHC needs assessment, it is necessary for special "
        "educational provision to be made in accordance with an EHC plan, the council must "
        "secure that a plan is prepared, and must then maintain it.",
        "Children and Families Act 2014, s.37(1)",
        When(decisions=frozenset({DecisionKind.REFUSAL_TO_ISSUE_PLAN})),
    ),
    LawEntry(
        Law.PLAN_CONTENTS,
        "An EHC plan must specify the child or young person's special educational needs "
        "(section B), the special educational provision they need (section F) and the school "
        "or other institution (section I). Every need in section B must have provision in "
        "section F that meets it.",
        "Children and Families Act 2014, s.37(2); SEND Regulations 2014, reg 12(1)",
    ),
    LawEntry(
        Law.SPECIFIC_PROVISION,
        "Provision must be detailed and specific and should normally be quantified, for "
        "example, in terms of the type, hours and frequency of support and level of "
        "expertise, including where this support is secured through a Personal Budget.",
        "SEND Code of Practice 2015, para 9.69",
    ),
    LawEntry(
        Law.SEP_DEFINITION,
        "Special educational provision is educational or training provision that is "
        "additional to, or different from, that made generally for others of the same age in "
        "mainstream schools or colleges: help that every pupil gets (a universal offer) is not "
        "special educational provision.",
        "Children and Families Act 2014, s.21(1) and (2)",
    ),
    LawEntry(
        Law.FOUR_AREAS,
        "Special educational needs include needs in communication and interaction, in "
        "cognition and learning, in social, emotional and mental health, and sensory or "
        "physical needs, not only difficulties with learning or attainment.",
        "SEND Code of Practice 2015, chapter 6",
    ),
    LawEntry(
        Law.DIAGNOSIS_NOT_NEEDED,
        "Special educational needs are defined by a learning difficulty or disability that "
        "calls for special educational provision, not by a diagnosis: the legal tests for an "
        "assessment and a plan never require one.",
        "Children and Families Act 2014, s.20(1)",
    ),
    LawEntry(
        Law.FINAL_PLAN,
        "The council must issue the final EHC plan within 20 weeks of receiving the request "
        "for the assessment.",
        "SEND Regulations 2014, reg 13(2)",
        When(needs_assessing=True),
        exceptions=TIME_LIMIT_EXCEPTIONS,
    ),
    LawEntry(
        Law.DRAFT_PLAN_REPRESENTATIONS,
        "The parent or young person has at least 15 days, beginning with the day the draft "
        "plan was served, to make representations about its content and to ask for a "
        "particular school or college to be named.",
        "SEND Regulations 2014, reg 13(1)(a)",
        safe_reading="The regulation counts from the day the draft was served, which may be "
        "earlier than the day it arrived; families are told to reply as early as they can.",
    ),
    LawEntry(
        Law.DRAFT_PLAN_MEETING,
        "In those 15 days the parent or young person may require the council to arrange a "
        "meeting with an officer to discuss the draft plan.",
        "SEND Regulations 2014, reg 13(1)(a)(ii)",
    ),
    LawEntry(
        Law.AMENDMENT_REPRESENTATIONS,
        "After a review, when the council proposes to amend a plan, the parent or young person "
        "has at least 15 days to make representations about the proposed amendments and to "
        "ask for a particular school or college to be named.",
        "SEND Regulations 2014, reg 22(2)(c)",
    ),
    LawEntry(
        Law.AMENDED_PLAN_FINAL,
        "The council must issue the amended plan as soon as practicable and within 8 weeks "
        "of sending the proposed amendments.",
        "SEND Regulations 2014, reg 22(3)",
    ),
    LawEntry(
        Law.REASSESSMENT_DECISION,
        "When asked to re-assess a child or young person's needs, the council must tell the "
        "parent or young person whether it will re-assess within 15 days of receiving the "
        "request.",
        "SEND Regulations 2014, reg 25(1)",
        safe_reading="The 15 (calendar) days are as National SENDIASS, Dorset SENDIASS and "
        "Surrey's SEND advice service state them; reg 27(2) (read on legislation.gov.uk) names "
        "this notice as \u201cthe notification under regulation 25(1)\u201d. The text of reg 25 "
        "itself could not be read, so the days are counted from receipt with no roll-forward, "
        "the earlier (and so safer) reading.",
    ),
    LawEntry(
        Law.REASSESSMENT_FINAL_PLAN,
        "After deciding to re-assess, the council must send the finalised plan as soon as "
        "practicable and within 14 weeks of telling the parent or young person that it will "
        "re-assess.",
        "SEND Regulations 2014, reg 27(2)",
        exceptions=TIME_LIMIT_EXCEPTIONS,
        safe_reading="Reg 27(3) (read on legislation.gov.uk up to its fourth limb) gives the "
        "same exceptions as reg 10(4). Until the date of the council's notice is known, the "
        "14 weeks are counted from the request, which is earlier.",
    ),
    LawEntry(
        Law.REVIEW_DECISION,
        "Within 4 weeks of the review meeting the council must tell the parent or young "
        "person whether it will keep the plan as it is, amend it or cease to maintain it.",
        "SEND Regulations 2014, reg 20(10)",
    ),
    LawEntry(
        Law.ANNUAL_REVIEW,
        "The council must review the EHC plan within the 12 months starting with the date "
        "the plan was made, and then within each 12 months starting with the date of the last "
        "review: the review is due by the day before the anniversary.",
        "Children and Families Act 2014, s.44(1)",
    ),
    LawEntry(
        Law.PHASE_TRANSFER_SCHOOL,
        "Before a move between phases of school education, the plan must be reviewed and "
        "amended, naming the next school, before 15 February of the year of the move.",
        "SEND Regulations 2014, reg 18(1)(b)",
        safe_reading="The regulation says \u201cbefore 15 February\u201d, so the last day is "
        "14 February.",
    ),
    LawEntry(
        Law.PHASE_TRANSFER_POST16,
        "Before a move from secondary school to a post-16 institution, the plan must be "
        "reviewed and amended, naming the post-16 institution, before 31 March of the year of "
        "the move.",
        "SEND Regulations 2014, reg 18(1)(a)",
        safe_reading="The regulation says \u201cbefore 31 March\u201d, so the last day is "
        "30 March.",
    ),
    LawEntry(
        Law.PHASE_TRANSFER_BETWEEN_POST16,
        "Before a move from one post-16 institution to another, the plan must be reviewed and "
        "amended at least 5 months before the move.",
        "SEND Regulations 2014, reg 18(2)",
    ),
    LawEntry(
        Law.NAME_SCHOOL_S39,
        "When a parent or young person asks for a school or college of a kind listed in "
        "section 38(3) (a maintained school or nursery, an academy, a further education "
        "institution, a non-maintained special school, or an independent school or college "
        "approved under section 41), the council must name it unless it is unsuitable for "
        "the child or young person's age, ability, aptitude or special educational needs, or "
        "their attendance would be incompatible with the efficient education of others or "
        "the efficient use of resources.",
        "Children and Families Act 2014, s.39(3) and (4)",
        When(school_kinds=S38_3_KINDS),
    ),
    LawEntry(
        Law.NAME_SCHOOL_S9,
        "A request for an independent school or college that is not approved under section "
        "41 is not covered by section 39. The council must consider it, and must have regard "
        "to the general principle that children are to be educated in accordance with their "
        "parents' wishes, so far as that is compatible with efficient instruction and training "
        "and the avoidance of unreasonable public expenditure.",
        "Education Act 1996, s.9",
        When(school_kinds=frozenset({SchoolKind.INDEPENDENT_OTHER})),
    ),
    LawEntry(
        Law.SECURE_PROVISION,
        "The council must secure the special educational provision specified in an EHC plan. "
        "This duty is absolute: it does not depend on the council's or the school's budget, "
        "and provision outside a plan is not secured in this way.",
        "Children and Families Act 2014, s.42(2)",
    ),
    LawEntry(
        Law.HEALTH_PROVISION,
        "The health body (the integrated care board) must arrange the health care provision "
        "specified in the plan.",
        "Children and Families Act 2014, s.42(3)",
    ),
    LawEntry(
        Law.THERAPY_IS_EDUCATIONAL,
        "Health care provision that educates or trains a child or young person, such as speech "
        "and language therapy, is to be treated as special educational provision, and so "
        "belongs in section F, where the council must secure it.",
        "Children and Families Act 2014, s.21(5); SEND Code of Practice 2015, para 9.74",
    ),
    LawEntry(
        Law.PROVISION_COMPLAINT,
        "A complaint to the council is answered in the time its own complaints procedure "
        "sets. If the council does not give its final answer in that time, or the family is "
        "unhappy with it, they can complain to the Local Government and Social Care "
        "Ombudsman.",
        "Local Government Act 1974, Part 3",
        safe_reading="The council's own procedure decides. The product counts the period the "
        "family gives from that procedure; where they give none (and from a case file alone, "
        "which has no field for it) it uses 20 working days, the period many councils' "
        "procedures give, and says so.",
    ),
    LawEntry(
        Law.JUDICIAL_REVIEW_TIME_LIMIT,
        "A claim for judicial review must be made promptly, and in any event within 3 months "
        "after the grounds to make the claim first arose.",
        "Civil Procedure Rules, r.54.5(1)",
        safe_reading="Counted from the first missed session the family recorded, or, where "
        "none is recorded, from the pre-action letter; if the failure began earlier, the time "
        "ends earlier. No roll-forward.",
    ),
    LawEntry(
        Law.PRE_ACTION_REPLY,
        "A pre-action letter for judicial review asks the council to reply within 14 days.",
        "Pre-Action Protocol for Judicial Review",
    ),
    # Issue 15. Section H: s.42 covers only sections F (s.42(2)) and G (s.42(3)). Social care
    # provision the council must make under s.2 of the Chronically Sick and Disabled Persons
    # Act 1970 is specified in section H1 (Act s.37(2)(e); the Act's Explanatory Notes, para
    # 218, read on legislation.gov.uk; Enfield SENDIASS and others say the same); other social
    # care provision (H2) is not always a duty. Found with the `search` tool.
    LawEntry(
        Law.SOCIAL_CARE_PROVISION,
        "Social care provision in section H1 of the plan is provision the council must make "
        "for a disabled child under 18 under section 2 of the Chronically Sick and Disabled "
        "Persons Act 1970. The council, as the social care authority, is responsible for it.",
        "Chronically Sick and Disabled Persons Act 1970, s.2; Children and Families Act 2014, "
        "s.37(2)(e)",
        safe_reading="s.42 of the 2014 Act covers only sections F and G. The product writes to "
        "the council about every item of section H, states the duty only as H1's, and never "
        "says that other social care provision (H2) must be made.",
    ),
    # The Local Government and Social Care Ombudsman (Local Government Act 1974, Part 3)
    # investigates councils' SEN functions, including a failure to secure the provision in a
    # plan, which cannot be appealed to the Tribunal; it expects the council to have had the
    # chance to answer first (s.26(5)) and a complaint within 12 months (s.26B(1)), with a
    # discretion to accept a later one (s.26B(2)). The subsections were not read in full.
    LawEntry(
        Law.OMBUDSMAN_JURISDICTION,
        "The Local Government and Social Care Ombudsman can investigate a complaint that a "
        "council has not secured the provision in an EHC plan, a matter that cannot be "
        "appealed to the Tribunal. The council must first have had a reasonable chance to "
        "investigate the complaint and reply.",
        "Local Government Act 1974, s.26(5) and s.26(6)",
        safe_reading="Read as allowing the Ombudsman once the council's complaints procedure "
        "has ended, or has not answered in the time it sets (20 working days where the "
        "family does not know it).",
    ),
    LawEntry(
        Law.OMBUDSMAN_TIME_LIMIT,
        "A complaint to the Ombudsman should be made within 12 months of the day the person "
        "first knew of the matters complained about. The Ombudsman may accept a later "
        "complaint if it is reasonable to do so.",
        "Local Government Act 1974, s.26B",
        safe_reading="Counted from the first session the family recorded as not delivered; "
        "if they knew earlier, the 12 months end earlier.",
    ),
    # SEND Regulations 2014, reg 42 (read on legislation.gov.uk with the `search` tool).
    LawEntry(
        Law.MEDIATION_AGREEMENT_APPEALABLE,
        "Where a mediation agreement settles something the parent or young person could have "
        "appealed to the Tribunal, the council must carry it out within the time limits that "
        "would apply if the agreement were an order of the Tribunal.",
        "SEND Regulations 2014, reg 42(2) and reg 44",
    ),
    LawEntry(
        Law.MEDIATION_AGREEMENT_OTHER,
        "Where a mediation agreement requires the council or the health body to do something "
        "that could not have been appealed to the Tribunal, it must do it within 2 weeks of "
        "the date of the agreement.",
        "SEND Regulations 2014, reg 42(3)",
    ),
    LawEntry(
        Law.MEDIATION_AGREEMENT_TIMESCALE,
        "These time limits do not apply where the parties to the mediation agreed a different "
        "timescale in writing; the agreed timescale then applies.",
        "SEND Regulations 2014, reg 42(5)",
    ),
    LawEntry(
        Law.PERSONAL_BUDGET,
        "The parent or young person may ask the council to prepare a personal budget for the "
        "plan, and the council must then prepare one.",
        "Children and Families Act 2014, s.49",
    ),
    LawEntry(
        Law.MEDIATION_BEFORE_APPEAL,
        "Before appealing, the parent or young person must contact a mediation adviser and "
        "get a mediation certificate, except for an appeal only about the school or college "
        "named in the plan (or that none is named). Taking part in mediation itself is a "
        "choice.",
        "Children and Families Act 2014, s.55",
    ),
    LawEntry(
        Law.MEDIATION_CONTACT,
        "The mediation adviser must be contacted within 2 months of the decision letter.",
        "SEND Regulations 2014, reg 33",
    ),
    LawEntry(
        Law.MEDIATION_CERTIFICATE_ONLY,
        "When told that the parent or young person does not want mediation, the mediation "
        "adviser must issue the certificate within 3 working days.",
        "SEND Regulations 2014, reg 34(1)",
    ),
    LawEntry(
        Law.MEDIATION_ARRANGED,
        "When told that the parent or young person wants mediation, the council must arrange "
        "it within 30 days; if it cannot, the mediation adviser must issue the certificate.",
        "SEND Regulations 2014, reg 37",
    ),
    LawEntry(
        Law.MEDIATION_CERTIFICATE_AFTER,
        "After mediation, the mediation adviser must issue the certificate within 3 working "
        "days of the mediation ending.",
        "SEND Regulations 2014, reg 39",
    ),
    LawEntry(
        Law.WHO_APPEALS,
        "Only the parent (of a child) or the young person can appeal to the Tribunal or hold a "
        "mediation certificate. Anyone else who helps them, such as an advocate, acts as "
        "their representative.",
        "Children and Families Act 2014, s.51(1) and s.55",
    ),
    LawEntry(
        Law.RIGHT_OF_APPEAL,
        "The parent or young person may appeal to the First-tier Tribunal (Special Educational "
        "Needs and Disability) against this decision.",
        "Children and Families Act 2014, s.51(2)",
    ),
    LawEntry(
        Law.APPEAL_TIME_LIMIT,
        "The appeal must reach the Tribunal within 2 months of the date the decision letter "
        "was sent, or within 1 month from the date the mediation certificate was issued, "
        "whichever is later.",
        "Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008, r.20(1)(c)",
    ),
    LawEntry(
        Law.APPEAL_BY_5PM,
        "Anything the Tribunal Rules require to be done on or by a particular day must be "
        "done by 5pm on that day.",
        "Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008, r.12(1)",
    ),
    LawEntry(
        Law.APPEAL_NON_WORKING_DAY,
        "If the time for appealing ends on a day from 25 December to 1 January, or on any "
        "day in August, the appeal is in time if it arrives on the first working day after 1 "
        "January or 31 August. Otherwise, if the time ends on a day that is not a working "
        "day, the appeal is in time if it arrives on the next working day.",
        "Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008, r.12(2) and "
        "r.12(3)(a)",
    ),
    LawEntry(
        Law.LATE_APPEAL,
        "The Tribunal can extend the time for appealing. An appeal sent late must include a "
        "request to extend time and the reasons why it was not sent in time. The Tribunal may "
        "refuse.",
        "Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008, r.5(3)(a) and r.20(4)",
    ),
    LawEntry(
        Law.TRIBUNAL_ORDER_ASSESS,
        "When the Tribunal orders an assessment or a re-assessment, the council must tell the "
        "parent or young person within 2 weeks of the order that it will carry it out. Where "
        "the council told the Tribunal it would not oppose the appeal, the 2 weeks run from "
        "that notice.",
        "SEND Regulations 2014, reg 44(2)(b) and reg 45(3)",
        safe_reading=TRIBUNAL_ORDER_READING,
    ),
    LawEntry(
        Law.TRIBUNAL_ORDER_NO_PLAN,
        "If, after an assessment or re-assessment the Tribunal ordered, the council decides "
        "that a plan is not necessary, it must tell the parent or young person, with its "
        "reasons, within 10 weeks of the order.",
        "SEND Regulations 2014, reg 44(2)(b)(i) and reg 45(3A)(a)",
        safe_reading=TRIBUNAL_ORDER_READING,
    ),
    LawEntry(
        Law.TRIBUNAL_ORDER_ASSESS_PLAN,
        "If, after an assessment or re-assessment the Tribunal ordered, the council decides "
        "that a plan is necessary, it must send the finalised plan within 14 weeks of the "
        "order.",
        "SEND Regulations 2014, reg 44(2)(b)(ii) and reg 45(3A)(b)",
        safe_reading=TRIBUNAL_ORDER_READING,
    ),
    LawEntry(
        Law.TRIBUNAL_ORDER_PLAN_DRAFT,
        "When the Tribunal orders the council to make and maintain a plan, the council must "
        "issue a draft plan within 5 weeks of the order.",
        "SEND Regulations 2014, reg 44(2)(c)",
        safe_reading=TRIBUNAL_ORDER_READING,
    ),
    LawEntry(
        Law.TRIBUNAL_ORDER_PLAN_FINAL,
        "When the Tribunal orders the council to make and maintain a plan, the council must "
        "send the finalised plan within 11 weeks of the order.",
        "SEND Regulations 2014, reg 44(2)(c)",
        safe_reading=TRIBUNAL_ORDER_READING,
    ),
    LawEntry(
        Law.TRIBUNAL_ORDER_AMEND,
        "When the Tribunal orders the council to amend the plan, or the council told the "
        "Tribunal it would not oppose an appeal about the plan, the council must issue the "
        "amended plan within 5 weeks.",
        "SEND Regulations 2014, reg 44(2) and reg 45(4)",
        safe_reading=TRIBUNAL_ORDER_READING,
    ),
    LawEntry(
        Law.TRIBUNAL_ORDER_SCHOOL,
        "When the Tribunal orders only a change to the school or college named in the plan, "
        "the council must issue the amended plan within 2 weeks of the order.",
        "SEND Regulations 2014, reg 44(2)",
        safe_reading=TRIBUNAL_ORDER_READING,
    ),
    LawEntry(
        Law.TRIBUNAL_ORDER_CONTINUE,
        "When the Tribunal orders the council to continue to maintain the plan, the council "
        "must do so from the day of the order.",
        "SEND Regulations 2014, reg 44(2)",
        safe_reading=TRIBUNAL_ORDER_READING,
    ),
    LawEntry(
        Law.CEASE_TEST,
        "The council may cease to maintain an EHC plan only if it is no longer responsible "
        "for the child or young person, or it decides that it is no longer necessary for the "
        "plan to be maintained.",
        "Children and Families Act 2014, s.45(1)",
        When(decisions=frozenset({DecisionKind.CEASE_TO_MAINTAIN})),
    ),
    LawEntry(
        Law.CEASE_MAINTAIN_DURING_APPEAL,
        "Where the parent or young person appeals against a decision to cease to maintain the "
        "plan, the council must continue to maintain it until the appeal is decided.",
        "Children and Families Act 2014, s.45(4); SEND Regulations 2014, reg 30",
        When(decisions=frozenset({DecisionKind.CEASE_TO_MAINTAIN})),
        safe_reading="s.45(4) as explained in the Act's explanatory notes (para 247); the "
        "section's own text was not read. Read as a duty to keep the whole plan, including "
        "its provision, in place until the appeal ends.",
    ),
    # SEND Code of Practice 2015, para 9.200 (as quoted by IPSEA and Bristol's local offer,
    # found with the `search` tool): when deciding whether a young person aged 19 or over no
    # longer needs the provision in the plan, the council must take account of whether the
    # education or training outcomes in the plan have been achieved, and must not cease the
    # plan simply because the young person is 19 or over. The Act's own duty (s.45(3), "aged
    # over 18") is not cited: its text was not read here.
    LawEntry(
        Law.CEASE_OUTCOMES_AT_19,
        "For a young person aged 19 or over, the council must take account of whether the "
        "education or training outcomes in the plan have been achieved before deciding that "
        "the plan is no longer needed, and must not stop the plan simply because the young "
        "person is 19 or over.",
        "SEND Code of Practice 2015, para 9.200",
        When(needs_aged_19_or_over=True),
    ),
    LawEntry(
        Law.YOUNG_PERSON_RIGHTS,
        "Once a young person is over compulsory school age, the rights to ask for an "
        "assessment, to receive decisions and to appeal are their own.",
        "Children and Families Act 2014, s.36(1) and s.51(1)",
    ),
    LawEntry(
        Law.ALTERNATIVE_PERSON,
        "Where a young person lacks the mental capacity to take a decision, an alternative "
        "person (such as their parent) acts for them.",
        "SEND Regulations 2014, reg 64",
    ),
    LawEntry(
        Law.RECOMMENDATIONS,
        "When it hears an appeal about the education parts of a plan, the Tribunal can also "
        "make recommendations about the health and social care needs and provision in the "
        "plan. These powers were tried in a national trial from April 2018 to August 2021, "
        "and the government confirmed in July 2021 that they continue. The recommendations "
        "are not binding, but the council and the health services must consider them and "
        "respond.",
        "Special Educational Needs and Disability (First-tier Tribunal Recommendations Power) "
        "Regulations 2017",
        When(decisions=PLAN_DECISIONS | frozenset({DecisionKind.REFUSAL_TO_ISSUE_PLAN})),
        safe_reading="Only appeals under s.51(2)(b) to (f), never a refusal to assess; and not an "
        "appeal only about the school named, which needs no mediation certificate.",
    ),
    # -- re-assessment (issue 14) ------------------------------------------------------------
    # Checked with the `search` tool: the Act's explanatory notes to s.44 (paras 239-240: the
    # council "must carry out a re-assessment if one is requested by the child's parent, the
    # young person or the school, college or other institution that they attend, subject to
    # particular exemptions to be set out in regulations"); the regulations' contents list
    # (reg 24 "Circumstances in which it is not necessary to re-assess", reg 25 "Notification
    # of decision whether it is necessary to re-assess"); reg 27(2) read on legislation.gov.uk
    # (14 weeks of the reg 25(1) notice); and the 2015 amendment of reg 45(3), which names
    # "section 51(2)(a) or (d)" for an assessment or re-assessment, so a refusal to re-assess
    # is appealed under s.51(2)(d). The periods in reg 24-25 (6 months; 15 days) are as Kent
    # County Council, National SENDIASS, Dorset SENDIASS and sen-help state them; the text of
    # regs 24 and 25 themselves was not found in the stored pages.
    LawEntry(
        Law.REASSESSMENT_REQUEST,
        "The council must secure a re-assessment of the education, health care and social "
        "care needs of a child or young person with an EHC plan when the child's parent, the "
        "young person, or their school or college asks for one, except where the regulations "
        "say it need not.",
        "Children and Families Act 2014, s.44(2)",
    ),
    LawEntry(
        Law.REASSESSMENT_REFUSAL_GROUNDS,
        "The council need not re-assess if less than 6 months have passed since the last EHC "
        "needs assessment, or if it decides that a re-assessment is not necessary.",
        "SEND Regulations 2014, reg 24",
        safe_reading="Stated only as the limit on the duty, never as a reason the family "
        "accepts; a refusal is appealable either way (s.51(2)(d)).",
    ),
    LawEntry(
        Law.RIGHT_OF_APPEAL_REASSESSMENT,
        "The parent or young person may appeal to the First-tier Tribunal (Special Educational "
        "Needs and Disability) against a council's decision not to secure a re-assessment "
        "after a request.",
        "Children and Families Act 2014, s.51(2)(d)",
        When(decisions=frozenset({DecisionKind.REFUSAL_TO_REASSESS})),
    ),
    # -- Tribunal orders (issue 14) ----------------------------------------------------------
    # DOMAIN.md 1.4 and the 2015 amendment of reg 45 (SI 2015/359, reg 8, read on
    # legislation.gov.uk): an unopposed appeal's periods run from the date the council told
    # the Tribunal it would not oppose (2 weeks to notify an assessment or re-assessment;
    # 5 weeks for an amended plan).
    LawEntry(
        Law.TRIBUNAL_ORDER_COMPLIANCE,
        "When the Tribunal orders the council to act, the council must do what the order says "
        "within the time limits the regulations set for each kind of order, counted from the "
        "date of the order.",
        "SEND Regulations 2014, reg 44",
        safe_reading="Reg 44(3)'s exceptions to these periods could not be read, so none are "
        "stated and the council is never said to have longer.",
    ),
    LawEntry(
        Law.UNOPPOSED_APPEAL,
        "When the council tells the Tribunal that it will not oppose an appeal, or withdraws "
        "its opposition, the appeal is treated as decided in the family's favour, and the "
        "council must act within the same kinds of time limits, counted from the date it told "
        "the Tribunal.",
        "SEND Regulations 2014, reg 45 (as amended in 2015)",
    ),
    # -- what a decision letter must say (issue 16) ------------------------------------------
    # Read with the `search` tool on legislation.gov.uk: reg 5(3) (revised text), reg 10(3),
    # reg 31(3) and reg 32 (as made), and reg 22(4) (the 2020 point-in-time text), each
    # listing the same four things: the right to appeal, its time limits, the mediation
    # information of reg 32, and the availability of disagreement resolution services and of
    # information and advice about special educational needs. Reg 14(2), reg 22(5) and reg 25
    # were not found in the stored pages: their entries say so, and read them as the same list
    # (DOMAIN.md 1.1 and 1.4), which is what councils' own pages (Essex, Waltham Forest, Kent)
    # and SENDIASS guides say they send. journeys.rules.decision_letter checks a letter
    # against these entries.
    LawEntry(
        Law.NO_PLAN_NOTICE_CONTENTS,
        "A decision, after an EHC needs assessment, not to issue an EHC plan must give the "
        "reasons, the right to appeal and its time limits, the information about mediation, "
        "and where to find disagreement resolution services and information and advice about "
        "special educational needs.",
        "Children and Families Act 2014, s.36(9); SEND Regulations 2014, reg 10(3)",
        When(decisions=frozenset({DecisionKind.REFUSAL_TO_ISSUE_PLAN})),
        safe_reading="Reg 10(3) was read (as made). The duty in s.36(9) to give reasons was "
        "not read; reg 45(3A)(a) (read) requires reasons for the same decision after an "
        "unopposed appeal, and the Code asks for them, so a letter without reasons is treated "
        "as missing them.",
    ),
    LawEntry(
        Law.FINAL_PLAN_NOTICE_CONTENTS,
        "When the council sends a final EHC plan, or a final amended plan, it must tell the "
        "parent or young person of the right to appeal about the plan and its time limits, "
        "the information about mediation, and where to find disagreement resolution services "
        "and information and advice about special educational needs.",
        "SEND Regulations 2014, reg 14(2) and reg 22(5)",
        When(decisions=frozenset({DecisionKind.PLAN_CONTENTS, DecisionKind.PLACEMENT_ONLY})),
        safe_reading="The text of reg 14(2) and reg 22(5) was not found. Reg 45(3A)(b) (read) "
        "names the sending of the finalised plan \u201cunder regulation 14(2)\u201d, and "
        "summaries of reg 14 and reg 22(5) say the notice must give the appeal and mediation "
        "information; the list is read as the same as reg 5(3), 10(3) and 31(3). No reasons "
        "are required: the plan is the decision.",
    ),
    LawEntry(
        Law.NOT_AMEND_NOTICE_CONTENTS,
        "A decision, after a review, not to amend the EHC plan must give the reasons, the "
        "right to appeal and its time limits, the information about mediation, and where to "
        "find disagreement resolution services and information and advice about special "
        "educational needs.",
        "SEND Regulations 2014, reg 22(4) and (5)",
        When(decisions=frozenset({DecisionKind.REFUSAL_TO_AMEND})),
        safe_reading="Reg 22(4) (read) requires the decision and its reasons. The text of "
        "reg 22(5) was not found; the appeal and mediation information is read as the same "
        "list as reg 31(3), as Essex County Council's and sen-help's guides state it.",
    ),
    LawEntry(
        Law.CEASE_NOTICE_CONTENTS,
        "A decision to cease to maintain an EHC plan must give the right to appeal and its "
        "time limits, the information about mediation, and where to find disagreement "
        "resolution services and information and advice about special educational needs.",
        "SEND Regulations 2014, reg 31(3)",
        When(decisions=frozenset({DecisionKind.CEASE_TO_MAINTAIN})),
        safe_reading="Reg 31 was read as made. It does not list reasons, so a letter without "
        "them is not said to break reg 31 (the family may still ask for them).",
    ),
    LawEntry(
        Law.REASSESSMENT_NOTICE_CONTENTS,
        "A decision not to re-assess must give the right to appeal and its time limits, the "
        "information about mediation, and where to find disagreement resolution services and "
        "information and advice about special educational needs.",
        "SEND Regulations 2014, reg 25",
        When(decisions=frozenset({DecisionKind.REFUSAL_TO_REASSESS})),
        safe_reading="The text of reg 25 was not found in the stored pages. A refusal to "
        "re-assess is appealable (s.51(2)(d)) and needs a mediation certificate like a refusal "
        "to assess, so the notice is read as needing the same information as reg 5(3).",
    ),
    LawEntry(
        Law.MEDIATION_NOTICE_INFORMATION,
        "The information about mediation is: the right to ask for mediation; that a mediation "
        "certificate is needed before appealing; the contact details of the mediation adviser "
        "to contact for it; the time limits for asking for mediation; that the parent or young "
        "person must tell the council if they want mediation, and what about; and who to "
        "contact at the council to arrange it.",
        "SEND Regulations 2014, reg 32",
    ),
    # -- the Tribunal's limits on bundles (issue 16) -----------------------------------------
    # Practice Direction No. 1 of 2025 (Senior President of Tribunals, First-tier Tribunal,
    # Health, Education and Social Care Chamber), for final hearings listed after 15 July 2025.
    # The Direction itself was not in the stored pages; its figures were checked with the
    # `search` tool against Birkett Long (25 April 2025), Enable Law, Education Law Advice
    # (21 May 2025), Russell-Cooke (experts), specialeducationalneeds.co.uk (chronological
    # order, SEND7) and Local Government Lawyer. They agree on every figure below; none
    # disagreed, so no lower figure had to be chosen.
    LawEntry(
        Law.BUNDLE_EVIDENCE_LOWER,
        "Each party's evidence is limited to 75 pages in an appeal against a refusal to assess "
        "or re-assess, an appeal about the school or college in section I, an appeal against a "
        "decision to cease the plan, and a request for recommendations about health and social "
        "care.",
        "Practice Direction No. 1 of 2025 (First-tier Tribunal, HESC Chamber), Schedule One",
        figure=75,
        safe_reading="Where the decision does not say which sections of the plan are in "
        "dispute (a refusal to amend after a review), the product uses this lower limit: a "
        "pack within it complies whichever limit applies.",
    ),
    LawEntry(
        Law.BUNDLE_EVIDENCE_HIGHER,
        "Each party's evidence is limited to 100 pages in an appeal against a refusal to issue "
        "a plan, and in an appeal about sections B and F of the plan (with or without "
        "section I).",
        "Practice Direction No. 1 of 2025 (First-tier Tribunal, HESC Chamber), Schedule One",
        figure=100,
        safe_reading="Summaries give \u201cSection B and/or Section F: 100 pages\u201d and "
        "\u201cSection I: 75 pages\u201d; an appeal about B or F that also disputes "
        "section I is read as 100.",
    ),
    LawEntry(
        Law.BUNDLE_WORKING_DOCUMENT,
        "The working document must not be longer than 25 pages of A4.",
        "Practice Direction No. 1 of 2025 (First-tier Tribunal, HESC Chamber)",
        figure=25,
    ),
    LawEntry(
        Law.BUNDLE_EXPERT_REPORT,
        "An expert's report must not be longer than 15 pages of A4, including its summary.",
        "Practice Direction No. 1 of 2025 (First-tier Tribunal, HESC Chamber)",
        figure=15,
    ),
    LawEntry(
        Law.BUNDLE_EXPERT_SUMMARY,
        "An expert's report must begin with a summary of no more than 2 pages of A4.",
        "Practice Direction No. 1 of 2025 (First-tier Tribunal, HESC Chamber)",
        figure=2,
    ),
    LawEntry(
        Law.BUNDLE_WITNESS_STATEMENT,
        "A witness statement must not be longer than 10 pages of A4, not counting its "
        "exhibits, unless a note explains why it needs to be.",
        "Practice Direction No. 1 of 2025 (First-tier Tribunal, HESC Chamber)",
        figure=10,
    ),
    LawEntry(
        Law.BUNDLE_FORMAT,
        "Statements and reports must be typed in a font of at least 12 points, in numbered "
        "paragraphs, and evidence is put in date order.",
        "Practice Direction No. 1 of 2025 (First-tier Tribunal, HESC Chamber)",
        figure=12,
    ),
    LawEntry(
        Law.BUNDLE_MORE_PAGES,
        "To send more pages than the limit, a party must ask the Tribunal first, with a "
        "request for change (form SEND7) explaining why the extra pages are needed, after "
        "sending it to the other party. A bundle that does not comply can be rejected, and "
        "the hearing date can be lost.",
        "Practice Direction No. 1 of 2025 (First-tier Tribunal, HESC Chamber)",
        safe_reading="The SEND7 steps (copy to the council, 5 days for its reply) are as "
        "SEND Advice Surrey's guide states them.",
    ),
    # -- the working document's key (issue 16) -----------------------------------------------
    # The Tribunal's guidance "SEN appeals: writing the working document" (SEND23, GOV.UK)
    # asks the parties to mark their changes with a key. SEND23's own text was not in the
    # stored pages (only its GOV.UK summary); the key was read, word for word the same, in
    # IPSEA's "The working document" and Essex SENDIASS's "What is a working document?" (which
    # calls it "a suggested key the tribunal ask you to use (make sure you include this)"),
    # and SEND Advice Surrey prints the same table.
    LawEntry(
        Law.WORKING_DOCUMENT_KEY,
        "The Tribunal asks both parties to mark their changes to the working document with "
        "its key: the plan's own wording in normal type; the parent's proposed additions in "
        "bold, and the parent's proposed deletions in bold struck through; the council's "
        "proposed additions in italics, and its proposed deletions in italics struck through; "
        "changes both agree underlined.",
        "First-tier Tribunal (SEND), SEN appeals: writing the working document (SEND23), "
        "key for amendments",
        safe_reading="SEND23's own text could not be read; IPSEA, Essex SENDIASS and SEND "
        "Advice Surrey give the same key and say the Tribunal asks for it, so that key is "
        "followed. One advocacy glossary (Beaakon) describes yellow and blue highlighting "
        "instead; colour is not the Tribunal's key, is lost in black-and-white printing and "
        "cannot be seen by everyone, so it is not used. The document prints the key, as "
        "Essex SENDIASS advises.",
    ),
    # The witness statement (issue 16 item 3). The Practice Direction's summaries (the
    # specialeducationalneeds.co.uk "What witnesses need to know" page, checked with the
    # `search` tool) say statements are in numbered paragraphs, in 12-point type, within 10
    # pages, and that the bundle holds copies of originals signed and dated.
    LawEntry(
        Law.WITNESS_STATEMENT_SIGNED,
        "A witness statement must be signed and dated by the witness; the bundle holds a copy "
        "of the signed original.",
        "Practice Direction No. 1 of 2025 (First-tier Tribunal, HESC Chamber)",
    ),
    LawEntry(
        Law.WITNESS_STATEMENT_OF_TRUTH,
        "I believe that the facts stated in this witness statement are true.",
        "Civil Procedure Rules, Practice Direction 22, para 2.1",
        safe_reading="No wording of the Tribunal's own for a witness's statement of truth "
        "was found in the stored pages (GOV.UK's \u201cSEND Tribunal: if you're asked to be a "
        "witness\u201d asks for full, frank and honest evidence; the Practice Direction asks for "
        "a signed and dated statement). The product uses the wording the civil courts require "
        "of a witness statement, which says only that the witness believes the facts are "
        "true; the courts' further warning about contempt of court is left out, as it belongs "
        "to court proceedings.",
    ),
)

LAW: dict[Law, LawEntry] = {entry.key: entry for entry in ENTRIES}


def entry(key: Law) -> LawEntry:
    """The entry for `key` (every Law member has exactly one; a test walks them)."""
    return LAW[key]


def applies(key: Law, situation: Situation) -> bool:
    """Whether the law named `key` applies in `situation` (its `When` conditions hold)."""
    return LAW[key].when.matches(situation)


def entries_for(situation: Situation) -> tuple[LawEntry, ...]:
    """Every entry that applies in `situation`, in the order of ENTRIES."""
    return tuple(item for item in ENTRIES if item.when.matches(situation))


def aged_19_or_over(born: date | None, on: date) -> bool:
    """Whether someone born on `born` is 19 or over on `on` (False when not known): the age at
    which the SEND Code of Practice 2015, para 9.200 asks about outcomes before ceasing."""
    if born is None:
        return False
    had_birthday = (on.month, on.day) >= (born.month, born.day)
    return on.year - born.year - (0 if had_birthday else 1) >= 19


def school_law(kind: SchoolKind | None) -> LawEntry | None:
    """The law a request to name a school is argued under: s.39 for the kinds s.38(3) lists,
    s.9 Education Act 1996 for any other independent school; None when the kind is not known
    (then a letter asks for the school without arguing either)."""
    if kind is None:
        return None
    return LAW[Law.NAME_SCHOOL_S39] if kind in S38_3_KINDS else LAW[Law.NAME_SCHOOL_S9]


def cite(key: Law) -> str:
    """`key`'s citation, as a letter writes it in brackets."""
    return LAW[key].citation


def cite_all(*keys: Law) -> str:
    """The citations of `keys` in order, joined with "; ", naming an instrument once where
    consecutive citations share it: "Tribunal ... Rules 2008, r.20(1)(c); r.12(2) and
    r.12(3)(a)". Used where one date rests on more than one provision (the appeal deadline)."""
    parts: list[str] = []
    previous = ""
    for key in keys:
        instrument, _, provision = LAW[key].citation.rpartition(", ")
        parts.append(provision if instrument == previous else LAW[key].citation)
        previous = instrument
    return "; ".join(parts)


# The law behind each deadline the engine computes (journeys.rules.deadlines.RuleId values),
# so the timeline, the chaser and reminders state the duty in the same words. Where one rule id
# covers more than one provision (the mediation certificate: reg 34(1) or reg 39; the phase
# transfer: reg 18(1)(b), 18(1)(a) or 18(2)), this names the usual one and each computed
# `Deadline.law` names the exact one: read that when a deadline is at hand.
RULE_LAW: dict[str, Law] = {
    "decide_whether_to_assess": Law.DECIDE_WHETHER_TO_ASSESS,
    "notify_no_plan": Law.NOTIFY_NO_PLAN,
    "final_plan": Law.FINAL_PLAN,
    "draft_plan_representations": Law.DRAFT_PLAN_REPRESENTATIONS,
    "mediation_certificate": Law.MEDIATION_CERTIFICATE_ONLY,
    "mediation_by": Law.MEDIATION_ARRANGED,
    "appeal_deadline": Law.APPEAL_TIME_LIMIT,
    "annual_review": Law.ANNUAL_REVIEW,
    "review_decision": Law.REVIEW_DECISION,
    "phase_transfer_plan": Law.PHASE_TRANSFER_SCHOOL,
    "amendment_representations": Law.AMENDMENT_REPRESENTATIONS,
    "amended_plan_final": Law.AMENDED_PLAN_FINAL,
    "decide_whether_to_reassess": Law.REASSESSMENT_DECISION,
    "reassessment_final_plan": Law.REASSESSMENT_FINAL_PLAN,
    "tribunal_order_compliance": Law.TRIBUNAL_ORDER_AMEND,
    "provision_complaint_escalation": Law.PROVISION_COMPLAINT,
    "judicial_review_limit": Law.JUDICIAL_REVIEW_TIME_LIMIT,
}


def has_exceptions(key: Law) -> bool:
    """Whether the duty has exceptions that can allow longer (only the 6, 16 and 20 weeks)."""
    return bool(LAW[key].exceptions)


def appeal_deadline_citation() -> str:
    """Everything an appeal deadline "by 5pm on ..." rests on, cited once: the time limit
    (r.20(1)(c)), the roll-forward (r.12(2), r.12(3)(a)) and the 5pm rule (r.12(1))."""
    return cite_all(Law.APPEAL_TIME_LIMIT, Law.APPEAL_NON_WORKING_DAY, Law.APPEAL_BY_5PM)


# Act s.51(2): the paragraph that gives the right of appeal against each decision.
APPEAL_RIGHT: dict[DecisionKind, str] = {
    DecisionKind.REFUSAL_TO_ASSESS: "51(2)(a)",
    DecisionKind.REFUSAL_TO_ISSUE_PLAN: "51(2)(b)",
    DecisionKind.PLAN_CONTENTS: "51(2)(c)",
    DecisionKind.PLACEMENT_ONLY: "51(2)(c)",
    DecisionKind.REFUSAL_TO_REASSESS: "51(2)(d)",
    DecisionKind.REFUSAL_TO_AMEND: "51(2)(e)",
    DecisionKind.CEASE_TO_MAINTAIN: "51(2)(f)",
}


def appeal_right_phrase(kind: DecisionKind) -> str:
    """'section 51(2)(a) of the Children and Families Act 2014': the right to appeal `kind`."""
    return f"section {APPEAL_RIGHT[kind]} of the Children and Families Act 2014"
