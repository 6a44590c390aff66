"""The rules: every statutory time limit and wording rule, as pure Python (no Django; a test
enforces it), each public function's docstring naming its legal source.

Lives here: `deadlines` (one function per time limit, and the horizons "today" depends on),
`calendar` (working days, England bank holidays, months), `appeal_reasoning`, `eligibility`,
`retention`, `vocabulary` (the case file's enums and labels), `wording`, `provision` (the
shortfall: sessions the plan promises against the delivery log, with the term-dates table),
`provision_chart` (that shortfall as an accessible SVG), `bundle` (the Tribunal's page
limits for each decision, read from the Practice Direction entries in `law`),
`decision_letter` (what the council's decision letter must contain and which of it a pasted
letter lacks) and `evidence_gaps` (which evidence speaks to each need and point in
dispute). A new deadline rule, appeal-related or not, is one function in `deadlines.py`
plus its scenario table in tests/journeys/rules/ (held to 100% branch coverage).

May import: the standard library and pure packages (dateutil, holidays), never Django or
another journeys room. Imported by anyone: it is the bottom floor.
"""
