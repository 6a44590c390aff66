"""Saved cases: the room every other room builds on.

Lives here: who may see a case (`selectors`, THE permission check: case_access_or_404), what
writes one (`services`: saving, events, export, import, delete, the audit record, the summary
columns and the retention clock), the case file and its schema (`casefile`, `casefile_io`),
its deadlines arranged for people (`timeline`, `guidance`, `calendar_file`), its facts and
its stage and next deadline in words (`overview`, `labels`), the deadline calculator, the
provision tracker (`provision`: the case -> the rules' shortfall, for pages, the caseload
column, `provision_report` and letters; `provision_services`, `provision_forms`,
`provision_views`), and the case pages (`views`, `forms`; `overview_views`: the case list, a
case's overview and who has seen it, whose rows come from journeys/wizard/progress.py
because they are the journeys).

May import: `journeys.forms`, `journeys.models`, `journeys.rules`, letters (a case's letters).
Imported by: `wizard`, `sharing`, `caseload`, `jobs`, letters, and accounts only through the
service journeys/apps.py registers. Its non-page modules never import those rooms
(tests/journeys/test_rooms.py).
"""
