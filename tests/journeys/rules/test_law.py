"""The law module: every entry cited, and each stated only where its conditions hold."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeys.rules import law
from journeys.rules.deadlines import RuleId
from journeys.rules.law import (
    LAW,
    S38_3_KINDS,
    Law,
    SchoolKind,
    Situation,
    Stage,
    When,
    applies,
    entries_for,
    school_law,
)
from journeys.rules.vocabulary import DecisionKind, Relationship, SettingKind


class LawEntryTests:
    def test_every_key_has_exactly_one_entry(self):
        assert set(LAW) == set(Law)
        assert len(law.ENTRIES) == len(Law)

    @pytest.mark.parametrize("key", list(Law))
    def test_every_entry_has_a_citation_and_a_statement(self, key):
        item = law.entry(key)
        assert item.citation.strip()
        assert any(
            source in item.citation
            for source in (
                "Children and Families Act 2014",
                "SEND Regulations 2014",
                "Tribunal Procedure",
                "Education Act 1996",
                "SEND Code of Practice 2015",
                "Recommendations Power) Regulations 2017",
                # Version 2: when the plan's provision is not made.
                "Local Government Act 1974",
                "Civil Procedure Rules",
                "Pre-Action Protocol for Judicial Review",
                # Issue 16: the Tribunal's limits on bundles.
                "Practice Direction No. 1 of 2025",
                # The Tribunal's guidance on the working document's key.
                "First-tier Tribunal (SEND), SEN appeals: writing the working document (SEND23)",
            )
        )
        assert item.statement.endswith(".")
        assert law.cite(key) == item.citation

    def test_every_deadline_rule_has_its_law(self):
        assert set(law.RULE_LAW) == {rule.value for rule in RuleId}

    def test_only_the_6_16_20_and_14_weeks_after_a_reassessment_have_exceptions(self):
        with_exceptions = {key for key in Law if law.has_exceptions(key)}
        # reg 5(4), 10(4), 13(3) and 27(3): the same limbs.
        assert with_exceptions == {
            Law.DECIDE_WHETHER_TO_ASSESS,
            Law.NOTIFY_NO_PLAN,
            Law.FINAL_PLAN,
            Law.REASSESSMENT_FINAL_PLAN,
        }
        assert law.entry(Law.REASSESSMENT_FINAL_PLAN).exceptions == law.TIME_LIMIT_EXCEPTIONS
        # Tribunal orders: reg 44(3) was not read, so none are stated (and none invented).
        for key in Law:
            if key.value.startswith("tribunal_order"):
                assert not law.has_exceptions(key)
                assert "could not be read" in law.entry(key).safe_reading
        # The three exceptions, and "4 weeks" for both periods away (never 2).
        text = " ".join(law.entry(Law.NOTIFY_NO_PLAN).exceptions)
        assert text.count("at least 4 weeks") == 2
        assert "2 weeks" not in text


SCHOOL_TABLE = [
    (SchoolKind.MAINTAINED_SCHOOL, Law.NAME_SCHOOL_S39),
    (SchoolKind.MAINTAINED_NURSERY, Law.NAME_SCHOOL_S39),
    (SchoolKind.ACADEMY, Law.NAME_SCHOOL_S39),
    (SchoolKind.FE_INSTITUTION, Law.NAME_SCHOOL_S39),
    (SchoolKind.NON_MAINTAINED_SPECIAL, Law.NAME_SCHOOL_S39),
    (SchoolKind.INDEPENDENT_S41, Law.NAME_SCHOOL_S39),
    (SchoolKind.INDEPENDENT_OTHER, Law.NAME_SCHOOL_S9),
]


class SchoolLawTests:
    @pytest.mark.parametrize(("kind", "expected"), SCHOOL_TABLE)
    def test_the_school_kind_decides_s39_or_s9(self, kind, expected):
        assert school_law(kind).key is expected
        other = Law.NAME_SCHOOL_S9 if expected is Law.NAME_SCHOOL_S39 else Law.NAME_SCHOOL_S39
        assert not applies(other, Situation(school_kind=kind))
        assert applies(expected, Situation(school_kind=kind))

    def test_an_unknown_kind_argues_neither(self):
        assert school_law(None) is None
        assert not applies(Law.NAME_SCHOOL_S39, Situation())
        assert not applies(Law.NAME_SCHOOL_S9, Situation())

    def test_s38_3_is_every_kind_but_other_independent(self):
        assert SchoolKind.INDEPENDENT_OTHER not in S38_3_KINDS
        assert len(S38_3_KINDS) == len(SchoolKind) - 1


class ApplicabilityTests:
    def test_reg_10_needs_the_council_to_have_agreed_to_assess(self):
        assert not applies(Law.NOTIFY_NO_PLAN, Situation(stage=Stage.CHASER))
        assert applies(Law.NOTIFY_NO_PLAN, Situation(stage=Stage.CHASER, assessing=True))
        assert not applies(Law.FINAL_PLAN, Situation(stage=Stage.CHASER))

    @pytest.mark.parametrize("setting", list(SettingKind))
    def test_the_no_school_place_entry_only_for_children_without_one(self, setting):
        expected = setting in (SettingKind.HOME_EDUCATED, SettingKind.NONE)
        assert applies(Law.ASSESSMENT_NO_SCHOOL_PLACE, Situation(setting_kind=setting)) is expected

    @pytest.mark.parametrize("decision", list(DecisionKind))
    def test_tests_follow_the_decision(self, decision):
        situation = Situation(decision=decision)
        assert applies(Law.ASSESSMENT_TEST, situation) is (
            decision is DecisionKind.REFUSAL_TO_ASSESS
        )
        assert applies(Law.PLAN_NECESSARY, situation) is (
            decision is DecisionKind.REFUSAL_TO_ISSUE_PLAN
        )
        assert applies(Law.CEASE_TEST, situation) is (decision is DecisionKind.CEASE_TO_MAINTAIN)

    def test_relationship_conditions(self):
        when = When(relationships=frozenset({Relationship.YOUNG_PERSON}))
        assert when.matches(Situation(relationship=Relationship.YOUNG_PERSON))
        assert not when.matches(Situation(relationship=Relationship.PARENT))
        assert not when.matches(Situation())

    def test_entries_for_keeps_the_module_order(self):
        found = entries_for(Situation(decision=DecisionKind.REFUSAL_TO_ASSESS))
        keys = [item.key for item in found]
        assert keys == [item.key for item in law.ENTRIES if item.key in keys]
        assert Law.ASSESSMENT_TEST in keys and Law.PLAN_NECESSARY not in keys


@given(
    stage=st.sampled_from([None, *Stage]),
    decision=st.sampled_from([None, *DecisionKind]),
    school=st.sampled_from([None, *SchoolKind]),
    relationship=st.sampled_from([None, *Relationship]),
    setting=st.sampled_from([None, *SettingKind]),
    assessing=st.booleans(),
)
def test_s39_and_s9_never_apply_together(stage, decision, school, relationship, setting, assessing):
    situation = Situation(stage, decision, school, relationship, setting, assessing)
    keys = {item.key for item in entries_for(situation)}
    assert not {Law.NAME_SCHOOL_S39, Law.NAME_SCHOOL_S9} <= keys
    # An entry with no conditions applies everywhere.
    assert Law.SECURE_PROVISION in keys


def test_every_combination_of_decision_and_school_kind_is_decided():
    for decision, school in itertools.product(DecisionKind, SchoolKind):
        keys = {item.key for item in entries_for(Situation(decision=decision, school_kind=school))}
        assert len(keys & {Law.NAME_SCHOOL_S39, Law.NAME_SCHOOL_S9}) == 1


def test_cited_puts_the_citation_inside_the_sentence():
    item = law.entry(Law.ASSESSMENT_TEST)
    assert item.cited.endswith("EHC plan (Children and Families Act 2014, s.36(8)).")


class CitationTests:
    def test_cite_all_names_a_shared_instrument_once(self):
        assert law.cite_all(Law.APPEAL_TIME_LIMIT, Law.APPEAL_NON_WORKING_DAY) == (
            "Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008, r.20(1)(c); "
            "r.12(2) and r.12(3)(a)"
        )

    def test_cite_all_keeps_different_instruments_whole(self):
        assert law.cite_all(Law.ANNUAL_REVIEW, Law.REVIEW_DECISION) == (
            "Children and Families Act 2014, s.44(1); SEND Regulations 2014, reg 20(10)"
        )

    @pytest.mark.parametrize(
        ("key", "provision"),
        [
            (Law.APPEAL_BY_5PM, "r.12(1)"),
            (Law.APPEAL_NON_WORKING_DAY, "r.12(2) and r.12(3)(a)"),
            (Law.LATE_APPEAL, "r.5(3)(a) and r.20(4)"),
            (Law.FRESH_REQUEST, "s.36(1)"),
            (Law.ANNUAL_REVIEW, "s.44(1)"),
            (Law.PHASE_TRANSFER_SCHOOL, "reg 18(1)(b)"),
            (Law.PHASE_TRANSFER_POST16, "reg 18(1)(a)"),
            (Law.PHASE_TRANSFER_BETWEEN_POST16, "reg 18(2)"),
            (Law.MEDIATION_ARRANGED, "reg 37"),
        ],
    )
    def test_the_deadline_entries_cite_their_provision(self, key, provision):
        assert provision in law.cite(key)
        assert not law.has_exceptions(key)


def test_the_appeal_deadline_citation_names_the_5pm_rule_once():
    assert law.appeal_deadline_citation() == (
        "Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008, r.20(1)(c); "
        "r.12(2) and r.12(3)(a); r.12(1)"
    )


@pytest.mark.parametrize("kind", list(DecisionKind))
def test_every_appealable_decision_has_its_paragraph_of_s51(kind):
    assert law.appeal_right_phrase(kind).startswith("section 51(2)(")
    assert law.appeal_right_phrase(kind).endswith("of the Children and Families Act 2014")


def test_recommendations_never_for_a_refusal_to_assess():
    assert not applies(Law.RECOMMENDATIONS, Situation(decision=DecisionKind.REFUSAL_TO_ASSESS))
    assert applies(Law.RECOMMENDATIONS, Situation(decision=DecisionKind.PLAN_CONTENTS))


class AgedNineteenTests:
    """Code 9.200 speaks of a young person aged 19 or over (issue 14)."""

    @pytest.mark.parametrize(
        ("born", "on", "expected"),
        [
            (date(2007, 5, 2), date(2026, 5, 2), True),  # the 19th birthday itself
            (date(2007, 5, 2), date(2026, 5, 1), False),  # the day before
            (date(2000, 1, 1), date(2026, 5, 1), True),  # 26: still "19 or over"
            (date(2008, 2, 29), date(2027, 2, 28), False),  # no 29 February in 2027
            (date(2008, 2, 29), date(2027, 3, 1), True),
            (None, date(2026, 5, 1), False),  # not known: never assumed
        ],
    )
    def test_aged_19_or_over(self, born, on, expected):
        assert law.aged_19_or_over(born, on) is expected

    def test_the_outcomes_entry_applies_only_from_19(self):
        assert law.applies(Law.CEASE_OUTCOMES_AT_19, Situation(aged_19_or_over=True))
        assert not law.applies(Law.CEASE_OUTCOMES_AT_19, Situation())
        # Entries without the condition do not depend on age.
        assert law.applies(Law.CEASE_TEST, Situation(decision=DecisionKind.CEASE_TO_MAINTAIN))
