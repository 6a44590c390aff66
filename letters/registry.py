"""Every kind of letter: its title, template and pure context builder. One entry a kind.

A test walks this registry and renders every kind, so a new kind is covered the day it lands.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from importlib import import_module
from typing import Any

from ehcp_site.downloads import child_words, download_name


class LetterKind(StrEnum):
    REQUEST_ASSESSMENT = "request_assessment"
    LA_MISSED_DEADLINE = "la_missed_deadline"
    RECONSIDERATION_REQUEST = "reconsideration_request"
    MEDIATION_ADVISER = "mediation_adviser"
    MEDIATION_SUMMARY = "mediation_summary"
    DRAFT_PLAN_REPRESENTATIONS = "draft_plan_representations"
    APPEAL_REASONS = "appeal_reasons"
    EVIDENCE_INDEX = "evidence_index"
    APPEAL_CHECKLIST = "appeal_checklist"
    PHASE_TRANSFER_REQUEST = "phase_transfer_request"
    REASSESSMENT_REQUEST = "reassessment_request"
    REVIEW_CONTRIBUTION = "review_contribution"
    AMENDMENT_REPRESENTATIONS = "amendment_representations"
    CEASE_RESPONSE = "cease_response"
    # Issue 15: enforcing the plan.
    PROVISION_COMPLAINT_COUNCIL = "provision_complaint_council"
    PROVISION_COMPLAINT_ICB = "provision_complaint_icb"
    OMBUDSMAN_COMPLAINT = "ombudsman_complaint"
    PRE_ACTION_LETTER = "pre_action_letter"
    MEDIATION_AGREEMENT_CHASER = "mediation_agreement_chaser"
    WORKING_DOCUMENT = "working_document"
    WITNESS_STATEMENT = "witness_statement"
    SEND7_REQUEST = "send7_request"
    DECISION_LETTER_COMPLAINT = "decision_letter_complaint"


@dataclass(frozen=True)
class LetterSpec:
    kind: LetterKind
    title: str
    template: str
    # "module:function", imported when first used: (case_file, *, today, extras=None) ->
    # a frozen dataclass. Builders are pure (no Django); extras: see letters/extras.py.
    builder: str

    @property
    def build(self) -> Callable[..., Any]:
        module, name = self.builder.split(":")
        return getattr(import_module(module), name)

    def filename(
        self, case_file: Mapping[str, Any], extension: str, *, on: date | None = None
    ) -> str:
        """e.g. "request-assessment-Siân-Jones-2026-05-14.pdf" (ehcp_site/downloads.py)."""
        words = [self.kind.value.replace("_", "-"), *child_words(case_file)]
        return download_name(words, on=on, extension=extension)

    def build_context(
        self, case_file: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
    ) -> Any:
        return self.build(case_file, today=today, extras=extras or {})


REGISTRY: dict[LetterKind, LetterSpec] = {
    spec.kind: spec
    for spec in (
        LetterSpec(
            kind=LetterKind.REQUEST_ASSESSMENT,
            title="Request for an EHC needs assessment",
            template="letters/request_assessment.html",
            builder="letters.context:build_request_assessment",
        ),
        LetterSpec(
            kind=LetterKind.LA_MISSED_DEADLINE,
            title="A statutory time limit has passed",
            template="letters/la_missed_deadline.html",
            builder="letters.context:build_la_missed_deadline",
        ),
        LetterSpec(
            kind=LetterKind.RECONSIDERATION_REQUEST,
            title="Request to reconsider your decision",
            template="letters/reconsideration_request.html",
            builder="letters.refusal_letters:build_reconsideration_request",
        ),
        LetterSpec(
            kind=LetterKind.MEDIATION_ADVISER,
            title="Contacting the mediation adviser",
            template="letters/mediation_adviser.html",
            builder="letters.refusal_letters:build_mediation_adviser",
        ),
        LetterSpec(
            kind=LetterKind.MEDIATION_SUMMARY,
            title="Summary for mediation",
            template="letters/mediation_summary.html",
            builder="letters.refusal_letters:build_mediation_summary",
        ),
        LetterSpec(
            kind=LetterKind.DRAFT_PLAN_REPRESENTATIONS,
            title="Comments on the draft EHC plan",
            template="letters/draft_plan_representations.html",
            builder="letters.draft_plan_representations:build_draft_plan_representations",
        ),
        LetterSpec(
            kind=LetterKind.APPEAL_REASONS,
            title="Reasons for appeal",
            template="letters/appeal_reasons.html",
            builder="letters.appeal_reasons:build_appeal_reasons",
        ),
        LetterSpec(
            kind=LetterKind.EVIDENCE_INDEX,
            title="Evidence index",
            template="letters/evidence_index.html",
            builder="letters.evidence_index:build_evidence_index",
        ),
        LetterSpec(
            kind=LetterKind.APPEAL_CHECKLIST,
            title="What to send with your appeal",
            template="letters/appeal_checklist.html",
            builder="letters.appeal_checklist:build_appeal_checklist",
        ),
        LetterSpec(
            kind=LetterKind.PHASE_TRANSFER_REQUEST,
            title="Request to name a school or college for the move",
            template="letters/phase_transfer_request.html",
            builder="letters.transfer_letters:build_phase_transfer_request",
        ),
        LetterSpec(
            kind=LetterKind.REASSESSMENT_REQUEST,
            title="Request for a re-assessment",
            template="letters/reassessment_request.html",
            builder="letters.transfer_letters:build_reassessment_request",
        ),
        LetterSpec(
            kind=LetterKind.REVIEW_CONTRIBUTION,
            title="Contribution to the annual review",
            template="letters/review_contribution.html",
            builder="letters.plan_life_letters:build_review_contribution",
        ),
        LetterSpec(
            kind=LetterKind.AMENDMENT_REPRESENTATIONS,
            title="Comments on the proposed changes to the EHC plan",
            template="letters/amendment_representations.html",
            builder="letters.plan_life_letters:build_amendment_representations",
        ),
        LetterSpec(
            kind=LetterKind.CEASE_RESPONSE,
            title="Response to the proposal to stop the EHC plan",
            template="letters/cease_response.html",
            builder="letters.plan_life_letters:build_cease_response",
        ),
        LetterSpec(
            kind=LetterKind.PROVISION_COMPLAINT_COUNCIL,
            title="Complaint: the provision in the EHC plan is not being made",
            template="letters/provision_complaint_council.html",
            builder="letters.enforcement_letters:build_provision_complaint_council",
        ),
        LetterSpec(
            kind=LetterKind.PROVISION_COMPLAINT_ICB,
            title="Complaint: the health care provision in the EHC plan is not being made",
            template="letters/provision_complaint_icb.html",
            builder="letters.enforcement_letters:build_provision_complaint_icb",
        ),
        LetterSpec(
            kind=LetterKind.OMBUDSMAN_COMPLAINT,
            title="Complaint to the Local Government and Social Care Ombudsman",
            template="letters/ombudsman_complaint.html",
            builder="letters.enforcement_letters:build_ombudsman_complaint",
        ),
        LetterSpec(
            kind=LetterKind.PRE_ACTION_LETTER,
            title="Letter before claim for judicial review",
            template="letters/pre_action_letter.html",
            builder="letters.enforcement_letters:build_pre_action_letter",
        ),
        LetterSpec(
            kind=LetterKind.MEDIATION_AGREEMENT_CHASER,
            title="The mediation agreement has not been carried out",
            template="letters/mediation_agreement_chaser.html",
            builder="letters.enforcement_letters:build_mediation_agreement_chaser",
        ),
        LetterSpec(
            kind=LetterKind.WORKING_DOCUMENT,
            title="Working document",
            template="letters/working_document.html",
            builder="letters.working_document:build_working_document",
        ),
        # Issue 16: documents for the Tribunal bundle, from the pages that ask for them.
        LetterSpec(
            kind=LetterKind.WITNESS_STATEMENT,
            title="Witness statement",
            template="letters/witness_statement.html",
            builder="letters.tribunal_documents:build_witness_statement",
        ),
        LetterSpec(
            kind=LetterKind.SEND7_REQUEST,
            title="Request for more pages of evidence (form SEND7)",
            template="letters/send7_request.html",
            builder="letters.tribunal_documents:build_send7_request",
        ),
        # Issue 16 item 5: from the decision-letter check the family kept.
        LetterSpec(
            kind=LetterKind.DECISION_LETTER_COMPLAINT,
            title="Complaint: the decision letter did not include what the law requires",
            template="letters/decision_letter_complaint.html",
            builder="letters.decision_letter_complaint:build_decision_letter_complaint",
        ),
    )
}


class UnknownLetter(KeyError):
    """A letter kind or file format the registry does not know; args[0] says which."""


def letter_spec(kind: str) -> LetterSpec:
    """Return the spec for `kind`; raise UnknownLetter naming the known kinds."""
    try:
        return REGISTRY[LetterKind(kind)]
    except ValueError:
        known = ", ".join(k.value for k in LetterKind)
        raise UnknownLetter(f"unknown letter kind {kind!r} (known: {known})") from None
