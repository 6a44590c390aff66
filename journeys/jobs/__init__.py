"""What runs from cron, and what it needs: deadline reminder emails (`reminders`, run by
`manage.py send_reminders`, with the parent's sign-up for them: confirmation and stop links)
and the retention policy applied to saved cases (`retention`, run by
`manage.py purge_inactive_cases`).

May import: `journeys.cases`, `journeys.models`, `journeys.rules`.
Imported by: management commands and pages (views). Never by `cases`, `wizard`, `sharing`
or `caseload`.
"""
