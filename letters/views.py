import uuid

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from journeys.selectors import case_get_for_session
from letters.registry import LetterKind
from letters.services import FORMATS, letter_render


@require_GET
def letter_download(request, case_id: uuid.UUID, kind: str, fmt: str) -> HttpResponse:
    """Download one letter of a case the requester may see (404 for anyone else)."""
    case = case_get_for_session(session=request.session, case_id=case_id)
    if case is None or kind not in {k.value for k in LetterKind} or fmt not in FORMATS:
        raise Http404("No such letter for a case you can see")
    letter = letter_render(kind=kind, case_file=case.case_file, fmt=fmt, extras=case.extras)
    response = HttpResponse(letter.content, content_type=letter.content_type)
    response["Content-Disposition"] = f'attachment; filename="{letter.filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
