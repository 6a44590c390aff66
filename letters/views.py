import uuid

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from ehcp_site.ratelimit import rate_limited
from journeys.cases.selectors import Need, case_access_or_404
from journeys.cases.services import case_audit, case_extras_for
from letters.context import MissingCaseData
from letters.registry import REGISTRY, LetterKind
from letters.services import FORMATS, LETTER_TEXT_LIMIT, LetterTooLong, letter_render

# Characters of letter text on one printed page (letters/services.py: some 3,800).
CHARACTERS_A_PAGE = 3_800


@require_GET
@rate_limited(scope="letters", key="user_or_ip", rate="30/m", methods=("GET",))
def letter_download(request, case_id: uuid.UUID, kind: str, fmt: str) -> HttpResponse:
    """Download one letter of a case the requester may see (404 for anyone else).

    A letter the case cannot make (its builder refuses with MissingCaseData, such as reasons
    for appeal for a case with no decision) does not exist for that case: 404, not 500. A
    letter too long to make into a PDF or Word file (LetterTooLong) does exist: it gets a page
    that says so and what the family can do, with status 422 (Unprocessable Content): the
    request was understood but this case's letter cannot be made in that format. Not 404 (the
    letter exists, and its web page version can be had), not 413 (the request is a few bytes;
    413 would tell a client to send less), and not 200 (a browser or script following a
    download link would keep the page as if it were the PDF). The
    file name may hold any letter of the child's name ("Łucja"): Django's
    content_disposition_header gives such a name as RFC 6266 filename*=utf-8''...
    """
    access = case_access_or_404(request, case_id, need=Need.READ)
    case = access.case
    if kind not in {k.value for k in LetterKind} or fmt not in FORMATS:
        raise Http404("No such letter for a case you can see")
    try:
        letter = letter_render(
            kind=kind,
            case_file=case.case_file,
            fmt=fmt,
            extras=case_extras_for(case, request.GET.get("journey")),
            use_cache=settings.LETTER_FILE_CACHE,
            case_id=case.id,
        )
    except LetterTooLong as too_long:
        return _too_long(request, case, kind, fmt, too_long)
    except MissingCaseData as refused:
        raise Http404("This letter cannot be written from this case yet") from refused
    case_audit(
        access=access,
        user=request.user,
        action="downloaded",
        detail=f"{REGISTRY[LetterKind(kind)].title} ({fmt.upper()})",
    )
    response = HttpResponse(letter.content, content_type=letter.content_type)
    response["Content-Disposition"] = content_disposition_header(True, letter.filename)
    response["Cache-Control"] = "private, no-store"
    return response


def _too_long(request, case, kind: str, fmt: str, refused: LetterTooLong) -> HttpResponse:
    """The page for a letter too long to make into a file (status 422: see letter_download)."""
    journey = request.GET.get("journey") or ""
    response = render(
        request,
        "letters/too_long.html",
        {
            "case": case,
            "kind": kind,
            "title": REGISTRY[LetterKind(kind)].title,
            "format_name": "Word document" if fmt == "docx" else "PDF",
            "pages": -(-refused.length // CHARACTERS_A_PAGE),
            "most_pages": LETTER_TEXT_LIMIT // CHARACTERS_A_PAGE,
            "journey": journey,
        },
        status=422,
    )
    response["Cache-Control"] = "private, no-store"
    return response
