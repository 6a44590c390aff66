"""The letters after a refusal (letters/refusal_letters.py), read back from the real PDF.

Two case files: tests/fixtures/case_refusal_assess.json (Oliver, he, Kent County Council: a
refusal to assess dated Friday 20 February 2026) and tests/fixtures/case_refusal_plan.json
(Robin, they, written by a carer, Manchester City Council: a refusal to issue a plan dated
Monday 26 January 2026, with mediation asked for on 9 February 2026). Expected dates are worked
out by hand in the comments.
"""

import copy
import json
import socket
from datetime import date
from pathlib import Path

import pytest

from letters.context import MissingCaseData
from letters.refusal_letters import (
    build_mediation_adviser,
    build_mediation_summary,
    build_reconsideration_request,
)
from letters.registry import letter_spec
from letters.rendering import StaticFilesOnlyFetcher, html_to_pdf, letter_html
from letters.services import FORMATS, letter_render
from tests.letters.pdf_text import pdf_reader, pdf_text, text_positions_outside_page

FIXTURES = Path(__file__).parent.parent / "fixtures"
KINDS = ("reconsideration_request", "mediation_adviser", "mediation_summary")
BUILDERS = {
    "reconsideration_request": build_reconsideration_request,
    "mediation_adviser": build_mediation_adviser,
    "mediation_summary": build_mediation_summary,
}
PLACEHOLDER_LEAKS = ("{{", "}}", "{%", "%}", "${", "None", "[object", "undefined", "NaN")

# Letter dates: the reconsideration soon after each decision, the adviser letter on the day
# the plan case records contacting the adviser, the summary before the mediation.
ASSESS_DAY = date(2026, 3, 2)  # a Monday
PLAN_DAY = date(2026, 2, 2)  # a Monday
PLAN_ADVISER_DAY = date(2026, 2, 9)  # a Monday
SUMMARY_DAY = date(2026, 3, 2)

# Appeal deadlines (Tribunal Rules r.20(1)(c), r.12):
# Fri 20 Feb 2026 + 2 months = Mon 20 Apr 2026, a working day.
ASSESS_APPEAL = "Monday 20 April 2026"
# Mon 26 Jan 2026 + 2 months = Thu 26 Mar 2026, a working day.
PLAN_APPEAL = "Thursday 26 March 2026"

ASSESS_EXTRAS = {
    "reason_responses": [
        {
            "reason": "needs can be met from SEN support",
            "response": "Oliver has had SEN support for over a year and his reading has not moved.",
        },
        {
            "reason": "not enough evidence of special educational needs",
            "response": "The educational psychologist found his working memory below the 2nd "
            "centile.",
        },
    ],
    "what_changed": "The school's own review in December shows no progress after two terms.",
    "outcome_sought": "Agree to assess Oliver, and tell me who will give the advice.",
}
PLAN_EXTRAS = {
    "reason_responses": [
        {
            "reason": "Robin is making expected progress in most subjects",
            "response": "Robin keeps up in maths, but has fallen two years behind in English.",
        }
    ],
    "what_changed": "Since the assessment Robin has been excluded twice for leaving the site.",
    "outcome_sought": "Issue a plan with 20 hours of adult support and weekly therapy.",
    "mediation": {
        "wants_mediation": True,
        "issues": ["Whether Robin needs 20 hours of adult support", "Weekly therapy"],
        "adviser_name": "Global Mediation",
    },
}


def load(name: str) -> dict:
    return json.loads((FIXTURES / f"case_refusal_{name}.json").read_text())


@pytest.fixture
def assess_case() -> dict:
    return load("assess")


@pytest.fixture
def plan_case() -> dict:
    return load("plan")


def render_pdf(kind, case, today, extras=None) -> bytes:
    return letter_render(kind=kind, case_file=case, fmt="pdf", today=today, extras=extras).content


def render(kind, case, today, extras=None) -> str:
    return pdf_text(render_pdf(kind, case, today, extras))


def fold(text: str) -> str:
    return text.casefold()


# Every letter, from both case files, with and without extras: (kind, fixture, day, extras).
# The mediation adviser letter says whether the family wants mediation, so it needs their
# answer (or a recorded request for mediation): without one the scenario gives the journey's
# "certificate only" answer (finding 5 of issue 10).
CERTIFICATE_ONLY = {"mediation": {"wants_mediation": False}}


def _with_choice(kind: str, extras: dict | None) -> dict | None:
    if kind != "mediation_adviser" or (extras and "mediation" in extras):
        return extras
    return {**(extras or {}), **CERTIFICATE_ONLY}


SCENARIOS = [
    (kind, fixture, day, _with_choice(kind, extras) if fixture == "assess" else extras)
    for kind in KINDS
    for fixture, day, extras in (
        ("assess", ASSESS_DAY, None),
        ("assess", ASSESS_DAY, ASSESS_EXTRAS),
        ("plan", PLAN_ADVISER_DAY, None),
        ("plan", PLAN_ADVISER_DAY, PLAN_EXTRAS),
    )
]


def scenario_id(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict) or value is None:
        return "extras" if value else "case-only"
    return str(value)


# -- citations: what each letter must and must not cite, per decision ---------------------------

# (letter kind, decision kind) -> (must contain, must not contain), compared case-insensitively.
# A refusal to assess is answered with s.36(8); a refusal to issue a plan with s.37(1) and never
# s.36 (the assessment stage). No letter here is about a draft plan (reg 13).
NEVER = ("regulation 13", "reg 13", "reg. 13")
CITATIONS = {
    ("reconsideration_request", "refusal_to_assess"): (
        (
            "(children and families act 2014, s.36(8))",
            "section 51(2)(a)",
            "(children and families act 2014, s.55)",
            "r.20(1)(c)",
        ),
        ("37(1)", *NEVER),
    ),
    ("reconsideration_request", "refusal_to_issue_plan"): (
        (
            "(children and families act 2014, s.37(1))",
            "section 51(2)(b)",
            "(children and families act 2014, s.55)",
            "r.20(1)(c)",
        ),
        ("section 36", "36(8)", "36(5)", *NEVER),
    ),
    ("mediation_adviser", "refusal_to_assess"): (
        ("s.55)", "reg 33)", "reg 34(1))", "section 51(2)(a)", "20(1)(c)"),
        ("37(1)", "36(8)", "reg 37)", *NEVER),
    ),
    ("mediation_adviser", "refusal_to_issue_plan"): (
        ("s.55)", "reg 33)", "reg 37)", "section 51(2)(b)", "20(1)(c)"),
        ("section 36", "36(8)", "37(1)", "reg 34", *NEVER),
    ),
    ("mediation_summary", "refusal_to_assess"): (
        ("r.20(1)(c)",),
        ("37(1)", "36(8)", *NEVER),
    ),
    ("mediation_summary", "refusal_to_issue_plan"): (
        ("r.20(1)(c)", "reg 37"),
        ("section 36", "36(8)", "37(1)", *NEVER),
    ),
}


@pytest.mark.parametrize(("kind", "fixture", "today", "extras"), SCENARIOS, ids=scenario_id)
def test_each_letter_cites_the_law_of_its_stage(kind, fixture, today, extras):
    case = load(fixture)
    must, must_not = CITATIONS[(kind, case["decision"]["kind"])]
    text = fold(render(kind, case, today, extras))
    for citation in must:
        assert citation in text, f"{kind} for {fixture} should cite {citation!r}"
    for citation in must_not:
        assert citation not in text, f"{kind} for {fixture} must not cite {citation!r}"


@pytest.mark.parametrize(("kind", "fixture", "today", "extras"), SCENARIOS, ids=scenario_id)
def test_no_placeholder_ever_reaches_a_letter(kind, fixture, today, extras):
    text = render(kind, load(fixture), today, extras)
    for leak in PLACEHOLDER_LEAKS:
        assert leak not in text, f"{leak!r} leaked into {kind}"


@pytest.mark.parametrize(("kind", "fixture", "today", "extras"), SCENARIOS, ids=scenario_id)
def test_every_letter_names_the_child_council_decision_date_and_appeal_deadline(
    kind, fixture, today, extras
):
    case = load(fixture)
    text = render(kind, case, today, extras)
    expected = {
        "assess": ("Oliver Bennett", "Kent County Council", "20 February 2026", ASSESS_APPEAL),
        "plan": ("Robin Clarke", "Manchester City Council", "26 January 2026", PLAN_APPEAL),
    }[fixture]
    for value in expected:
        assert value in text
    assert letter_spec(kind).title in text
    assert pdf_reader(render_pdf(kind, case, today, extras)).metadata.title == (
        letter_spec(kind).title
    )


@pytest.mark.parametrize(("kind", "fixture", "today", "extras"), SCENARIOS, ids=scenario_id)
def test_the_same_case_and_without_decision_reasons_still_reads_well(kind, fixture, today, extras):
    case = load(fixture)
    case["decision"].pop("reasons_given")
    text = render(kind, case, today, extras)
    for leak in PLACEHOLDER_LEAKS:
        assert leak not in text
    assert "\u201c\u201d" not in text  # no empty quoted reason


# -- reconsideration_request ------------------------------------------------------------------


class ReconsiderationRequestTests:
    def test_refusal_to_assess_from_the_case_file_alone(self, assess_case):
        text = render("reconsideration_request", assess_case, ASSESS_DAY)
        assert "Helen Bennett" in text and "4 Orchard Close" in text
        assert "I am Oliver's parent." in text
        assert (
            "your decision of 20 February 2026 not to carry out an EHC needs assessment for "
            "Oliver" in text
        )
        # The low threshold, both limbs, in plain words.
        assert "(Children and Families Act 2014, s.36(8))" in text
        assert "has or may have special educational needs" in text
        assert "it may be necessary for special educational provision to be made for them" in text
        assert "This is a low threshold" in text
        assert text.count("This is a low threshold") == 1  # once per letter (finding 9)
        # Each reason, quoted and answered with the case file's own evidence.
        assert "needs can be met from SEN support" in text
        assert "not enough evidence of special educational needs" in text
        assert "Reading age unchanged after a year." in text  # support tried, and its outcome
        assert "Educational psychology report, by Dr R Shah, dated 3 November 2025" in text
        assert "below the 2nd centile" in text
        assert "(SEND Regulations 2014, reg 6(1))" in text
        assert "Oliver's school supported the request" in text
        # The default request, and when to reply: Mon 2 Mar 2026 + 10 working days
        # (3-6 Mar, 9-13 Mar, 16 Mar) = Mon 16 Mar 2026.
        assert "Please reconsider your decision and agree to carry out an EHC needs" in text
        assert "within 10 working days of this letter, that is by Monday 16 March 2026" in text
        # What happens otherwise, with the engine's deadline and its source.
        assert "I will contact a mediation adviser" in text
        assert "First-tier Tribunal (Special Educational Needs and Disability)" in text
        assert f"The appeal must reach the Tribunal by 5pm on {ASSESS_APPEAL}" in text
        assert "2 months after the decision letter of 20 February 2026" in text
        assert "Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008" in text
        assert "Enclosures: Educational psychology report; SEN support plan review;" in text

    def test_refusal_to_issue_plan_from_the_case_file_alone(self, plan_case):
        text = render("reconsideration_request", plan_case, PLAN_DAY)
        assert "I am Robin's carer, with parental responsibility for them." in text
        assert (
            "your decision of 26 January 2026 not to issue an EHC plan for Robin after the EHC "
            "needs assessment" in text
        )
        # s.37(1), as enacted: "Where, in the light of an EHC needs assessment, it is necessary
        # for special educational provision to be made ... in accordance with an EHC plan".
        assert "(Children and Families Act 2014, s.37(1))" in text
        assert (
            "Where, in the light of an EHC needs assessment, it is necessary for special "
            "educational provision to be made in accordance with an EHC plan, the council must "
            "secure that a plan is prepared" in text
        )
        assert "resources ordinarily available to the school" in text
        assert "Robin is making expected progress in most subjects" in text
        assert "recommends adult support for 20 hours a week" in fold(text)
        assert "They leave three or four lessons a week" in text  # impact, for "progress"
        # Mon 2 Feb 2026 + 10 working days = Mon 16 Feb 2026.
        assert "that is by Monday 16 February 2026" in text
        assert "agree to issue an EHC plan for Robin" in text
        assert f"by 5pm on {PLAN_APPEAL}" in text
        assert " he " not in text and " she " not in text

    @pytest.mark.parametrize(
        ("fixture", "today", "extras"),
        [("assess", ASSESS_DAY, ASSESS_EXTRAS), ("plan", PLAN_DAY, PLAN_EXTRAS)],
    )
    def test_extras_put_the_parents_own_words_in(self, fixture, today, extras):
        text = render("reconsideration_request", load(fixture), today, extras)
        for item in extras["reason_responses"]:
            assert item["response"] in text
        assert "What has changed, or was not taken into account" in text
        assert extras["what_changed"] in text
        assert "In particular, I ask you to:" in text
        assert extras["outcome_sought"] in text
        assert "Please reconsider your decision and agree" not in text

    def test_each_response_follows_the_reason_it_answers(self, assess_case):
        extras = {
            "reason_responses": [
                # Matched whatever the case, spacing and full stop.
                {
                    "reason": "  NOT enough evidence of  special educational needs. ",
                    "response": "B",
                },
                {"reason": "needs can be met from SEN support", "response": "Answer A here."},
            ]
        }
        text = render("reconsideration_request", assess_case, ASSESS_DAY, extras)
        first = text.index("needs can be met from SEN support")
        second = text.index("not enough evidence of special educational needs")
        assert first < text.index("Answer A here.") < second
        assert text.index("My response: B") > second

    def test_a_response_to_an_unlisted_reason_and_a_loose_point_are_kept(self, assess_case):
        extras = {
            "reason_responses": [
                {"reason": "Oliver is happy at school", "response": "He cries every morning."},
                {"response": "He has now been referred to CAMHS."},
                {"reason": "needs can be met from SEN support", "response": ""},
            ]
        }
        text = render("reconsideration_request", assess_case, ASSESS_DAY, extras)
        assert "Your reason 3: Oliver is happy at school My response: He cries every" in text
        assert "I would also ask you to consider: He has now been referred to CAMHS." in text
        assert text.count("My response:") == 1

    def test_without_reasons_asks_for_them(self, assess_case, plan_case):
        assess_case["decision"].pop("reasons_given")
        text = render("reconsideration_request", assess_case, ASSESS_DAY)
        assert "Why I disagree" in text
        assert "(Children and Families Act 2014, s.36(5); SEND Regulations 2014, reg 5(3))" in text
        assert "Reading age unchanged" not in text  # no SEN-support reason to answer
        assert "Oliver reads at the level of a six-year-old" in text
        plan_case["decision"]["reasons_given"] = []
        text = render("reconsideration_request", plan_case, PLAN_DAY)
        assert "Please send me your reasons in writing." in text
        assert "section 36" not in fold(text)

    @pytest.mark.parametrize(
        ("certificate", "deadline", "counted"),
        [
            # A certificate issued on Tue 10 Mar 2026: + 1 month = Fri 10 Apr 2026, later than
            # Thu 26 Mar 2026, so it counts (Good Friday is 3 April in 2026).
            (
                "2026-03-10",
                "Friday 10 April 2026",
                "1 month after the mediation certificate of 10 March 2026",
            ),
            # A certificate from before the decision is about an earlier decision: ignored.
            ("2026-01-20", PLAN_APPEAL, "2 months after the decision letter of 26 January"),
        ],
    )
    def test_a_mediation_certificate_can_move_the_appeal_deadline(
        self, plan_case, certificate, deadline, counted
    ):
        plan_case["events"].append({"type": "mediation_certificate_issued", "date": certificate})
        for kind in KINDS:
            text = render(kind, plan_case, date(2026, 3, 11))
            assert deadline in text, kind
            if kind != "mediation_summary":
                assert counted in text, kind

    def test_the_deadline_rolls_forward_out_of_august(self, assess_case):
        # Decision Tue 30 Jun 2026 + 2 months = Sun 30 Aug 2026: a day in August, so in time on
        # the first working day after 31 August; Mon 31 Aug 2026 is a bank holiday, so
        # Tue 1 Sep 2026 (r.12(3)(a)).
        assess_case["decision"]["date"] = "2026-06-30"
        for kind in KINDS:
            text = render(kind, assess_case, date(2026, 7, 6), _with_choice(kind, None))
            assert "Tuesday 1 September 2026" in text, kind

    def test_after_the_deadline_the_letter_says_so(self, assess_case):
        text = render("reconsideration_request", assess_case, date(2026, 4, 21))
        assert f"The usual time limit for an appeal ended at 5pm on {ASSESS_APPEAL}" in text
        # Finding 5: nothing about settling "before the time limit" once it has passed.
        assert "before the time limit" not in text
        assert "accept a late appeal" in text
        assert "The appeal must reach the Tribunal by" not in text

    @pytest.mark.parametrize(
        ("reason", "assess_answer", "plan_answer"),
        [
            (
                "Oliver has no diagnosis",
                "not by a diagnosis",
                "(Children and Families Act 2014, s.20(1))",
            ),
            (
                "insufficient information",
                "(SEND Regulations 2014, reg 6(1))",
                "",
            ),
            (
                "needs can be met within the school's resources",
                "",
                "(Children and Families Act 2014, s.42(2))",
            ),
            (
                "he is making good progress",
                "(SEND Code of Practice 2015, chapter 6)",
                "not only difficulties with learning or attainment",
            ),
            (
                "the panel decided so",
                "I do not agree.",
                "I do not agree.",
            ),
            # Finding 9: the common reasons get their own law.
            (
                "speech and language therapy is a health matter",
                "(Children and Families Act 2014, s.21(5); SEND Code of Practice 2015, para 9.74)",
                "is to be treated as special educational provision",
            ),
            (
                "his needs can be met through the universal offer",
                "(Children and Families Act 2014, s.21(1) and (2))",
                "is not special educational provision",
            ),
        ],
    )
    def test_each_kind_of_reason_gets_its_own_answer(
        self, assess_case, reason, assess_answer, plan_answer
    ):
        assess_case["decision"]["reasons_given"] = [reason]
        letter = build_reconsideration_request(assess_case, today=ASSESS_DAY)
        assert assess_answer in letter.reasons[0].legal_answer
        # The low threshold is stated once, in the legal test, never under a reason.
        assert "low threshold" not in letter.reasons[0].legal_answer
        assert "36(8)" not in letter.reasons[0].legal_answer
        assess_case["decision"]["kind"] = "refusal_to_issue_plan"
        letter = build_reconsideration_request(assess_case, today=ASSESS_DAY)
        assert plan_answer in letter.reasons[0].legal_answer
        assert "36" not in letter.reasons[0].legal_answer

    def test_a_young_person_writes_for_themselves(self, plan_case):
        plan_case["applicant"] = {**plan_case["applicant"], "relationship": "young_person"}
        plan_case["applicant"]["name"] = "Robin Clarke"
        text = render("reconsideration_request", plan_case, PLAN_DAY)
        assert "I am writing for myself, as a young person." in text
        assert "Young person: Robin Clarke" in text
        assert "not to issue an EHC plan for me after" in text
        assert "what special educational provision the assessment shows my needs call for" in (text)
        assert "Robin's carer" not in text


# -- mediation_adviser --------------------------------------------------------------------------


class MediationAdviserTests:
    def test_without_the_familys_choice_it_is_not_written(self, assess_case):
        # Finding 5: nothing in the case says whether they want mediation, so the letter does
        # not declare that they do not.
        with pytest.raises(MissingCaseData) as raised:
            build_mediation_adviser(assess_case, today=ASSESS_DAY)
        assert raised.value.fields[0].startswith("extras.mediation.wants_mediation")

    def test_asks_only_for_the_certificate_when_that_is_the_choice(self, assess_case):
        text = render("mediation_adviser", assess_case, ASSESS_DAY, CERTIFICATE_ONLY)
        assert "Mediation adviser" in text and "Dear mediation adviser," in text
        assert "Child: Oliver Bennett, born 14 September 2016. Council: Kent County Council" in (
            text
        )
        assert (
            "On 20 February 2026, Kent County Council decided not to carry out an EHC needs "
            "assessment for Oliver." in text
        )
        assert "I intend to appeal against this decision" in text
        assert "(Children and Families Act 2014, s.55)" in text
        assert "(SEND Regulations 2014, reg 33)" in text
        assert "I do not wish to take part in it. Please issue the mediation certificate." in text
        # Told on Mon 2 Mar 2026 + 3 working days = Thu 5 Mar 2026 (reg 34).
        assert "must issue the certificate within 3 working days (SEND Regulations 2014, reg" in (
            text
        )
        assert "If you receive this letter on 2 March 2026, that is by Thursday 5 March 2026" in (
            text
        )
        # The issues, from the council's reasons.
        assert "Whether Kent County Council should carry out an EHC needs assessment" in text
        assert "The council's reason: \u201cneeds can be met from SEN support\u201d" in text
        assert f"The appeal must reach the Tribunal by 5pm on {ASSESS_APPEAL}" in text
        assert (
            "You can reach me by email at helen.bennett@example.org, by phone on 07700 900456, "
            "or by post at the address above." in text
        )
        assert "Copy to" not in text and "I would like mediation" not in text

    def test_asks_for_mediation_with_the_parents_issues(self, plan_case):
        text = render("mediation_adviser", plan_case, PLAN_ADVISER_DAY, PLAN_EXTRAS)
        assert "Global Mediation" in text
        assert (
            "On 26 January 2026, Manchester City Council decided, after an EHC needs "
            "assessment, not to issue an EHC plan for Robin." in text
        )
        assert "I would like mediation" in text
        for issue in PLAN_EXTRAS["mediation"]["issues"]:
            assert issue in text
        assert "The council's reason" not in text
        # Mediation asked for on Mon 9 Feb 2026 (recorded) + 30 days = Wed 11 Mar 2026.
        assert "the council must arrange it within 30 days" in text
        assert "(SEND Regulations 2014, reg 37)" in text
        assert (
            "Counting from 9 February 2026, when I told the council that I want mediation, "
            "that is by Wednesday 11 March 2026" in text
        )
        assert "Taking part in mediation does not take away the right to appeal" in text
        assert "Copy to: SEND team, Manchester City Council" in text
        assert "You can reach me by email at jordan.clarke@example.org or by post" in text
        assert "Please issue the mediation certificate" not in text

    def test_mediation_without_issues_takes_them_from_the_decision(self, assess_case):
        extras = {"mediation": {"wants_mediation": True}}
        text = render("mediation_adviser", assess_case, ASSESS_DAY, extras)
        assert "Whether Kent County Council should carry out an EHC needs assessment" in text
        assert "\u201cnot enough evidence of special educational needs\u201d" in text
        # Not recorded: counted from the letter, Mon 2 Mar 2026 + 30 days = Wed 1 Apr 2026.
        assert (
            "If the council receives its copy of this letter on 2 March 2026, that is by "
            "Wednesday 1 April 2026" in text
        )

    def test_a_recorded_first_contact_starts_the_certificate_clock(self, plan_case):
        plan_case["events"] = [e for e in plan_case["events"] if e["type"] != "mediation_requested"]
        extras = {"mediation": {"wants_mediation": False}}
        text = render("mediation_adviser", plan_case, date(2026, 2, 10), extras)
        # Mon 9 Feb 2026 + 3 working days = Thu 12 Feb 2026.
        assert (
            "Counting from 9 February 2026, when I first contacted you, that is by Thursday 12 "
            "February 2026" in text
        )

    def test_a_final_plan_appeal(self, plan_case):
        plan_case["decision"] = {"kind": "plan_contents", "date": "2026-02-27"}
        text = render("mediation_adviser", plan_case, date(2026, 3, 2), CERTIFICATE_ONLY)
        assert "issued the final EHC plan for Robin, and I disagree with what it says" in text
        assert "section 51(2)(c)" in text
        # Fri 27 Feb 2026 + 2 months = Mon 27 Apr 2026.
        assert "Monday 27 April 2026" in text
        assert "section 36" not in fold(text) and "37(1)" not in text

    def test_a_school_only_appeal_needs_no_certificate(self, plan_case):
        plan_case["decision"] = {"kind": "placement_only", "date": "2026-02-27"}
        with pytest.raises(MissingCaseData) as raised:
            build_mediation_adviser(plan_case, today=date(2026, 3, 2))
        assert raised.value.fields[0].startswith("extras.mediation.wants_mediation")
        text = render(
            "mediation_adviser",
            plan_case,
            date(2026, 3, 2),
            {"mediation": {"wants_mediation": True}},
        )
        assert "so no mediation certificate is needed first" in text
        assert "I would still like to try mediation." in text
        assert "issue the mediation certificate" not in text


# -- mediation_summary ---------------------------------------------------------------------------


class MediationSummaryTests:
    @pytest.mark.parametrize(
        ("fixture", "extras"),
        [("assess", None), ("assess", ASSESS_EXTRAS), ("plan", None), ("plan", PLAN_EXTRAS)],
        ids=scenario_id,
    )
    def test_fits_on_one_page(self, fixture, extras):
        content = render_pdf("mediation_summary", load(fixture), SUMMARY_DAY, extras)
        assert len(pdf_reader(content).pages) == 1
        assert "Page 1 of 1" in pdf_text(content)

    def test_from_the_case_file_alone(self, assess_case):
        text = render("mediation_summary", assess_case, SUMMARY_DAY)
        assert "Oliver Bennett, born 14 September 2016. Council: Kent County Council" in text
        assert "Prepared by Helen Bennett on 2 March 2026" in text
        assert "On 20 February 2026, Kent County Council decided not to carry out" in text
        assert "The council's reason: \u201cneeds can be met from SEN support\u201d" in text
        assert "Kent County Council agrees to carry out an EHC needs assessment for Oliver." in (
            text
        )
        assert "Educational psychology report, Dr R Shah, 3 November 2025" in text
        assert "Attendance record, Meadow Lane Primary School, 9 January 2026" in text
        assert f"{ASSESS_APPEAL}: the last day for my appeal to reach the Tribunal" in text
        assert "arrange mediation" not in text  # no mediation_requested recorded
        assert "Mediation is voluntary" in text
        assert "I can still appeal afterwards." in text
        assert "Dear" not in text and "Yours faithfully" not in text

    def test_with_extras_and_mediation_asked_for(self, plan_case):
        text = render("mediation_summary", plan_case, SUMMARY_DAY, PLAN_EXTRAS)
        for issue in PLAN_EXTRAS["mediation"]["issues"]:
            assert issue in text
        assert PLAN_EXTRAS["outcome_sought"] in text
        # Asked on Mon 9 Feb 2026 + 30 days = Wed 11 Mar 2026 (reg 37).
        assert (
            "Wednesday 11 March 2026: the council must arrange mediation (I asked on 9 "
            "February 2026) (SEND Regulations 2014, reg 37)." in text
        )
        assert f"{PLAN_APPEAL}: the last day for my appeal" in text
        assert text.index("Wednesday 11 March 2026") < text.index(PLAN_APPEAL)
        assert "Dana Lee, occupational therapist, 20 November 2025" in text

    def test_key_points_keep_their_first_sentence_whole_or_are_left_out(self, plan_case):
        plan_case["evidence"][0]["key_points"] = "First sentence. " + "word " * 60
        summary = build_mediation_summary(plan_case, today=SUMMARY_DAY)
        assert summary.evidence[0].key_points == "First sentence."
        # Too long for one line: left out rather than cut mid-sentence (issue 10, finding 12).
        plan_case["evidence"][0]["key_points"] = "word " * 60
        cut = build_mediation_summary(plan_case, today=SUMMARY_DAY).evidence[0].key_points
        assert cut == ""


# -- what each letter needs ----------------------------------------------------------------------


class MissingDataTests:
    @pytest.mark.parametrize("kind", KINDS)
    def test_a_case_without_a_decision_is_refused_naming_it(self, assess_case, kind):
        assess_case.pop("decision")
        with pytest.raises(MissingCaseData) as raised:
            BUILDERS[kind](assess_case, today=ASSESS_DAY)
        assert raised.value.fields == ["decision.kind", "decision.date"]
        assert str(raised.value) == f"the {kind} letter needs: decision.kind, decision.date"
        with pytest.raises(MissingCaseData):
            letter_render(kind=kind, case_file=assess_case, fmt="pdf", today=ASSESS_DAY)

    @pytest.mark.parametrize("kind", KINDS)
    def test_a_decision_without_a_date_is_refused(self, plan_case, kind):
        plan_case["decision"].pop("date")
        with pytest.raises(MissingCaseData) as raised:
            BUILDERS[kind](plan_case, today=PLAN_DAY)
        assert raised.value.fields == ["decision.date"]

    @pytest.mark.parametrize("kind", KINDS)
    def test_the_minimal_case_with_a_decision_is_enough(self, kind):
        minimal = {
            "format": "ehcp-case/1",
            "child": {"first_name": "Ada"},
            "applicant": {"name": "Bea Jones"},
            "local_authority": {"name": "Leeds City Council"},
            "decision": {"kind": "refusal_to_assess", "date": "2026-02-20"},
        }
        text = render(kind, minimal, ASSESS_DAY, _with_choice(kind, None))
        assert "Ada" in text and "Bea Jones" in text and "Leeds City Council" in text
        assert ASSESS_APPEAL in text
        assert "Ada's parent" not in text  # no relationship given: none is guessed
        assert "How to contact me" not in text  # no contact details given
        for leak in PLACEHOLDER_LEAKS:
            assert leak not in text

    @pytest.mark.parametrize(
        ("kind", "decision_kind"),
        [
            ("reconsideration_request", "plan_contents"),
            ("reconsideration_request", "placement_only"),
            ("mediation_adviser", "cease_to_maintain"),
            ("mediation_summary", "refusal_to_amend"),
        ],
    )
    def test_a_decision_the_letter_is_not_for_is_refused(self, plan_case, kind, decision_kind):
        plan_case["decision"]["kind"] = decision_kind
        with pytest.raises(MissingCaseData) as raised:
            BUILDERS[kind](plan_case, today=PLAN_DAY)
        assert raised.value.fields[0].startswith("decision.kind: refusal_to_assess or ")

    @pytest.mark.parametrize(
        ("path", "remove"),
        [
            ("child.first_name", lambda c: c["child"].pop("first_name")),
            ("applicant.name", lambda c: c["applicant"].pop("name")),
            ("local_authority.name", lambda c: c["local_authority"].pop("name")),
        ],
    )
    def test_names_each_other_missing_field(self, assess_case, path, remove):
        remove(assess_case)
        for build in BUILDERS.values():
            with pytest.raises(MissingCaseData) as raised:
                build(assess_case, today=ASSESS_DAY)
            assert raised.value.fields == [path]


# -- hostile input -------------------------------------------------------------------------------

HOSTILE = {
    "script": "<script>alert('x')</script>",
    "image": '<img src="http://203.0.113.9/track.png">',
    "rtl": "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 mixed \u202eevil",
    "long": "x" * 5000,
    "template": "{{ letter.sender_name }} {% now 'Y' %} ${HOME}",
}


def hostile(case: dict) -> tuple[dict, dict]:
    case = copy.deepcopy(case)
    case["decision"]["reasons_given"] = [HOSTILE["script"], HOSTILE["long"], HOSTILE["rtl"]]
    case["evidence"][0]["key_points"] = HOSTILE["image"]
    extras = {
        "reason_responses": [
            {"reason": HOSTILE["script"], "response": HOSTILE["image"] + " " + HOSTILE["rtl"]},
            {"reason": HOSTILE["long"], "response": HOSTILE["long"]},
            {"response": HOSTILE["template"]},
        ],
        "what_changed": HOSTILE["template"] + "\n<b>not bold</b>",
        "outcome_sought": HOSTILE["long"],
        "mediation": {
            "wants_mediation": True,
            "issues": [HOSTILE["script"], HOSTILE["long"], HOSTILE["rtl"], HOSTILE["template"]],
            "adviser_name": HOSTILE["image"],
        },
    }
    return case, extras


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a letter tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def render_spied(kind, case, extras, today):
    spec = letter_spec(kind)
    letter = spec.build_context(case, today=today, extras=extras)
    html = letter_html(template=spec.template, letter=letter, title=spec.title, standalone=True)
    fetcher = StaticFilesOnlyFetcher()
    return html, html_to_pdf(html, fetcher=fetcher), fetcher


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("fixture", "today"), [("assess", ASSESS_DAY), ("plan", PLAN_DAY)])
def test_hostile_text_prints_as_text_and_stays_on_the_page(kind, fixture, today, no_network):
    case, extras = hostile(load(fixture))
    html, content, fetcher = render_spied(kind, case, extras, today)
    assert "<script>" not in html and "<img" not in html and "<b>not bold" not in html
    assert "&lt;script&gt;" in html
    text = pdf_text(content)
    assert "<script>alert('x')</script>" in text
    assert "\u05e9\u05dc\u05d5\u05dd" in text and "mixed" in text
    # Compared without spaces: the URL may wrap at a line end, read back as a space.
    assert '<imgsrc="http://203.0.113.9/track.png">' in text.replace(" ", "")
    assert "{{ letter.sender_name }} {% now 'Y' %} ${HOME}" in text
    assert text.replace(" ", "").count("x" * 100) >= 1
    assert text_positions_outside_page(content) == []
    assert fetcher.refused == []


def test_the_layout_check_does_see_text(assess_case):
    # Guards the test above: it reads real positions from a real PDF.
    seen = []
    page = pdf_reader(render_pdf("reconsideration_request", assess_case, ASSESS_DAY)).pages[0]
    page.extract_text(visitor_text=lambda t, cm, tm, f, s: seen.append(t))
    assert any("Kent County Council" in t for t in seen)


@pytest.mark.skipif("docx" not in FORMATS, reason="no DOCX renderer yet")
@pytest.mark.parametrize("kind", KINDS)
def test_every_letter_also_renders_as_docx(kind, plan_case):
    from tests.letters.docx_text import docx_text

    content = letter_render(
        kind=kind, case_file=plan_case, fmt="docx", today=PLAN_ADVISER_DAY, extras=PLAN_EXTRAS
    ).content
    text = docx_text(content)
    assert letter_spec(kind).title in text
    assert "Robin Clarke" in text and PLAN_APPEAL in text
