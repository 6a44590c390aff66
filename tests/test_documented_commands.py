"""The README's commands, run as a new engineer would: processes with a clean environment
in a fresh copy of the checkout (only the files git knows about), after `make install`'s
`.env` step. Production without its secrets refuses in one line, never a traceback.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "case_sam.json"
# Nothing from the developer's shell: no DJANGO_* variables, no settings module.
CLEAN_ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"}


def readme_commands(section: str) -> list[str]:
    """The `python manage.py ...` lines in the code blocks of one README section."""
    text = (ROOT / "README.md").read_text()
    body = text.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```\n(.*?)```", body, flags=re.S)
    return [
        line.split("#", 1)[0].strip()
        for block in blocks
        for line in block.splitlines()
        if line.startswith("python manage.py")
    ]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    """A fresh copy of the tracked files, as `git clone` would give (no .env, no database)."""
    copy = tmp_path_factory.mktemp("checkout")
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    return copy


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, cwd=cwd, env=CLEAN_ENV, capture_output=True, text=True, timeout=180, check=False
    )


def concrete(command: str, out: Path) -> list[str]:
    """The documented command with its placeholders filled and its [optional] parts left out."""
    command = re.sub(r"\s*\[[^\]]*\]", "", command)
    words = command.split()
    filled = {"KIND": "request_assessment", "FILE": str(FIXTURE), "PATH": str(out)}
    return [sys.executable, *[filled.get(word, word) for word in words[1:]]]


def test_without_env_file_production_refuses_in_one_line(checkout):
    (checkout / ".env").unlink(missing_ok=True)  # as cloned (another test may have made it)
    result = run([sys.executable, "manage.py", "journey_schema"], checkout)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "DJANGO_SECRET_KEY is required" in lines[0]
    assert "make install" in lines[0]


def test_gunicorn_without_secrets_refuses_in_one_line(checkout):
    # gunicorn never reads .env, whether or not `make` wrote one.
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    result = run([gunicorn, "--config", "ehcp_site/gunicorn_conf.py"], checkout)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "Cannot start: DJANGO_SECRET_KEY is required unless DJANGO_DEBUG=true"
    ]


def test_every_command_line_command_in_the_readme_works_after_make(checkout, tmp_path):
    made = run(["make", "--no-print-directory", ".env"], checkout)
    assert made.returncode == 0, made.stderr
    commands = readme_commands("Command line")
    assert len(commands) >= 4  # journey_schema, render_letter twice, deadlines, ...
    documented = [
        c for c in commands if c.split()[2] in {"journey_schema", "render_letter", "deadlines"}
    ]
    assert len(documented) == 4
    for command in documented:
        result = run(concrete(command, tmp_path / "letter.pdf"), checkout)
        assert result.returncode == 0, f"{command}: {result.stderr}"
        assert "Traceback" not in result.stderr
    assert (tmp_path / "letter.pdf").read_bytes().startswith(b"%PDF")


def test_port_is_taken_from_the_environment_for_run_and_serve(checkout):
    for target in ("run", "serve"):
        env_port = {**CLEAN_ENV, "PORT": "8080"}
        result = subprocess.run(
            ["make", "--dry-run", "--always-make", target],
            cwd=checkout,
            env=env_port,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "127.0.0.1:8080" in result.stdout
        assert "127.0.0.1:8000" not in result.stdout


def test_pyproject_uses_an_spdx_licence_string_not_the_deprecated_table():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["license"] == "MIT"
    requires = project["build-system"]["requires"]
    assert requires == ["setuptools>=77"]  # the first setuptools that reads the SPDX form


def test_readme_points_at_the_case_format_in_this_repository():
    readme = (ROOT / "README.md").read_text()
    assert "../shared/" not in readme
    assert "docs/case-format.md" in readme
    doc = (ROOT / "docs" / "case-format.md").read_text()
    for contract in ("ehcp-case/1", "ehcp-case/2", "journey_schema", "render_letter", "deadlines"):
        assert contract in doc


def test_the_environment_wins_over_the_env_file(checkout):
    made = run(["make", "--no-print-directory", ".env"], checkout)
    assert made.returncode == 0, made.stderr
    result = subprocess.run(
        [sys.executable, "manage.py", "journey_schema"],
        cwd=checkout,
        env={**CLEAN_ENV, "DJANGO_DEBUG": "false"},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Cannot start: DJANGO_SECRET_KEY is required")


def test_env_file_path_can_be_chosen_or_turned_off(tmp_path):
    from ehcp_site.env import env_file_path, read_env_file

    assert env_file_path(tmp_path, {}) == tmp_path / ".env"
    assert env_file_path(tmp_path, {"DJANGO_ENV_FILE": "/x/dev.env"}) == Path("/x/dev.env")
    assert env_file_path(tmp_path, {"DJANGO_ENV_FILE": ""}) is None
    assert read_env_file(None) == {}
    (tmp_path / ".env").write_text("# a comment\nDJANGO_DEBUG=true\n\nNOT A LINE\n")
    assert read_env_file(tmp_path / ".env") == {"DJANGO_DEBUG": "true"}
