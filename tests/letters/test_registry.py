"""Every registered letter kind renders, from the same case, in every format."""

from datetime import date

import pytest

from letters.registry import REGISTRY, LetterKind, letter_spec
from letters.services import FORMATS, letter_render
from tests.letters.docx_text import docx_text
from tests.letters.pdf_text import pdf_text


def everything_case(case_file, kind):
    """Sam's case at a point where the letter applies: a decision, a plan, a late council."""
    case_file["decision"] = {
        # Reconsideration is for refusals; the other stage letters take a plan appeal.
        "kind": "refusal_to_assess" if kind == "reconsideration_request" else "plan_contents",
        "date": "2027-01-20",
        "reasons_given": ["The provision in section F meets Sam's needs"],
    }
    case_file["plan"] = {
        "sections": {"F": "Sam will have access to speech and language therapy as needed."},
        "preferred_setting": "Oakfield School",
    }
    case_file["events"] += [
        {"type": "draft_plan_issued", "date": "2027-01-25"},
        {"type": "mediation_requested", "date": "2027-01-26"},
        {"type": "phase_transfer_year", "date": "2027-09-01"},
    ]
    # The plan-life letters (issue 14) each start from their own event.
    case_file["events"] += {
        "review_contribution": [{"type": "final_plan_issued", "date": "2026-03-01"}],
        "amendment_representations": [{"type": "amendment_proposal_issued", "date": "2027-01-27"}],
        "cease_response": [{"type": "cease_considered", "date": "2027-01-27"}],
    }.get(kind, [])
    # The enforcement letters (issue 15) are written from the plan's provision and the log.
    case_file["format"] = "ehcp-case/2"
    case_file["provision"] = [
        {"id": "f1", "section": "F", "text": "Weekly speech and language therapy",
         "sessions": 1, "per": "week", "minutes": 60},
        {"id": "g1", "section": "G", "text": "Monthly physiotherapy", "sessions": 1,
         "per": "month"},
    ]  # fmt: skip
    case_file["delivery_log"] = [
        {"provision": "f1", "date": "2026-11-02", "delivered": "no"},
        {"provision": "g1", "date": "2026-11-09", "delivered": "no"},
    ]
    case_file["events"] += {
        "ombudsman_complaint": [{"type": "provision_complaint_made", "date": "2026-11-16"}],
    }.get(kind, [])
    return case_file


# What the enforcement journeys add (journeys/wizard/enforcement_cases.py).
EVERYTHING_EXTRAS = {
    "enforce": {
        "since": "2026-10-01",
        "start_by": "2027-02-15",
        "icb_name": "NHS Bristol Integrated Care Board",
        "agreement_date": "2026-12-01",
        "agreement_requires": "other",
    }
}
# The documents made only from a page's answers (issue 16): those answers, as the witness
# statement page and the evidence pack's "ask for more pages" page keep them.
PAGE_ANSWERS = {
    "witness_statement": {
        "witness_statement": {
            "name": "Grace Okafor",
            "relationship": "Sam's mother",
            "sections": {"needs": "Sam cannot follow two-step instructions."},
        }
    },
    # The decision-letter check the family kept from the check page (issue 16 item 5), for
    # the decision everything_case gives Sam.
    "decision_letter_complaint": {
        "decision_letter": {
            "kind": "plan_contents",
            "date": "2027-01-20",
            "missing": ["right_of_appeal", "information_advice"],
        }
    },
    "send7_request": {
        "send7": {
            "pages": 120,
            "limit": 100,
            "documents": [
                {
                    "title": "EP report",
                    "author": "Dr A Patel",
                    "date": "2026-09-01",
                    "pages": 30,
                    "why": "The only assessment of Sam's learning.",
                }
            ],
        }
    },
}


@pytest.mark.parametrize("kind", list(REGISTRY), ids=str)
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_kind_renders_in_every_format(kind, fmt, case_file):
    # Late enough that the council has missed its 6 weeks (the chaser needs that).
    letter = letter_render(
        kind=kind,
        case_file=everything_case(case_file, kind),
        fmt=fmt,
        today=date(2027, 2, 1),
        extras={**EVERYTHING_EXTRAS, **(PAGE_ANSWERS.get(kind) or {})},
    )
    assert letter.filename == f"{kind.replace('_', '-')}-Sam-Okafor-2027-02-01.{fmt}"
    readers = {"pdf": pdf_text, "docx": docx_text, "html": bytes.decode}
    text = readers[fmt](letter.content)
    assert REGISTRY[kind].title in text
    assert "Sam" in text
    # The integrated care board's letter goes to the board, never to the council.
    body = "NHS Bristol" if kind == "provision_complaint_icb" else "Bristol City Council"
    assert body in text


def test_every_kind_has_a_template_and_a_builder():
    assert set(REGISTRY) == set(LetterKind)
    for spec in REGISTRY.values():
        assert spec.template == f"letters/{spec.kind.value}.html"
        assert callable(spec.build)


def test_unknown_kind_names_the_known_ones():
    with pytest.raises(KeyError, match=r"unknown letter kind 'love_letter'.*request_assessment"):
        letter_spec("love_letter")


def test_filename_is_safe_whatever_the_name(case_file):
    case_file["child"]["first_name"] = '../"evil"\r\nname'
    name = REGISTRY[LetterKind.REQUEST_ASSESSMENT].filename(case_file, "pdf")
    assert "/" not in name and '"' not in name and "\n" not in name and ".." not in name


def test_previews_leave_out_letters_that_do_not_apply_yet(case_file):
    from letters.services import letter_previews

    previews = letter_previews(
        kinds=["request_assessment", "appeal_reasons"],
        case_file=case_file,
        today=date(2026, 11, 23),
    )
    assert [p.kind for p in previews] == ["request_assessment"]  # no decision to appeal yet
