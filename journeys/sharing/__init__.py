"""Sharing a case: advocate invitations (one-time, 7 days, hashed token) and organisation
shares, made and revoked by the parent.

Lives here: `services` (invite, accept, revoke, share), `selectors` (a case's sharing rows for
its page), `forms` and `views`. Who may then see the case is decided by
`journeys.cases.selectors`, which reads these rows on every request.

May import: `journeys.cases`, `journeys.forms`, `journeys.models`, `journeys.rules`.
Imported by: journeys/urls.py only. Never by `cases`, `wizard`, `caseload` or `jobs`.
"""
