"""Every public page, served by the production configuration, carries the security headers,
the exact Content Security Policy, and nothing inline that the policy would block."""

import re

import pytest

from tests.security.conftest import HOST, ROOT

# The policy in full: any directive added, dropped or loosened ('unsafe-inline', a CDN)
# fails here.
CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
}
HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
    "Permissions-Policy": (
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
        "magnetometer=(), microphone=(), payment=(), usb=()"
    ),
}
# What a policy without 'unsafe-inline' blocks: inline scripts, styles, handlers, js: URLs.
# A <script> is inline unless it has a src (our own files, static/js and static/vendor).
INLINE = re.compile(
    r"<script(?![^>]*\ssrc=)|<style|\sstyle\s*=|\son[a-z]+\s*=|javascript:", re.IGNORECASE
)


def policy(header: str) -> dict[str, list[str]]:
    directives = [part.split() for part in header.split(";") if part.strip()]
    return {name: sources for name, *sources in directives}


def question_page(site):
    """The first question of a new request, as a visitor who followed the start button."""
    started = site.get("/request/new/")
    assert started.status == 302
    location = started.headers["Location"].removeprefix(f"https://{HOST}")
    assert re.fullmatch(r"/request/[0-9a-f-]{36}/your-details/", location)
    # The new case id belongs to the session that made it: send its cookie back.
    cookies = "; ".join(c.split(";")[0] for c in started.headers.get_all("Set-Cookie"))
    return site.get(location, Cookie=cookies)


PAGES = {
    "home": (lambda site: site.get("/"), 200),
    "question": (question_page, 200),
    "appeal-deadline calculator": (lambda site: site.get("/appeal-deadline/"), 200),
    "accessibility": (lambda site: site.get("/accessibility/"), 200),
    "sign-in": (lambda site: site.get("/account/sign-in/"), 200),
    "not found": (lambda site: site.get("/no-such-page/"), 404),
}


@pytest.mark.parametrize("page", PAGES)
def test_public_page_has_the_policy_and_headers(production_site, page):
    fetch, status = PAGES[page]
    response = fetch(production_site)
    assert response.status == status, response.text[:500]
    assert policy(response.headers["Content-Security-Policy"]) == CSP
    for name, value in HEADERS.items():
        assert response.headers[name] == value, name


@pytest.mark.parametrize("page", PAGES)
def test_public_page_has_nothing_inline_the_policy_would_block(production_site, page):
    fetch, _ = PAGES[page]
    found = INLINE.findall(fetch(production_site).text)
    assert found == []


def test_cookies_are_secure_and_the_session_cookie_is_not_readable_by_scripts(production_site):
    cookies = production_site.get("/account/sign-in/").headers.get_all("Set-Cookie") or []
    assert any(cookie.startswith("csrftoken=") for cookie in cookies)
    for cookie in cookies:
        flags = {flag.strip().lower() for flag in cookie.split(";")[1:]}
        assert "secure" in flags, cookie
        assert "samesite=lax" in flags, cookie
        if cookie.startswith("sessionid="):
            assert "httponly" in flags


def test_plain_http_is_redirected_to_https(production_site):
    response = production_site.get("/accessibility/", https=False)
    assert response.status == 301
    assert response.headers["Location"] == f"https://{HOST}/accessibility/"


def test_an_unknown_host_is_refused(production_site):
    response = production_site.get("/", Host="attacker.example")
    assert response.status == 400


# Templates are checked as written too, so a page the list above does not visit (a letter
# preview, the timeline, the caseload) cannot slip an inline script or style past the policy.
TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_template_has_inline_script_or_style(template):
    assert INLINE.findall(template.read_text()) == []


def test_a_script_without_src_counts_as_inline():
    assert INLINE.findall('<script>alert(1)</script><script src="/static/js/app.js">') == [
        "<script"
    ]


def test_there_are_templates_to_check():
    assert len(TEMPLATES) > 20
