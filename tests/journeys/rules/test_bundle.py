"""The Practice Direction's page limits: one number each, read from the law entries."""

from __future__ import annotations

import pytest

from journeys.rules import bundle
from journeys.rules.law import Law, entry
from journeys.rules.vocabulary import DecisionKind

LIMITS = [
    (DecisionKind.REFUSAL_TO_ASSESS, 75),
    (DecisionKind.REFUSAL_TO_REASSESS, 75),
    (DecisionKind.REFUSAL_TO_ISSUE_PLAN, 100),
    (DecisionKind.PLAN_CONTENTS, 100),
    (DecisionKind.PLACEMENT_ONLY, 75),
    # A refusal to amend does not say which sections are disputed: the lower limit.
    (DecisionKind.REFUSAL_TO_AMEND, 75),
    (DecisionKind.CEASE_TO_MAINTAIN, 75),
]


class EvidencePageLimitTests:
    @pytest.mark.parametrize(("kind", "pages"), LIMITS)
    def test_each_decision_has_its_limit(self, kind, pages):
        assert bundle.evidence_page_limit(kind) == pages
        # The case file carries the kind as a string.
        assert bundle.evidence_page_limit(kind.value) == pages

    def test_every_decision_kind_is_in_the_table(self):
        assert {kind for kind, _ in LIMITS} == set(DecisionKind)

    @pytest.mark.parametrize("kind", [None, ""])
    def test_no_decision_no_limit(self, kind):
        assert bundle.evidence_page_limit(kind) is None
        assert bundle.evidence_limit_law(kind) is None
        assert not bundle.over_limit(10_000, kind)

    def test_an_unknown_kind_is_an_error_not_a_guess(self):
        with pytest.raises(ValueError):
            bundle.evidence_page_limit("appeal_about_everything")

    def test_the_limit_cites_the_practice_direction(self):
        law = bundle.evidence_limit_law(DecisionKind.PLACEMENT_ONLY)
        assert law.key is Law.BUNDLE_EVIDENCE_LOWER
        assert "Practice Direction No. 1 of 2025" in law.citation
        assert "section I" in law.statement

    @pytest.mark.parametrize(("pages", "over"), [(74, False), (75, False), (76, True)])
    def test_over_limit_is_strictly_more(self, pages, over):
        assert bundle.over_limit(pages, DecisionKind.REFUSAL_TO_ASSESS) is over


class FiguresTests:
    def test_the_figures_are_the_practice_directions(self):
        assert bundle.WORKING_DOCUMENT_PAGES == 25
        assert bundle.EXPERT_REPORT_PAGES == 15
        assert bundle.EXPERT_SUMMARY_PAGES == 2
        assert bundle.WITNESS_STATEMENT_PAGES == 10
        assert bundle.MINIMUM_FONT_POINTS == 12

    @pytest.mark.parametrize("key", [key for key in Law if key.value.startswith("bundle_")])
    def test_each_figure_is_said_in_its_statement(self, key):
        law = entry(key)
        if law.figure is not None:
            assert f"{law.figure} " in law.statement
        assert law.citation.startswith("Practice Direction No. 1 of 2025")

    def test_more_pages_only_with_a_send7(self):
        assert "SEND7" in entry(Law.BUNDLE_MORE_PAGES).statement


class WitnessStatementTests:
    @pytest.mark.parametrize(("pages", "too_long"), [(1, False), (10, False), (11, True)])
    def test_too_long_only_past_ten_pages(self, pages, too_long):
        assert bundle.witness_statement_too_long(pages) is too_long

    def test_each_line_the_family_wrote_is_a_paragraph(self):
        text = "  Sam is 9.\n\n\nHe  cannot read\tyet.  \n   \nHe is kind."
        assert bundle.statement_paragraphs(text) == (
            "Sam is 9.",
            "He cannot read yet.",
            "He is kind.",
        )

    def test_no_text_no_paragraphs(self):
        assert bundle.statement_paragraphs("  \n ") == ()

    def test_longest_section_first_and_empty_ones_left_out(self):
        sections = {"about": "one two", "needs": "a b c d", "support": "", "outcome": "x y"}
        assert bundle.longest_first(sections) == (("needs", 4), ("about", 2), ("outcome", 2))

    def test_the_statement_of_truth_is_a_law_entry(self):
        truth = entry(Law.WITNESS_STATEMENT_OF_TRUTH)
        assert truth.statement == (
            "I believe that the facts stated in this witness statement are true."
        )
        assert truth.safe_reading
