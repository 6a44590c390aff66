"""The wizard: a parent answering one question per page, for every journey.

Lives here: every journey as data (`definition`: Step(slug, form, show_if), detours), the
named predicates it branches on (`conditions`), the one generic step view (`views`), where
answers live while typed (`storage`: the session for visitors, a Draft row for signed-in
parents), stored form data -> answers (`answers`), answers -> the case file (`stage_cases`),
check-your-answers rows (`summary`), and submitting a journey (`services`: re-validate every
visible step, then save the case through `journeys.cases`). The question forms themselves
are in `journeys.forms`.

May import: `journeys.cases`, `journeys.forms`, `journeys.models`, `journeys.rules`, letters.
Imported by: journeys/urls.py, pages (views) of other rooms, management commands. Never
by `cases`, `sharing`, `caseload` or `jobs` (tests/journeys/test_rooms.py).
"""
