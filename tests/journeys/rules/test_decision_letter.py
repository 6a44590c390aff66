"""The decision-letter checker, against real-looking letters from councils (written for
these tests, in tests/journeys/rules/data/decision_letters/), and its properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeys.rules.decision_letter import (
    MISSING_SENTENCE,
    NOTICE_LAW,
    LetterItem,
    NoteCode,
    check_decision_letter,
    item_law,
    required_items,
)
from journeys.rules.law import Law
from journeys.rules.vocabulary import DecisionKind

LETTERS = Path(__file__).parent / "data" / "decision_letters"


def _load(path: Path) -> tuple[DecisionKind, set[LetterItem], set[NoteCode], str]:
    header, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    fields = dict(line.split(": ", 1) for line in header.splitlines())
    missing = {
        LetterItem(code.strip())
        for code in fields["missing"].split(",")
        if code.strip() not in ("", "none")
    }
    notes = {NoteCode(code.strip()) for code in fields.get("notes", "").split(",") if code.strip()}
    return DecisionKind(fields["kind"]), missing, notes, body


CORPUS = sorted(LETTERS.glob("*.txt"))


def test_the_corpus_has_at_least_20_letters_of_every_decision_kind():
    assert len(CORPUS) >= 20
    kinds = {_load(path)[0] for path in CORPUS}
    assert kinds == set(DecisionKind)


class CorpusTests:
    @pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.stem)
    def test_finds_exactly_what_the_letter_lacks(self, path):
        kind, missing, notes, body = _load(path)
        result = check_decision_letter(body, kind)
        assert set(result.missing_codes) == missing
        assert set(result.found) == set(required_items(kind)) - missing
        assert {note.code for note in result.notes} == notes
        assert result.complete is (not missing)


# Whole passages a council might add; each supplies the item named.
PASSAGES = {
    LetterItem.REASONS: "We have made this decision because the school can meet the needs.",
    LetterItem.RIGHT_OF_APPEAL: "You have the right to appeal to the SEND Tribunal.",
    LetterItem.APPEAL_TIME_LIMIT: "Any appeal must be made within two months of the date of "
    "this letter.",
    LetterItem.MEDIATION_RIGHT: "You can ask for mediation, which is free.",
    LetterItem.MEDIATION_CERTIFICATE: "You will need a mediation certificate first.",
    LetterItem.MEDIATION_ADVISER_CONTACT: "Mediation adviser: 0800 064 4488",
    LetterItem.MEDIATION_TIMESCALE: "Contact the mediation adviser within 2 months.",
    LetterItem.DISAGREEMENT_RESOLUTION: "Disagreement resolution services are available.",
    LetterItem.INFORMATION_ADVICE: "SENDIASS gives free information and advice.",
}


class ScenarioTests:
    @pytest.mark.parametrize("item", list(LetterItem))
    def test_each_passage_alone_supplies_its_item(self, item):
        result = check_decision_letter(PASSAGES[item], DecisionKind.REFUSAL_TO_ASSESS)
        assert item in result.found

    @pytest.mark.parametrize(
        "sentence",
        [
            "There is no right of appeal against this decision.",
            "You cannot appeal to the Tribunal about this decision.",
            "This decision is not appealable.",
        ],
    )
    def test_a_denial_never_counts_as_the_right_of_appeal(self, sentence):
        result = check_decision_letter(sentence, DecisionKind.REFUSAL_TO_ASSESS)
        assert LetterItem.RIGHT_OF_APPEAL in result.missing_codes
        assert NoteCode.DENIES_APPEAL in {note.code for note in result.notes}

    def test_the_mediation_time_limit_is_not_the_appeal_time_limit(self):
        text = "If you wish to appeal, contact the mediation adviser within two months."
        result = check_decision_letter(text, DecisionKind.REFUSAL_TO_ASSESS)
        assert LetterItem.MEDIATION_TIMESCALE in result.found
        assert LetterItem.APPEAL_TIME_LIMIT in result.missing_codes

    def test_the_familys_reasons_for_appealing_are_not_the_councils_reasons(self):
        text = "Please set out your reasons for appealing on the form."
        result = check_decision_letter(text, DecisionKind.REFUSAL_TO_ASSESS)
        assert LetterItem.REASONS in result.missing_codes

    def test_contact_details_on_the_next_line_count(self):
        text = "Mediation adviser: Global Mediation\nTelephone:\n0800 064 4488"
        result = check_decision_letter(text, DecisionKind.CEASE_TO_MAINTAIN)
        assert LetterItem.MEDIATION_ADVISER_CONTACT in result.found

    def test_curly_quotes_and_dashes_are_read_like_plain_ones(self):
        text = "You\u2019ve the right to appeal \u2013 to the SEND Tribunal."
        result = check_decision_letter(text, DecisionKind.CEASE_TO_MAINTAIN)
        assert LetterItem.RIGHT_OF_APPEAL in result.found

    @pytest.mark.parametrize("kind", list(DecisionKind))
    def test_reasons_are_required_only_where_the_law_read_says_so(self, kind):
        needs = kind in {
            DecisionKind.REFUSAL_TO_ASSESS,
            DecisionKind.REFUSAL_TO_ISSUE_PLAN,
            DecisionKind.REFUSAL_TO_AMEND,
        }
        assert (LetterItem.REASONS in required_items(kind)) is needs

    def test_a_missing_item_cites_the_regulation_for_its_decision(self):
        result = check_decision_letter("", DecisionKind.REFUSAL_TO_ASSESS)
        by_code = {item.code: item for item in result.missing}
        time_limit = by_code[LetterItem.APPEAL_TIME_LIMIT]
        assert [law.key for law in time_limit.law] == [Law.REFUSAL_NOTICE_CONTENTS]
        assert time_limit.ground == (
            "The decision letter does not give the time limit for appealing "
            "(Children and Families Act 2014, s.36(5); SEND Regulations 2014, reg 5(3))."
        )
        contact = by_code[LetterItem.MEDIATION_ADVISER_CONTACT]
        assert contact.ground.endswith("reg 5(3); SEND Regulations 2014, reg 32).")
        assert result.grounds[0] == by_code[LetterItem.REASONS].ground

    @pytest.mark.parametrize(
        ("kind", "citation"),
        [
            (DecisionKind.REFUSAL_TO_ISSUE_PLAN, "reg 10(3)"),
            (DecisionKind.PLAN_CONTENTS, "reg 14(2)"),
            (DecisionKind.PLACEMENT_ONLY, "reg 14(2)"),
            (DecisionKind.REFUSAL_TO_AMEND, "reg 22(4) and (5)"),
            (DecisionKind.CEASE_TO_MAINTAIN, "reg 31(3)"),
            (DecisionKind.REFUSAL_TO_REASSESS, "reg 25"),
        ],
    )
    def test_each_decision_cites_its_own_regulation(self, kind, citation):
        (law,) = item_law(LetterItem.RIGHT_OF_APPEAL, kind)
        assert citation in law.citation
        assert law.key is NOTICE_LAW[kind]

    def test_a_school_only_note_only_for_plan_letters(self):
        for kind in DecisionKind:
            codes = {note.code for note in check_decision_letter("", kind).notes}
            expected = kind in (DecisionKind.PLAN_CONTENTS, DecisionKind.PLACEMENT_ONLY)
            assert (NoteCode.SCHOOL_ONLY_NO_CERTIFICATE in codes) is expected

    def test_every_item_has_a_plain_sentence(self):
        assert set(MISSING_SENTENCE) == set(LetterItem)
        assert all(sentence.endswith(".") for sentence in MISSING_SENTENCE.values())


kinds = st.sampled_from(list(DecisionKind))
letter_text = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs", "Cc")), max_size=400
)


@given(kind=kinds)
def test_empty_text_misses_everything_required(kind):
    result = check_decision_letter("", kind)
    assert result.missing_codes == required_items(kind)
    assert not result.found


@given(kind=kinds, text=letter_text, item=st.sampled_from(list(LetterItem)), at_end=st.booleans())
def test_adding_a_passage_never_adds_a_missing_item(kind, text, item, at_end):
    before = set(check_decision_letter(text, kind).missing_codes)
    passage = PASSAGES[item]
    longer = f"{text}\n{passage}" if at_end else f"{passage}\n{text}"
    after = set(check_decision_letter(longer, kind).missing_codes)
    assert after <= before
    assert item not in after


@given(kind=kinds, text=letter_text)
def test_found_and_missing_split_what_is_required(kind, text):
    result = check_decision_letter(text, kind)
    required = required_items(kind)
    assert set(result.found).isdisjoint(result.missing_codes)
    assert set(result.found) | set(result.missing_codes) == set(required)
    # In the order the law lists them.
    assert list(result.missing_codes) == [code for code in required if code in result.missing_codes]


def test_found_items_have_labels_for_the_page():
    passage = PASSAGES[LetterItem.DISAGREEMENT_RESOLUTION]
    result = check_decision_letter(passage, "cease_to_maintain")
    assert result.found_labels == ("disagreement resolution services",)
