"""The working document's marks: word-level changes from the plan's wording to the wording
sought, and the sections' rows (journeys/rules/working_document.py)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeys.rules.law import Law, entry
from journeys.rules.working_document import (
    Change,
    Evidence,
    Fix,
    Piece,
    Row,
    mark_changes,
    original_of,
    proposed_of,
    section_rows,
    working_document,
)

S, A, D = Change.SAME, Change.ADDED, Change.DELETED

MARKS = [
    # (plan's wording, wording sought, the pieces)
    ("Same words.", "Same words.", [(S, "Same words.")]),
    ("", "", []),
    ("", "All new.", [(A, "All new.")]),
    ("All gone.", "", [(D, "All gone.")]),
    (
        "Access to speech and language therapy.",
        "Weekly speech and language therapy.",
        [(D, "Access to "), (A, "Weekly "), (S, "speech and language therapy.")],
    ),
    (
        "Support from an adult as needed.",
        "Support from an adult.",
        [(S, "Support from an "), (D, "adult as needed."), (A, "adult.")],
    ),
    (
        "Jo will have OT.",
        "Jo will have 30 minutes of OT a week.",
        [(S, "Jo will have "), (D, "OT."), (A, "30 minutes of OT a week.")],
    ),
    (
        "Regular sessions with a teaching assistant.",
        "Three 20-minute sessions a week with a trained teaching assistant.",
        [
            (D, "Regular "),
            (A, "Three 20-minute "),
            (S, "sessions "),
            (A, "a week "),
            (S, "with a "),
            (A, "trained "),
            (S, "teaching assistant."),
        ],
    ),
]


class MarkChangesTests:
    @pytest.mark.parametrize(("original", "proposed", "expected"), MARKS)
    def test_each_change_is_marked_word_by_word(self, original, proposed, expected):
        assert mark_changes(original, proposed) == tuple(Piece(c, t) for c, t in expected)

    def test_the_key_is_the_tribunals_and_says_bold_and_struck_through(self):
        key = entry(Law.WORKING_DOCUMENT_KEY)
        assert "SEND23" in key.citation
        assert "bold" in key.statement and "struck through" in key.statement
        assert "colour" in key.safe_reading  # where the sources differ, it says so


words = st.lists(
    st.sampled_from(["the", "child", "will", "have", "weekly", "OT", "30", "minutes", "a."]),
    max_size=12,
)
spaces = st.sampled_from([" ", "  ", "\n", " \t"])


@st.composite
def texts(draw):
    chosen = draw(words)
    text = "".join(word + draw(spaces) for word in chosen)
    return draw(st.sampled_from(["", " "])) + text.rstrip() if chosen else ""


class MarkChangesPropertyTests:
    @given(texts(), texts())
    def test_the_marks_give_back_both_texts_exactly(self, original, proposed):
        pieces = mark_changes(original, proposed)
        assert original_of(pieces) == original
        assert proposed_of(pieces) == proposed

    @given(texts())
    def test_unchanged_text_has_no_marks(self, text):
        assert all(piece.change == Change.SAME for piece in mark_changes(text, text))

    @given(texts(), texts())
    def test_no_empty_piece_and_no_two_neighbours_alike(self, original, proposed):
        pieces = mark_changes(original, proposed)
        assert all(piece.text for piece in pieces)
        assert all(a.change != b.change for a, b in pairwise(pieces))


SECTION_F = (
    "Maya will have access to speech and language therapy. "
    "She will have a quiet room at lunchtime.\n"
    "- Regular support from an adult."
)
REPORT = Evidence("Speech and language therapy report", 12)


class SectionRowsTests:
    def test_unchanged_statements_are_kept_together_and_a_fixed_one_stands_alone(self):
        rows = section_rows(
            SECTION_F,
            [Fix("Regular support from an adult.", "Daily support from a trained adult.")],
        )
        assert [row.original for row in rows] == [
            "Maya will have access to speech and language therapy. "
            "She will have a quiet room at lunchtime.",
            "Regular support from an adult.",
        ]
        assert [row.changed for row in rows] == [False, True]
        assert rows[1].sought == "Daily support from a trained adult."

    def test_the_evidence_follows_its_sentence(self):
        fix = Fix(
            "maya will have ACCESS to speech and language  therapy.",  # spacing, capitals
            "Maya will have 1:1 speech and language therapy for 30 minutes each week.",
            REPORT,
        )
        first, rest = section_rows(SECTION_F, [fix])
        assert first.evidence == REPORT and first.changed
        assert rest.evidence is None and not rest.changed

    def test_a_fix_with_no_wording_changes_nothing(self):
        rows = section_rows(SECTION_F, [Fix("Regular support from an adult.", "  ")])
        assert len(rows) == 1 and not rows[0].changed

    def test_a_fix_whose_sentence_is_gone_is_kept_at_the_end(self):
        rows = section_rows("A sentence.", [Fix("An older sentence.", "A newer sentence.")])
        assert rows[-1] == Row(
            "An older sentence.",
            mark_changes("An older sentence.", "A newer sentence."),
        )

    def test_a_repeated_sentence_is_changed_once(self):
        rows = section_rows("Help as needed. Help as needed.", [Fix("Help as needed.", "Help.")])
        assert [row.changed for row in rows] == [True, False]


class EvidenceTests:
    def test_with_a_page_it_names_the_pack_page(self):
        assert REPORT.label == "Evidence pack, page 12: Speech and language therapy report"

    def test_with_no_pack_it_names_the_document(self):
        assert Evidence("School report").label == "evidence: School report"


class WorkingDocumentTests:
    def test_sections_in_order_and_an_empty_one_left_out(self):
        found = working_document(
            {"I": "Hillside School.", "B": "Maya finds noise hard.", "F": ""},
            {"I": [Fix("Hillside School.", "Oak Tree School.")]},
        )
        assert [s.section for s in found] == ["B", "I"]
        assert [s.changed for s in found] == [False, True]


sentences = st.lists(
    st.sampled_from(
        [
            "Sam finds noise hard.",
            "He will have access to therapy.",
            "Support as needed.",
            "A quiet room at lunch.",
            "Regular checks by staff.",
        ]
    ),
    min_size=1,
    max_size=6,
    unique=True,
)


class SectionRowsPropertyTests:
    @given(sentences, st.data())
    def test_every_row_marks_its_own_sentence_and_only_fixed_rows_change(self, chosen, data):
        fixed = data.draw(st.lists(st.sampled_from(chosen), unique=True))
        wanted = {s: data.draw(texts()).strip() or "Weekly help." for s in fixed}
        rows = section_rows(" ".join(chosen), [Fix(s, p) for s, p in wanted.items()])
        for row in rows:
            assert original_of(row.pieces) == row.original
            if row.original in wanted:
                assert row.sought == wanted[row.original]
            else:
                assert not row.changed
        # Read in order, the rows hold the whole section once.
        assert " ".join(row.original for row in rows) == " ".join(chosen)
