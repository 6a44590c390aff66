"""The evidence-gap checker: scenario tables over small case files, and its properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeys.rules.evidence_gaps import (
    AREA_SUGGESTION,
    AREA_WORDS,
    KIND_AREAS,
    Strength,
    evidence_gaps,
)
from journeys.rules.law import Law
from journeys.rules.vocabulary import EvidenceKind, NeedArea


def _case(needs=(), evidence=(), reasons=(), pronouns="she", relationship="parent", name="Maya"):
    return {
        "format": "ehcp-case/2",
        "child": {"first_name": name, "pronouns": pronouns},
        "applicant": {"name": "Grace Okafor", "relationship": relationship},
        "local_authority": {"name": "Bristol City Council"},
        "needs": [{"area": area, "description": text, "impact": ""} for area, text in needs],
        "evidence": [
            {"kind": kind, "author": author, "date": "2026-03-10", "title": title, "key_points": kp}
            for kind, author, title, kp in evidence
        ],
        "decision": {
            "kind": "refusal_to_assess",
            "date": "2026-04-01",
            "reasons_given": list(reasons),
        },
    }


SENSORY = ("sensory_physical", "She covers her ears in the dining hall and cannot bear labels.")
SPEECH = ("communication_interaction", "She does not follow spoken instructions in class.")
READING = ("cognition_learning", "She is two years behind in reading.")
ANXIETY = ("semh", "She is too anxious to go in most mornings.")

OT = ("occupational_therapist", "Ms L Reed, OT", "OT report", "sensory processing difficulties")
EP = ("educational_psychologist", "Dr A Patel", "EP report", "working memory below average")
SLT = ("speech_language_therapist", "J Cole", "SLT report", "receptive language delay")
DIARY = ("parent_diary", "Grace Okafor", "My notes", "covers ears at lunch; labels cut out")
IEP = ("sen_support_plan", "Hillside SENCO", "SEN support plan", "phonics group 3 x 20 minutes")
ATTEND = ("attendance_record", "Hillside office", "Attendance 2025-26", "82% this year")
OTHER_PRO = ("other", "Dr S Khan, consultant audiologist", "Hearing clinic letter", "mild loss")
OTHER_FAMILY = ("other", "Aunt", "Letter from her aunt", "she hates loud parties")

# (need, evidence, expected strength, expected evidence indexes)
NEED_TABLE = [
    (SENSORY, [OT], Strength.PROFESSIONAL, [0]),  # the OT report, by its kind
    (SENSORY, [EP], Strength.NONE, []),  # an EP report says nothing about her senses
    (SENSORY, [DIARY], Strength.FAMILY, [0]),  # "covers ears", from the family's own words
    (SENSORY, [EP, DIARY, OT], Strength.PROFESSIONAL, [1, 2]),
    (SENSORY, [OTHER_PRO], Strength.PROFESSIONAL, [0]),  # "hearing" is a sensory word
    (SPEECH, [SLT], Strength.PROFESSIONAL, [0]),
    (SPEECH, [EP], Strength.NONE, []),
    (
        SPEECH,
        [("educational_psychologist", "Dr A Patel", "EP report", "poor receptive language")],
        Strength.PROFESSIONAL,
        [0],
    ),
    (READING, [EP], Strength.PROFESSIONAL, [0]),  # by kind
    (READING, [IEP], Strength.SCHOOL, [0]),  # "phonics" is a learning word
    (READING, [SLT], Strength.NONE, []),
    (ANXIETY, [ATTEND], Strength.SCHOOL, [0]),  # attendance speaks to SEMH by its kind
    (ANXIETY, [EP], Strength.PROFESSIONAL, [0]),
    (
        ANXIETY,
        [("camhs", "CAMHS", "CAMHS letter", "on the waiting list")],
        Strength.PROFESSIONAL,
        [0],
    ),
    (
        ("sensory_physical", "Her hearing is poor in a noisy room."),
        [OTHER_PRO],
        Strength.PROFESSIONAL,
        [0],
    ),
    (
        ("sensory_physical", "She hates loud parties and crowds."),
        [OTHER_FAMILY],
        Strength.FAMILY,
        [0],
    ),
    (READING, [], Strength.NONE, []),
]


class NeedTests:
    @pytest.mark.parametrize(("need", "evidence", "strength", "indexes"), NEED_TABLE)
    def test_which_evidence_speaks_to_each_need(self, need, evidence, strength, indexes):
        (coverage,) = evidence_gaps(_case([need], evidence)).needs
        assert coverage.strength is strength
        assert [ref.index for ref in coverage.evidence] == indexes
        assert (coverage.gap is None) is (strength is Strength.PROFESSIONAL)

    def test_the_gap_says_what_would_help_in_the_childs_pronouns(self):
        (coverage,) = evidence_gaps(_case([SENSORY], [EP])).needs
        assert coverage.gap == (
            "Nothing in the evidence list mentions this yet: no professional has reported on "
            "her sensory and physical needs. To change that, ask the school to refer her to "
            "occupational therapy, or ask the council to seek that advice as part of an EHC "
            "needs assessment."
        )
        assert coverage.law.key is Law.ASSESSMENT_ADVICE

    @pytest.mark.parametrize(
        ("pronouns", "relationship", "obj", "poss"),
        [
            ("he", "parent", "him", "his"),
            ("they", "advocate", "them", "their"),
            ("she", "young_person", "you", "your"),
            ("nonsense", "parent", "them", "their"),
        ],
    )
    def test_pronouns_follow_the_case(self, pronouns, relationship, obj, poss):
        case = _case([ANXIETY, SPEECH], [], pronouns=pronouns, relationship=relationship)
        anxiety, speech = evidence_gaps(case).needs
        assert f"ask {poss} GP" in anxiety.gap
        assert f"refer {obj} to speech" in speech.gap

    def test_school_and_family_gaps_say_whose_words_they_are(self):
        school, family = evidence_gaps(_case([READING, SENSORY], [IEP, DIARY])).needs
        assert school.gap.startswith("Only the school's records mention this")
        assert family.gap.startswith("Only your own notes mention this")

    def test_every_area_has_words_and_a_suggestion(self):
        assert set(AREA_WORDS) == set(AREA_SUGGESTION) == set(NeedArea)
        assert all(areas <= set(NeedArea) for areas in KIND_AREAS.values())

    def test_unreadable_needs_and_evidence_are_skipped(self):
        case = _case([READING], [EP])
        case["needs"].extend(["not a need", {"area": "telepathy", "description": "x"}])
        case["evidence"].extend(["not evidence", {"kind": "horoscope", "title": ""}])
        result = evidence_gaps(case)
        assert len(result.needs) == 1
        # An unknown kind is still listed, as the family's own, under a plain title.
        anything = evidence_gaps(
            _case([("semh", "panic attacks")], [("horoscope", "", "", "panic")])
        )
        (ref,) = anything.needs[0].evidence
        assert (
            ref.kind is None
            and ref.strength is Strength.FAMILY
            and ref.title == "Untitled evidence"
        )

    def test_an_empty_case_has_no_needs_and_no_points(self):
        result = evidence_gaps({"format": "ehcp-case/1"})
        assert result.needs == () and result.points == () and result.gap_count == 0


POINT_TABLE = [
    # (reason, evidence, gap starts with / None, evidence indexes)
    ("Her needs can be met from SEN support", [IEP], None, [0]),
    ("Her needs can be met from SEN support", [OT], "Ask the school for its SEN support plans", []),
    ("She is making expected progress", [], "Ask the school for her attainment over time", []),
    (
        "She is making expected progress",
        [("school_report", "Hillside", "Report", "progress in maths is slow")],
        None,
        [0],
    ),
    ("Her attendance is good", [ATTEND], None, [0]),
    ("Her attendance is good", [], "Ask the school for her attendance record", []),
    ("There is no diagnosis", [EP], "A diagnosis is not needed", []),
    ("The panel did not find the paperwork sufficient", [], "Nothing in the evidence list", []),
    (
        "The panel did not find the paperwork sufficient",
        [("other", "Grace", "Paperwork list", "")],
        None,
        [0],
    ),
]


class PointTests:
    @pytest.mark.parametrize(("point", "evidence", "gap", "indexes"), POINT_TABLE)
    def test_each_point_in_dispute(self, point, evidence, gap, indexes):
        (coverage,) = evidence_gaps(_case([], evidence, [point])).points
        assert [ref.index for ref in coverage.evidence] == indexes
        if gap is None:
            assert coverage.gap is None
        else:
            assert coverage.gap.startswith(gap)

    def test_no_diagnosis_is_answered_with_the_law(self):
        (coverage,) = evidence_gaps(_case([], [], ["No diagnosis of autism"], name="James")).points
        assert coverage.law.key is Law.DIAGNOSIS_NOT_NEEDED
        assert "evidence of James' needs" in coverage.gap

    @pytest.mark.parametrize(
        ("relationship", "name", "expected"),
        [
            ("young_person", "Maya", "evidence of your needs"),
            ("parent", "", "evidence of her needs"),
        ],
    )
    def test_whose_needs_the_diagnosis_answer_names(self, relationship, name, expected):
        case = _case([], [], ["No diagnosis"], relationship=relationship, name=name)
        assert expected in evidence_gaps(case).points[0].gap

    def test_points_given_replace_the_councils_reasons(self):
        case = _case([], [IEP], ["Her needs can be met from SEN support"])
        result = evidence_gaps(case, points=["  ", "Section F is vague about phonics"])
        assert [point.point for point in result.points] == ["Section F is vague about phonics"]
        assert [ref.index for ref in result.points[0].evidence] == [0]

    def test_gap_count_adds_needs_and_points(self):
        result = evidence_gaps(
            _case([SENSORY, READING], [EP], ["No diagnosis", "Support is enough"])
        )
        # The senses (an EP report by its kind covers learning, not senses), the diagnosis
        # answer (always given), and the support reason (nothing about support in the list).
        assert result.gap_count == 3


_RANK = {Strength.PROFESSIONAL: 3, Strength.SCHOOL: 2, Strength.FAMILY: 1, Strength.NONE: 0}
evidence_items = st.tuples(
    st.sampled_from([kind.value for kind in EvidenceKind]),
    st.text(max_size=30),
    st.text(max_size=30),
    st.text(max_size=80),
)
needs = st.tuples(st.sampled_from([area.value for area in NeedArea]), st.text(max_size=80))


@given(
    need_list=st.lists(needs, max_size=4),
    evidence=st.lists(evidence_items, max_size=4),
    extra=evidence_items,
)
def test_more_evidence_never_weakens_a_need_or_unlists_an_item(need_list, evidence, extra):
    before = evidence_gaps(_case(need_list, evidence)).needs
    after = evidence_gaps(_case(need_list, [*evidence, extra])).needs
    for old, new in zip(before, after, strict=True):
        assert _RANK[new.strength] >= _RANK[old.strength]
        assert {ref.index for ref in old.evidence} <= {ref.index for ref in new.evidence}


@given(
    need_list=st.lists(needs, min_size=1, max_size=4), evidence=st.lists(evidence_items, max_size=3)
)
def test_a_professional_report_of_the_areas_kind_closes_its_gap(need_list, evidence):
    by_area = {
        NeedArea.COMMUNICATION_INTERACTION: "speech_language_therapist",
        NeedArea.COGNITION_LEARNING: "educational_psychologist",
        NeedArea.SEMH: "camhs",
        NeedArea.SENSORY_PHYSICAL: "occupational_therapist",
    }
    reports = [(by_area[NeedArea(area)], "", "", "") for area, _ in need_list]
    result = evidence_gaps(_case(need_list, [*evidence, *reports]))
    assert all(need.gap is None for need in result.needs)
