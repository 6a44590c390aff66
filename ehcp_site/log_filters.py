"""Logs hold exception types, never exception messages (docs/security.md).

An exception's message can carry what a family typed: a `BadHeaderError` quotes the header
with the parent's name in it, a `KeyError` its key, a `UnicodeEncodeError` the text. Django
logs every server error with its exception (django.request), so this filter, on that
logger and on the console handler, replaces the exception with its type and where it was
raised (file, line, function and source line: our code, not their words), and does the same
for an exception passed as a log argument.
"""

from __future__ import annotations

import logging
import traceback


def exception_summary(error: BaseException) -> str:
    """The traceback of `error` and its causes, each exception named by its type only."""
    parts = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(traceback.format_list(traceback.extract_tb(current.__traceback__)))
        parts.append(f"Traceback (most recent call last):\n{frames}{_type_name(current)}")
        current = current.__cause__ or current.__context__
    return "\n\nwhile handling or caused by:\n".join(reversed(parts))


def _type_name(error: BaseException) -> str:
    kind = type(error)
    return f"{kind.__module__}.{kind.__qualname__} (message withheld)"


class ExceptionTypesOnly(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = exception_summary(record.exc_info[1])
            record.exc_info = None
        if isinstance(record.msg, BaseException):
            record.msg = _type_name(record.msg)
        if isinstance(record.args, tuple) and any(
            isinstance(arg, BaseException) for arg in record.args
        ):
            record.args = tuple(
                _type_name(arg) if isinstance(arg, BaseException) else arg for arg in record.args
            )
        return True
