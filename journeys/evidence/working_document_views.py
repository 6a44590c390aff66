"""The working document page of a case (issue 16): link each sentence the family asked to
change to the document that supports it, say what section I should say, see the page count
against the Tribunal's 25 pages, and download the document as Word or PDF.

The owner's page, like the evidence pack: cases.selectors.case_access_or_404 (Need.OWN) first.
The pages come from the latest built evidence pack (evidence.selectors), added to the extras
the letter is made from; without a pack, each sentence names its document by title.
"""

from __future__ import annotations

import io
import uuid

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods
from pypdf import PdfReader

from ehcp_site.ratelimit import rate_limited
from journeys.cases.selectors import Need, case_access_or_404
from journeys.cases.services import case_audit, case_extras_for
from journeys.evidence.forms import WorkingDocumentForm
from journeys.evidence.selectors import evidence_pack_latest_index
from journeys.evidence.services import working_document_save
from journeys.rules.bundle import WORKING_DOCUMENT_PAGES
from journeys.templatetags.govuk import error_summary
from letters.context import MissingCaseData
from letters.services import LetterTooLong, letter_render

KIND = "working_document"


def _extras(case) -> dict:
    return {
        **case_extras_for(case),
        "evidence_pack": {"documents": evidence_pack_latest_index(case=case)},
    }


def _render(case, fmt: str):
    return letter_render(
        kind=KIND,
        case_file=case.case_file,
        fmt=fmt,
        extras=_extras(case),
        use_cache=settings.LETTER_FILE_CACHE,
        case_id=case.id,
    )


def _form(case, data=None) -> WorkingDocumentForm:
    extras = case_extras_for(case)
    # The changes the working document marks (letters.working_document: B, F or I, with
    # wording asked for), in the order the plan journey asked about them.
    sentences = [
        (str(fix.get("section")).upper(), fix["original"].strip(), fix["proposed"].strip())
        for fix in extras.get("plan_fixes") or ()
        if isinstance(fix, dict)
        and str(fix.get("section") or "").upper() in ("B", "F", "I")
        and str(fix.get("original") or "").strip()
        and str(fix.get("proposed") or "").strip()
    ]
    section_i = _section_i(case)
    kept = extras.get("working_document") or {}
    links = kept.get("evidence") or {}
    initial = {
        f"evidence_{n}": links.get(original, "") for n, (_, original, _) in enumerate(sentences, 1)
    }
    initial["section_i"] = kept.get("section_i", "")
    initial["section_i_evidence"] = links.get(section_i, "")
    titles = [
        str(item.get("title")) for item in case.case_file.get("evidence", []) if item.get("title")
    ]
    return WorkingDocumentForm(
        data,
        initial=initial,
        sentences=sentences,
        titles=list(dict.fromkeys(titles)),
        section_i=section_i,
    )


@require_http_methods(["GET", "POST"])
@rate_limited(scope="working-document", key="user_or_ip", rate="30/m")
def case_working_document_view(request, case_id: uuid.UUID) -> HttpResponse:
    """The questions (POST saves them and comes back here), the page count, the downloads."""
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    form = _form(case, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        working_document_save(
            case=case,
            evidence=form.links(_section_i(case)),
            section_i=form.cleaned_data.get("section_i", ""),
        )
        return redirect("journeys:working-document", case_id=case.id)
    pages, too_long = None, False
    try:
        pages = len(PdfReader(io.BytesIO(_render(case, "pdf").content)).pages)
    except LetterTooLong:
        too_long = True  # far beyond 25 pages: no file is made (letters.services)
    except MissingCaseData:
        pass  # no plan wording yet: the page says where to paste it
    return render(
        request,
        "evidence/working_document.html",
        {
            "case": case,
            "form": form,
            "pages": pages,
            "too_long": too_long,
            "limit": WORKING_DOCUMENT_PAGES,
            "over_limit": pages is not None and pages > WORKING_DOCUMENT_PAGES,
            "has_pack": bool(evidence_pack_latest_index(case=case)),
            "page_errors": error_summary(form) if form.is_bound else [],
        },
    )


def _section_i(case) -> str:
    return " ".join(((case.case_file.get("plan") or {}).get("sections") or {}).get("I", "").split())


@require_GET
@rate_limited(scope="letters", key="user_or_ip", rate="30/m", methods=("GET",))
def case_working_document_download_view(request, case_id: uuid.UUID, fmt: str) -> HttpResponse:
    access = case_access_or_404(request, case_id, need=Need.OWN)
    case = access.case
    if fmt not in ("pdf", "docx"):
        raise Http404("No such format")
    try:
        letter = _render(case, fmt)
    except MissingCaseData as refused:
        raise Http404("The working document cannot be written from this case yet") from refused
    case_audit(
        access=access,
        user=request.user,
        action="downloaded",
        detail=f"Working document ({fmt.upper()})",
    )
    response = HttpResponse(letter.content, content_type=letter.content_type)
    response["Content-Disposition"] = content_disposition_header(True, letter.filename)
    response["Cache-Control"] = "private, no-store"
    return response
