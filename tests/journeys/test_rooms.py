"""Imports between journeys' rooms run one way (STYLE.md point 16; the rooms' __init__.py
docstrings say who may import them).

Floors, lowest first: `rules` (pure, no Django; tests/journeys/rules/test_purity.py) <- the
base (`models`, `forms`, `local_authorities`, `templatetags`, and `documents`, which knows
files but not cases) <- `cases` <- the rooms that use saved cases: `wizard`, `sharing`,
`caseload`, `jobs`, `evidence`, which never import each other.
A module may import its own room and any lower floor, never a higher floor or a sibling.

Pages (views and urls modules) sit on top of every room: they may call any room's
services and selectors, but only urls modules import views. The app's glue (journeys/urls.py,
admin.py, apps.py, management commands) may import anything; migrations are history.

Beside journeys: `letters` may import only `cases` and `rules` of journeys (its views are
pages), and `ehcp_site.accounts` imports nothing of journeys at module level: journeys
registers what accounts needs in its AppConfig.ready() (journeys/apps.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import journeys

APP_DIR = Path(journeys.__file__).parent
REPO = APP_DIR.parent
FLOOR = {
    "rules": 0,
    "models": 1,
    "forms": 1,
    "local_authorities": 1,
    "templatetags": 1,
    "documents": 1,
    "cases": 2,
    "wizard": 3,
    "sharing": 3,
    "caseload": 3,
    "jobs": 3,
    "evidence": 3,
}
BASE = {"models", "forms", "local_authorities", "templatetags"}
GLUE = {"urls", "admin", "apps", "management", "migrations", "__init__"}


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(REPO).with_suffix("").parts)


def imports(path: Path, *, top_level_only: bool = False) -> set[str]:
    """The journeys/letters modules `path` imports (`from a import b` counts as a.b too)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    names: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {n for n in names if n.split(".")[0] in ("journeys", "letters")}


def room(module: str) -> str | None:
    """The room of a journeys module: its first part below `journeys`."""
    parts = module.split(".")
    if parts[0] != "journeys" or len(parts) < 2:
        return None
    return "base" if parts[1] in BASE else parts[1]


def floor(module: str) -> int | None:
    parts = module.split(".")
    return FLOOR.get(parts[1]) if parts[0] == "journeys" and len(parts) > 1 else None


def is_page(module: str) -> bool:
    last = module.split(".")[-1]
    return last in ("views", "urls") or last.endswith("_views")


def is_module(name: str) -> bool:
    """Whether a dotted name is a module or package (not a name imported from one)."""
    path = REPO.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def modules_under(directory: Path):
    for path in sorted(directory.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path, module_name(path)


def journeys_offences() -> list[str]:
    offences = []
    for path, module in modules_under(APP_DIR):
        parts = module.split(".")
        if parts[1] in GLUE or parts[1].endswith(".py"):
            continue
        for imported in filter(is_module, imports(path)):
            if imported.split(".")[0] == "letters":
                continue  # cases renders a case's letters; letters' own rule is below
            if is_page(imported) and not module.endswith("urls"):
                offences.append(f"{module} imports the page {imported}")
                continue
            if is_page(module) or room(imported) in (None, room(module)):
                continue
            mine, theirs = floor(module), floor(imported)
            if theirs is None or mine is None or theirs >= mine:
                offences.append(f"{module} (floor {mine}) imports {imported} (floor {theirs})")
    return offences


def test_journeys_rooms_import_only_downwards():
    assert journeys_offences() == []


def test_letters_uses_only_the_cases_and_rules_of_journeys():
    offences = [
        f"{module} imports {imported}"
        for path, module in modules_under(REPO / "letters")
        if not is_page(module)
        for imported in filter(is_module, imports(path))
        if imported.split(".")[0] == "journeys"
        and imported.split(".")[1] not in ("cases", "rules")
        and imported != "journeys"
    ]
    assert offences == []


def test_accounts_imports_no_journeys_module_at_module_level():
    offences = [
        f"{module} imports {imported}"
        for path, module in modules_under(REPO / "ehcp_site" / "accounts")
        for imported in imports(path, top_level_only=True)
        if imported.split(".")[0] == "journeys"
    ]
    assert offences == []


@pytest.mark.parametrize(
    ("module", "imported", "allowed"),
    [
        ("journeys.wizard.definition", "journeys.cases.casefile", True),
        ("journeys.cases.services", "journeys.wizard.definition", False),
        ("journeys.cases.overview", "journeys.caseload.labels", False),
        ("journeys.sharing.services", "journeys.caseload.selectors", False),
        ("journeys.jobs.reminders", "journeys.cases.timeline", True),
        ("journeys.models", "journeys.cases.timeline", False),
        ("journeys.cases.forms", "journeys.rules.vocabulary", True),
    ],
)
def test_the_floors_say_which_way_an_arrow_may_run(module, imported, allowed):
    # Guards the walk above from passing because its floors allowed everything.
    same_room = room(module) == room(imported)
    assert (same_room or floor(imported) < floor(module)) is allowed


def test_the_walk_sees_every_room():
    seen = {room(module) for _, module in modules_under(APP_DIR)}
    assert {"base", "cases", "wizard", "sharing", "caseload", "jobs", "rules"} <= seen


@pytest.mark.parametrize(
    "name",
    ["wizard", "cases", "sharing", "caseload", "jobs", "forms", "rules", "documents", "evidence"],
)
def test_each_room_says_what_lives_there_and_who_may_import_it(name):
    docstring = ast.get_docstring(ast.parse((APP_DIR / name / "__init__.py").read_text()))
    assert docstring and "May import" in docstring
