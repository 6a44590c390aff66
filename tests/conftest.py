"""Shared fixtures and helpers: one complete set of answers, and a client that walks a journey."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from journeys.forms.stages import text_key

# Processes the tests start never read a developer's .env (manage.py reads it from a
# checkout): they see exactly the variables the test gives them.
os.environ.setdefault("DJANGO_ENV_FILE", "")

FIXTURES = Path(__file__).parent / "fixtures"
STEP_URL = re.compile(r"^/(?P<journey>[\w-]+)/(?P<case_id>[0-9a-f-]{36})/(?P<step>[\w-]+)/")


def management(journey: str, step: str) -> dict[str, str]:
    """The formtools management field every step POST carries."""
    return {f"{journey}-current_step": step}


def formset(prefix: str, items: list[dict[str, str]]) -> dict[str, str]:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(items)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "20",
    }
    for index, item in enumerate(items):
        data.update({f"{prefix}-{index}-{k}": v for k, v in item.items()})
    return data


def date_parts(name: str, day: int, month: int, year: int) -> dict[str, str]:
    return {f"{name}_0": str(day), f"{name}_1": str(month), f"{name}_2": str(year)}


# The optional voice pages (journeys/forms/voice.py), continued with nothing entered.
VOICE_LEFT_BLANK: dict[str, dict[str, Any]] = {
    "child-views": {},
    "child-strengths": {},
    "preparing-for-adulthood": {},
}


def request_answers(**overrides: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """POST data for every step of the request journey: a mainstream pupil with two needs."""
    answers: dict[str, dict[str, Any]] = {
        "child-name": {"child-name-first_name": "Sam", "child-name-last_name": "Okafor"},
        "child-pronouns": {"child-pronouns-pronouns": "he"},
        "child-date-of-birth": date_parts("child-date-of-birth-date_of_birth", 2, 5, 2017),
        "child-setting": {"child-setting-setting_kind": "mainstream"},
        "setting-details": {
            "setting-details-setting_name": "Hillside Primary School",
            "setting-details-year_group": "Year 4",
        },
        "child-diagnoses": {"child-diagnoses-diagnoses": "autism\nADHD"},
        "local-authority": {"local-authority-local_authority": "Bristol City Council"},
        "your-details": {
            "your-details-name": "Grace Okafor",
            "your-details-relationship": "parent",
        },
        "your-contact": {
            "your-contact-address_line_1": "12 Elm Road",
            "your-contact-address_line_2": "",
            "your-contact-town": "Bristol",
            "your-contact-postcode": "bs1 1aa",
            "your-contact-email": "grace@example.org",
            "your-contact-phone": "07700 900123",
        },
        "need-areas": {"need-areas-areas": ["communication_interaction", "semh"]},
        "need-communication": {
            "need-communication-description": "Sam cannot follow spoken instructions in class.",
            "need-communication-impact": "He misses the teaching input and cannot start tasks.",
        },
        "need-semh": {
            "need-semh-description": "Sam panics at transitions and hides under tables.",
            "need-semh-impact": "He has missed 40 per cent of lessons this term.",
        },
        "support-tried": formset(
            "support-tried",
            [
                {
                    "description": "Small-group phonics, 3 x 20 minutes a week",
                    **date_parts("since", 1, 9, 2025),
                    "outcome": "No measurable progress",
                }
            ],
        ),
        "support-now": formset("support-now", []),  # shown only for a child with no place
        "evidence": formset(
            "evidence",
            [
                {
                    "kind": "educational_psychologist",
                    "title": "Educational psychology report",
                    "author": "Dr A Patel",
                    **date_parts("date", 10, 3, 2026),
                    "key_points": "Recommends daily language support from a trained adult.",
                },
                {
                    "kind": "speech_language_therapist",
                    "title": "",
                    "author": "Jo Smith, speech and language therapist",
                    **date_parts("date", 20, 5, 2026),
                    "key_points": "Severe receptive language disorder.",
                },
            ],
        ),
        "school-view": {"school-view-school_view": "supports"},
        **VOICE_LEFT_BLANK,
        "anything-else": {"anything-else-notes": "Sam loves trains and drawing."},
        "check-answers": {},
    }
    # Formset item keys above are relative; give them their step prefix.
    for slug in ("support-tried", "evidence"):
        answers[slug] = {
            (k if k.startswith(slug) else f"{slug}-{k}"): v for k, v in answers[slug].items()
        }
    answers.update(overrides)
    return answers


WHO_IS_FILLING_IN = ("your-details", "your-contact")


def start_at_child_name(client, journey: str = "request") -> tuple[str, str]:
    """Start a journey and answer who is filling it in (every journey asks that first, so the
    pages speak to the right person): return the case id and the child's name page URL."""
    first = client.get(f"/{journey}/new/")["Location"]
    for step in WHO_IS_FILLING_IN:
        url = first.replace("/your-details/", f"/{step}/")
        client.post(url, {**management(journey, step), **request_answers()[step]})
    return STEP_URL.match(first)["case_id"], first.replace("/your-details/", "/child-name/")


def walk(client, start_url: str, answers: dict[str, dict[str, Any]], *, max_steps: int = 40):
    """Answer each step the journey shows, by its slug, until it leaves the step URLs.

    Returns (response that left the journey, list of step slugs visited in order).
    """
    response = client.get(start_url)
    visited: list[str] = []
    for _ in range(max_steps):
        location = response["Location"] if response.status_code == 302 else None
        if location is None:
            return response, visited
        match = STEP_URL.match(location)
        if not match or match["step"] == "confirmation":
            return response, visited
        step = match["step"]
        visited.append(step)
        assert step in answers, f"the journey asked {step}, which the test did not answer"
        response = client.post(location, {**management(match["journey"], step), **answers[step]})
        assert response.status_code == 302, (
            f"step {step} did not accept the answers: {_errors(response)}"
        )
        # A step with errors redirects to itself (Post/Redirect/Get) and shows them there.
        assert response["Location"] != location, (
            f"step {step} did not accept the answers: {_errors(client.get(location))}"
        )
    raise AssertionError("journey did not finish")


def _errors(response) -> str:
    text = response.content.decode()
    return "; ".join(re.findall(r'<a href="#[^"]+">([^<]+)</a>', text)) or text[:500]


@pytest.fixture
def case_file() -> dict[str, Any]:
    return json.loads((FIXTURES / "case_sam.json").read_text())


# Who is filling it in first, so every page after speaks to the right person.
ABOUT_SLUGS = (
    "your-details",
    "your-contact",
    "child-name",
    "child-pronouns",
    "child-date-of-birth",
    "local-authority",
)


def about_answers() -> dict[str, dict[str, Any]]:
    """The opening questions every stage journey shares, answered as in request_answers()."""
    base = request_answers()
    return {slug: base[slug] for slug in ABOUT_SLUGS}


REFUSAL_REASONS = (
    "Needs can be met from the school's own resources (SEN support)",
    "Sam is making expected progress in English",
)
APPEAL_POINTS = ("Needs can be met at SEN support", "Not enough evidence")
FIRST_VAGUE = "Sam will have access to speech and language therapy as needed."


def respond(step: str, reason: str) -> str:
    """The field for the parent's answer to one reason (named after the reason's text)."""
    return f"{step}-response_{text_key(reason)}"


def fix(part: str) -> str:
    """The field for one part of the specific wording for the first vague sentence."""
    return f"plan-fixes-{part}_{text_key(FIRST_VAGUE)}"


VAGUE_SECTION_F = (
    "Sam will have access to speech and language therapy as needed.\n"
    "A speech and language therapist will deliver 1:1 therapy for 30 minutes, 3 times a week, "
    "reviewed every 6 weeks against SMART targets.\n"
    "Sam may benefit from support from an adult at unstructured times."
)


def stage_answers(journey: str, **overrides: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """POST data for every step of a stage journey (answers for steps it may not show too)."""
    answers = {**about_answers(), **VOICE_LEFT_BLANK}
    evidence = request_answers()["evidence"]
    if journey == "refused":
        answers.update(
            {
                "child-setting": {"child-setting-setting_kind": "mainstream"},
                "refusal-kind": {"refusal-kind-decision_kind": "refusal_to_assess"},
                "decision-date": date_parts("decision-date-decision_date", 20, 2, 2026),
                "refusal-reasons": {
                    "refusal-reasons-common": [REFUSAL_REASONS[0]],
                    "refusal-reasons-other": REFUSAL_REASONS[1],
                },
                "reason-responses": {
                    respond(
                        "reason-responses", REFUSAL_REASONS[0]
                    ): "The school has spent its notional budget and "
                    "says it cannot meet his needs.",
                    respond("reason-responses", REFUSAL_REASONS[1]): "",
                },
                "what-changed": {
                    "what-changed-what_changed": "A new EP report dated 10 March 2026."
                },
                "evidence": evidence,
                "advice-beyond-resources": {"advice-beyond-resources-beyond": "yes"},
                "school-view": {"school-view-school_view": "supports"},
                "wants-mediation": {"wants-mediation-wants_mediation": "no"},
                "outcome": {"outcome-outcome": ""},
            }
        )
    elif journey == "plan":
        answers.update(
            {
                "plan-stage": {"plan-stage-plan_stage": "draft"},
                "plan-date": date_parts("plan-date-plan_date", 3, 2, 2026),
                "plan-section-b": {"plan-section-b-text": "Sam has a severe language disorder."},
                "plan-section-f": {"plan-section-f-text": VAGUE_SECTION_F},
                "plan-fixes": {
                    fix("who"): "a speech and language therapist",
                    fix("what"): "1:1 language therapy",
                    fix("how_often"): "3 times a week",
                    fix("how_long"): "30 minutes",
                    fix("reviewed"): "every 6 weeks against SMART targets",
                },
                "plan-section-i": {"plan-section-i-text": "Hillside Primary School"},
                "preferred-setting": {"preferred-setting-preferred_setting": "Oakfield School"},
                "preferred-setting-kind": {
                    "preferred-setting-kind-preferred_setting_kind": "maintained_school"
                },
                "meeting": {"meeting-meeting": "yes"},
                "personal-budget": {"personal-budget-personal_budget": "yes"},
            }
        )
    elif journey == "mediation":
        answers.update(
            {
                "which-decision": {"which-decision-decision_kind": "refusal_to_issue_plan"},
                "which-decision-date": date_parts("which-decision-date-decision_date", 20, 2, 2026),
                "mediation-not-needed": {},
                "adviser-contacted": {"adviser-contacted-contacted": "yes"},
                "adviser-contacted-date": date_parts(
                    "adviser-contacted-date-contacted_date", 2, 4, 2026
                ),
                "wants-mediation": {"wants-mediation-wants_mediation": "yes"},
                "mediation-requested-date": date_parts(
                    "mediation-requested-date-requested_date", 6, 4, 2026
                ),
                "mediation-issues": {
                    "mediation-issues-issues": "Whether Sam needs a plan\nSpeech therapy"
                },
                "adviser-name": {"adviser-name-adviser_name": "Global Mediation"},
            }
        )
    elif journey == "appeal":
        answers.update(
            {
                "which-decision": {"which-decision-decision_kind": "refusal_to_assess"},
                "which-decision-date": date_parts("which-decision-date-decision_date", 20, 2, 2026),
                "certificate-date": date_parts("certificate-date-certificate_date", 1, 4, 2026),
                "appeal-late": {"appeal-late-late_reason": "The letter did not mention appeals."},
                "appeal-points": {"appeal-points-points": "\n".join(APPEAL_POINTS)},
                "appeal-responses": {
                    respond(
                        "appeal-responses", APPEAL_POINTS[0]
                    ): "The EP says he needs daily specialist input.",
                    respond(
                        "appeal-responses", APPEAL_POINTS[1]
                    ): "We now have three professional reports.",
                },
                "evidence": evidence,
                "witnesses": formset(
                    "witnesses",
                    [
                        {
                            "name": "Ms J Brown",
                            "role": "Class teacher",
                            "evidence": "How Sam copes in class",
                        }
                    ],
                ),
                "preferred-setting": {"preferred-setting-preferred_setting": "Oakfield School"},
                "preferred-setting-kind": {
                    "preferred-setting-kind-preferred_setting_kind": "independent_other"
                },
                "health-care": {"health-care-health_or_care": "no"},
                "outcome": {"outcome-outcome": ""},
            }
        )
    answers["check-answers"] = {}
    answers.update(overrides)
    return answers


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits, the confirmation-email limit and the letter cache live in the cache:
    each test starts clean."""
    from django.core.cache import cache

    cache.clear()


ROOT = Path(__file__).resolve().parent.parent


def run_in_project(*args: str, env: dict[str, str], timeout: int = 300, check: bool = False):
    """Run the project's Python (`-c code`, or `manage.py ...`) in a separate process with
    exactly `env`: for settings that must be read afresh, as in production."""
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"DJANGO_ENV_FILE": "", **env},  # never the developer's .env (manage.py)
        timeout=timeout,
        check=check,
    )


def url_routes(patterns=None, prefix: str = "", namespace: str = ""):
    """Every pattern of the URL configuration, as (namespaced name or None, whole route):
    for tests generated from the URLconf, so a new URL is covered the day it lands."""
    from django.urls import URLPattern, URLResolver, get_resolver

    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_routes(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else None
            yield name, prefix + str(entry.pattern)


PASSWORD = "correct-horse-battery-9"


def make_user(
    email: str = "parent@example.org", name: str = "Pat Parent", *, verified: bool = True, **fields
):
    """An account; its email address confirmed unless `verified=False`."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    if verified:
        fields.setdefault("email_verified_at", timezone.now())
    return get_user_model().objects.create_user(email, PASSWORD, full_name=name, **fields)


def signed_in_client(email: str = "stranger@example.org", name: str = "Sandy Stranger"):
    """A browser signed in as a new account: someone who knows a case id but has no access."""
    from django.test import Client

    browser = Client()
    browser.force_login(make_user(email, name))
    return browser


def is_sign_in_redirect(response, next_path: str | None = None) -> bool:
    """A visitor who is not signed in is sent to sign in, then back to what they asked for."""
    if response.status_code != 302 or not response["Location"].startswith("/account/sign-in/"):
        return False
    return next_path is None or response["Location"].endswith(f"?next={next_path}")
