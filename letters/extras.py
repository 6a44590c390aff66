"""What the stage journeys (issue 4) tell a letter beyond the case file.

The case file (docs/case-format.md) is a fixed contract: unknown keys are an error, so a
parent's answer to each of the council's reasons, the wording they want in a plan, or their
witnesses cannot live in it. Journeys keep those answers as *extras*, saved beside the case
file (journeys.models.Case.extras), and pass them to a letter's context builder. A letter
built from a case file alone (`render_letter KIND --case FILE`) gets no extras and must still
read well: every key below is optional, and builders fall back to what the case file says.

Shapes, as TypedDicts (total=False: any key may be missing). Dates are ISO strings.
"""

from __future__ import annotations

from typing import TypedDict


class ReasonResponse(TypedDict, total=False):
    reason: str  # one of the council's reasons, as in decision.reasons_given
    response: str  # the parent's answer to it, in their own words


class PlanFix(TypedDict, total=False):
    section: str  # "B" (needs described vaguely) or "F" (provision); "I" is not asked yet
    original: str  # the sentence from the plan, as the parent pasted it
    flags: list[str]  # wording-checker flag codes, e.g. ["vague:access to", "no_frequency"]
    proposed: str  # the specific wording the parent wants instead


class Witness(TypedDict, total=False):
    name: str
    role: str  # e.g. "class teacher", "independent speech and language therapist"
    evidence: str  # what they will say


class MediationExtras(TypedDict, total=False):
    wants_mediation: bool  # False: the parent wants only the certificate
    issues: list[str]  # the issues for mediation, in the parent's words
    adviser_name: str  # the mediation service or adviser, if known


class AppealExtras(TypedDict, total=False):
    late: bool  # the appeal is outside the time limit
    late_reason: str  # why, in the parent's words
    grounds: list[str]  # further points in dispute, beyond the council's reasons
    witnesses: list[Witness]
    health_or_care: bool  # the parent's answers touch health or social care needs


class DecisionLetterCheck(TypedDict, total=False):
    """Extras `decision_letter` (issue 16): what the decision-letter check found, saved by the
    parent from the check page (journeys.cases.services.case_letter_check_save)."""

    kind: str  # the decision the letter notified (DecisionKind value)
    date: str  # the case's decision.date when it was saved: a check of another letter is stale
    missing: list[str]  # journeys.rules.decision_letter.LetterItem values


class ReviewOutcome(TypedDict, total=False):
    outcome: str  # an outcome from section E, as the family wrote it
    on_track: str  # "yes" | "partly" | "no"
    comment: str


class ReviewExtras(TypedDict, total=False):
    """The annual review journey: the family's contribution, and what happened after."""

    meeting_date: str  # this year's review meeting (ahead, or held); absent when not known
    meeting_held: bool
    gone_well: str
    not_gone_well: str
    outcomes: list[ReviewOutcome]
    provision_delivered: str  # what help was actually given, in the family's words
    changes: dict[str, str]  # "B" / "F" / "I": what should change in that section
    decision: str  # "keep" | "amend" | "cease" | "not_told" (after the meeting only)


class CeaseExtras(TypedDict, total=False):
    stage: str  # "considered" (cease_considered) | "decided" (decision_to_cease)
    reasons: list[str]  # the council's reasons (a proposal has no decision.reasons_given)
    # Young person aged 19 or over (Code 9.200): what the council said about the outcomes:
    # "achieved" | "not_achieved" | "not_said".
    outcomes_said: str


class ChildVoice(TypedDict, total=False):
    """The child's own voice (Children and Families Act 2014 s.19), from the optional voice
    pages of any journey (journeys/forms/voice.py). Printed by letters/voice.py only as given."""

    source: str  # VoiceSource: own_words | as_heard | could_not_tell
    views: str  # what the child says, in their words or as the parent heard them
    how_we_know: str  # for a child who could not tell us in words: how the family knows
    strengths: str  # what the child is good at and enjoys
    hopes: str  # what the child hopes for


class Adulthood(TypedDict, total=False):
    """Preparing for adulthood (SEND Code of Practice 2015, chapter 8), asked from Year 9.
    Keys are AdulthoodArea values; each is what the family said about that area."""

    employment: str
    independent_living: str
    community: str
    health: str


class Extras(TypedDict, total=False):
    reason_responses: list[ReasonResponse]
    what_changed: str  # new evidence, or what the council did not weigh
    outcome_sought: str  # what the parent wants the council or Tribunal to do
    plan_fixes: list[PlanFix]
    meeting_requested: bool  # draft plan: the parent asks for a meeting
    personal_budget_requested: bool  # draft plan: the parent asks for a personal budget (s.49)
    mediation: MediationExtras  # refusal journey too: wants_mediation, as the parent chose
    appeal: AppealExtras
    # Refusal to issue a plan: the parent confirmed that the professional advice describes
    # provision beyond what the school can provide from its own resources (True), or said it
    # does not (False). Absent when not asked or "not sure": the letter must not say it.
    advice_beyond_school_resources: bool
    # Issue 14 (shapes below): the phase transfer, re-assessment and Tribunal orders journeys.
    transfer: TransferExtras
    reassessment: ReassessmentExtras  # the refused branch also sets reason_responses, appeal
    tribunal: TribunalExtras
    review: ReviewExtras  # annual review journey (issue 14)
    amendments_wanted: str  # proposed amendments: other changes the family asks for
    cease: CeaseExtras  # ceasing journey
    # Any journey with the voice pages (issue 14). An empty mapping: the pages were asked and
    # left blank, which clears what an earlier journey kept.
    child_voice: ChildVoice
    adulthood: Adulthood
    enforce: EnforceExtras  # the not-delivered journey (issue 15)
    # Issue 16: not journeys but case pages (journeys/evidence/views.py), each kept under its
    # own key in Case.extras ("witness-statement", "send7").
    witness_statement: WitnessStatementExtras
    send7: MorePagesExtras


# -- issue 14: the rest of a plan's life ------------------------------------------------------


class TransferExtras(TypedDict, total=False):
    why: str  # why the school or college suits the child, in the family's words


class ReassessmentChanges(TypedDict, total=False):
    # What has changed since the last assessment, in the family's words (each optional).
    needs: str
    setting: str
    diagnoses: str
    advice: str


class ReassessmentExtras(TypedDict, total=False):
    changes: ReassessmentChanges


class TribunalExtras(TypedDict, total=False):
    unopposed: bool  # the council told the Tribunal it would not oppose the appeal (reg 45)
    order_text: str  # what the order said, in the family's words


# -- issue 15: enforcing the plan ---------------------------------------------------------------


class EnforceExtras(TypedDict, total=False):
    """The not-delivered journey's answers (journeys/wizard/enforcement_cases.py)."""

    step: str  # complaint | ombudsman | pre_action | mediation_agreement | tribunal_order
    sections: list[str]  # the plan's sections the family complains about: F, G, H
    since: str  # ISO date: the shortfall is counted from here
    start_by: str  # ISO date: when the provision must start
    compensatory: str  # the compensatory provision asked for, in the family's words
    icb_name: str  # the integrated care board, for health provision (section G)
    complaint_date: str  # ISO: the complaint to the council
    complaint_reference: str
    reply_working_days: int  # the complaints procedure's period (20 when not known)
    answered: bool  # the council gave its final answer
    response_date: str
    response_said: str
    letter_date: str  # ISO: when the family sends this letter (Ombudsman, pre-action)
    adr: bool  # pre-action: willing to settle without a claim (ADR)
    information_sought: str  # pre-action: documents and information asked for
    agreement_date: str  # mediation agreement
    agreement_requires: str  # an order kind (TribunalOrder) or "other"
    agreement_text: str  # what the agreement says, in the family's words
    agreed_by: str  # ISO: a different timescale agreed in writing (reg 42(5))


# -- issue 16: documents for the Tribunal bundle ----------------------------------------------


class WitnessStatementSections(TypedDict, total=False):
    # The witness's own words; each line is a numbered paragraph (letters.tribunal_documents).
    about: str
    needs: str
    support: str
    outcome: str


class WitnessStatementExtras(TypedDict, total=False):
    name: str  # the witness
    relationship: str  # who they are to the child, in the family's words: "Sam's mother"
    appeal_number: str  # the Tribunal's, if they have it
    sections: WitnessStatementSections


class PackDocumentAnswer(TypedDict, total=False):
    title: str
    author: str
    date: str  # ISO
    pages: int | None
    why: str  # the family's one line; "" for a document within the limit


class MorePagesExtras(TypedDict, total=False):
    file_ids: list[str]  # the documents chosen when the request was saved
    pages: int  # the pack's pages, index included
    limit: int
    documents: list[PackDocumentAnswer]
