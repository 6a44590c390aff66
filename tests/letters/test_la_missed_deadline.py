"""The chaser for a missed council time limit, read back from the real PDF."""

import copy
from datetime import date

import pytest

from letters.context import MissingCaseData, build_la_missed_deadline
from letters.services import letter_render
from tests.letters.pdf_text import pdf_text

PLACEHOLDER_LEAKS = ("{{", "}}", "{%", "${", "None")


def render(case, today):
    return pdf_text(
        letter_render(kind="la_missed_deadline", case_file=case, fmt="pdf", today=today).content
    )


def test_names_the_missed_duty_its_date_and_source(case_file):
    # Request received Fri 6 Nov 2026; decision due Fri 18 Dec 2026; letter on Mon 4 Jan 2027.
    text = render(case_file, date(2027, 1, 4))
    assert "Bristol City Council" in text and "Sam Okafor" in text
    assert "On 6 November 2026 you received the request for an EHC needs assessment." in text
    assert (
        "whether it will carry out an EHC needs assessment within 6 weeks of receiving the "
        "request (SEND Regulations 2014, reg 5(1))." in text
    )
    assert "So this was due by Friday 18 December 2026. That date passed 17 days ago" in text
    # The 6 weeks have exceptions: named, with the rule that they must make it impractical.
    assert "only in these circumstances:" in text
    assert "The council may take longer only if it is impractical" in text
    assert "closed for at least 4 weeks in a row" in text
    assert "Exceptional personal circumstances affect the child" in text
    # 10 working days after Mon 4 Jan 2027: 5-8 Jan, 11-15 Jan, Mon 18 Jan 2027.
    assert "within 10 working days of this letter, that is by Monday 18 January 2027" in text
    assert "formal complaint" in text
    assert "Local Government and Social Care Ombudsman" in text
    assert "letter before claim for judicial review" in text
    for leak in PLACEHOLDER_LEAKS:
        assert leak not in text


def test_counts_working_days_over_christmas(case_file):
    # Letter on Wed 23 Dec 2026: 24 Dec, 29-31 Dec, 4-8 Jan, 11 Jan -> Mon 11 Jan 2027
    # (25, 26 and 28 Dec and 1 Jan are bank holidays in England; 27 Dec 2026 is a Sunday).
    text = render(case_file, date(2026, 12, 23))
    assert "that is by Monday 11 January 2027" in text


def test_no_reg_10_before_the_council_agreed_to_assess(case_file):
    # Finding 7: six weeks and sixteen weeks both passed, but no decision to assess is recorded,
    # so the 16-week duty (reg 10(1)) does not exist yet and is not cited.
    text = render(case_file, date(2027, 3, 15))
    assert "Friday 18 December 2026" in text
    assert "reg 10(1)" not in text and "16 weeks" not in text


def test_lists_every_late_council_duty_once_assessing(case_file):
    # Agreed to assess (late) on Mon 4 Jan 2027; 16 weeks from the request: Fri 26 Feb 2027.
    case_file["events"].append({"type": "decision_to_assess", "date": "2027-01-04"})
    text = render(case_file, date(2027, 3, 15))
    assert "(SEND Regulations 2014, reg 10(1))" in text
    assert "So this was due by Friday 26 February 2027." in text


def test_a_second_case_mediation_not_arranged(case_file):
    case = copy.deepcopy(case_file)
    case["child"] = {"first_name": "Aisha", "last_name": "Khan"}
    case["applicant"] = {"name": "Omar Khan", "relationship": "parent"}
    case["local_authority"] = {"name": "Leeds City Council"}
    case["events"] = [{"type": "mediation_requested", "date": "2026-09-01"}]
    text = render(case, date(2026, 11, 2))
    assert "Aisha Khan" in text and "Leeds City Council" in text and "Omar Khan" in text
    # Late mediation: the council is told the adviser is asked for the certificate (reg 37),
    # not asked for a meeting; no exceptions are claimed for it.
    assert "On 1 September 2026 you were told that mediation was wanted." in text
    assert "(SEND Regulations 2014, reg 37)" in text
    assert "asking the mediation adviser to issue the mediation certificate now" in text
    assert "exceptional" not in text and "only in these circumstances" not in text
    assert "What I am asking you to do" not in text


def test_refuses_when_nothing_is_late(case_file):
    with pytest.raises(MissingCaseData, match="council time limit missed"):
        build_la_missed_deadline(case_file, today=date(2026, 11, 23))


def test_refuses_without_events(case_file):
    case_file.pop("events")
    with pytest.raises(MissingCaseData) as raised:
        build_la_missed_deadline(case_file, today=date(2027, 1, 4))
    assert raised.value.fields == ["events"]


def test_a_met_duty_is_not_chased(case_file):
    case_file["events"].append({"type": "decision_to_assess", "date": "2026-12-20"})
    with pytest.raises(MissingCaseData):
        build_la_missed_deadline(case_file, today=date(2027, 1, 4))


def test_phase_transfer_reads_in_the_right_tense(case_file):
    # Move on Wed 1 Sep 2027; the amended plan was due by Mon 15 Feb 2027 (reg 18(1)(b)); the
    # chaser is dated Mon 1 Mar 2027, after the plan was due and before the move.
    case_file["events"] = [{"type": "phase_transfer_year", "date": "2027-09-01"}]
    text = " ".join(render(case_file, date(2027, 3, 1)).split())
    assert "On 1 September 2027 the move to the next school or college is due to take place." in (
        text
    )
    # "Before 15 February": the last day is Sunday 14 February 2027 (not moved).
    assert "(SEND Regulations 2014, reg 18(1)(b))." in text
    assert "So this was due by Sunday 14 February 2027." in text
    assert "exceptional" not in text and "only in these circumstances" not in text
    assert "was due to start" not in text


def test_a_post16_move_is_31_march(case_file):
    # Finding 7: secondary school to a post-16 institution: before 31 March (reg 18(1)(a)).
    case_file["format"] = "ehcp-case/2"
    case_file["events"] = [
        {"type": "phase_transfer_year", "date": "2027-09-01", "transfer": "post16"}
    ]
    text = " ".join(render(case_file, date(2027, 4, 6)).split())
    assert "before 31 March of the year of the move (SEND Regulations 2014, reg 18(1)" in text
    assert "So this was due by Tuesday 30 March 2027." in text
    assert "reg 18(1)(b)" not in text


def test_the_annual_review_is_due_the_day_before_the_anniversary(case_file):
    # s.44(1): "12 months starting with" 5 January 2026 end on 4 January 2027.
    case_file["events"] = [{"type": "final_plan_issued", "date": "2026-01-05"}]
    text = " ".join(render(case_file, date(2027, 1, 11)).split())
    assert "(Children and Families Act 2014, s.44(1))." in text
    assert "So this was due by Monday 4 January 2027. That date passed 7 days ago" in text
    assert "exceptional" not in text


def test_the_chaser_comes_as_docx_too(case_file):
    from tests.letters.docx_text import docx_text

    content = letter_render(
        kind="la_missed_deadline", case_file=case_file, fmt="docx", today=date(2027, 1, 4)
    ).content
    text = docx_text(content)
    assert "(SEND Regulations 2014, reg 5(1))." in text
    assert "So this was due by Friday 18 December 2026." in text


# -- version 2 (issue 14): every new council duty, read back from the PDF -----------------------

# (events, the letter's date, the sentences the chaser must hold: what started the clock, the
# duty with its citation from the law module, and the date worked out by hand.)
V2_CHASES = [
    pytest.param(
        [{"type": "amendment_proposal_issued", "date": "2027-02-02"}], date(2027, 4, 12),
        ["On 2 February 2027 you sent your proposed changes to the plan.",
         "within 8 weeks of sending the proposed amendments (SEND Regulations 2014, reg 22(3)).",
         "So this was due by Tuesday 30 March 2027. That date passed 13 days ago"],
        id="amended-plan-final"),  # 2 Feb + 56 days
    pytest.param(
        [{"type": "reassessment_requested", "date": "2027-02-01"}], date(2027, 3, 1),
        ["On 1 February 2027 you received the request to assess again.",
         "within 15 days of receiving the request (SEND Regulations 2014, reg 25(1)).",
         "So this was due by Tuesday 16 February 2027. That date passed 13 days ago"],
        id="decide-whether-to-reassess"),  # 1 Feb + 15 days
    pytest.param(
        [{"type": "reassessment_requested", "date": "2027-02-01"},
         {"type": "decision_to_assess", "date": "2027-02-10"}], date(2027, 6, 1),
        ["On 10 February 2027 you said that you would carry out a new assessment.",
         "that it will re-assess (SEND Regulations 2014, reg 27(2)).",
         "So this was due by Wednesday 19 May 2027. That date passed 13 days ago",
         "The law allows the council longer for the 14 weeks after a decision to assess again "
         "only in these circumstances:"],
        id="reassessment-final-plan"),  # 10 Feb + 98 days: 18, 31, 30, 19 May
    pytest.param(
        [{"type": "tribunal_decision", "date": "2027-01-20", "order": "amend_plan"}],
        date(2027, 3, 10),
        ["On 20 January 2027 the Tribunal decided the appeal.",
         "must issue the amended plan within 5 weeks (SEND Regulations 2014, reg 44(2) and "
         "reg 45(4)).",
         "So this was due by Wednesday 24 February 2027. That date passed 14 days ago"],
        id="tribunal-order-amend"),  # 20 Jan + 35 days
    pytest.param(
        [{"type": "tribunal_decision", "date": "2027-01-20", "order": "make_plan"}],
        date(2027, 4, 21),
        ["issue a draft plan within 5 weeks of the order (SEND Regulations 2014, reg 44(2)(c)).",
         "So this was due by Wednesday 24 February 2027. That date passed 56 days ago",
         "send the finalised plan within 11 weeks of the order (SEND Regulations 2014, reg "
         "44(2)(c)).",
         "So this was due by Wednesday 7 April 2027. That date passed 14 days ago"],
        id="tribunal-order-make-plan-both-dates"),  # + 35 and + 77 days
    pytest.param(
        [{"type": "tribunal_decision", "date": "2027-01-20", "order": "change_school_only"}],
        date(2027, 2, 17),
        ["the council must issue the amended plan within 2 weeks of the order (SEND "
         "Regulations 2014, reg 44(2)).",
         "So this was due by Wednesday 3 February 2027. That date passed 14 days ago"],
        id="tribunal-order-school"),
    pytest.param(
        [{"type": "tribunal_decision", "date": "2027-01-20", "order": "reassess"}],
        date(2027, 2, 17),
        ["within 2 weeks of the order that it will carry it out.",
         "(SEND Regulations 2014, reg 44(2)(b) and reg 45(3)).",
         "So this was due by Wednesday 3 February 2027. That date passed 14 days ago"],
        id="tribunal-order-reassess"),
    pytest.param(
        [{"type": "phase_transfer_year", "date": "2027-09-01", "transfer": "post16"}],
        date(2027, 4, 12),
        ["On 1 September 2027 the move to the next school or college is due to take place.",
         "before 31 March of the year of the move (SEND Regulations 2014, reg 18(1)",
         "So this was due by Tuesday 30 March 2027. That date passed 13 days ago"],
        id="phase-transfer-post16"),  # "before 31 March": 30 March, never rolled
    pytest.param(
        [{"type": "annual_review_meeting", "date": "2027-01-05"}], date(2027, 2, 16),
        ["On 5 January 2027 the annual review meeting took place.",
         "(SEND Regulations 2014, reg 20(10)).",
         "So this was due by Tuesday 2 February 2027. That date passed 14 days ago"],
        id="review-decision"),  # 5 Jan + 28 days
    pytest.param(
        [{"type": "final_plan_issued", "date": "2026-01-05"}], date(2027, 1, 18),
        ["On 5 January 2026 the EHC plan was issued.",
         "(Children and Families Act 2014, s.44(1)).",
         "So this was due by Monday 4 January 2027. That date passed 14 days ago"],
        id="annual-review"),  # the 12 months starting with 5 Jan 2026 end 4 Jan 2027
]  # fmt: skip


@pytest.mark.parametrize(("events", "today", "sentences"), V2_CHASES)
def test_the_chaser_covers_every_new_council_duty(case_file, events, today, sentences):
    case = {**copy.deepcopy(case_file), "format": "ehcp-case/2", "events": events}
    text = render(case, today)
    for sentence in sentences:
        assert sentence in text
    # Exceptions only where the law gives them (the 14 weeks of reg 27(2) here).
    assert ("only in these circumstances" in text) is ("reg 27(2)" in text)
    assert "6, 16 or 20 weeks" not in text
    for leak in PLACEHOLDER_LEAKS:
        assert leak not in text


def test_the_14_weeks_counted_from_the_request_are_never_chased(case_file):
    # Request Mon 1 Feb 2027, no notice recorded: the 14 weeks counted from the request end
    # Mon 10 May 2027, but the law counts from the notice, so only the 15 days are chased.
    case = {
        **copy.deepcopy(case_file),
        "format": "ehcp-case/2",
        "events": [{"type": "reassessment_requested", "date": "2027-02-01"}],
    }
    text = render(case, date(2027, 6, 1))
    assert "reg 25(1)" in text and "reg 27(2)" not in text


def test_late_replies_to_complaints_and_pre_action_letters_are_not_chased(case_file):
    case = {
        **copy.deepcopy(case_file),
        "format": "ehcp-case/2",
        "events": [
            {"type": "provision_complaint_made", "date": "2027-01-28"},
            {"type": "pre_action_letter_sent", "date": "2027-02-01"},
        ],
    }
    with pytest.raises(MissingCaseData):
        build_la_missed_deadline(case, today=date(2027, 6, 1))


def test_a_continue_order_is_not_called_late_without_a_fact(case_file):
    case = {
        **copy.deepcopy(case_file),
        "format": "ehcp-case/2",
        "events": [{"type": "tribunal_decision", "date": "2027-01-20", "order": "continue_plan"}],
    }
    with pytest.raises(MissingCaseData):
        build_la_missed_deadline(case, today=date(2027, 6, 1))
