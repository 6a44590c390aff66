"""Browser tests: a real headless Chromium (Debian's, never a downloaded one) via Playwright.

Every test in this folder is marked `browser`. Pages are served by pytest-django's
`live_server`; each test gets a fresh browser context (its own cookies, so its own session).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM (used by the live
# server's database set-up and flush in this thread) would otherwise refuse to run.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DEFAULT_TIMEOUT_MS = 10_000
HERE = Path(__file__).parent.resolve()

# The WCAG 2.0, 2.1 and 2.2 A and AA rules of axe-core.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(config, items) -> None:
    """Mark every test collected from this folder as a browser test."""
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"{CHROMIUM} is missing: CI must install Debian's chromium "
                "(apt-get install chromium) to run the browser tests"
            )
        pytest.skip(
            "Debian's chromium is not installed (apt-get install chromium); browser tests need it"
        )
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def page(browser, live_server):
    """A fresh page in its own context (own cookies), with the live server as base URL."""
    context = browser.new_context(base_url=live_server.url, accept_downloads=True)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    new_page = context.new_page()
    new_page.set_default_timeout(DEFAULT_TIMEOUT_MS)
    try:
        yield new_page
    finally:
        context.close()


def assert_accessible(page) -> None:
    """Run axe-core's WCAG 2.2 A/AA rules on the page as it is now; fail on any violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = results.response["violations"]
    if not violations:
        return
    lines = [f"{len(violations)} accessibility violation(s) on {page.url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}")
        for node in violation["nodes"]:
            target = ", ".join(str(t) for t in node["target"])
            html = " ".join(node.get("html", "").split())
            lines.append(f"    target: {target}\n    html:   {html}")
    raise AssertionError("\n".join(lines))


def choose_from_autocomplete(page, label: str, option: str) -> None:
    """Pick `option` from a long list enhanced with accessible-autocomplete (static/js/app.js):
    type the start of it, then choose it from the suggestions, as a person would."""
    box = page.get_by_role("combobox", name=label)
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).click()
