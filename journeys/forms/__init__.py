"""Forms: the GOV.UK field kit every room's forms build on (`base`: QuestionForm, repeatable
pages; `fields`: dates, choices, text) and the question forms of the journeys (`start`,
`request`, `stages`), one module per journey section.

It stays here, below `cases`, rather than inside `wizard/`: the kit is used by the case pages'
forms, the calculator, sharing and the caseload too, and the template tags render its fields.
The journeys' page order and conditions are not here but in journeys/wizard/definition.py.

May import: `journeys.rules`, `journeys.local_authorities`. Imported by every room.
"""
