"""The draft-plan and appeal documents (letters.appeal_letters), tested by rendering the real
PDF and reading its text back.

Fixtures (tests/fixtures):
- case_plan_draft.json: Sam Okafor (he), Bristol City Council; draft plan received Wednesday
  3 February 2027 with a vague section F; preferred school Hillside Primary School.
- case_appeal_plan.json: Priya Shah (she), Hampshire County Council; draft received Monday
  20 April 2026; final plan (decision: plan_contents) Wednesday 3 June 2026; mediation
  certificate Tuesday 14 July 2026; health and care words in her needs and notes.
- case_appeal_refusal.json: Rowan Ellis (they), Leeds City Council, written by a carer;
  refusal to assess Friday 30 October 2026; certificate Monday 9 November 2026; CAMHS in needs.

Deadlines, worked by hand:
- draft received Wed 3 Feb 2027 + 14 days (15 days counting day 1) = Wed 17 Feb 2027.
- draft received Mon 20 Apr 2026 + 14 days = Mon 4 May 2026 (a bank holiday, but the parent's
  comments deadline has no roll-forward).
- plan appeal: decision Wed 3 Jun 2026 + 2 months = Mon 3 Aug 2026; certificate Tue 14 Jul 2026
  + 1 month = Fri 14 Aug 2026, the later; in August, so the first working day after 31 August
  (itself a bank holiday in 2026): Tue 1 Sep 2026.
- refusal appeal: decision Fri 30 Oct 2026 + 2 months = Wed 30 Dec 2026; certificate Mon 9 Nov
  2026 + 1 month = Wed 9 Dec 2026, earlier; 30 December is in the 25 December-1 January
  window, so the first working day after Fri 1 Jan 2027: Mon 4 Jan 2027.
"""

import copy
import json
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from journeys.cases.casefile import validate_case_file
from letters.appeal_checklist import build_appeal_checklist
from letters.appeal_reasons import build_appeal_reasons
from letters.context import MissingCaseData
from letters.draft_plan_representations import build_draft_plan_representations
from letters.evidence_index import build_evidence_index
from letters.plan_wording import explain_flags
from letters.registry import letter_spec
from letters.rendering import StaticFilesOnlyFetcher, html_to_pdf, letter_html
from letters.services import letter_render
from tests.letters.docx_text import docx_text
from tests.letters.pdf_text import pdf_text, text_positions_outside_page

ROOT = Path(__file__).parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PLACEHOLDER_LEAKS = ("{{", "}}", "{%", "${", "None", "[object", "undefined", "vague:", "no_")

DRAFT_DAY = date(2027, 2, 8)  # case_plan_draft: within the 15 days
PLAN_APPEAL_DAY = date(2026, 7, 20)  # case_appeal_plan: before Tue 1 Sep 2026
REFUSAL_APPEAL_DAY = date(2026, 11, 20)  # case_appeal_refusal: before Mon 4 Jan 2027


def load(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text())


@pytest.fixture
def draft_case():
    return load("case_plan_draft")


@pytest.fixture
def plan_case():
    return load("case_appeal_plan")


@pytest.fixture
def refusal_case():
    return load("case_appeal_refusal")


def render(kind: str, case, today: date, extras=None) -> str:
    content = letter_render(kind=kind, case_file=case, fmt="pdf", today=today, extras=extras)
    return pdf_text(content.content)


def without_health_words(case):
    """The plan case with every health or care word taken out of its needs and notes."""
    case = copy.deepcopy(case)
    case["needs"] = [
        {
            "area": "communication_interaction",
            "description": "Priya cannot follow long instructions.",
            "impact": "She falls behind in lessons.",
        }
    ]
    case["notes"] = "Priya loves swimming."
    return case


F_FIX = {
    "section": "F",
    "original": "Sam will have access to speech and language therapy as needed.",
    "flags": ["vague:access to", "vague:as needed", "no_frequency", "no_provider", "no_review"],
    "proposed": "Sam will receive 45 minutes of direct speech and language therapy each week "
    "from a qualified speech and language therapist, reviewed each term.",
}
B_FIX = {
    "section": "B",
    "original": "Sam has difficulties with receptive language.",
    "flags": ["no_duration", "mystery_flag"],
    "proposed": "Sam has a severe receptive language disorder (see the SLT report).",
}


def test_the_fixtures_are_valid_case_files():
    for name in ("case_plan_draft", "case_appeal_plan", "case_appeal_refusal"):
        validate_case_file(load(name))


# -- 1. comments on the draft plan ------------------------------------------------------------


class DraftPlanRepresentationsTests:
    def test_from_the_case_file_alone(self, draft_case):
        text = render("draft_plan_representations", draft_case, DRAFT_DAY)
        assert "Comments on the draft EHC plan" in text
        assert "Child: Sam Okafor, born 2 May 2017" in text
        assert "SEND team Bristol City Council" in text and "Grace Okafor" in text
        assert "I am Sam's parent." in text
        assert "which I received on 3 February 2027" in text
        # Received Wed 3 Feb 2027: 15 days counting that day as day 1 end Wed 17 Feb 2027.
        assert "that is until Wednesday 17 February 2027" in text
        assert "(SEND Regulations 2014, reg 13(1)(a))" in text
        assert "at least 15 days, beginning with the day the draft plan was served" in text
        assert "reg 22(2)(c)" not in text
        assert "(Children and Families Act 2014, s.42(2))" in text
        assert "Sam will have access to speech and language therapy as needed." in text
        assert (
            "Provision must be detailed and specific and should normally be quantified, for "
            "example, in terms of the type, hours and frequency of support and level of expertise"
        ) in text
        assert "Please specify and quantify every provision in section F" in text
        assert "after that day" not in text
        assert "meeting" not in text

    def test_asks_for_the_preferred_school_with_the_council_duty(self, draft_case):
        draft_case["plan"]["preferred_setting_kind"] = "maintained_school"
        text = render("draft_plan_representations", draft_case, DRAFT_DAY)
        assert "I ask you to name Hillside Primary School in section I of Sam's final plan" in text
        assert "(Children and Families Act 2014, s.39(3) and (4))" in text
        assert (
            "unsuitable for the child or young person's age, ability, aptitude or special "
            "educational needs, or their attendance would be incompatible with the efficient "
            "education of others or the efficient use of resources"
        ) in text
        assert "Education Act 1996" not in text

    def test_without_the_schools_kind_it_asks_without_arguing_either_law(self, draft_case):
        draft_case["plan"].pop("preferred_setting_kind", None)
        text = render("draft_plan_representations", draft_case, DRAFT_DAY)
        assert "I ask you to name Hillside Primary School in section I" in text
        assert "s.39" not in text and "Education Act 1996" not in text

    def test_a_second_case_her_dates_and_pronouns(self, plan_case):
        text = render("draft_plan_representations", plan_case, date(2026, 4, 24))
        assert "Child: Priya Shah, born 14 September 2015" in text
        assert "Hampshire County Council" in text and "Anita Shah" in text
        # Received Mon 20 Apr 2026 + 14 days: Mon 4 May 2026 (no roll-forward for parents).
        assert "that is until Monday 4 May 2026" in text
        assert "what help she will get" in text
        assert "Oakfield Primary School" in text

    def test_with_plan_fixes_quotes_explains_and_proposes_by_section(self, draft_case):
        extras = {"plan_fixes": [F_FIX, B_FIX], "meeting_requested": True}
        text = render("draft_plan_representations", draft_case, DRAFT_DAY, extras)
        # Section B comes before section F, whatever order the fixes came in.
        b, f = text.index("Section B: special educational needs"), text.index("Section F:")
        assert b < f
        assert F_FIX["original"] in text and F_FIX["proposed"] in text
        assert B_FIX["original"] in text and B_FIX["proposed"] in text
        assert 'It uses the vague words "access to" and "as needed", which do not commit' in text
        assert "It does not say how often the help will be given" in text
        assert "It does not say who will give the help" in text
        # Code 9.69 does not require a review statement: a suggestion, not a defect.
        assert "how and when progress will be checked" not in text
        assert "It does not say how long each session lasts" in text
        assert "not specific enough for anyone to know exactly what help" in text  # unknown code
        assert "I ask you to replace it with:" in text
        assert "Please specify and quantify every provision in section F" not in text
        for code in ("vague:", "no_frequency", "no_provider", "mystery_flag"):
            assert code not in text

    def test_meeting_request_cites_the_regulation_that_gives_it(self, draft_case):
        text = render(
            "draft_plan_representations", draft_case, DRAFT_DAY, {"meeting_requested": True}
        )
        assert "(SEND Regulations 2014, reg 13(1)(a)(ii))" in text
        assert "require the council to arrange a meeting with an officer" in text
        assert "Please arrange the meeting asked for" in text

    def test_late_comments_say_so(self, draft_case):
        text = render("draft_plan_representations", draft_case, date(2027, 2, 18))
        assert "these comments reach you after that day" in text

    def test_without_a_preferred_school_no_school_request(self, draft_case):
        del draft_case["plan"]["preferred_setting"]
        text = render("draft_plan_representations", draft_case, DRAFT_DAY)
        assert "s.39" not in text and "section 39" not in text

    def test_a_young_person_writes_for_themselves(self, draft_case):
        draft_case["applicant"].update(name="Sam Okafor", relationship="young_person")
        text = render("draft_plan_representations", draft_case, DRAFT_DAY)
        assert "I am writing for myself, as a young person." in text
        assert "Young person: Sam Okafor" in text
        assert "section I of my final plan" in text
        assert "Sam's parent" not in text


# -- 2. reasons for appeal ----------------------------------------------------------------------


class AppealReasonsTests:
    def test_plan_contents_from_the_case_file_alone(self, plan_case):
        text = render("appeal_reasons", plan_case, PLAN_APPEAL_DAY)
        assert "Reasons for appeal" in text
        assert "Appeal by Anita Shah about Priya Shah, born 14 September 2015" in text
        assert "Local authority: Hampshire County Council" in text
        assert (
            "against the decision of Hampshire County Council, dated 3 June 2026, about what "
            "Priya's final EHC plan says" in text
        )
        assert "Date the mediation certificate was issued: 14 July 2026." in text
        # 3 Jun + 2 months = 3 Aug; 14 Jul + 1 month = 14 Aug (later, August) -> Tue 1 Sep 2026.
        assert "The time limit for this appeal ends at 5pm on Tuesday 1 September 2026" in text
        assert "This appeal is made within that time." in text
        for reason in plan_case["decision"]["reasons_given"]:
            assert reason in text
        # Each document's key points stated once, under "Evidence"; each reason points there
        # (no document is tied to a reason the family did not tie it to).
        for shows in (
            "Document 4: Independent speech and language therapy report, by Dr L Moreno, dated "
            "12 February 2026. What it shows: recommends 1 hour a week of direct therapy",
            "Document 5: Occupational therapy report, by K Brown, OT, dated 2 March 2026. What "
            "it shows: recommends a 6-week block",
        ):
            assert text.count(shows) == 1
        assert text.count("For the evidence, see the documents listed, with what each shows") == 2
        # The plan's own vague wording, quoted, with the general request.
        assert "Priya will have access to speech and language therapy as needed." in text
        assert "section F specifies and quantifies every provision" in text
        assert "names Oakfield Primary School" in text
        assert (
            "To order Hampshire County Council to amend Priya's plan so that section B describes "
            "every need and section F specifies and quantifies the provision for each, and to "
            "name Oakfield Primary School in section I."
        ) in text
        assert "Why this appeal is late" not in text
        assert "Document 1: Decision letter, by Hampshire County Council" in text

    def test_plan_contents_with_the_parents_words(self, plan_case):
        extras = {
            "reason_responses": [
                {
                    "reason": plan_case["decision"]["reasons_given"][1],
                    "response": "Priya cannot write without occupational therapy; therapy that "
                    "educates her is special educational provision.",
                },
                {"reason": "A reason the case file lost", "response": "My answer to it."},
            ],
            "plan_fixes": [
                {
                    "section": "F",
                    "original": "Regular fine motor practice.",
                    "flags": ["vague:regular", "no_frequency", "no_duration"],
                    "proposed": "20 minutes of fine motor practice every school day, planned by "
                    "an occupational therapist.",
                }
            ],
            "appeal": {
                "grounds": ["The council did not consult Oakfield Primary School."],
                "witnesses": [
                    {
                        "name": "Dr L Moreno",
                        "role": "independent speech and language therapist",
                        "evidence": "why Priya needs weekly direct therapy",
                    }
                ],
            },
            "outcome_sought": "Order the council to specify weekly therapy and name Oakfield.",
        }
        text = render("appeal_reasons", plan_case, PLAN_APPEAL_DAY, extras)
        assert "therapy that educates her is special educational provision." in text
        assert "A reason the case file lost" in text and "My answer to it." in text
        assert "Regular fine motor practice." in text
        assert 'It uses the vague words "regular"' in text
        assert "20 minutes of fine motor practice every school day" in text
        assert "I ask the Tribunal to order that it says instead:" in text
        # Section B has no fix, so the plan's own B is quoted, before F.
        assert text.index("Priya has some language difficulties.") < text.index(
            "Regular fine motor practice."
        )
        assert "The council did not consult Oakfield Primary School." in text
        assert "Dr L Moreno, independent speech and language therapist: why Priya needs" in text
        assert "Order the council to specify weekly therapy and name Oakfield." in text
        assert "To order Hampshire County Council" not in text

    def test_refusal_to_assess_a_second_case(self, refusal_case):
        text = render("appeal_reasons", refusal_case, REFUSAL_APPEAL_DAY)
        assert "Appeal by Jo Ellis about Rowan Ellis" in text
        assert "I am Rowan's carer, with parental responsibility for them." in text
        assert (
            "not to carry out an education, health and care (EHC) needs assessment for Rowan"
            in text
        )
        # 30 Oct + 2 months = Wed 30 Dec 2026 (Christmas window) -> Mon 4 Jan 2027.
        assert "The time limit for this appeal ends at 5pm on Monday 4 January 2027" in text
        assert "has or may have special educational needs" in text
        assert "(Children and Families Act 2014, s.36(8))" in text
        assert "Rowan's needs can be met from the school's SEN support" in text
        assert (
            "Document 3: SEN support review, by Ms T Green, SENCo, dated 10 July 2026. What it "
            "shows: reading age 8 years 2 months" in text
        )
        assert "To order Leeds City Council to carry out an EHC needs assessment for Rowan." in text

    @pytest.mark.parametrize(
        ("kind", "must", "must_not"),
        [
            (
                "refusal_to_assess",
                ["s.36(8))", "This is a low threshold"],
                ["s.37", "9.69", "Recommendations Power", "s.39"],
            ),
            (
                "refusal_to_issue_plan",
                ["s.37(1))"],
                ["36(8)", "s.39"],
            ),
            (
                "plan_contents",
                ["s.37(2); SEND Regulations 2014, reg 12(1))", "para 9.69)", "s.39(3) and (4))"],
                ["36(8)", "37(1)", "Education Act 1996"],
            ),
            (
                "placement_only",
                ["s.39(3) and (4))"],
                ["36(8)", "9.69", "Recommendations Power", "Education Act 1996"],
            ),
            ("cease_to_maintain", ["s.45(1))", "45(4)"], ["36(8)", "s.39"]),
        ],
    )
    def test_cites_the_law_for_the_decision(self, plan_case, kind, must, must_not):
        plan_case["decision"]["kind"] = kind
        plan_case["plan"]["preferred_setting_kind"] = "maintained_school"
        text = render("appeal_reasons", plan_case, PLAN_APPEAL_DAY)
        for citation in must:
            assert citation in text, citation
        for citation in must_not:
            assert citation not in text, citation
        assert "Tuesday 1 September 2026" in text  # the same r.20(1)(c) time limit

    def test_late_section_whenever_the_time_has_passed(self, plan_case):
        # Finding 2: the deadline (Tue 1 Sep 2026) has passed on the letter's date, so the
        # request to extend time is there whatever the journey asked.
        late_day = date(2026, 9, 10)
        text = render("appeal_reasons", plan_case, late_day)
        assert "Why this appeal is late" in text
        assert "asks the Tribunal" in text or "I ask the Tribunal to extend the time" in text
        assert "The reasons it was not sent in time will follow as soon as possible." in text
        assert "This appeal is made within that time." not in text  # it is not
        extras = {"appeal": {"late": True, "late_reason": "I was in hospital all of August."}}
        text = render("appeal_reasons", plan_case, late_day, extras)
        assert "Why this appeal is late" in text
        assert "I was in hospital all of August." in text
        assert "(Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008" in text
        assert "5(3)(a) and r.20(4))" in text
        assert "This appeal is made within that time." not in text
        text = render("appeal_reasons", plan_case, PLAN_APPEAL_DAY)
        assert "Why this appeal is late" not in text

    def test_late_without_a_reason_still_asks_for_time(self, plan_case):
        text = render("appeal_reasons", plan_case, PLAN_APPEAL_DAY, {"appeal": {"late": True}})
        assert "Why this appeal is late" in text and "This is why:" not in text
        assert "I ask the Tribunal to extend the time for this appeal" in text


class HealthAndCareRecommendationsTests:
    """The rule (letters.appeal_reasons.asks_for_recommendations): only for appeals under
    s.51(2)(b)-(f) other than placement-only (never for a refusal to assess); then the parent's
    answer (extras.appeal.health_or_care) decides, and only without one do the needs or notes
    (a health or care word, not "mental health" nor the plan's own name)."""

    PARAGRAPH = "Recommendations Power) Regulations 2017"

    @pytest.mark.parametrize(
        ("kind", "health_words", "extras_flag", "expected"),
        [
            ("plan_contents", True, None, True),
            ("plan_contents", False, None, False),
            ("plan_contents", False, True, True),
            # The parent's "no" wins over health and care words in the case file.
            ("plan_contents", True, False, False),
            ("refusal_to_issue_plan", True, False, False),
            ("cease_to_maintain", True, False, False),
            ("refusal_to_issue_plan", True, None, True),
            ("refusal_to_amend", False, True, True),
            ("cease_to_maintain", True, None, True),
            ("placement_only", True, True, False),
            ("refusal_to_assess", True, True, False),
        ],
    )
    def test_the_rule(self, plan_case, kind, health_words, extras_flag, expected):
        case = plan_case if health_words else without_health_words(plan_case)
        case["decision"]["kind"] = kind
        extras = {} if extras_flag is None else {"appeal": {"health_or_care": extras_flag}}
        text = render("appeal_reasons", case, PLAN_APPEAL_DAY, extras)
        assert (self.PARAGRAPH in text) is expected
        assert ("the government confirmed in July 2021 that they continue" in text) is expected

    def test_never_for_a_refusal_to_assess_even_with_camhs(self, refusal_case):
        text = render(
            "appeal_reasons", refusal_case, REFUSAL_APPEAL_DAY, {"appeal": {"health_or_care": True}}
        )
        assert self.PARAGRAPH not in text and "Health and social care" not in text

    @pytest.mark.parametrize(
        "notes",
        [
            "We waited a year for this education, health and care plan.",
            "We waited a year for this Education Health and Care plan.",
            "We waited a year for this education, health & care plan.",
        ],
    )
    def test_the_plans_own_name_is_not_a_health_need(self, plan_case, notes):
        case = without_health_words(plan_case)
        case["notes"] = notes
        text = render("appeal_reasons", case, PLAN_APPEAL_DAY)
        assert self.PARAGRAPH not in text

    @pytest.mark.parametrize(
        ("description", "expected"),
        [
            # Social, emotional and mental health is an area of SEN (sections B and F).
            ("Priya has social, emotional and mental health needs.", False),
            ("Priya's mental health makes school hard.", False),
            ("Priya has anxiety that affects her mental-health at school.", False),
            # A health service or professional is still a health need.
            ("Priya is seen by CAMHS for her mental health.", True),
            ("Priya has mental health needs and physical health needs.", True),
            ("Priya sees a mental health nurse weekly.", True),
        ],
    )
    def test_mental_health_alone_is_not_a_health_need(self, plan_case, description, expected):
        case = without_health_words(plan_case)
        case["needs"][0]["description"] = description
        text = render("appeal_reasons", case, PLAN_APPEAL_DAY)
        assert (self.PARAGRAPH in text) is expected

    def test_the_parents_no_wins_over_the_case_file(self, plan_case):
        # The fixture's needs and notes mention therapy and respite care.
        assert self.PARAGRAPH in render("appeal_reasons", plan_case, PLAN_APPEAL_DAY)
        text = render(
            "appeal_reasons", plan_case, PLAN_APPEAL_DAY, {"appeal": {"health_or_care": False}}
        )
        assert self.PARAGRAPH not in text and "confirmed in July 2021" not in text

    def test_the_parents_yes_needs_no_health_words(self, plan_case):
        case = without_health_words(plan_case)
        case["needs"][0]["description"] = "Priya has social, emotional and mental health needs."
        text = render("appeal_reasons", case, PLAN_APPEAL_DAY, {"appeal": {"health_or_care": True}})
        assert self.PARAGRAPH in text

    def test_the_journeys_answer_decides(self, plan_case):
        # What the appeal journey saves (journeys.wizard.stage_cases.appeal_extras) is obeyed
        # both ways.
        from journeys.wizard.stage_cases import appeal_extras

        for answer, expected in (("yes", True), ("no", False)):
            extras = appeal_extras({"health-care": {"health_or_care": answer}})
            text = render("appeal_reasons", plan_case, PLAN_APPEAL_DAY, extras)
            assert (self.PARAGRAPH in text) is expected, answer

    def test_words_it_carefully(self, plan_case):
        text = render("appeal_reasons", plan_case, PLAN_APPEAL_DAY)
        assert "national trial from April 2018 to August 2021" in text
        assert "the government confirmed in July 2021 that they continue" in text
        assert "not binding" in text
        assert "permanent" not in text


# -- 3. the evidence index -----------------------------------------------------------------------


class EvidenceIndexTests:
    def test_plan_appeal_lists_decision_certificate_plan_then_evidence(self, plan_case):
        text = render("evidence_index", plan_case, PLAN_APPEAL_DAY)
        assert "Evidence index" in text and "Appeal about Priya Shah" in text
        assert "Local authority: Hampshire County Council" in text
        order = [
            "1. Decision letter Author: Hampshire County Council Date: 3 June 2026",
            "2. Mediation certificate Author: Mediation adviser Date: 14 July 2026",
            "3. Final EHC plan, with all its appendices",
            "4. Independent speech and language therapy report Author: Dr L Moreno",
            "5. Occupational therapy report Author: K Brown, OT",
            "6. My own diary or notes Author: Anita Shah Date: 31 May 2026",
        ]
        positions = [text.index(row) for row in order]
        assert positions == sorted(positions)
        assert "What it shows: recommends 1 hour a week of direct therapy" in text

    def test_refusal_appeal_a_second_case(self, refusal_case):
        text = render("evidence_index", refusal_case, REFUSAL_APPEAL_DAY)
        assert "Appeal about Rowan Ellis" in text and "Leeds City Council" in text
        assert "Decision appealed: Refusal to assess, dated 30 October 2026." in text
        assert "1. Decision letter Author: Leeds City Council" in text
        assert "2. Mediation certificate" in text
        assert "3. SEN support review Author: Ms T Green, SENCo Date: 10 July 2026" in text
        assert (
            "4. Attendance record 2025 to 2026 Author: Kirkstall Academy Date: 30 September 2026"
            in text
        )
        assert "Final EHC plan" not in text

    def test_without_evidence_still_lists_the_decision_letter(self, refusal_case):
        refusal_case.pop("evidence")
        refusal_case["events"] = [
            e for e in refusal_case["events"] if e["type"] != "mediation_certificate_issued"
        ]
        text = render("evidence_index", refusal_case, REFUSAL_APPEAL_DAY)
        assert "1. Decision letter Author: Leeds City Council" in text
        index = build_evidence_index(refusal_case, today=REFUSAL_APPEAL_DAY)
        assert [d.title for d in index.documents] == ["Decision letter"]

    def test_a_certificate_from_before_the_decision_does_not_count(self, refusal_case):
        for event in refusal_case["events"]:
            if event["type"] == "mediation_certificate_issued":
                event["date"] = "2026-10-01"  # before the decision of 30 October 2026
        index = build_evidence_index(refusal_case, today=REFUSAL_APPEAL_DAY)
        assert "Mediation certificate" not in [d.title for d in index.documents]

    def test_a_case_with_no_decision_recorded(self, case_file):
        text = render("evidence_index", case_file, date(2026, 12, 1))
        assert "1. Decision letter Author: Bristol City Council" in text
        assert "The decision appealed." in text
        assert "2. EP report Author: Dr A Patel Date: 10 March 2026" in text


# -- 4. what to send with the appeal --------------------------------------------------------------


class AppealChecklistTests:
    def test_plan_appeal(self, plan_case):
        text = render("appeal_checklist", plan_case, PLAN_APPEAL_DAY)
        assert "What to send with your appeal" in text
        assert "Your appeal about Priya Shah against Hampshire County Council" in text
        assert "Use form SEND35, the form for every other appeal" in text
        assert "Your appeal must reach the Tribunal by 5pm on Tuesday 1 September 2026" in text
        assert "Friday 14 August 2026 falls in August." in text  # the working is shown
        assert "decision letter, dated 3 June 2026" in text
        assert "Your mediation certificate. Yours was issued on 14 July 2026." in text
        assert "the final EHC plan, with all its appendices" in text
        assert "Document 6: My own diary or notes, dated 31 May 2026" in text
        assert "If you are late" in text and "Your deadline has passed" not in text
        assert "online through GOV.UK, or by email or post" in text

    def test_refusal_to_assess_uses_send35a(self, refusal_case):
        text = render("appeal_checklist", refusal_case, REFUSAL_APPEAL_DAY)
        assert "Your appeal about Rowan Ellis against Leeds City Council" in text
        assert (
            "Use form SEND35a, the form for an appeal against a refusal to carry out an EHC "
            "needs assessment" in text
        )
        assert "by 5pm on Monday 4 January 2027" in text
        assert "falls between 25 December and 1 January" in text
        assert "Your mediation certificate. Yours was issued on 9 November 2026." in text
        assert "EHC plan, with all its appendices" not in text

    @pytest.mark.parametrize(
        ("kind", "needed"),
        [
            ("placement_only", False),
            ("plan_contents", True),
            ("refusal_to_assess", True),
            ("refusal_to_issue_plan", True),
            ("refusal_to_amend", True),
            ("cease_to_maintain", True),
        ],
    )
    def test_mediation_certificate_needed_except_for_section_i_alone(self, plan_case, kind, needed):
        plan_case["decision"]["kind"] = kind
        text = render("appeal_checklist", plan_case, PLAN_APPEAL_DAY)
        assert ("You do not need a mediation certificate" in text) is not needed
        assert ("Your mediation certificate." in text) is needed

    def test_without_a_certificate_explains_how_to_get_one(self, refusal_case):
        refusal_case["events"] = [
            e for e in refusal_case["events"] if e["type"] != "mediation_certificate_issued"
        ]
        text = render("appeal_checklist", refusal_case, REFUSAL_APPEAL_DAY)
        assert "must contact a mediation adviser and get a mediation certificate" in text
        assert "within 3 working days" in text
        assert "You have not recorded a mediation certificate yet." in text

    def test_cites_regulation_33_for_the_2_month_limit_not_section_55(self, refusal_case):
        # Act s.55: the requirement to contact an adviser before appealing; SEND Regulations
        # 2014 reg 33: within 2 months of the decision letter (as mediation_adviser.html says).
        refusal_case["events"] = [
            e for e in refusal_case["events"] if e["type"] != "mediation_certificate_issued"
        ]
        text = " ".join(render("appeal_checklist", refusal_case, REFUSAL_APPEAL_DAY).split())
        assert "Taking part in mediation itself is a choice (Children and Families Act 2014" in text
        assert (
            "The mediation adviser must be contacted within 2 months of the decision letter "
            "(SEND Regulations 2014, reg 33)." in text
        )
        assert "2 months of the decision (section 55" not in text
        assert "within 3 working days (SEND Regulations 2014, reg 34(1))" in text

    def test_a_young_person_is_spoken_to_as_you(self, plan_case):
        plan_case["applicant"].update(name="Priya Shah", relationship="young_person")
        plan_case["decision"]["kind"] = "refusal_to_amend"
        text = render("appeal_checklist", plan_case, PLAN_APPEAL_DAY)
        assert "Your appeal against Hampshire County Council" in text
        assert "decision not to amend your EHC plan after a review" in text
        assert "the current EHC plan, with all its appendices" in text
        text = render("appeal_reasons", plan_case, PLAN_APPEAL_DAY)
        assert "Appeal by Priya Shah, the young person, born 14 September 2015" in text
        assert "I am writing for myself, as a young person." in text
        assert "not to amend my EHC plan after a review" in text
        assert "(Children and Families Act 2014, s.37(2); SEND Regulations 2014, reg 12(1))" in text

    def test_late(self, plan_case):
        text = render("appeal_checklist", plan_case, date(2026, 9, 2))
        assert "Your deadline has passed, or you expect your appeal to be late." in text
        assert "You can ask the Tribunal to extend time; it may refuse." in text
        assert "ask for more time and explain why the appeal is late" in text


# -- refusals: what is missing is named -----------------------------------------------------------


class MissingCaseDataTests:
    def test_draft_plan_without_the_draft_event(self, draft_case):
        draft_case["events"] = [e for e in draft_case["events"] if e["type"] != "draft_plan_issued"]
        with pytest.raises(MissingCaseData) as raised:
            build_draft_plan_representations(draft_case, today=DRAFT_DAY)
        assert raised.value.fields == ["events (draft_plan_issued)"]
        assert "events (draft_plan_issued)" in str(raised.value)

    def test_draft_plan_without_plan_sections_or_event(self, case_file):
        with pytest.raises(MissingCaseData) as raised:
            build_draft_plan_representations(case_file, today=DRAFT_DAY)
        assert raised.value.fields == ["plan.sections (B, F or I)", "events (draft_plan_issued)"]

    def test_draft_plan_with_empty_sections(self, draft_case):
        draft_case["plan"]["sections"] = {"B": "", "F": "  "}
        with pytest.raises(MissingCaseData) as raised:
            build_draft_plan_representations(draft_case, today=DRAFT_DAY)
        assert raised.value.fields == ["plan.sections (B, F or I)"]

    def test_draft_plan_without_the_council(self, draft_case):
        del draft_case["local_authority"]
        with pytest.raises(MissingCaseData) as raised:
            build_draft_plan_representations(draft_case, today=DRAFT_DAY)
        assert raised.value.fields == ["local_authority.name"]

    @pytest.mark.parametrize("build", [build_appeal_reasons, build_appeal_checklist])
    def test_appeal_documents_without_a_decision(self, case_file, build):
        with pytest.raises(MissingCaseData) as raised:
            build(case_file, today=PLAN_APPEAL_DAY)
        assert raised.value.fields == ["decision.kind", "decision.date"]

    def test_appeal_reasons_with_an_unknown_decision_kind(self, plan_case):
        plan_case["decision"]["kind"] = "tea_and_biscuits"
        with pytest.raises(MissingCaseData) as raised:
            build_appeal_reasons(plan_case, today=PLAN_APPEAL_DAY)
        assert raised.value.fields == ["decision.kind"]

    def test_appeal_reasons_without_the_applicant(self, refusal_case):
        refusal_case["applicant"].pop("name")
        with pytest.raises(MissingCaseData) as raised:
            build_appeal_reasons(refusal_case, today=REFUSAL_APPEAL_DAY)
        assert raised.value.fields == ["applicant.name"]

    def test_evidence_index_needs_only_the_childs_name(self, refusal_case):
        refusal_case["child"]["first_name"] = ""
        with pytest.raises(MissingCaseData) as raised:
            build_evidence_index(refusal_case, today=REFUSAL_APPEAL_DAY)
        assert raised.value.fields == ["child.first_name"]

    def test_the_service_refuses_the_same_way(self, draft_case):
        draft_case["events"] = []
        with pytest.raises(MissingCaseData, match=r"draft_plan_representations letter needs"):
            letter_render(kind="draft_plan_representations", case_file=draft_case, fmt="pdf")


# -- no placeholders, whatever the case --------------------------------------------------------

FULL_EXTRAS = {
    "reason_responses": [{"reason": "x", "response": "y"}],
    "plan_fixes": [F_FIX, {"section": "F"}, {"section": "", "original": "Loose words."}],
    "meeting_requested": True,
    "outcome_sought": "",
    "appeal": {
        "late": True,
        "late_reason": "",
        "grounds": ["", "A point."],
        "witnesses": [{"name": "A Witness"}, {"role": "no name"}],
        "health_or_care": True,
    },
}


@pytest.mark.parametrize(
    ("kind", "fixture", "today"),
    [
        ("draft_plan_representations", "case_plan_draft", DRAFT_DAY),
        ("draft_plan_representations", "case_appeal_plan", date(2026, 4, 24)),
        ("appeal_reasons", "case_appeal_plan", PLAN_APPEAL_DAY),
        ("appeal_reasons", "case_appeal_refusal", REFUSAL_APPEAL_DAY),
        ("evidence_index", "case_appeal_plan", PLAN_APPEAL_DAY),
        ("evidence_index", "case_appeal_refusal", REFUSAL_APPEAL_DAY),
        ("appeal_checklist", "case_appeal_plan", PLAN_APPEAL_DAY),
        ("appeal_checklist", "case_appeal_refusal", REFUSAL_APPEAL_DAY),
    ],
)
@pytest.mark.parametrize("extras", [None, FULL_EXTRAS], ids=["no-extras", "extras"])
def test_no_placeholder_ever_reaches_a_document(kind, fixture, today, extras):
    text = render(kind, load(fixture), today, extras)
    assert letter_spec(kind).title in text
    for leak in PLACEHOLDER_LEAKS:
        assert leak not in text, leak


def test_minimal_cases_still_read_well():
    minimal = {
        "format": "ehcp-case/1",
        "child": {"first_name": "Ada"},
        "applicant": {"name": "Lin Park"},
        "local_authority": {"name": "York Council"},
        "decision": {"kind": "refusal_to_issue_plan", "date": "2026-03-31"},
        "events": [{"type": "draft_plan_issued", "date": "2026-03-02"}],
        "plan": {"sections": {"F": "Support as needed."}},
    }
    texts = [
        render(kind, minimal, date(2026, 4, 1))
        for kind in (
            "draft_plan_representations",
            "appeal_reasons",
            "evidence_index",
            "appeal_checklist",
        )
    ]
    # 31 Mar 2026 + 2 months = Sun 31 May 2026 -> the next working day, Mon 1 Jun 2026 (r.12(2)).
    assert "Monday 1 June 2026" in texts[1] and "Monday 1 June 2026" in texts[3]
    assert "I am writing about Ada." in texts[0] and "I am writing about Ada." in texts[1]
    for text in texts:
        assert "Ada" in text
        for leak in PLACEHOLDER_LEAKS:
            assert leak not in text, leak


def test_flag_codes_in_plain_words():
    assert explain_flags(["no_frequency", "no_frequency", "", "vague:", "odd"]) == (
        "It does not say how often the help will be given (for example, how many sessions a week).",
        "The wording is not specific enough for anyone to know exactly what help will be given.",
    )


# -- hostile input --------------------------------------------------------------------------------

HOSTILE = {
    "script": "<script>alert('x')</script>",
    "image": '<img src="http://203.0.113.9/track.png">',
    "rtl": "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 mixed \u202eevil",
    "long": "x" * 5000,
    "template": "{{ letter.sender_name }} {% now 'Y' %} ${HOME}",
}


def hostile(case):
    """Every free-text field these documents print, filled with hostile input."""
    case = copy.deepcopy(case)
    case["child"]["first_name"] = HOSTILE["script"]
    case["plan"]["sections"]["F"] = HOSTILE["long"] + " " + HOSTILE["image"]
    case["plan"]["sections"]["B"] = HOSTILE["rtl"]
    case["plan"]["preferred_setting"] = HOSTILE["template"]
    case["decision"]["reasons_given"] = [HOSTILE["image"], HOSTILE["long"]]
    case["evidence"][0]["key_points"] = HOSTILE["long"]
    case["evidence"][1]["title"] = HOSTILE["image"]
    case["evidence"][1]["author"] = HOSTILE["long"]
    case["evidence"][2]["title"] = HOSTILE["long"]
    return case


HOSTILE_EXTRAS = {
    "reason_responses": [{"reason": HOSTILE["image"], "response": HOSTILE["long"]}],
    "plan_fixes": [
        {
            "section": HOSTILE["script"],
            "original": HOSTILE["long"],
            "flags": ["vague:" + HOSTILE["image"], HOSTILE["template"]],
            "proposed": HOSTILE["rtl"] + " " + HOSTILE["long"],
        }
    ],
    "outcome_sought": HOSTILE["long"],
    "appeal": {
        "late": True,
        "late_reason": HOSTILE["script"] + " " + HOSTILE["long"],
        "grounds": [HOSTILE["long"]],
        "witnesses": [
            {"name": HOSTILE["script"], "role": HOSTILE["rtl"], "evidence": HOSTILE["long"]}
        ],
    },
}


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a document tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


class HostileInputTests:
    KINDS = ("draft_plan_representations", "appeal_reasons", "evidence_index", "appeal_checklist")

    rendered: dict = {}  # kind -> (html, pdf, fetcher): the same hostile case every time

    def render_spied(self, kind, case, extras):
        if kind not in self.rendered:
            self.rendered[kind] = self._render(kind, case, extras)
        return self.rendered[kind]

    def _render(self, kind, case, extras):
        spec = letter_spec(kind)
        letter = spec.build_context(case, today=PLAN_APPEAL_DAY, extras=extras)
        html = letter_html(template=spec.template, letter=letter, title=spec.title, standalone=True)
        fetcher = StaticFilesOnlyFetcher()
        return html, html_to_pdf(html, fetcher=fetcher), fetcher

    @pytest.mark.parametrize("kind", KINDS)
    def test_prints_as_text_stays_on_the_page_and_fetches_nothing(
        self, plan_case, kind, no_network
    ):
        html, content, fetcher = self.render_spied(kind, hostile(plan_case), HOSTILE_EXTRAS)
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;" in html
        text = pdf_text(content)
        assert "<script>alert('x')</script>" in text
        assert fetcher.refused == []
        assert "/static/css/letter.css" in fetcher.served
        assert text_positions_outside_page(content) == []
        assert text.replace(" ", "").count("x" * 100) >= 1

    def test_every_hostile_field_reaches_the_reasons_as_text(self, plan_case):
        _, content, _ = self.render_spied("appeal_reasons", hostile(plan_case), HOSTILE_EXTRAS)
        text = pdf_text(content)
        assert '<img src="http://203.0.113.9/track.png">' in text
        assert "{{ letter.sender_name }}" in text and "{HOME}" in text  # "$" may end a line
        assert "\u05e9\u05dc\u05d5\u05dd" in text and "mixed" in text
        assert 'It uses the vague words "<img' in text

    def test_the_draft_letter_prints_the_template_syntax_as_text(self, plan_case):
        _, content, _ = self.render_spied(
            "draft_plan_representations", hostile(plan_case), HOSTILE_EXTRAS
        )
        text = pdf_text(content)
        assert "{% now 'Y' %}" in text


def test_the_builders_are_pure():
    """The appeal documents' builders import nothing from Django, directly or through their
    imports."""
    code = (
        "import sys, letters.appeal_reasons, letters.appeal_checklist, "
        "letters.evidence_index, letters.draft_plan_representations, letters.parties; "
        "print(any(m.split('.')[0] == 'django' for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "False"


class DecisionLetterGapsTests:
    """Issue 16: what the decision-letter check found, saved for this decision, becomes the
    grounds for more time in a late appeal, each with its regulation; never otherwise."""

    LATE_DAY = date(2027, 2, 1)  # after Mon 4 Jan 2027, case_appeal_refusal's last day

    def _saved(self, case, **overrides):
        saved = {
            "kind": case["decision"]["kind"],
            "date": case["decision"]["date"],
            "missing": ["appeal_time_limit", "mediation_adviser_contact", "not_a_code"],
        }
        return {"decision_letter": {**saved, **overrides}}

    def test_a_late_appeal_gives_what_the_letter_left_out_as_grounds(self, refusal_case):
        text = " ".join(
            render("appeal_reasons", refusal_case, self.LATE_DAY, self._saved(refusal_case)).split()
        )
        assert "Why this appeal is late" in text
        assert "did not give all the information the law requires it to give" in text
        # The PDF's text layer may break a line after "s.": the sentence and its citation.
        assert (
            "The decision letter does not give the time limit for appealing (Children and "
            "Families Act 2014,"
        ) in text
        assert "36(5); SEND Regulations 2014, reg 5(3))." in text
        assert "does not give contact details for the mediation adviser" in text
        # The gaps are the reasons: no promise of reasons to follow.
        assert "will follow as soon as possible" not in text

    def test_the_word_document_says_the_same(self, refusal_case):
        content = letter_render(
            kind="appeal_reasons",
            case_file=refusal_case,
            fmt="docx",
            today=self.LATE_DAY,
            extras=self._saved(refusal_case),
        ).content
        text = docx_text(content)
        assert (
            "The decision letter does not give the time limit for appealing (Children and "
            "Families Act 2014, s.36(5); SEND Regulations 2014, reg 5(3))."
        ) in text

    def test_in_time_the_gaps_are_not_mentioned(self, refusal_case):
        text = render("appeal_reasons", refusal_case, REFUSAL_APPEAL_DAY, self._saved(refusal_case))
        assert "did not give all the information" not in text

    @pytest.mark.parametrize(
        "overrides", [{"date": "2020-01-01"}, {"kind": "cease_to_maintain"}, {"missing": []}]
    )
    def test_a_check_of_another_letter_says_nothing(self, refusal_case, overrides):
        extras = self._saved(refusal_case, **overrides)
        text = render("appeal_reasons", refusal_case, self.LATE_DAY, extras)
        assert "did not give all the information" not in text
        assert "will follow as soon as possible" in text
