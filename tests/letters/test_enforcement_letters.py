"""The enforcement letters (issue 15), each from at least two cases, read back from the real
PDF (pypdf) and DOCX (python-docx): the right body (council or integrated care board), the
figures from the delivery log, the law from the law module, and the family's own words."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from letters.parties import MissingCaseData
from letters.services import letter_render
from tests.letters.docx_text import docx_document, docx_text
from tests.letters.pdf_text import pdf_text

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "case_provision.json"
TODAY = date(2026, 11, 23)
ENFORCE = {
    "since": "2026-09-01",
    "start_by": "2026-12-07",
    "compensatory": "Six extra therapy sessions before Easter.",
    "icb_name": "NHS Bristol Integrated Care Board",
    "complaint_reference": "CMP-1234",
}


def case(**changes: Any) -> dict[str, Any]:
    found = copy.deepcopy(json.loads(FIXTURE.read_text()))
    found.update(changes)
    return found


def young_persons_case() -> dict[str, Any]:
    found = case()
    found["child"].update(first_name="Jordan", last_name="Reid", date_of_birth="2008-01-05")
    found["child"]["pronouns"] = "they"
    found["applicant"].update(name="Jordan Reid", relationship="young_person")
    return found


def advocates_case() -> dict[str, Any]:
    found = case()
    found["represents"] = {"name": "Grace Okafor", "relationship": "parent"}
    found["applicant"] = {
        "name": "Alex Reed",
        "relationship": "advocate",
        "address": ["1 High Street", "Leeds", "LS1 1AA"],
    }
    return found


def render(kind: str, case_file, fmt: str, *, today=TODAY, **enforce) -> bytes:
    extras = {"enforce": {**ENFORCE, **enforce}}
    return letter_render(
        kind=kind, case_file=case_file, fmt=fmt, today=today, extras=extras
    ).content


def both(kind: str, case_file, **enforce) -> tuple[str, str, Any]:
    """The PDF's text, the DOCX's text and its document."""
    pdf = pdf_text(render(kind, case_file, "pdf", **enforce))
    docx = render(kind, case_file, "docx", **enforce)
    return pdf, docx_text(docx), docx_document(docx)


def table_rows(document) -> list[list[str]]:
    (table,) = document.tables
    return [[cell.text for cell in row.cells] for row in table.rows]


class CouncilComplaintTests:
    def test_section_f_goes_to_the_council_with_the_figures_from_the_log(self):
        pdf, docx, document = both("provision_complaint_council", case(), sections=["F"])
        for text in (pdf, docx):
            assert "Complaints team" in text and "Bristol City Council" in text
            assert "Children and Families Act 2014, s.42(2)" in text
            assert "s.42(3)" not in text  # health care is the board's
            assert "Six extra therapy sessions before Easter." in text
            assert "Monday 7 December 2026" in text
        rows = table_rows(document)
        assert rows[0] == ["Provision in the plan", "Expected", "Delivered", "Partly", "Missed",
                           "Not recorded"]  # fmt: skip
        # Speech and language therapy: 10 weeks of term since 1 September, 1 delivered, 1
        # partly, 4 missed, 4 weeks not recorded; reading: one record a week for 5 sessions.
        assert rows[1][1:] == ["10", "1", "1", "4", "4"]
        assert rows[2][1:] == ["50", "5", "5", "5", "35"]
        assert rows[-1][1:] == ["60", "6", "6", "9", "39"]
        assert "10 1 1 4 4" in pdf
        # The chart is drawn in the PDF (its labels are text); the Word file keeps the table.
        assert "All provision 6 of 60 sessions delivered" in pdf
        assert "First session recorded as not delivered" in pdf

    def test_the_reply_is_due_from_the_day_the_family_sends_it(self):
        _, docx, _ = both("provision_complaint_council", case(), reply_working_days=10)
        assert "reply within 10 working days, that is by Monday 7 December 2026" in docx
        _, docx, _ = both("provision_complaint_council", case(), letter_date="2026-11-30")
        assert "reply within 20 working days, that is by Wednesday 30 December 2026" in docx

    def test_section_h_is_the_councils_and_states_only_h1_as_a_duty(self):
        pdf, docx, _ = both("provision_complaint_council", case(), sections=["H"])
        assert "Chronically Sick and Disabled Persons Act 1970, s.2" in pdf
        assert "Access to short breaks" in docx
        assert "s.42(2)" not in pdf

    def test_a_young_persons_own_complaint(self):
        pdf, docx, _ = both("provision_complaint_council", young_persons_case())
        for text in (pdf, docx):
            assert "Young person: Jordan Reid" in text
            assert "provision in my education, health and care (EHC) plan" in text
            assert "Jordan Reid" in text.split("Yours faithfully")[-1]

    def test_an_advocates_complaint_is_for_the_parent(self):
        pdf, docx, _ = both("provision_complaint_council", advocates_case())
        for text in (pdf, docx):
            assert "I am writing as the representative of Grace Okafor, Sam's parent" in text
            assert "Alex Reed" in text
        without = advocates_case()
        del without["represents"]
        with pytest.raises(MissingCaseData, match="represents"):
            render("provision_complaint_council", without, "html")

    def test_the_familys_own_term_dates_change_the_count(self):
        extras = {
            "enforce": ENFORCE,
            # A school that broke up for 3 weeks in October: fewer weeks of term time.
            "term_dates": {
                "name": "Hillside's own term dates",
                "terms": [["2026-09-01", "2026-10-09"], ["2026-11-02", "2026-12-18"]],
            },
        }
        html = letter_render(
            kind="provision_complaint_council", case_file=case(), fmt="docx", today=TODAY,
            extras=extras,
        ).content  # fmt: skip
        rows = table_rows(docx_document(html))
        assert rows[1][1] == "8"  # not 10: 3 weeks off in October here, not 1
        assert "Hillside's own term dates" in docx_text(html)


class IcbComplaintTests:
    def test_section_g_goes_to_the_integrated_care_board(self):
        pdf, docx, document = both("provision_complaint_icb", case())
        for text in (pdf, docx):
            assert "NHS Bristol Integrated Care Board" in text
            assert "Children and Families Act 2014, s.42(3)" in text
            assert "Bristol City Council" not in text
            assert "Local Government Act 1974" not in text  # the NHS's own procedure
        rows = table_rows(document)
        assert len(rows) == 3  # physiotherapy and the total: nothing from F or H
        assert rows[1][1:] == ["5", "1", "0", "2", "2"]

    def test_an_advocates_complaint_to_the_board(self):
        pdf, _, _ = both("provision_complaint_icb", advocates_case())
        assert "NHS Bristol Integrated Care Board" in pdf
        assert "representative of Grace Okafor" in pdf

    def test_refuses_without_the_boards_name_or_health_care(self):
        with pytest.raises(MissingCaseData, match="integrated care board's name"):
            render("provision_complaint_icb", case(), "html", icb_name="")
        no_health = case()
        no_health["provision"] = [p for p in no_health["provision"] if p["section"] != "G"]
        with pytest.raises(MissingCaseData, match="section G"):
            render("provision_complaint_icb", no_health, "html")


class OmbudsmanTests:
    def test_a_complaint_the_council_did_not_answer_in_time(self):
        pdf, docx, document = both("ombudsman_complaint", case())
        for text in (pdf, docx):
            assert "Local Government and Social Care Ombudsman" in text
            assert "Local Government Act 1974, s.26B" in text
            assert "Local Government Act 1974, s.26(5) and s.26(6)" in text
            assert "Its time to answer ended on Monday 2 November 2026" in text
            assert "5 October 2026: I complained to the council (reference CMP-1234)." in text
            assert "14 September 2026: First session recorded as not delivered" in text
            assert "12 months from that day end on Monday 13 September 2027" in text
        assert table_rows(document)[1][1:] == ["10", "1", "1", "4", "4"]

    def test_an_answered_complaint_quotes_the_council(self):
        answered = advocates_case()
        answered["events"].append({"type": "provision_complaint_response", "date": "2026-10-20"})
        pdf, docx, _ = both("ombudsman_complaint", answered, response_said="We are recruiting.")
        for text in (pdf, docx):
            assert "The council has given its final answer to my complaint. It said:" in text
            assert "We are recruiting." in text
            assert "20 October 2026: The council gave its final answer" in text
            assert "representative of Grace Okafor" in text

    def test_after_12_months_it_asks_the_ombudsman_to_use_its_discretion(self):
        late = pdf_text(render("ombudsman_complaint", case(), "pdf", today=date(2027, 10, 1)))
        assert "I ask you to use your discretion to consider this complaint." in late
        on_time = pdf_text(render("ombudsman_complaint", case(), "pdf"))
        assert "discretion" not in on_time

    def test_not_before_the_council_has_had_its_time(self):
        with pytest.raises(MissingCaseData, match="Monday 2 November 2026"):
            render("ombudsman_complaint", case(), "html", today=date(2026, 10, 20))
        without = case(events=[])
        with pytest.raises(MissingCaseData, match="provision_complaint_made"):
            render("ombudsman_complaint", without, "html")


class PreActionTests:
    def test_the_protocols_headings_in_order_for_a_parent(self):
        sent = case()
        sent["events"].append({"type": "pre_action_letter_sent", "date": "2026-11-23"})
        pdf, docx, document = both(
            "pre_action_letter", sent, adr=True, information_sought="Who delivers therapy."
        )
        headings = [
            "1. The proposed claimant", "2. The proposed defendant", "3. Reference details",
            "4. The matter being challenged", "5. The issues",
            "6. The action the council is expected to take", "7. Alternative dispute resolution",
            "8. Information and documents sought", "9. Address for reply",
            "10. Proposed reply date",
        ]  # fmt: skip
        for text in (pdf, docx):
            positions = [text.index(h) for h in headings]
            assert positions == sorted(positions)
            assert "Sam Okafor, acting through Grace Okafor." in text
            assert "Legal Services" in text and "Bristol City Council." in text
            assert "Please reply by Monday 7 December 2026." in text  # 14 days
            assert "Civil Procedure Rules, r.54.5(1)" in text
            # 3 months from the first session recorded as not delivered (14 September).
            assert "by Monday 14 December 2026 at the latest" in text
            assert "Who delivers therapy." in text
            assert "will discuss settling this without a claim" in text
        assert table_rows(document)[1][1:] == ["10", "1", "1", "4", "4"]

    def test_a_young_persons_own_letter(self):
        pdf, docx, _ = both("pre_action_letter", young_persons_case(), adr=False)
        for text in (pdf, docx):
            assert "Jordan Reid, the young person." in text
            assert "does not propose a further process" not in text
            assert "I do not propose a further process" in text


class MediationAgreementTests:
    def test_something_that_could_not_be_appealed_2_weeks(self):
        pdf, docx, _ = both(
            "mediation_agreement_chaser",
            case(),
            agreement_date="2026-10-01",
            agreement_requires="other",
            agreement_text="The council will arrange an OT assessment.",
        )
        for text in (pdf, docx):
            assert "SEND Regulations 2014, reg 42(3)" in text
            assert "due by Thursday 15 October 2026, and that date has passed" in text
            assert "The council will arrange an OT assessment." in text

    def test_an_advocates_chaser_for_an_agreement_to_amend_the_plan(self):
        pdf, docx, _ = both(
            "mediation_agreement_chaser",
            advocates_case(),
            agreement_date="2026-10-01",
            agreement_requires="amend_plan",
        )
        for text in (pdf, docx):
            assert "SEND Regulations 2014, reg 42(2) and reg 44" in text
            assert "SEND Regulations 2014, reg 44(2) and reg 45(4)" in text
            assert "representative of Grace Okafor" in text

    def test_a_timescale_agreed_in_writing(self):
        pdf, _, _ = both(
            "mediation_agreement_chaser",
            case(),
            agreement_date="2026-10-01",
            agreement_requires="amend_plan",
            agreed_by="2026-12-31",
        )
        assert "SEND Regulations 2014, reg 42(5)" in pdf
        assert "reg 42(2)" not in pdf
        assert "due by Thursday 31 December 2026." in pdf

    def test_refuses_without_the_agreement(self):
        with pytest.raises(MissingCaseData, match="mediation agreement"):
            render("mediation_agreement_chaser", case(), "html")
