"""The enforcement journeys' answers (issue 15) as a version-2 case file and extras, and back.

`not-delivered`: a complaint that the plan's provision is not being made, a complaint to the
Ombudsman, or a letter before claim for judicial review. Finishing it records the event of
the step taken on the date the family gives (CASE_FORMAT.md "Version 2"):
provision_complaint_made; for the Ombudsman, the complaint, the council's final answer (if
any) and ombudsman_complaint_made; for a letter before claim, the complaint and answer if
given, and pre_action_letter_sent. The provision and the delivery log stay in the saved case
file (merge_case_files keeps what a journey does not write).

`mediation-agreement`: a mediation agreement the council has not carried out. It records no
event (the case file has no event for a mediation agreement); its answers are extras.

Extras key "enforce": letters/extras.py EnforceExtras.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from journeys.cases.casefile import date_parts
from journeys.forms import enforcement as forms
from journeys.rules.vocabulary import EventType
from journeys.wizard.stage_cases import _drop_empty, _finish, about_case

Answers = Mapping[str, Any]
ENFORCE_JOURNEY = "not-delivered"


def _event(kind: EventType, day: date) -> dict[str, str]:
    return {"type": kind.value, "date": day.isoformat()}


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def _step(answers: Answers) -> str:
    return answers["enforce-step"]["step"]


def enforcement_case(answers: Answers) -> dict[str, Any]:
    case = about_case(answers)
    step = _step(answers)
    sent = answers["letter-date"]["letter_date"]
    events = []
    if step == forms.STEP_COMPLAINT:
        events.append(_event(EventType.PROVISION_COMPLAINT_MADE, sent))
    else:
        # The Ombudsman and a letter before claim always ask for the complaint's date.
        complaint = answers["complaint-details"]["complaint_date"]
        events.append(_event(EventType.PROVISION_COMPLAINT_MADE, complaint))
        answered = answers.get("complaint-response", {}).get("response_date")
        if answered and answers.get("complaint-answered", {}).get("answered") == "yes":
            events.append(_event(EventType.PROVISION_COMPLAINT_RESPONSE, answered))
        events.append(
            _event(
                EventType.OMBUDSMAN_COMPLAINT_MADE
                if step == forms.STEP_OMBUDSMAN
                else EventType.PRE_ACTION_LETTER_SENT,
                sent,
            )
        )
    case["events"] = sorted(events, key=lambda e: (e["date"], e["type"]))
    return _finish(case)


def enforcement_extras(answers: Answers) -> dict[str, Any]:
    details = answers.get("complaint-details", {})
    answered = answers.get("complaint-answered", {}).get("answered") == "yes"
    response = answers.get("complaint-response", {}) if answered else {}
    pre_action = answers.get("pre-action-details", {})
    enforce = _drop_empty(
        {
            "step": _step(answers),
            "sections": list(answers.get("enforce-sections", {}).get("sections", [])),
            "since": _iso(answers.get("enforce-since", {}).get("since")),
            "start_by": _iso(answers.get("enforce-start-by", {}).get("start_by")),
            "compensatory": answers.get("compensatory", {}).get("compensatory", ""),
            "icb_name": answers.get("icb-name", {}).get("icb_name", ""),
            "complaint_date": _iso(details.get("complaint_date")),
            "complaint_reference": details.get("complaint_reference", ""),
            "reply_working_days": details.get("reply_working_days")
            or answers.get("complaint-period", {}).get("reply_working_days"),
            "answered": answered,
            "response_date": _iso(response.get("response_date")),
            "response_said": response.get("response_said", ""),
            "letter_date": _iso(answers.get("letter-date", {}).get("letter_date")),
            "information_sought": pre_action.get("information_sought", ""),
        }
    )
    if pre_action:
        enforce["adr"] = pre_action.get("adr") == "yes"
    return {"enforce": enforce}


def mediation_agreement_case(answers: Answers) -> dict[str, Any]:
    return _finish(about_case(answers))


def mediation_agreement_extras(answers: Answers) -> dict[str, Any]:
    agreement = answers["agreement-details"]
    return {
        "enforce": _drop_empty(
            {
                "step": "mediation_agreement",
                "agreement_date": _iso(agreement["agreement_date"]),
                "agreement_requires": agreement["agreement_requires"],
                "agreement_text": agreement.get("agreement_text", ""),
                "agreed_by": _iso(agreement.get("agreed_by")),
            }
        )
    }


# -- carrying a saved case into the journey --------------------------------------------------------


def _latest(case_file: Mapping[str, Any], kind: EventType) -> str | None:
    return max((e["date"] for e in case_file.get("events", []) if e["type"] == kind), default=None)


def enforcement_step_data_from_case(
    case_file: Mapping[str, Any], extras: Mapping[str, Any], journey_slug: str
) -> dict[str, dict[str, list[str]]]:
    """For `not-delivered` only: what the saved case records (the sections that have items
    and how many sessions are logged, always written, so that a case without a record is
    sent to record it first), the complaint's date from the timeline and the council's
    answer, and what the family answered last time (extras "enforce")."""
    if journey_slug != ENFORCE_JOURNEY:
        return {}
    sections = sorted({item.get("section", "F") for item in case_file.get("provision", [])})
    steps: dict[str, dict[str, list[str]]] = {
        "provision-record": {
            "provision-record-sections": [",".join(sections)],
            "provision-record-logged": [str(len(case_file.get("delivery_log", [])))],
        }
    }
    enforce = extras.get("enforce") or {}
    complained = _latest(case_file, EventType.PROVISION_COMPLAINT_MADE)
    if complained:
        steps["complaint-details"] = {
            **date_parts("complaint-details-complaint_date", complained),
            "complaint-details-complaint_reference": [enforce.get("complaint_reference", "")],
            "complaint-details-reply_working_days": [str(enforce.get("reply_working_days") or "")],
        }
    answered = _latest(case_file, EventType.PROVISION_COMPLAINT_RESPONSE)
    if answered:
        steps["complaint-answered"] = {"complaint-answered-answered": ["yes"]}
        steps["complaint-response"] = {
            **date_parts("complaint-response-response_date", answered),
            "complaint-response-response_said": [enforce.get("response_said", "")],
        }
    if enforce.get("reply_working_days"):
        steps["complaint-period"] = {
            "complaint-period-reply_working_days": [str(enforce["reply_working_days"])]
        }
    for slug, name in (("enforce-since", "since"), ("enforce-start-by", "start_by")):
        if enforce.get(name):
            steps[slug] = date_parts(f"{slug}-{name}", enforce[name])
    if enforce.get("compensatory"):
        steps["compensatory"] = {"compensatory-compensatory": [enforce["compensatory"]]}
    if enforce.get("icb_name"):
        steps["icb-name"] = {"icb-name-icb_name": [enforce["icb_name"]]}
    return steps
