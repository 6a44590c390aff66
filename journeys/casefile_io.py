"""Reading a case file from disk for the commands: one plain-English line on any failure."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from journeys.cases.casefile import CaseFileError, validate_case_file


def case_file_load(path: str) -> dict[str, Any]:
    """Return the validated case file at `path`; raise CaseFileError with a one-line reason."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CaseFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CaseFileError(f"{path}: cannot be read ({error.__class__.__name__})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CaseFileError(f"{path}: not valid JSON (line {error.lineno})") from None
    except RecursionError:
        raise CaseFileError(f"{path}: nested too deeply to be a case file") from None
    try:
        return validate_case_file(data)
    except CaseFileError as error:
        raise CaseFileError(f"{path}: {error}") from None
    except RecursionError:
        raise CaseFileError(f"{path}: nested too deeply to be a case file") from None
