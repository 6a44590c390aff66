"""Validators shared by every form of the site (accounts' and journeys' alike)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def one_line(subject: str):
    """Return a validator refusing tabs, line breaks and other control characters: a
    browser's one-line box can still be sent them (pasted, or by a script), and a name
    with a tab is refused later by the case file, letters and email headers."""

    def validate(value: str) -> None:
        if CONTROL_CHARACTERS.search(value):
            raise ValidationError(
                f"{subject} must not contain tabs or line breaks", code="control_characters"
            )

    return validate
