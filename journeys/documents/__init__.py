"""Documents a family keeps with a case: checking and cleaning an upload, keeping it encrypted
in the evidence store, turning it into PDF pages, and building the evidence pack.

Lives here: `checks` (what a file really is, whatever its name says; PDFs re-written
without scripts, embedded files or actions; images re-encoded within decompression-bomb
limits; DOCX refused with macros or as a ZIP bomb), `store` (Django's storage API, the
"evidence" entry of STORAGES, every byte Fernet-encrypted with the family-text keys),
`convert` (a document's PDF: LibreOffice headless for DOCX, img2pdf for images) and `pack`
(one PDF: index first, date order, a running page number on every page, a bookmark each).

Knows nothing of cases, people or permissions: the rooms above (journeys/evidence, and
journeys/cases for export, import and deletion) decide who may store or read what.

May import: `journeys.rules`, ehcp_site's encryption, letters' rendering (the index page).
Imported by: `cases`, `evidence`, the management commands and bench/.
"""
