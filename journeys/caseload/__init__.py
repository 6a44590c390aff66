"""The support workers' side: an organisation's caseload (dashboard, filters, pages), notes,
assignment, review, and its members.

Lives here: `selectors` (who may see an organisation, its caseload page, notes), `services`
(notes, assigning, reviewing, members), `labels` (the dashboard's deadline windows and
stage wording), `forms`, `views` and `urls` (included from ehcp_site/urls.py). Whether someone
may see one case is decided in `journeys.cases.selectors`, not here.

May import: `journeys.cases`, `journeys.forms`, `journeys.models`, `journeys.rules`.
Imported by: ehcp_site/urls.py (its urls) only. Never by `cases`, `wizard`, `sharing` or
`jobs`.
"""
