"""The evidence pages of a case: its documents, adding and deleting one, and the evidence
pack. Each starts with cases.selectors.case_access_or_404 (who may see the case) and looks a
document or pack up within that case (journeys/evidence/selectors.py)."""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods

from ehcp_site.downloads import child_words, download_name
from ehcp_site.ratelimit import rate_limited
from journeys.cases.casefile import CaseFileError
from journeys.cases.selectors import Need, case_access_or_404
from journeys.cases.services import case_audit
from journeys.evidence.forms import (
    EvidenceUploadForm,
    MorePagesForm,
    PackChoiceForm,
    WitnessStatementForm,
    initial_from,
    too_big_message,
)
from journeys.evidence.selectors import (
    evidence_file_content,
    evidence_file_get_or_404,
    evidence_file_list,
    evidence_item_at,
    evidence_items_without_file,
    evidence_pack_content,
    evidence_pack_get_or_404,
    evidence_pack_plan,
    more_pages_answers,
    witness_statement_answers,
    witness_statement_check,
)
from journeys.evidence.services import (
    evidence_file_add,
    evidence_file_delete,
    evidence_pack_request,
    more_pages_save,
    witness_statement_save,
)
from journeys.models import EvidencePack
from journeys.rules.law import Law, entry
from journeys.templatetags.govuk import error_summary

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
# A request this much bigger than one document is refused before its body is read.
FORM_ALLOWANCE = 64 * 1024


@require_GET
def evidence_list_view(request, case_id: uuid.UUID) -> HttpResponse:
    access = case_access_or_404(request, case_id, need=Need.READ)
    case_audit(access=access, user=request.user, action="looked at", detail="the documents")
    return render(
        request,
        "evidence/evidence_list.html",
        {
            "case": access.case,
            "access": access,
            "files": evidence_file_list(case=access.case),
            "waiting": evidence_items_without_file(case=access.case) if access.is_owner else [],
        },
    )


def _item_index(request) -> int | None:
    raw = request.GET.get("item", "")
    return int(raw) if raw.isdigit() and len(raw) < 4 else None


@require_http_methods(["GET", "POST"])
@rate_limited(scope="evidence-upload", key="user_or_ip", rate="60/h")
def evidence_upload_view(request, case_id: uuid.UUID) -> HttpResponse:
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    index = _item_index(request)
    item = evidence_item_at(case=case, index=index)
    if request.method == "POST" and _too_big(request):
        # Said from Content-Length alone: the body (the file) is never read or parsed.
        form = EvidenceUploadForm(prefix="evidence", initial=_prefill(item))
        form.cleaned_data = {}
        form.add_error("document", too_big_message(settings.EVIDENCE_MAX_BYTES))
    elif request.method == "POST":
        form = EvidenceUploadForm(request.POST, request.FILES, prefix="evidence")
        if form.is_valid():
            upload_name, clean = form.cleaned_data["document"]
            try:
                kept = evidence_file_add(
                    case=case,
                    clean=clean,
                    upload_name=upload_name,
                    title=form.cleaned_data["document_title"],
                    author=form.cleaned_data["author"],
                    document_date=form.cleaned_data["date"],
                    evidence_kind=form.cleaned_data["kind"],
                    item_index=index if item is not None else None,
                )
            except CaseFileError:
                form.add_error(
                    "document",
                    "The case cannot list more evidence. Delete a document you no longer "
                    "need, then add this one",
                )
            else:
                messages.success(request, f"We have kept \u201c{kept.title}\u201d with the case.")
                return redirect("journeys:evidence", case_id=case.id)
    else:
        form = EvidenceUploadForm(prefix="evidence", initial=_prefill(item))
    return render(
        request,
        "evidence/evidence_upload.html",
        {"case": case, "form": form, "item": item, "page_errors": error_summary(form)},
    )


def _too_big(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > settings.EVIDENCE_MAX_BYTES + FORM_ALLOWANCE


def _prefill(item: dict | None) -> dict:
    """The upload form filled in from the case file's evidence item."""
    if not item:
        return {}
    initial = {
        "kind": item.get("kind", ""),
        "document_title": item.get("title", ""),
        "author": item.get("author", ""),
    }
    if item.get("date"):
        year, month, day = item["date"].split("-")
        initial["date"] = [str(int(day)), str(int(month)), year]
    return initial


@require_GET
def evidence_download_view(request, case_id: uuid.UUID, file_id: uuid.UUID) -> HttpResponse:
    access = case_access_or_404(request, case_id, need=Need.READ)
    evidence_file = evidence_file_get_or_404(case=access.case, file_id=file_id)
    content = evidence_file_content(evidence_file=evidence_file)
    case_audit(access=access, user=request.user, action="downloaded", detail="a document")
    response = HttpResponse(content, content_type=CONTENT_TYPES[evidence_file.kind])
    response["Content-Disposition"] = content_disposition_header(True, evidence_file.name)
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def evidence_delete_view(request, case_id: uuid.UUID, file_id: uuid.UUID) -> HttpResponse:
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    evidence_file = evidence_file_get_or_404(case=case, file_id=file_id)
    if request.method == "GET":
        return render(
            request, "evidence/evidence_delete.html", {"case": case, "file": evidence_file}
        )
    evidence_file_delete(case=case, evidence_file=evidence_file)
    messages.success(request, f"We have deleted \u201c{evidence_file.title}\u201d.")
    return redirect("journeys:evidence", case_id=case.id)


@require_http_methods(["GET", "POST"])
@rate_limited(scope="evidence-pack", key="user_or_ip", rate="30/h")
def evidence_pack_view(request, case_id: uuid.UUID) -> HttpResponse:
    """Tick documents, see the page count against the limit (a GET: "Count the pages"),
    then build (a POST, which only queues the work)."""
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    files = evidence_file_list(case=case)
    by_id = {str(f.pk): f for f in files}
    data = request.POST if request.method == "POST" else ("count" in request.GET and request.GET)
    form = PackChoiceForm(data or None, files=files, prefix="pack")
    if form.is_bound:
        chosen = form.cleaned_data["documents"] if form.is_valid() else []
    else:  # first visit: every document ticked
        chosen = list(by_id)
        form = PackChoiceForm(initial={"documents": chosen}, files=files, prefix="pack")
    if request.method == "POST" and form.is_valid():
        pack = evidence_pack_request(case=case, files=[by_id[i] for i in chosen])
        return redirect("journeys:evidence-pack-status", case_id=case.id, pack_id=pack.pk)
    return render(
        request,
        "evidence/evidence_pack.html",
        {
            "case": case,
            "form": form,
            "files": files,
            "plan": evidence_pack_plan(case=case, files=[by_id[i] for i in chosen]),
            "page_errors": error_summary(form) if form.is_bound else [],
        },
    )


@require_GET
def evidence_pack_status_view(request, case_id: uuid.UUID, pack_id: uuid.UUID) -> HttpResponse:
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    pack = evidence_pack_get_or_404(case=case, pack_id=pack_id)
    waiting = pack.status in (EvidencePack.Status.QUEUED, EvidencePack.Status.RUNNING)
    return render(
        request,
        "evidence/evidence_pack_status.html",
        {"case": case, "pack": pack, "waiting": waiting, "refresh_seconds": 3},
    )


@require_GET
def evidence_pack_download_view(request, case_id: uuid.UUID, pack_id: uuid.UUID) -> HttpResponse:
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    pack = evidence_pack_get_or_404(case=case, pack_id=pack_id)
    if pack.status != EvidencePack.Status.READY:
        return redirect("journeys:evidence-pack-status", case_id=case.id, pack_id=pack.pk)
    response = HttpResponse(evidence_pack_content(pack=pack), content_type="application/pdf")
    name = download_name(
        [*child_words(case.case_file), "evidence", "pack"],
        on=pack.finished_at.date(),
        extension="pdf",
    )
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["Cache-Control"] = "private, no-store"
    return response


# -- the witness statement (issue 16 item 3) -----------------------------------------------


def _child_name(case) -> str:
    return (case.case_file.get("child") or {}).get("first_name") or "the child"


def _applicant_defaults(case) -> dict[str, str]:
    """The first time: the applicant as the witness, as the case file names them, and what
    the family already wrote about the child's needs (each need's description and impact, a
    line each), for them to keep, change or delete: their own words, nothing added."""
    applicant = case.case_file.get("applicant") or {}
    child = _child_name(case)
    relationship = {"parent": f"{child}'s parent", "carer": f"{child}'s carer"}
    needs = [
        " ".join(part for part in (need.get("description", ""), need.get("impact", "")) if part)
        for need in case.case_file.get("needs") or []
    ]
    return {
        "name": applicant.get("name", ""),
        "relationship": relationship.get(applicant.get("relationship", ""), ""),
        "needs": "\n".join(line for line in needs if line),
    }


@require_http_methods(["GET", "POST"])
def witness_statement_view(request, case_id: uuid.UUID) -> HttpResponse:
    """The witness statement's questions; saving shows its pages before it is printed."""
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    child = _child_name(case)
    if request.method == "POST":
        form = WitnessStatementForm(request.POST, child_name=child, prefix="witness")
        if form.is_valid():
            witness_statement_save(case=case, answers=form.answers())
            return redirect("journeys:witness-statement-ready", case_id=case.id)
    else:
        saved = witness_statement_answers(case=case)
        form = WitnessStatementForm(
            initial=initial_from(saved, **_applicant_defaults(case)),
            child_name=child,
            prefix="witness",
        )
    return render(
        request,
        "evidence/witness_statement.html",
        {
            "case": case,
            "form": form,
            "page_errors": error_summary(form) if form.is_bound else [],
            "law_format": entry(Law.BUNDLE_FORMAT),
            "law_length": entry(Law.BUNDLE_WITNESS_STATEMENT),
        },
    )


@require_GET
@rate_limited(scope="letters", key="user_or_ip", rate="30/m", methods=("GET",))
def witness_statement_ready_view(request, case_id: uuid.UUID) -> HttpResponse:
    """The statement's pages, counted on its real PDF, and too long said before printing."""
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    check = witness_statement_check(case=case)
    if check is None:
        return redirect("journeys:witness-statement", case_id=case.id)
    return render(
        request,
        "evidence/witness_statement_ready.html",
        {
            "case": case,
            "check": check,
            "law_length": entry(Law.BUNDLE_WITNESS_STATEMENT),
            "law_format": entry(Law.BUNDLE_FORMAT),
            "law_signed": entry(Law.WITNESS_STATEMENT_SIGNED),
            "law_truth": entry(Law.WITNESS_STATEMENT_OF_TRUTH),
        },
    )


# -- asking the Tribunal for more pages (form SEND7) ---------------------------------------


@require_http_methods(["GET", "POST"])
def evidence_more_pages_view(request, case_id: uuid.UUID) -> HttpResponse:
    """Over the limit: one line from the family for each document over it, then the text of
    a request for change (form SEND7) to download. The documents are those ticked on the
    pack page (`pack-documents`, as it sends them)."""
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    files = evidence_file_list(case=case)
    by_id = {str(f.pk): f for f in files}
    data = request.POST if request.method == "POST" else request.GET
    chosen = [by_id[i] for i in data.getlist("pack-documents") if i in by_id]
    plan = evidence_pack_plan(case=case, files=chosen)
    saved = more_pages_answers(case=case)
    form = None
    if plan.over_limit:
        initial = {f"why_{d['id']}": d["why"] for d in _saved_reasons(saved)}
        form = MorePagesForm(
            request.POST if request.method == "POST" else None,
            documents=plan.to_drop,
            initial=initial,
        )
        if form.is_bound and form.is_valid():
            more_pages_save(
                case=case, files=chosen, pages=plan.pages, limit=plan.limit, reasons=form.reasons()
            )
            query = urlencode([("pack-documents", f.pk) for f in chosen])
            return redirect(f"{reverse('journeys:evidence-more-pages', args=[case.id])}?{query}")
    return render(
        request,
        "evidence/more_pages.html",
        {
            "case": case,
            "plan": plan,
            "form": form,
            "chosen": chosen,
            "ready": plan.over_limit and saved.get("file_ids") == [str(f.pk) for f in chosen],
            "page_errors": error_summary(form) if form is not None and form.is_bound else [],
            "law_more_pages": entry(Law.BUNDLE_MORE_PAGES),
        },
    )


def _saved_reasons(saved: dict) -> list[dict]:
    """The saved lines, by document id, to fill the form in again."""
    return [
        {"id": file_id, "why": document.get("why", "")}
        for file_id, document in zip(
            saved.get("file_ids") or [], saved.get("documents") or [], strict=False
        )
        if document.get("why")
    ]
