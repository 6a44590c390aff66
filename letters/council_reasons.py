"""The council's common reasons for a refusal, sorted by what they are about, and the statement
of law that answers each (finding 9 of issue 10). Pure (no Django).

Used by the request to reconsider and the reasons for appeal, so a reason is answered the same
way in both. The legal test itself (s.36(8) or s.37(1)) is stated once in each letter, in its
own section; the answer to a reason never repeats it. Every sentence of law comes from
journeys/rules/law.py.
"""

from __future__ import annotations

from enum import Enum

from journeys.rules import law
from journeys.rules.law import PLAN_DECISIONS, Law
from journeys.rules.vocabulary import DecisionKind


class Topic(Enum):
    """What a council's reason is about, so a letter can answer it with the right law."""

    HEALTH_MATTER = "health_matter"
    UNIVERSAL = "universal"
    DIAGNOSIS = "diagnosis"
    EVIDENCE = "evidence"
    SEN_SUPPORT = "sen_support"
    PROGRESS = "progress"
    OTHER = "other"


# Checked in this order; the first topic with a word in the reason wins.
TOPIC_WORDS: tuple[tuple[Topic, tuple[str, ...]], ...] = (
    (
        Topic.HEALTH_MATTER,
        (
            "health matter",
            "health need",
            "health issue",
            "health provision",
            "medical",
            "clinical",
            "nhs",
            "a matter for health",
            "therapy is",
            "therapies are",
        ),
    ),
    (Topic.UNIVERSAL, ("universal", "available to all", "every pupil", "all pupils")),
    (Topic.DIAGNOSIS, ("diagnos",)),
    (
        Topic.EVIDENCE,
        ("evidence", "insufficient", "information", "not demonstrated", "not shown"),
    ),
    (
        Topic.SEN_SUPPORT,
        (
            "sen support",
            "be met",
            "ordinarily available",
            "resources",
            "graduated",
            "notional",
            "within school",
            "within the school",
            "in school",
            "school can meet",
        ),
    ),
    (
        Topic.PROGRESS,
        ("progress", "attain", "expected", "age-related", "age related", "achiev", "coping"),
    ),
)


def topic_of(reason: str) -> Topic:
    """The topic of a council's reason, by the first matching word (Topic.OTHER if none)."""
    folded = reason.casefold()
    for topic, words in TOPIC_WORDS:
        if any(word in folded for word in words):
            return topic
    return Topic.OTHER


def law_answer(topic: Topic, kind: DecisionKind) -> str:
    """The statement of law that answers a reason of `topic` after a decision of `kind`, with
    its citation; "" where only the legal test (stated once elsewhere) answers it."""
    keys: dict[Topic, tuple[Law, ...]] = {
        Topic.HEALTH_MATTER: (Law.THERAPY_IS_EDUCATIONAL,),
        Topic.UNIVERSAL: (Law.SEP_DEFINITION, Law.SECURE_PROVISION)
        if kind in PLAN_DECISIONS
        else (Law.SEP_DEFINITION,),
        Topic.DIAGNOSIS: (Law.DIAGNOSIS_NOT_NEEDED,),
        Topic.EVIDENCE: (Law.ASSESSMENT_ADVICE,) if kind is DecisionKind.REFUSAL_TO_ASSESS else (),
        Topic.SEN_SUPPORT: (Law.SECURE_PROVISION,)
        if kind is not DecisionKind.REFUSAL_TO_ASSESS
        else (),
        Topic.PROGRESS: (Law.FOUR_AREAS,),
        Topic.OTHER: (),
    }
    return " ".join(law.entry(key).cited for key in keys[topic])
