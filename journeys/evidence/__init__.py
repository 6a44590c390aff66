"""Evidence a family keeps with a case, and the evidence pack built from it (issue 16).

Lives here: `selectors` (a case's documents and packs, each looked up within a case the
visitor may see: the object-level check after cases.selectors.case_access_or_404),
`services` (upload, delete, asking for a pack, building one; the `evidence_pack` command
and the background worker call the same `evidence_pack_make`), `planning` (the page count
against the limit and what to consider dropping), `tasks` (the django-tasks task the worker
runs), `forms` and the pages (`views`). Also the witness statement page and the request for
more pages (form SEND7) from the pack page: their answers are kept as case extras, and their
documents are letter kinds (letters/tribunal_documents.py), counted with the one renderer.

May import: `journeys.cases`, `journeys.documents`, `journeys.forms`, `journeys.models`,
`journeys.rules`, and `letters` (the documents it makes and counts). Imported by:
journeys/urls.py, the management commands and bench/.
"""
