"""A first guess at how much a line of a plan promises, for the parent to check.

Pure Python, no Django (tests/journeys/rules/test_purity.py). `suggest_quantities` reads one
provision statement ("3 x 30 minute sessions a week of speech and language therapy from a
qualified SLT, term time only") and suggests the sessions, the period they are per, the
minutes of each session, whether it is term time only and who provides it. The parent
confirms or corrects every value on the "What the plan promises" page: this is a reading
aid that looks for words, never a decision. What it cannot find it leaves empty (None), so
an unquantified item stays unquantified and is flagged (Code of Practice 9.69: provision
"should normally be quantified ... in terms of the type, hours and frequency of support").

Readings taken, each one the parent sees and can change:
- "daily", "every day", "each day" mean 5 sessions a week (the school days).
- An amount of time a period with no count of sessions ("2 hours a week") is 1 session of
  that length a period.
- Term time only unless the statement says the help carries on in the holidays ("all year",
  "52 weeks", "including the holidays"): provision in a school is delivered in term, and
  counting holiday weeks would make the shortfall look bigger than it is, which a council
  would rightly dispute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from journeys.rules.vocabulary import Per

NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_NUMBER = r"\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))

# How a period is named after "a", "per", "each" or "every".
PERIOD_WORDS: dict[str, Per] = {
    "week": Per.WEEK,
    "fortnight": Per.FORTNIGHT,
    "month": Per.MONTH,
    "term": Per.TERM,
    "half term": Per.TERM,  # the nearest period the case file has; the parent can change it
    "year": Per.YEAR,
    "school year": Per.YEAR,
    "academic year": Per.YEAR,
}
# A period in one word: "weekly", "termly".
PERIOD_ADVERBS: dict[str, Per] = {
    "weekly": Per.WEEK,
    "fortnightly": Per.FORTNIGHT,
    "bi-weekly": Per.FORTNIGHT,
    "monthly": Per.MONTH,
    "termly": Per.TERM,
    "yearly": Per.YEAR,
    "annually": Per.YEAR,
}
DAYS_A_WEEK = 5  # "daily": the school days of a week

_PERIOD = "|".join(sorted(map(re.escape, PERIOD_WORDS), key=len, reverse=True))
_FLAGS = re.IGNORECASE
# "per week", "a week", "each week", "every week", "every two weeks", "every other week".
_PER_PERIOD = re.compile(
    rf"\b(?:per|a|an|each|every|every\s+(?P<every>other|two|2))\s+(?P<period>{_PERIOD})s?\b",
    _FLAGS,
)
_ADVERB = re.compile(
    r"\b(?P<adverb>" + "|".join(map(re.escape, PERIOD_ADVERBS)) + r")\b",
    _FLAGS,
)
_DAILY = re.compile(r"\b(?:daily|every\s+(?:school\s+)?day|each\s+(?:school\s+)?day)\b", _FLAGS)
# "3 x", "3x", "3 times", "three sessions", "twice", "once".
_TIMES = re.compile(rf"\b(?P<count>{_NUMBER})\s*(?:x|\u00d7|times)(?=\s|\d|\b)", _FLAGS)
_ONCE_TWICE = re.compile(r"\b(?P<word>once|twice|thrice)\b", _FLAGS)
_SESSIONS = re.compile(
    # Up to two words between ("two 45-minute sessions"), never a period ("two weeks").
    rf"\b(?P<count>{_NUMBER})\s+(?:(?!(?:{_PERIOD})s?\b)[\w-]+\s+){{0,2}}?"
    r"(?:sessions?|lessons?|visits?|groups?)\b",
    _FLAGS,
)
# "30 minutes", "30-minute", "45 mins", "1 hour", "1.5 hours", "an hour", "half an hour".
_MINUTES = re.compile(rf"\b(?P<amount>{_NUMBER})[\s-]*(?:minutes?|mins?)\b", _FLAGS)
_HOURS = re.compile(rf"\b(?P<amount>{_NUMBER})[\s-]*(?:hours?|hrs?)\b", _FLAGS)
_HALF_HOUR = re.compile(r"\bhalf\s+an?\s+hour\b", _FLAGS)
_ALL_YEAR = re.compile(
    r"\b(?:all\s+year(?:\s+round)?|52\s+weeks|including\s+(?:the\s+)?(?:school\s+)?holidays"
    r"|in\s+(?:the\s+)?(?:school\s+)?holidays|throughout\s+the\s+year)\b",
    _FLAGS,
)
# "from a qualified SLT", "by the class teacher", "delivered by NHS SLT service".
_PROVIDER = re.compile(
    r"\b(?:delivered\s+by|provided\s+by|led\s+by|from|by|with)\s+"
    r"(?P<who>(?:an?|the)\s+[^,.;()]{2,80}?)"
    r"(?=\s+(?:who|which|for|to|in|at|on|each|every|per|during|term)\b|[,.;()]|$)",
    _FLAGS,
)
_PROVIDER_WORDS = re.compile(
    r"therapist|teacher|assistant|\bTA\b|SENCO|psycholog|\bSLTs?\b|\bSALT\b|\bOT\b|nurse"
    r"|practitioner|worker|specialist|service|team|tutor|counsellor|mentor|ELSA|adult|staff",
    _FLAGS,
)


@dataclass(frozen=True)
class Quantities:
    """What a statement seems to promise; None where it does not say."""

    sessions: int | None
    per: Per | None
    minutes: int | None
    term_time_only: bool
    provider: str

    @property
    def quantified(self) -> bool:
        """How often is known: a missed session can be counted."""
        return self.sessions is not None and self.per is not None


def _number(text: str) -> float:
    word = text.lower()
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(text)


def _period(sentence: str) -> Per | None:
    """The period named ("every two weeks" and "every other week" are a fortnight)."""
    match = _PER_PERIOD.search(sentence)
    if match:
        per = PERIOD_WORDS[re.sub(r"\s+", " ", match.group("period").lower())]
        return Per.FORTNIGHT if match.group("every") and per is Per.WEEK else per
    match = _ADVERB.search(sentence)
    return PERIOD_ADVERBS[match.group("adverb").lower()] if match else None


def _sessions(sentence: str) -> int | None:
    """How many sessions a period, when the statement counts them."""
    match = _TIMES.search(sentence)
    if match:
        return max(1, round(_number(match.group("count"))))
    match = _ONCE_TWICE.search(sentence)
    if match:
        return {"once": 1, "twice": 2, "thrice": 3}[match.group("word").lower()]
    match = _SESSIONS.search(sentence)
    if match and match.group("count").lower() not in ("a", "an"):
        return max(1, round(_number(match.group("count"))))
    return None


def _minutes(sentence: str) -> int | None:
    """The length of a session, in minutes, when the statement gives one."""
    match = _MINUTES.search(sentence)
    if match:
        return round(_number(match.group("amount")))
    if _HALF_HOUR.search(sentence):
        return 30
    match = _HOURS.search(sentence)
    if match:
        return round(_number(match.group("amount")) * 60)
    return None


def _provider(sentence: str) -> str:
    for match in _PROVIDER.finditer(sentence):
        who = match.group("who").strip()
        if _PROVIDER_WORDS.search(who):
            return who[:200]
    return ""


def suggest_quantities(sentence: str) -> Quantities:
    """Sessions, period, minutes, term time and provider as the statement seems to give
    them (see the module docstring for the readings taken; Code of Practice 9.69 asks for
    "hours and frequency")."""
    per = _period(sentence)
    sessions = _sessions(sentence)
    if _DAILY.search(sentence):
        per = per or Per.WEEK
        sessions = DAYS_A_WEEK if per is Per.WEEK and sessions is None else sessions
    minutes = _minutes(sentence)
    if per is not None and sessions is None:
        # "2 hours a week", "weekly": one session a period.
        sessions = 1
    if per is None:
        sessions = None  # a count with no period cannot be checked against the weeks
    return Quantities(
        sessions=sessions,
        per=per,
        minutes=minutes,
        term_time_only=not _ALL_YEAR.search(sentence),
        provider=_provider(sentence),
    )
