"""The portable case file of docs/case-format.md: its JSON Schema, validation, and
conversion to and from the request journey's answers.

The field names here are a contract other tools depend on: change them only with
CASE_FORMAT.md.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from journeys.rules.calendar import EARLIEST_YEAR, LATEST_YEAR
from journeys.rules.law import LawEntry, SchoolKind, school_law
from journeys.rules.vocabulary import (
    V1_EVENT_TYPES,
    ActingForYoungPerson,
    DecisionKind,
    Delivered,
    EventType,
    EvidenceKind,
    NeedArea,
    Per,
    Pronouns,
    Relationship,
    Represented,
    SchoolView,
    SettingKind,
    Transfer,
    TribunalOrder,
)

FORMAT_V1 = "ehcp-case/1"
FORMAT = "ehcp-case/2"  # what this product writes (CASE_FORMAT.md "Version 2")
FORMATS = (FORMAT_V1, FORMAT)
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


def _values(enum) -> list[str]:
    return [member.value for member in enum]


def _object(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = list(required)
    return schema


# Bounds (issue 12): what a real family's case could hold, with room to spare, so that one
# upload can never make a letter or an export cost more than a moment. The forms ask for
# less (names 100-200 characters, 3,000 for a need, 20 items a list); other tools get more
# room. docs/security.md lists them; a file beyond them is refused with the field named.
NAME_LENGTH = 200  # under the Word document "author" property's 255
LINE_LENGTH = 300  # one line: a school, a council, an address line, a title
ITEM_LENGTH = 2_000  # one piece of support or evidence, described
TEXT_LENGTH = 5_000  # a need, a reason, notes: paragraphs in the parent's words
PLAN_SECTION_LENGTH = 30_000  # a plan's section B, F or I pasted whole
FEW, SOME, MANY = 12, 30, 200  # address lines or needs; lists of items; events, provision
LOG = 2_000  # the delivery log: a few sessions a week, for years
# All the text of one case together. A letter holding all of it is some 29 pages, about a
# second to render (bench/hostile.py); 200,000 made a request letter of 52 pages and two
# seconds. No family sends a request of 29 pages: a long real one is under ten. It is still
# a little more than all the request journey's own questions can hold (four needs of
# 2 x 3,000 characters, 20 pieces of support and 20 of evidence of up to 2,000 and 1,400,
# notes, names and addresses: about 100,000), so no answer the journey takes is refused.
TOTAL_TEXT_LENGTH = 110_000
# The delivery log (version 2) has its own budget and is not counted in the total above: 3
# school years of weekly records for 8 items is some 1,250 rows, whose dates, provision ids
# and "yes"/"no" alone are 20,000 characters. Its fixed-format values (dates, delivered) are
# bounded by the schema and not counted at all; its notes and provision ids together are at
# most this many characters (the tracker's form keeps a note to 200, so 500 full notes, or
# short notes on every row of those 3 years). A letter that prints the log prints the missed
# sessions, not every note.
LOG_TEXT_LENGTH = 100_000
LOG_FIXED_KEYS = frozenset({"date", "delivered"})


def _text(max_length: int, *, min_length: int = 0) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "string",
        "maxLength": max_length,
        "description": f"at most {max_length:,} characters",
    }
    if min_length:
        schema["minLength"] = min_length
    return schema


def _array(items: dict[str, Any], max_items: int) -> dict[str, Any]:
    return {
        "type": "array",
        "items": items,
        "maxItems": max_items,
        "description": f"at most {max_items:,} items",
    }


STRING = _text(LINE_LENGTH)
NAME = _text(NAME_LENGTH, min_length=1)
OPTIONAL_NAME = _text(NAME_LENGTH)
NON_EMPTY = _text(LINE_LENGTH, min_length=1)
TEXT = _text(TEXT_LENGTH)
ITEM = _text(ITEM_LENGTH)
DATE = {"type": "string", "pattern": ISO_DATE, "format": "date"}
ADDRESS = _array(STRING, FEW)
COUNT = {"type": "integer", "minimum": 0, "maximum": 10_000}  # sessions or minutes

V1_DECISION_KINDS = [k.value for k in DecisionKind if k != DecisionKind.REFUSAL_TO_REASSESS]

# Version 2's additions, so a version-1 file that uses one can be told so by name.
V2_TOP_KEYS = ("represents", "acting_for_young_person", "provision", "delivery_log")
V2_EVENT_KEYS = {"transfer": EventType.PHASE_TRANSFER_YEAR, "order": EventType.TRIBUNAL_DECISION}


def _event_key_only_on(key: str, event: EventType) -> dict[str, Any]:
    """An event's version-2 key is allowed only on the one event type that takes it."""
    return {
        "if": {"properties": {"type": {"not": {"const": event.value}}}},
        "then": {"properties": {key: False}},
    }


CASE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "urn:ehcp-helper:case-file:2",
    "title": "EHCP case file, version 1 or 2",
    "description": (
        f"Every list and string is bounded (maxItems, maxLength); all the text together is "
        f"at most {TOTAL_TEXT_LENGTH:,} characters, so that no letter made from it is longer "
        f"than some 30 pages. The delivery log is not counted in that total: its notes and "
        f"provision ids together are at most {LOG_TEXT_LENGTH:,} characters."
    ),
    **_object(
        {
            "format": {"enum": list(FORMATS)},
            "child": _object(
                {
                    "first_name": NAME,
                    "last_name": OPTIONAL_NAME,
                    "date_of_birth": DATE,
                    "pronouns": {"enum": _values(Pronouns)},
                    "year_group": STRING,
                    "setting": _object({"name": STRING, "kind": {"enum": _values(SettingKind)}}),
                    "diagnoses": _array(_text(ITEM_LENGTH, min_length=1), SOME),
                },
                required=("first_name",),
            ),
            "applicant": _object(
                {
                    "name": NAME,
                    "relationship": {"enum": _values(Relationship)},
                    "address": ADDRESS,
                    "email": STRING,
                    "phone": STRING,
                },
                required=("name",),
            ),
            "represents": _object(
                {
                    "name": NAME,
                    "relationship": {"enum": _values(Represented)},
                    "address": ADDRESS,
                    "email": STRING,
                    "phone": STRING,
                },
                required=("name",),
            ),
            "acting_for_young_person": {"enum": _values(ActingForYoungPerson)},
            "local_authority": _object({"name": NON_EMPTY}, required=("name",)),
            "needs": _array(
                _object(
                    {
                        "area": {"enum": _values(NeedArea)},
                        "description": TEXT,
                        "impact": TEXT,
                    },
                    required=("area",),
                ),
                FEW,
            ),
            "support_tried": _array(
                _object({"description": ITEM, "since": DATE, "outcome": ITEM}), SOME
            ),
            "evidence": _array(
                _object(
                    {
                        "kind": {"enum": _values(EvidenceKind)},
                        "author": STRING,
                        "date": DATE,
                        "title": STRING,
                        "key_points": ITEM,
                        # a file name kept with the case: no folders
                        "file": {**STRING, "pattern": r"^[^/\\]+$"},
                    }
                ),
                SOME,
            ),
            "school_view": {"enum": _values(SchoolView)},
            "events": {
                "type": "array",
                "maxItems": MANY,
                "description": f"at most {MANY} items",
                "items": {
                    **_object(
                        {
                            "type": {"enum": _values(EventType)},
                            "date": DATE,
                            "transfer": {"enum": _values(Transfer)},
                            "order": {"enum": _values(TribunalOrder)},
                        },
                        required=("type", "date"),
                    ),
                    "allOf": [_event_key_only_on(k, e) for k, e in V2_EVENT_KEYS.items()],
                },
            },
            "decision": _object(
                {
                    "kind": {"enum": _values(DecisionKind)},
                    "date": DATE,
                    "reasons_given": _array(TEXT, SOME),
                }
            ),
            "plan": _object(
                {
                    "sections": _object(
                        {
                            "B": _text(PLAN_SECTION_LENGTH),
                            "F": _text(PLAN_SECTION_LENGTH),
                            "I": _text(PLAN_SECTION_LENGTH),
                        }
                    ),
                    "preferred_setting": STRING,
                    "preferred_setting_kind": {"enum": _values(SchoolKind)},
                }
            ),
            "provision": _array(
                _object(
                    {
                        "id": NON_EMPTY,
                        "section": {"enum": ["F", "G", "H"]},
                        "text": ITEM,
                        "sessions": COUNT,
                        "per": {"enum": _values(Per)},
                        "minutes": COUNT,
                        "provider": STRING,
                        "term_time_only": {"type": "boolean"},
                    },
                    required=("id",),
                ),
                MANY,
            ),
            "delivery_log": _array(
                _object(
                    {
                        "provision": NON_EMPTY,
                        "date": DATE,
                        "delivered": {"enum": _values(Delivered)},
                        "minutes": COUNT,
                        "note": ITEM,
                    },
                    required=("provision", "date"),
                ),
                LOG,
            ),
            "notes": TEXT,
        },
        required=("format", "child", "applicant", "local_authority"),
    ),
    # A version-1 file keeps version 1's shape: none of version 2's keys or values.
    "if": {"properties": {"format": {"const": FORMAT_V1}}, "required": ["format"]},
    "then": {
        "properties": {
            **{key: False for key in V2_TOP_KEYS},
            "plan": {"properties": {"preferred_setting_kind": False}},
            "evidence": {"items": {"properties": {"file": False}}},
            "decision": {"properties": {"kind": {"enum": V1_DECISION_KINDS}}},
            "events": {
                "items": {
                    "properties": {
                        "type": {"enum": [e.value for e in V1_EVENT_TYPES]},
                        **{key: False for key in V2_EVENT_KEYS},
                    }
                }
            },
        }
    },
}

_VALIDATOR = Draft202012Validator(CASE_SCHEMA)


class CaseFileError(ValueError):
    """A case file that does not match the contract; the message is one line for people."""


def _where(path) -> str:
    return ".".join(str(part) for part in path) or "the case file"


def _version_2_uses(data: dict[str, Any]) -> str | None:
    """The first version-2 key or value in `data` (as a path), or None."""
    for key in V2_TOP_KEYS:
        if key in data:
            return key
    plan = data.get("plan")
    if isinstance(plan, dict) and "preferred_setting_kind" in plan:
        return "plan.preferred_setting_kind"
    decision = data.get("decision")
    if isinstance(decision, dict) and decision.get("kind") == DecisionKind.REFUSAL_TO_REASSESS:
        return "decision.kind refusal_to_reassess"
    for index, item in enumerate(_list(data.get("evidence"))):
        if isinstance(item, dict) and "file" in item:
            return f"evidence.{index}.file"
    v1_types = {e.value for e in V1_EVENT_TYPES}
    v2_types = {e.value for e in EventType} - v1_types
    for index, event in enumerate(_list(data.get("events"))):
        if not isinstance(event, dict):
            continue
        for key in V2_EVENT_KEYS:
            if key in event:
                return f"events.{index}.{key}"
        if event.get("type") in v2_types:
            return f"events.{index}.type {event['type']}"
    return None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def validate_case_file(data: Any) -> dict[str, Any]:
    """Return `data` if it is a valid case file (version 1 or 2); raise CaseFileError naming
    the first problem. A version-1 file that uses a version-2 key is refused by name."""
    if not isinstance(data, dict):
        raise CaseFileError("a case file must be a JSON object")
    _check_text(data, ())
    if data.get("format") == FORMAT_V1:
        used = _version_2_uses(data)
        if used is not None:
            raise CaseFileError(
                f"{used} is part of version 2 of the case file: "
                f'the file should say "format": "{FORMAT}"'
            )
    for index, event in enumerate(_list(data.get("events"))):
        for key, takes_it in V2_EVENT_KEYS.items():
            if isinstance(event, dict) and key in event and event.get("type") != takes_it:
                raise CaseFileError(f"events.{index}.{key}: only a {takes_it} event takes {key}")
    errors = sorted(_VALIDATOR.iter_errors(data), key=lambda e: (list(e.absolute_path), e.message))
    for error in errors:
        if error.validator == "additionalProperties":
            allowed = error.schema.get("properties", {})
            unknown = sorted(key for key in error.instance if key not in allowed)
            prefix = _where(error.absolute_path)
            names = ", ".join(f"{prefix}.{key}" if error.absolute_path else key for key in unknown)
            raise CaseFileError(f"unknown key: {names}")
        if error.validator == "required":
            raise CaseFileError(f"{_where(error.absolute_path)}: {error.message}")
        if error.validator in ("maxItems", "maxLength"):
            # jsonschema's own message quotes the whole value: too long for one line, and
            # it is the family's text.
            unit = "items" if error.validator == "maxItems" else "characters"
            raise CaseFileError(
                f"{_where(error.absolute_path)}: more than {error.validator_value:,} {unit}"
            )
        raise CaseFileError(f"{_where(error.absolute_path)}: {error.message}")
    _check_values(data, ())
    if _text_length(data) > TOTAL_TEXT_LENGTH:
        raise CaseFileError(
            f"the case file holds more than {TOTAL_TEXT_LENGTH:,} characters of text in all"
        )
    if log_text_length(data.get("delivery_log", [])) > LOG_TEXT_LENGTH:
        raise CaseFileError(
            f"delivery_log: its notes hold more than {LOG_TEXT_LENGTH:,} characters in all"
        )
    return data


def log_text_length(log: Any) -> int:
    """The characters of a delivery log that count against LOG_TEXT_LENGTH: its notes and
    provision ids (dates and "yes"/"no"/"partly" are fixed-format and bounded already)."""
    return sum(
        _text_length(value)
        for row in _list(log)
        if isinstance(row, dict)
        for key, value in row.items()
        if key not in LOG_FIXED_KEYS
    )


def _text_length(value: Any, *, top: bool = True) -> int:
    """Every character of text in `value`, but for the delivery log (LOG_TEXT_LENGTH)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(
            _text_length(item, top=False)
            for key, item in value.items()
            if not (top and key == "delivery_log")
        )
    if isinstance(value, list):
        return sum(_text_length(item, top=False) for item in value)
    return 0


def _check_text(value: Any, path: tuple) -> None:
    """Every key and string must be text that can be stored and shown: a lone surrogate
    ("\\ud800" in the JSON) cannot be written as UTF-8, so nothing could keep it."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise CaseFileError(f"{_where(path)}: contains a character that is not text") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key, path)
            _check_text(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_text(item, (*path, index))


NAME_KEYS = frozenset({"first_name", "last_name", "name"})


def _check_values(value: Any, path: tuple) -> None:
    # The schema's pattern admits 2026-02-30; a date that cannot be is still an error. Text is
    # checked on the way: NUL cannot be stored (PostgreSQL jsonb), and a name is one line.
    if isinstance(value, str):
        if "\x00" in value:
            raise CaseFileError(f"{_where(path)}: contains a NUL character")
        if path and path[-1] in NAME_KEYS and any(ord(ch) < 32 for ch in value):
            raise CaseFileError(f"{_where(path)}: a name must be on one line")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if key in {"date", "date_of_birth", "since"} and isinstance(item, str):
                try:
                    real = date.fromisoformat(item)
                except ValueError:
                    raise CaseFileError(
                        f"{_where((*path, key))}: {item!r} is not a real date"
                    ) from None
                if not EARLIEST_YEAR <= real.year <= LATEST_YEAR:
                    # Deadlines are counted months and years on: keep them in the calendar.
                    raise CaseFileError(
                        f"{_where((*path, key))}: {item!r} is outside {EARLIEST_YEAR}-{LATEST_YEAR}"
                    )
            else:
                _check_values(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_values(item, (*path, index))


EXAMPLE_CASE_FILE = Path(__file__).parent / "data" / "example_case.json"


def example_case_file() -> dict[str, Any]:
    """The shipped example case (a fictional child), validated."""
    return validate_case_file(json.loads(EXAMPLE_CASE_FILE.read_text(encoding="utf-8")))


# -- the request journey's answers <-> the case file ---------------------------------------

NEED_STEPS: dict[NeedArea, str] = {
    NeedArea.COMMUNICATION_INTERACTION: "need-communication",
    NeedArea.COGNITION_LEARNING: "need-cognition",
    NeedArea.SEMH: "need-semh",
    NeedArea.SENSORY_PHYSICAL: "need-sensory",
}


def _drop_empty(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v not in (None, "", [], {})}


def _person(details: Mapping[str, Any], contact: Mapping[str, Any]) -> dict[str, Any]:
    address = [
        contact[part]
        for part in ("address_line_1", "address_line_2", "town", "postcode")
        if contact[part]
    ]
    return _drop_empty(
        {
            "name": details["name"],
            "relationship": details["relationship"],
            "address": address,
            "email": contact["email"],
            "phone": contact["phone"],
        }
    )


def applicant_from_answers(answers: Mapping[str, Any]) -> dict[str, Any]:
    """The case file's `applicant` from the your-details and your-contact pages."""
    return _person(answers["your-details"], answers["your-contact"])


def represents_from_answers(answers: Mapping[str, Any]) -> dict[str, Any] | None:
    """`represents` (version 2): the person an advocate acts for, or None if not asked."""
    if "represents-details" not in answers or "represents-contact" not in answers:
        return None
    return _person(answers["represents-details"], answers["represents-contact"])


def acting_for_young_person_from_answers(answers: Mapping[str, Any]) -> str | None:
    """`acting_for_young_person` (version 2): on what basis a parent or carer acts for a young
    person (agreed, or lacks_capacity: reg 64), or None when the journey did not ask."""
    return answers.get("acting-for-young-person", {}).get("acting_for_young_person") or None


def preferred_school_law(case_file: Mapping[str, Any]) -> LawEntry | None:
    """The law a request to name the preferred school is argued under (s.39 or s.9 Education
    Act 1996, journeys.rules.law.school_law), or None when its kind is not known."""
    kind = case_file.get("plan", {}).get("preferred_setting_kind")
    return school_law(SchoolKind(kind) if kind else None)


def case_from_request_answers(answers: Mapping[str, Any]) -> dict[str, Any]:
    """Build the case file from the request journey's answers (cleaned data per step)."""
    child_name = answers["child-name"]
    setting_kind = answers["child-setting"]["setting_kind"]
    details = answers.get("setting-details", {})
    areas = [NeedArea(a) for a in answers["need-areas"]["areas"]]
    case = {
        "format": FORMAT,
        "child": _drop_empty(
            {
                "first_name": child_name["first_name"],
                "last_name": child_name["last_name"],
                "date_of_birth": answers["child-date-of-birth"]["date_of_birth"].isoformat(),
                "pronouns": answers["child-pronouns"]["pronouns"],
                "year_group": details.get("year_group", ""),
                "setting": _drop_empty(
                    {"name": details.get("setting_name", ""), "kind": setting_kind}
                ),
                "diagnoses": answers.get("child-diagnoses", {}).get("diagnoses", []),
            }
        ),
        "applicant": applicant_from_answers(answers),
        "represents": represents_from_answers(answers),
        "acting_for_young_person": acting_for_young_person_from_answers(answers),
        "local_authority": {"name": answers["local-authority"]["local_authority"]},
        "needs": [
            {
                "area": area.value,
                "description": answers[NEED_STEPS[area]]["description"],
                "impact": answers[NEED_STEPS[area]]["impact"],
            }
            for area in NeedArea
            if area in areas and NEED_STEPS[area] in answers
        ],
        "support_tried": [
            {
                "description": s["description"],
                "since": s["since"].isoformat(),
                "outcome": s["outcome"],
            }
            # a child with no school place is asked what they receive now (support-now)
            for s in answers.get("support-tried", answers.get("support-now", []))
        ],
        "evidence": [
            _drop_empty(
                {
                    "kind": e["kind"],
                    "author": e["author"],
                    "date": e["date"].isoformat(),
                    "title": e["title"],
                    "key_points": e["key_points"],
                }
            )
            for e in answers.get("evidence", [])
        ],
    }
    if "school-view" in answers:
        case["school_view"] = answers["school-view"]["school_view"]
    notes = answers.get("anything-else", {}).get("notes", "")
    if notes:
        case["notes"] = notes
    return validate_case_file({k: v for k, v in case.items() if v is not None})


def date_parts(prefix: str, iso: str) -> dict[str, list[str]]:
    value = date.fromisoformat(iso)
    return {
        f"{prefix}_0": [str(value.day)],
        f"{prefix}_1": [str(value.month)],
        f"{prefix}_2": [str(value.year)],
    }


def _formset(slug: str, items: list[dict[str, Any]]) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {
        f"{slug}-TOTAL_FORMS": [str(len(items))],
        f"{slug}-INITIAL_FORMS": ["0"],
        f"{slug}-MIN_NUM_FORMS": ["0"],
        f"{slug}-MAX_NUM_FORMS": ["20"],
    }
    for index, item in enumerate(items):
        for key, value in item.items():
            name = f"{slug}-{index}-{key}"
            if key in {"since", "date"}:
                data.update(date_parts(name, value))
            else:
                data[name] = [value]
    return data


def request_step_data_from_case(case: Mapping[str, Any]) -> dict[str, dict[str, list[str]]]:
    """Return the wizard's stored data for each request step the case file answers.

    This is what lets an imported case file resume in the journey (issue 5 uses it).
    """
    child = case["child"]
    applicant = case["applicant"]
    setting = child.get("setting", {})
    steps: dict[str, dict[str, list[str]]] = {
        "child-name": {
            "child-name-first_name": [child["first_name"]],
            "child-name-last_name": [child.get("last_name", "")],
        },
        "local-authority": {"local-authority-local_authority": [case["local_authority"]["name"]]},
        "child-diagnoses": {"child-diagnoses-diagnoses": ["\n".join(child.get("diagnoses", []))]},
    }
    if "pronouns" in child:
        steps["child-pronouns"] = {"child-pronouns-pronouns": [child["pronouns"]]}
    if "date_of_birth" in child:
        steps["child-date-of-birth"] = date_parts(
            "child-date-of-birth-date_of_birth", child["date_of_birth"]
        )
    if "kind" in setting:
        steps["child-setting"] = {"child-setting-setting_kind": [setting["kind"]]}
    if "name" in setting or "year_group" in child:
        steps["setting-details"] = {
            "setting-details-setting_name": [setting.get("name", "")],
            "setting-details-year_group": [child.get("year_group", "")],
        }
    steps["your-details"] = {
        "your-details-name": [applicant["name"]],
        "your-details-relationship": [applicant.get("relationship", "")],
    }
    steps["your-contact"] = _contact_step_data("your-contact", applicant)
    represents = case.get("represents")
    if represents:
        steps["represents-details"] = {
            "represents-details-name": [represents["name"]],
            "represents-details-relationship": [represents.get("relationship", "")],
        }
        steps["represents-contact"] = _contact_step_data("represents-contact", represents)
    if case.get("acting_for_young_person"):
        steps["acting-for-young-person"] = {
            "acting-for-young-person-acting_for_young_person": [case["acting_for_young_person"]]
        }
    needs = case.get("needs", [])
    if needs:
        steps["need-areas"] = {"need-areas-areas": [need["area"] for need in needs]}
        for need in needs:
            slug = NEED_STEPS[NeedArea(need["area"])]
            steps[slug] = {
                f"{slug}-description": [need.get("description", "")],
                f"{slug}-impact": [need.get("impact", "")],
            }
    steps["support-tried"] = _formset("support-tried", case.get("support_tried", []))
    steps["support-now"] = _formset("support-now", case.get("support_tried", []))
    steps["evidence"] = _formset("evidence", case.get("evidence", []))
    if "school_view" in case:
        steps["school-view"] = {"school-view-school_view": [case["school_view"]]}
    steps["anything-else"] = {"anything-else-notes": [case.get("notes", "")]}
    return steps


def _contact_step_data(slug: str, person: Mapping[str, Any]) -> dict[str, list[str]]:
    """The stored data of a contact page (your-contact, represents-contact) for a person."""
    address = list(person.get("address", []))
    # The journey asks line 1, line 2 (optional), town, postcode: the last two lines are
    # the town and postcode, whatever came before them.
    postcode = address.pop() if len(address) >= 3 else ""
    town = address.pop() if len(address) >= 2 else ""
    return {
        f"{slug}-address_line_1": [address[0] if address else ""],
        f"{slug}-address_line_2": [", ".join(address[1:])],
        f"{slug}-town": [town],
        f"{slug}-postcode": [postcode],
        f"{slug}-email": [person.get("email", "")],
        f"{slug}-phone": [person.get("phone", "")],
    }


def case_file_current(case_file: Mapping[str, Any]) -> dict[str, Any]:
    """`case_file` as this product writes it: version 2 (a version-1 file is a valid version-2
    file with nothing of version 2 in it, so only `format` changes)."""
    return {**case_file, "format": FORMAT}
