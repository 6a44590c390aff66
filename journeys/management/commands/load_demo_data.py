"""Check the shipped demo case, and (in development) create demo accounts, a demo support
organisation and a few cases shared with it.

Safe to run again and again (`make run` does, every time): everything is found by a fixed
email address, name or id before anything is created, so a second run adds nothing. Accounts
with a published password must never exist on a real service, so accounts, the
organisation and its cases are only made when DJANGO_DEBUG=true.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from ehcp_site.accounts.models import Membership, Organisation, User
from ehcp_site.accounts.services import user_mark_email_verified
from journeys.cases.casefile import EXAMPLE_CASE_FILE, example_case_file, validate_case_file
from journeys.cases.services import case_create
from journeys.models import Case, CaseNote, OrganisationShare
from journeys.wizard.answers import journey_answers
from journeys.wizard.definition import CHECK_ANSWERS, JOURNEYS
from journeys.wizard.services import step_data_from_file

# Published on purpose (printed by the command); only ever set with DJANGO_DEBUG=true.
DEMO_PASSWORD = "demo-password-for-development"  # noqa: S105
ORGANISATION = "Sunrise SEND Support (demo)"
ORGANISATION_DESCRIPTION = (
    "A made-up SEND information and support service, for trying the caseload."
)
PARENT = ("parent@example.org", "Grace Okafor")
WORKER = ("worker@example.org", "Wren Worker")
ADMIN = ("admin@example.org", "Ari Admin")
# Fixed ids, so each demo case is made once however often the command runs.
DEMO_NAMESPACE = uuid.UUID("6f1d3c2a-5b7e-4c1e-9a2f-3d8e7b6a5c40")


@dataclass(frozen=True)
class DemoCase:
    key: str
    first_name: str
    last_name: str
    pronouns: str
    council: str
    journey: str
    # (event type, how many days ago) — dates follow today, so deadlines stay current.
    events: tuple[tuple[str, int], ...]
    decision: str = ""
    assigned: bool = False
    reviewed: bool = False
    note: str = ""


DEMO_CASES = (
    DemoCase(
        "late-council",
        "Sam",
        "Okafor",
        "he",
        "Bristol City Council",
        "request",
        events=(("request_received", 50),),  # the 6-week decision is 8 days late
        assigned=True,
        note="Council has not replied. Suggested the family send the chaser letter.",
    ),
    DemoCase(
        "refused",
        "Maya",
        "Patel",
        "she",
        "Leeds City Council",
        "refused",
        events=(("request_received", 60), ("decision_not_to_assess", 20)),
        decision="refusal_to_assess",
    ),
    DemoCase(
        "draft-plan",
        "Leo",
        "Brown",
        "he",
        "Kent County Council",
        "plan",
        events=(
            ("request_received", 120),
            ("decision_to_assess", 40),
            ("draft_plan_issued", 10),  # comments due in 5 days
        ),
        assigned=True,
        reviewed=True,
    ),
    DemoCase(
        "mediation",
        "Aisha",
        "Khan",
        "she",
        "Birmingham City Council",
        "mediation",
        events=(
            ("request_received", 100),
            ("decision_not_to_assess", 40),
            ("mediation_adviser_contacted", 2),
        ),
        decision="refusal_to_assess",
    ),
    DemoCase("new-appeal", "Noah", "Wilson", "they", "Cornwall Council", "appeal", events=()),
)


class Command(BaseCommand):
    help = (
        "Check the shipped demo case; with DJANGO_DEBUG=true also create demo accounts "
        f"(parent, support worker, organisation admin), the organisation '{ORGANISATION}' "
        "and a few cases shared with it. Safe to run more than once."
    )

    def handle(self, *args, **options):
        self._check_example()
        if not settings.DEBUG:
            self.stdout.write(
                "Demo accounts are only created in development (DJANGO_DEBUG=true): their "
                "password is published."
            )
            return
        organisation, made = self._load_organisation()
        self.stdout.write(
            f"Demo organisation: {organisation.name}, {organisation.shares.count()} shared "
            f"cases ({made} new)."
        )
        self.stdout.write(
            f"Demo accounts, password '{DEMO_PASSWORD}' (unless you changed it):\n"
            f"  {PARENT[0]}  a parent with {len(DEMO_CASES)} cases: Your cases\n"
            f"  {WORKER[0]}  a support worker: http://127.0.0.1:8000/organisations/\n"
            f"  {ADMIN[0]}   an organisation admin: the caseload and Manage members"
        )

    def _check_example(self) -> None:
        journey = JOURNEYS["request"]
        case_file = example_case_file()
        # The same conversion the button uses, so a broken demo fails here and not on screen.
        step_data = step_data_from_file(journey=journey, case_file=case_file)
        answers = journey_answers(
            journey, lambda slug: MultiValueDict(step_data[slug]) if slug in step_data else None
        )
        unanswered = [
            s for s in journey.visible_steps(answers) if s not in answers and s != CHECK_ANSWERS
        ]
        if unanswered:
            raise CommandError(f"the demo case does not fill step {unanswered[0]}")
        child = case_file["child"]
        self.stdout.write(
            f"Demo case ready: {child['first_name']} {child['last_name']} "
            f"({EXAMPLE_CASE_FILE.name}). Open http://127.0.0.1:8000/ and choose "
            "'See an example letter'."
        )

    @transaction.atomic
    def _load_organisation(self) -> tuple[Organisation, int]:
        """The demo organisation with its people and cases; returns it and how many cases
        this run created."""
        parent, worker, admin = (_account(*who) for who in (PARENT, WORKER, ADMIN))
        organisation, _ = Organisation.objects.get_or_create(
            name=ORGANISATION, defaults={"description": ORGANISATION_DESCRIPTION}
        )
        for user, role in ((worker, Membership.Role.WORKER), (admin, Membership.Role.ADMIN)):
            Membership.objects.get_or_create(
                organisation=organisation, user=user, defaults={"role": role}
            )
        today = timezone.localdate()
        made = 0
        for demo in DEMO_CASES:
            case_id = uuid.uuid5(DEMO_NAMESPACE, demo.key)
            if Case.objects.filter(pk=case_id).exists():
                continue
            case = case_create(
                id=case_id,
                owner=parent,
                journey=demo.journey,
                case_file=_case_file(demo, today=today),
            )
            OrganisationShare.objects.create(
                case=case,
                organisation=organisation,
                shared_by=parent,
                assigned_to=worker if demo.assigned else None,
                reviewed_at=timezone.now() if demo.reviewed else None,
                reviewed_by=worker if demo.reviewed else None,
            )
            if demo.note:
                CaseNote.objects.create(
                    case=case,
                    organisation=organisation,
                    author=worker,
                    author_name=worker.full_name,
                    body=demo.note,
                )
            made += 1
        return organisation, made


def _account(email: str, full_name: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, DEMO_PASSWORD, full_name=full_name)
    # Confirmed from the start: the demo addresses have no inbox to open a link from, and a
    # worker's membership (so the caseload) waits for a confirmed address.
    user_mark_email_verified(user=user)
    return user


def _case_file(demo: DemoCase, *, today) -> dict[str, Any]:
    """The shipped example case, renamed and dated for this demo case (and checked)."""
    case_file = copy.deepcopy(example_case_file())
    case_file["child"].update(
        first_name=demo.first_name, last_name=demo.last_name, pronouns=demo.pronouns
    )
    case_file["local_authority"] = {"name": demo.council}
    events = [
        {"type": kind, "date": (today - timedelta(days=ago)).isoformat()}
        for kind, ago in demo.events
    ]
    case_file["events"] = events
    case_file.pop("decision", None)
    if demo.decision:
        decided = next(e["date"] for e in events if e["type"].startswith("decision_not"))
        case_file["decision"] = {"kind": demo.decision, "date": decided}
    return validate_case_file(case_file)
