"""journeys/rules stays pure: no Django, so rules run anywhere and test without a database."""

import ast
from pathlib import Path

import journeys.rules

RULES_DIR = Path(journeys.rules.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_rule_module_imports_django():
    offenders = {
        path.name: sorted(m for m in imported_modules(path) if m.split(".")[0] == "django")
        for path in RULES_DIR.glob("*.py")
    }
    assert {name: mods for name, mods in offenders.items() if mods} == {}


def test_the_scan_sees_every_rule_module():
    # Guards the test above from passing because it read nothing.
    assert {"deadlines.py", "eligibility.py", "vocabulary.py"} <= {
        p.name for p in RULES_DIR.glob("*.py")
    }
