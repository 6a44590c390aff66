"""Every case URL, for every role: the status it must give. Generated from the URL
configuration: a new URL with a case id in it and no rule here fails
`test_every_case_url_has_a_rule`, so nobody can add a case page without deciding who sees it.

Statuses: 200 (shown), "redirect" (a 302 somewhere other than sign-in: the action worked),
"sign-in" (a 302 to the sign-in page: not signed in), 404 (not yours, or no such case).
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ehcp_site.accounts.models import Membership, Organisation
from journeys.cases.evidence_files import evidence_file_store
from journeys.documents.checks import document_clean
from journeys.documents.store import blob_save
from journeys.models import AdvocateAccess, EvidencePack, OrganisationShare
from journeys.wizard.definition import JOURNEYS
from tests.conftest import make_user, url_routes
from tests.documents import pdf_bytes
from tests.factories import CaseFactory

ROLES = (
    "anonymous",
    "owner",
    "other parent",
    "invited advocate",
    "revoked advocate",
    "support worker",  # of the organisation the case is shared with
    "other organisation's worker",
    "organisation admin",  # of the organisation the case is shared with
)
SIGN_IN = "sign-in"
PAST_MONDAY = "2025-10-13"
REDIRECT = "redirect"


def expect(*, owner, advocate=404, organisation=404):
    """Everyone not signed in is sent to sign in; strangers always get 404."""
    return {
        "anonymous": SIGN_IN,
        "owner": owner,
        "other parent": 404,
        "invited advocate": advocate,
        "revoked advocate": 404,
        "support worker": organisation,
        "other organisation's worker": 404,
        "organisation admin": organisation,
    }


READ = expect(owner=200, advocate=200, organisation=200)
OWNER_PAGE = expect(owner=200)
OWNER_ACTION = expect(owner=REDIRECT)
ORGANISATION_PAGE = expect(owner=404, organisation=200)
ORGANISATION_ACTION = expect(owner=404, organisation=REDIRECT)

# url name → (method, POST data, expected status per role)
RULES = {
    "journeys:case-overview": ("get", {}, READ),
    "journeys:timeline": ("get", {}, READ),
    "journeys:calendar": ("get", {}, READ),
    "letters:download": ("get", {}, READ),
    # Issue 16: the two checks are reads (the pasted letter is checked, never saved).
    "journeys:check-letter": (
        "post",
        {"decision_kind": "refusal_to_assess", "letter_text": "We will not assess."},
        READ,
    ),
    "journeys:evidence-gaps": ("get", {}, READ),
    "journeys:timeline-remove": ("post", {}, OWNER_ACTION),
    "journeys:reminders": ("post", {"stop": "1"}, OWNER_ACTION),
    "journeys:continue": ("post", {}, OWNER_ACTION),
    "journeys:export": ("get", {}, OWNER_PAGE),
    "journeys:delete": ("post", {}, OWNER_ACTION),
    "journeys:confirmation": ("get", {}, OWNER_PAGE),
    "journeys:seen-by": ("get", {}, OWNER_PAGE),
    "journeys:sharing": ("get", {}, OWNER_PAGE),
    "journeys:sharing-invite": ("post", {"invite-email": "new@example.org"}, OWNER_ACTION),
    "journeys:sharing-revoke": ("post", {}, OWNER_ACTION),
    "journeys:sharing-organisation": ("post", {}, expect(owner=200)),  # no choice: error page
    "journeys:sharing-stop": ("post", {}, OWNER_ACTION),
    # The provision tracker (issue 15): read by all who may read the case, changed by the owner.
    "journeys:provision": ("get", {}, READ),
    "journeys:provision-week": ("get", {}, READ),
    "journeys:provision-items": ("get", {}, OWNER_PAGE),
    "journeys:provision-terms": ("get", {}, OWNER_PAGE),
    # Documents (issue 16): everyone the case is shared with reads and downloads them; only
    # the owner adds, deletes or builds a pack.
    "journeys:evidence": ("get", {}, READ),
    "journeys:evidence-download": ("get", {}, READ),
    "journeys:evidence-upload": ("get", {}, OWNER_PAGE),
    "journeys:evidence-delete": ("post", {}, OWNER_ACTION),
    "journeys:evidence-pack": ("get", {}, OWNER_PAGE),
    "journeys:evidence-pack-status": ("get", {}, OWNER_PAGE),
    "journeys:evidence-pack-download": ("get", {}, OWNER_PAGE),
    # The working document: the owner's, like the evidence pack it links to.
    "journeys:working-document": ("get", {}, OWNER_PAGE),
    "journeys:working-document-download": ("get", {}, OWNER_PAGE),
    "journeys:evidence-more-pages": ("get", {}, OWNER_PAGE),
    "journeys:witness-statement": ("get", {}, OWNER_PAGE),
    "journeys:witness-statement-ready": ("get", {}, OWNER_PAGE),
    "caseload:case": ("get", {}, ORGANISATION_PAGE),
    "caseload:case-note": ("post", {"note-body": "Rang the school."}, ORGANISATION_ACTION),
    "caseload:case-assign": ("post", {"assign-assigned_to": ""}, ORGANISATION_ACTION),
    "caseload:case-review": ("post", {"reviewed": "yes"}, ORGANISATION_ACTION),
    # One generic wizard view per journey; only the owner answers questions about a case.
    **{f"journeys:{slug}-step": ("get", {}, OWNER_PAGE) for slug in JOURNEYS},
}


def case_url_names() -> set[str]:
    """Every named URL whose path takes a case id."""
    return {name for name, route in url_routes() if name and "<uuid:case_id>" in route}


def test_every_case_url_has_a_rule():
    assert case_url_names() == set(RULES), (
        "a case URL without a permission rule (add it to RULES), or a rule for a URL "
        "that no longer exists"
    )


@pytest.fixture
def world(case_file):
    """One case, shared every way there is, and one person in each role."""
    owner = make_user("owner@example.org", "Olive Owner")
    case_file["plan"] = {"sections": {"F": "Sam will have access to therapy as needed."}}
    case_file["decision"] = {"kind": "plan_contents", "date": "2026-09-01"}
    witness = {"name": "Olive Owner", "relationship": "Sam's mother", "sections": {"needs": "x"}}
    case = CaseFactory(
        journey="request",
        case_file=case_file,
        owner=owner,
        extras={"request": {}, "witness-statement": {"witness_statement": witness}},
    )
    shared_with = Organisation.objects.create(name="Sunrise SEND Support")
    elsewhere = Organisation.objects.create(name="Elsewhere Advice")
    OrganisationShare.objects.create(case=case, organisation=shared_with, shared_by=owner)
    people = {
        "owner": owner,
        "other parent": make_user("other@example.org", "Oscar Other"),
        "invited advocate": make_user("advocate@example.org", "Ada Advocate"),
        "revoked advocate": make_user("revoked@example.org", "Rex Revoked"),
        "support worker": make_user("worker@example.org", "Wren Worker"),
        "other organisation's worker": make_user("elsewhere@example.org", "Eli Elsewhere"),
        "organisation admin": make_user("admin@example.org", "Ari Admin"),
    }
    now = timezone.now()
    live = AdvocateAccess.objects.create(
        case=case,
        email="advocate@example.org",
        token_hash=uuid.uuid4().hex * 2,
        expires_at=now + timedelta(days=7),
        accepted_by=people["invited advocate"],
        accepted_at=now,
    )
    AdvocateAccess.objects.create(
        case=case,
        email="revoked@example.org",
        token_hash=uuid.uuid4().hex * 2,
        expires_at=now + timedelta(days=7),
        accepted_by=people["revoked advocate"],
        accepted_at=now,
        revoked_at=now,
    )
    document = evidence_file_store(
        case=case,
        clean=document_clean(pdf_bytes()),
        name="ep-report.pdf",
        title="EP report",
        author="Dr A Patel",
        document_date=date(2026, 3, 10),
    )
    pack = EvidencePack.objects.create(
        case=case,
        inputs_hash="0" * 64,
        file_ids=[str(document.pk)],
        status=EvidencePack.Status.READY,
        pages=2,
        stored_as=blob_save(folder=str(case.pk), content=pdf_bytes(2)),
        finished_at=now,
    )
    Membership.objects.create(organisation=shared_with, user=people["support worker"])
    Membership.objects.create(organisation=elsewhere, user=people["other organisation's worker"])
    Membership.objects.create(
        organisation=shared_with, user=people["organisation admin"], role="admin"
    )
    kwargs = {
        "journeys:timeline-remove": {},
        "journeys:continue": {"journey": "refused"},
        "journeys:confirmation": {"journey": "request"},
        "journeys:sharing-revoke": {"access_id": live.id},
        "journeys:sharing-stop": {"organisation_id": shared_with.id},
        "letters:download": {"kind": "request_assessment", "fmt": "pdf"},
        "journeys:provision-week": {"monday": PAST_MONDAY},
        "journeys:evidence-download": {"file_id": document.id},
        "journeys:evidence-delete": {"file_id": document.id},
        "journeys:evidence-pack-status": {"pack_id": pack.id},
        "journeys:evidence-pack-download": {"pack_id": pack.id},
        "journeys:working-document-download": {"fmt": "docx"},
        # Every journey's first step (a new journey is covered the day it is declared).
        **{
            f"journeys:{slug}-step": {"step": journey.first_step}
            for slug, journey in JOURNEYS.items()
        },
    }
    return case, people, kwargs


def _outcome(response) -> int | str:
    if response.status_code == 302:
        return SIGN_IN if response["Location"].startswith("/account/sign-in/") else REDIRECT
    return response.status_code


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name", sorted(RULES))
def test_permission_matrix(world, url_name, role):
    case, people, kwargs = world
    method, data, expected = RULES[url_name]
    url = reverse(url_name, kwargs={"case_id": case.id, **kwargs.get(url_name, {})})
    browser = Client()
    if role != "anonymous":
        browser.force_login(people[role])
    response = getattr(browser, method)(url, data)
    assert _outcome(response) == expected[role], f"{role} {method.upper()} {url}"
    # Whatever the answer, it carries the security headers (tests/security has the details).
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", sorted(RULES))
def test_an_unknown_case_id_looks_like_someone_elses(world, url_name):
    """A made-up id gives exactly what a real case you may not see gives: nothing to learn."""
    _, people, kwargs = world
    method, data, _ = RULES[url_name]
    url = reverse(url_name, kwargs={"case_id": uuid.uuid4(), **kwargs.get(url_name, {})})
    signed_in = Client()
    signed_in.force_login(people["other parent"])
    response = getattr(signed_in, method)(url, data)
    if url_name.endswith("-step"):
        # A new id is a new case: anyone may start one.
        assert response.status_code in (200, 302)
    else:
        assert response.status_code == 404
    assert _outcome(getattr(Client(), method)(url, data)) in (SIGN_IN, 200, REDIRECT)


# The pages above are tried with GET; these are their writes, which only the owner may make.
WRITES = {
    "journeys:provision-week": {"nothing": "1"},
    "journeys:provision-items": {"read": "1", "sections-F": "1 hour a week of speech therapy."},
    "journeys:provision-terms": {"typical": "1"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name", sorted(WRITES))
def test_only_the_owner_changes_the_provision_record(world, url_name, role):
    case, people, kwargs = world
    url = reverse(url_name, kwargs={"case_id": case.id, **kwargs.get(url_name, {})})
    browser = Client()
    if role != "anonymous":
        browser.force_login(people[role])
    response = browser.post(url, WRITES[url_name])
    assert _outcome(response) == OWNER_ACTION[role], f"{role} POST {url}"
