"""The child's own voice and young people, read back from the real PDF and DOCX of each letter.

letters/voice.py builds the section; templates/letters/partials/child_voice.html prints it in
the request, the reconsideration request and the draft plan representations. Present only as
given; absent when nothing was given. letters/parties.py says on what basis a parent acts for a
young person, and a young person's own letters are in the first person.
"""

from __future__ import annotations

import copy
import io
import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from letters.parties import MissingCaseData, parties_from_case
from letters.registry import LetterKind
from letters.services import letter_render
from letters.voice import voice_section
from tests.letters.docx_text import docx_text
from tests.letters.pdf_text import pdf_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TODAY = date(2026, 11, 23)
# Each letter that carries the section, with a case it can be written from.
LETTERS = [
    ("request_assessment", "case_sam"),
    ("reconsideration_request", "case_refusal_assess"),
    ("draft_plan_representations", "case_plan_draft"),
]
VOICE = {
    "child_voice": {
        "source": "own_words",
        "views": "I want a quiet place to work.",
        "strengths": "Building things and looking after our dog.",
        "hopes": "To be a vet.",
    },
    "adulthood": {"independent_living": "Taking the bus to college on my own."},
}


def case(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text())


def texts(kind: str, case_file: dict, extras: dict | None) -> list[str]:
    """The letter's text from its PDF and from its DOCX."""
    return [
        reader(
            letter_render(
                kind=kind, case_file=case_file, fmt=fmt, today=TODAY, extras=extras
            ).content
        )
        for fmt, reader in (("pdf", pdf_text), ("docx", docx_text))
    ]


@pytest.mark.parametrize(("kind", "fixture"), LETTERS)
class VoiceSectionInEveryLetterTests:
    def test_given_it_is_there_attributed_as_given(self, kind, fixture):
        name = case(fixture)["child"]["first_name"]
        for text in texts(kind, case(fixture), VOICE):
            assert f"{name}'s views, strengths and hopes" in text
            assert f"In {name}'s own words: I want a quiet place to work." in text
            assert f"What {name} is good at and enjoys: Building things" in text
            assert f"What {name} hopes for: To be a vet." in text
            assert "(SEND Regulations 2014, reg 12(1)(a))" in text
            assert "Living independently: Taking the bus to college on my own." in text
            assert "include each of these areas" in text

    def test_not_given_it_is_not_there(self, kind, fixture):
        for extras in (None, {"child_voice": {}, "adulthood": {}}):
            for text in texts(kind, case(fixture), extras):
                assert "views, strengths and hopes" not in text
                assert "Preparing for adulthood" not in text
                assert "own words:" not in text


class VoiceAttributionTests:
    def child(self, relationship="parent"):
        data = case("case_sam")
        data["applicant"]["relationship"] = relationship
        if relationship == "young_person":
            data["child"]["date_of_birth"] = "2008-05-02"
        return parties_from_case(data, TODAY, kind="test", exercises_right=False).child

    def test_as_heard(self):
        section = voice_section(
            {"child_voice": {"source": "as_heard", "views": "Too loud."}}, self.child()
        )
        assert [(line.lead, line.words) for line in section.lines] == [
            ("As I have heard Sam say:", "Too loud.")
        ]

    def test_could_not_tell_us_in_words(self):
        voice = {"source": "could_not_tell", "how_we_know": "He smiles at music."}
        section = voice_section({"child_voice": voice}, self.child())
        assert [line.lead for line in section.lines] == [
            "Sam could not tell us in words; this is how we know what Sam likes:"
        ]

    def test_could_not_tell_with_nothing_written_says_nothing(self):
        assert voice_section({"child_voice": {"source": "could_not_tell"}}, self.child()) is None

    def test_views_whose_source_was_not_given_are_not_attributed_to_anyone(self):
        assert voice_section({"child_voice": {"views": "Words"}}, self.child()) is None

    def test_a_young_person_speaks_for_themselves(self):
        voice = {"source": "own_words", "views": "I want to go to college.", "hopes": "A job."}
        section = voice_section({"child_voice": voice}, self.child("young_person"))
        assert section.heading == "My views, strengths and hopes"
        assert [line.lead for line in section.lines] == ["In my own words:", "What I hope for:"]


def young_person_case(relationship: str, acting: str | None = None) -> dict:
    data = copy.deepcopy(case("case_sam"))
    data["child"]["date_of_birth"] = "2009-04-10"  # 17 on 23 November 2026, in Year 13
    data["child"]["year_group"] = "Year 13"
    data["applicant"]["relationship"] = relationship
    if relationship == "young_person":
        data["applicant"]["name"] = "Sam Okafor"
    if acting:
        data["acting_for_young_person"] = acting
    return data


class YoungPersonLetterTests:
    @pytest.mark.parametrize(("kind", "fixture"), LETTERS)
    def test_a_young_persons_letters_are_in_the_first_person(self, kind, fixture):
        data = case(fixture)
        data["child"]["date_of_birth"] = "2009-04-10"
        data["applicant"]["relationship"] = "young_person"
        for text in texts(kind, data, VOICE):
            assert "I am writing for myself, as a young person." in text
            assert "my child" not in text.casefold()
            assert "In my own words: I want a quiet place to work." in text
            assert "My views, strengths and hopes" in text

    def test_a_young_persons_request_never_speaks_of_my_child(self):
        for text in texts("request_assessment", young_person_case("young_person"), None):
            assert "I am writing for myself, as a young person." in text
            assert "for me." in text or "for me " in text
            assert "my child" not in text.casefold() and "Sam's parent" not in text

    @pytest.mark.parametrize(
        ("acting", "sentence"),
        [
            ("agreed", "I am writing for Sam, who is 17 and has asked me to act for him."),
            (
                "lacks_capacity",
                "I am writing for Sam, who is 17 and lacks the mental capacity to make this "
                "decision, as his alternative person (SEND Regulations 2014, reg 64).",
            ),
        ],
    )
    def test_a_parent_for_a_young_person_names_the_basis(self, acting, sentence):
        for kind, fixture in LETTERS:
            data = case(fixture)
            data["child"]["date_of_birth"] = "2009-04-10"  # 17 on the letter's date
            data["child"]["pronouns"] = "he"
            data["applicant"]["relationship"] = "parent"
            data["acting_for_young_person"] = acting
            for text in texts(kind, data, None):
                assert sentence.replace("Sam", data["child"]["first_name"]) in text

    def test_an_advocate_for_the_parent_of_a_young_person_names_the_basis(self):
        data = young_person_case("advocate", "agreed")
        data["represents"] = {"name": "Grace Okafor", "relationship": "parent"}
        for text in texts("request_assessment", data, None):
            assert "Sam is 17 and has asked Grace Okafor to act for him." in text

    @pytest.mark.parametrize(("kind", "fixture"), LETTERS)
    def test_without_the_basis_the_letter_refuses_naming_it(self, kind, fixture):
        data = case(fixture)
        data["child"]["date_of_birth"] = "2009-04-10"
        with pytest.raises(MissingCaseData) as refused:
            letter_render(kind=kind, case_file=data, fmt="html", today=TODAY)
        assert refused.value.fields[0].startswith("acting_for_young_person")

    def test_a_child_needs_no_basis(self):
        text = pdf_text(
            letter_render(
                kind="request_assessment", case_file=case("case_sam"), fmt="pdf", today=TODAY
            ).content
        )
        assert "act for" not in text


@pytest.mark.parametrize("kind", [k.value for k in LetterKind])
@pytest.mark.parametrize("fixture", sorted(p.stem for p in FIXTURES.glob("case_*.json")))
def test_no_letter_of_a_young_person_speaks_of_my_child(kind, fixture):
    data = case(fixture)
    data["child"]["date_of_birth"] = "2009-04-10"
    data["applicant"]["relationship"] = "young_person"
    try:
        html = letter_render(
            kind=kind, case_file=data, fmt="html", today=TODAY, extras=VOICE
        ).content.decode()
    except MissingCaseData:
        return  # this letter does not apply to this case
    assert "my child" not in html.casefold()


class ReasonsForAppealTests:
    """Reasons for appeal carry the child's views, strengths and hopes as given; the request
    for outcomes in preparing for adulthood is written to a council, so it stays out."""

    def test_views_strengths_and_hopes_without_the_adulthood_request(self):
        data = case("case_appeal_refusal")
        name = data["child"]["first_name"]
        for text in texts("appeal_reasons", data, VOICE):
            assert f"{name}'s views, strengths and hopes" in text
            assert f"In {name}'s own words: I want a quiet place to work." in text
            assert f"What {name} hopes for: To be a vet." in text
            assert "Preparing for adulthood" not in text
            assert "include each of these areas" not in text

    def test_nothing_given_nothing_said(self):
        data = case("case_appeal_refusal")
        for extras in (None, {"adulthood": VOICE["adulthood"]}):
            for text in texts("appeal_reasons", data, extras):
                assert "views, strengths and hopes" not in text
                assert "Preparing for adulthood" not in text


class MediationSummaryVoiceTests:
    """The one-page summary the family takes into mediation carries the child's views,
    strengths and hopes as given, read back from its PDF and DOCX; the request for outcomes in
    preparing for adulthood is written to a council, so it stays out; and it still fits one
    page."""

    EXTRAS = {**VOICE, "mediation": {"wants_mediation": True}}

    def test_views_strengths_and_hopes_as_given(self):
        data = case("case_refusal_assess")
        name = data["child"]["first_name"]
        for text in texts("mediation_summary", data, self.EXTRAS):
            assert f"{name}'s views, strengths and hopes" in text
            assert f"In {name}'s own words: I want a quiet place to work." in text
            assert f"What {name} is good at and enjoys: Building things" in text
            assert f"What {name} hopes for: To be a vet." in text
            assert "Preparing for adulthood" not in text
            assert "include each of these areas" not in text
            # After what the family wants, before the evidence and the dates.
            assert text.index("What I want") < text.index(f"{name}'s views")
            assert text.index(f"{name}'s views") < text.index("Dates that matter")

    def test_still_one_page(self):
        content = letter_render(
            kind="mediation_summary",
            case_file=case("case_refusal_assess"),
            fmt="pdf",
            today=TODAY,
            extras=self.EXTRAS,
        ).content
        assert len(PdfReader(io.BytesIO(content)).pages) == 1

    def test_nothing_given_nothing_said(self):
        data = case("case_refusal_assess")
        for extras in ({"mediation": {"wants_mediation": True}}, None):
            for text in texts("mediation_summary", data, extras):
                assert "views, strengths and hopes" not in text
                assert "own words" not in text

    def test_a_young_person_speaks_for_themselves(self):
        data = case("case_refusal_assess")
        data["child"]["date_of_birth"] = "2009-04-10"
        data["applicant"]["relationship"] = "young_person"
        for text in texts("mediation_summary", data, self.EXTRAS):
            assert "My views, strengths and hopes" in text
            assert "In my own words: I want a quiet place to work." in text
            assert "my child" not in text.casefold()
