"""The support workers' side: an organisation's caseload (dashboard, filters, pages), notes,
assignment, review, and its members.

Lives here: `selectors` (who may see an organisation, its caseload page and filters, notes),
`services` (notes, assigning, reviewing, members), `forms`, `views` and `urls` (included from
ehcp_site/urls.py). A case's stage and deadline in words are `journeys.cases.labels`, shared
with the parent's case list. Whether someone may see one case is decided in
`journeys.cases.selectors`, not here.

May import: `journeys.cases`, `journeys.forms`, `journeys.models`, `journeys.rules`.
Imported by: ehcp_site/urls.py (its urls) only. Never by `cases`, `wizard`, `sharing` or
`jobs`.
"""
