"""The two checks on a case (issue 16): the council's decision letter against what the law
says it must contain, and the case's evidence against each need and point in dispute.

Both are reads: anyone who may read the case may use them (the selector decides). The pasted
letter is checked and shown back, never stored; the parent alone may keep what the check
found (the missing items' codes) for their reasons for appeal. The rules are
pure (journeys.rules.decision_letter, journeys.rules.evidence_gaps); these views only parse,
call them and render.
"""

from __future__ import annotations

import uuid

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from journeys.cases.forms import DecisionLetterForm
from journeys.cases.selectors import CaseAccess, Need, case_access_or_404
from journeys.cases.services import case_audit, case_extras_for, case_letter_check_save
from journeys.rules.decision_letter import check_decision_letter
from journeys.rules.evidence_gaps import evidence_gaps
from journeys.rules.vocabulary import DecisionKind
from journeys.templatetags.govuk import error_summary


def _decision_kind(case_file) -> str:
    decision = case_file.get("decision")
    kind = decision.get("kind") if isinstance(decision, dict) else None
    return kind if kind in DecisionKind._value2member_map_ else ""


def _render_check(
    request, access: CaseAccess, form: DecisionLetterForm, result, *, saved: bool = False
) -> HttpResponse:
    case = access.case
    case_kind = _decision_kind(case.case_file)
    return render(
        request,
        "journeys/check_decision_letter.html",
        {
            "case": case,
            "access": access,
            "child_name": case.case_file["child"]["first_name"],
            "form": form,
            "result": result,
            # The parent may keep the findings for their appeal when the letter checked is
            # about the case's own decision (the reasons for appeal use only that).
            "can_save": access.is_owner and result is not None and result.decision == case_kind,
            "saved": saved,
            "page_errors": error_summary(form),
        },
    )


@require_http_methods(["GET", "POST"])
def case_check_letter_view(request, case_id: uuid.UUID) -> HttpResponse:
    """Paste the decision letter; the page says what the law requires that it lacks."""
    access = case_access_or_404(request, case_id, need=Need.READ)
    if request.method == "GET":
        case_audit(
            access=access, user=request.user, action="viewed", detail="the decision-letter check"
        )
        initial = {"decision_kind": _decision_kind(access.case.case_file)}
        return _render_check(request, access, DecisionLetterForm(initial=initial), None)
    form = DecisionLetterForm(request.POST)
    if not form.is_valid():
        return _render_check(request, access, form, None)
    result = check_decision_letter(
        form.cleaned_data["letter_text"], form.cleaned_data["decision_kind"]
    )
    saved = False
    if "save" in request.POST and result.decision == _decision_kind(access.case.case_file):
        owner = case_access_or_404(request, case_id, need=Need.OWN)
        case_letter_check_save(case=owner.case, check=result)
        saved = True
    return _render_check(request, access, form, result, saved=saved)


def _points_in_dispute(case) -> list[str]:
    """The council's reasons (decision.reasons_given), then the further points the family
    disputes in the appeal journey (extras appeal.grounds)."""
    decision = case.case_file.get("decision")
    reasons = decision.get("reasons_given") if isinstance(decision, dict) else None
    appeal = case_extras_for(case).get("appeal")
    grounds = appeal.get("grounds") if isinstance(appeal, dict) else None
    return [point for point in [*(reasons or ()), *(grounds or ())] if isinstance(point, str)]


@require_GET
def case_evidence_gaps_view(request, case_id: uuid.UUID) -> HttpResponse:
    """For each need and each of the council's reasons: the evidence that speaks to it, and
    what would help where none does."""
    access = case_access_or_404(request, case_id, need=Need.READ)
    case = access.case
    case_audit(access=access, user=request.user, action="viewed", detail="the evidence gaps")
    return render(
        request,
        "journeys/evidence_gaps.html",
        {
            "case": case,
            "access": access,
            "child_name": case.case_file["child"]["first_name"],
            "gaps": evidence_gaps(case.case_file, points=_points_in_dispute(case)),
        },
    )
