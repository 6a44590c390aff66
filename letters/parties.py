"""Who a letter is from, for whom, and about whom: one `Parties` serves every letter.

Pure (no Django). A letter is written by the applicant (case-file `applicant`). Whose rights
it exercises is a separate question (Children and Families Act 2014 s.51(1) and s.55: only
the parent or the young person appeals or holds a mediation certificate): when the applicant
is an advocate, the case names the person they act for in `represents` (CASE_FORMAT.md
version 2), and letters that exercise a right are written for that person with the advocate
as their representative. A letter that exercises a right refuses (MissingCaseData naming
`represents`) when an advocate writes and the case does not say for whom.

The child or young person is a `Person` in the right grammatical person: "I" when the young
person writes for themselves. When the date of birth says the rights are a young person's
(journeys.rules.eligibility.is_young_person, on the letter's date) and a parent or carer
writes (or an advocate for one), the letter says in one sentence on what basis they act for
the young person (case-file `acting_for_young_person`: their agreement, or reg 64 where they
lack capacity); a letter that exercises a right refuses without it (MissingCaseData naming
`acting_for_young_person`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from journeys.rules.deadlines import long_date as long_date  # one long date for the product
from journeys.rules.eligibility import age_on, is_young_person
from journeys.rules.law import Law, SchoolKind, cite
from journeys.rules.vocabulary import ActingForYoungPerson, Pronouns, Relationship, SettingKind


class MissingCaseData(ValueError):
    """The case lacks what a letter needs; `fields` names each missing case-file path."""

    def __init__(self, kind: str, fields: list[str]) -> None:
        self.kind = kind
        self.fields = fields
        super().__init__(f"the {kind} letter needs: {', '.join(fields)}")


def short_date(value: date) -> str:
    """'18 December 2026', whatever the process locale."""
    return long_date(value).split(" ", 1)[1]


def text(value: Any) -> str:
    """A free-text answer, stripped; anything that is not text counts as not given."""
    return value.strip() if isinstance(value, str) else ""


def texts(values: Any) -> tuple[str, ...]:
    """The non-empty strings of a list (anything else counts as nothing)."""
    if not isinstance(values, list | tuple):
        return ()
    return tuple(t for t in (text(v) for v in values) if t)


def mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


@dataclass(frozen=True)
class Person:
    """How a letter refers to the child or young person, in the right grammatical person."""

    writes_for_self: bool  # the young person is the applicant
    name: str  # "Sam", or "I"
    name_object: str  # "Sam", or "me"
    name_possessive: str  # "Sam's", or "My"
    subject: str  # "he" / "she" / "they" / "I"
    object: str  # "him" / "her" / "them" / "me"
    possessive: str  # "his" / "her" / "their" / "my"
    has: str  # agrees with `subject`: "he has", "they have", "I have"
    finds: str  # agrees with `subject`: "she finds", "they find"
    name_has: str  # agrees with `name`: "Alex has" (a name is singular), "I have"

    @property
    def possessive_mid(self) -> str:
        """'Sam's' or 'my': the possessive inside a sentence."""
        return "my" if self.writes_for_self else self.name_possessive


def name_possessive(name: str) -> str:
    """ "Sam's", or "James'" for a name ending in s."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def person(first_name: str, pronouns: Pronouns, *, writing_about_self: bool) -> Person:
    if writing_about_self:
        return Person(True, "I", "me", "My", "I", "me", "my", "have", "find", "have")
    subject, obj, possessive = {
        Pronouns.HE: ("he", "him", "his"),
        Pronouns.SHE: ("she", "her", "her"),
        Pronouns.THEY: ("they", "them", "their"),
    }[pronouns]
    plural = pronouns is Pronouns.THEY
    possessive_name = name_possessive(first_name)
    return Person(
        False,
        first_name,
        first_name,
        possessive_name,
        subject,
        obj,
        possessive,
        "have" if plural else "has",
        "find" if plural else "finds",
        "has",
    )


def _relationship(value: Any) -> Relationship | None:
    try:
        return Relationship(value)
    except ValueError:
        return None


def writer_introduction(relationship: Relationship, child: Person) -> str:
    """The first sentence of a letter: who is writing, in relation to the child."""
    return {
        Relationship.PARENT: f"I am {child.name_possessive} parent.",
        Relationship.CARER: f"I am {child.name_possessive} carer, with parental "
        f"responsibility for {child.object}.",
        Relationship.YOUNG_PERSON: "I am writing for myself, as a young person.",
        # Whether the family agreed is not asked, so it is not said (rule 1).
        Relationship.ADVOCATE: f"I am writing as an advocate for {child.name_possessive} family.",
    }[relationship]


@dataclass(frozen=True)
class Represented:
    """The person whose rights an advocate's letter exercises (case-file `represents`)."""

    name: str
    relationship: Relationship  # parent, carer or young_person
    address: tuple[str, ...]
    email: str
    phone: str

    def described(self, child: Person) -> str:
        """'Grace Okafor, Sam's parent' or 'Sam Okafor, the young person'."""
        if self.relationship is Relationship.YOUNG_PERSON:
            return f"{self.name}, the young person"
        role = "parent" if self.relationship is Relationship.PARENT else "carer"
        return f"{self.name}, {child.name_possessive} {role}"


@dataclass(frozen=True)
class Parties:
    letter_date: str
    sender_name: str
    sender_address: tuple[str, ...]
    sender_email: str
    sender_phone: str
    council_name: str
    child_full_name: str
    child_date_of_birth: str
    child: Person
    relationship: Relationship | None
    writer_introduction: str  # "I am Sam's parent.", or "I am writing about Sam." if not known
    # When an advocate writes for someone: that person; None when the writer holds the rights.
    represents: Represented | None
    # For a young person's case written by a parent or carer (or an advocate for one): on what
    # basis they act for the young person, in one sentence ("" otherwise). Also the end of
    # writer_introduction.
    acting_for_young_person: str
    # The case is about a young person (over compulsory school age on the letter's date:
    # journeys.rules.eligibility.is_young_person), whoever writes.
    young_person: bool

    @property
    def child_label(self) -> str:
        """The reference line's label: 'Young person' for a young person's case (written by
        them, a parent, a carer or an advocate), else 'Child'."""
        return "Young person" if self.young_person or self.child.writes_for_self else "Child"

    @property
    def representing(self) -> bool:
        return self.represents is not None

    @property
    def rights_holder(self) -> str:
        """Who appeals or asks, as the subject of a sentence: 'I', or the person's name."""
        return self.represents.name if self.represents else "I"

    @property
    def rights_holder_possessive(self) -> str:
        """'my', or 'Grace Okafor's'."""
        if self.represents is None:
            return "my"
        return name_possessive(self.represents.name)

    @property
    def rights_holder_object(self) -> str:
        """'me', or 'Grace Okafor and me' (a representative wants the replies too)."""
        return f"{self.represents.name} and me" if self.represents else "me"

    @property
    def representative_sentence(self) -> str:
        """For an advocate: whose rights these are and in what capacity the advocate writes
        (s.51(1), s.55); "" otherwise."""
        if self.represents is None:
            return ""
        return (
            f"I am writing as the representative of {self.represents.described(self.child)}. "
            "The rights in this letter are theirs; please send your reply to them and copy it "
            "to me."
        )


def parties_from_case(
    case: Mapping[str, Any],
    today: date,
    *,
    kind: str,
    exercises_right: bool,
    strict_pronouns: bool = False,
) -> Parties:
    """Everything a letter says about who writes, for whom and to whom.

    `exercises_right`: the letter requests, challenges, appeals or asks for mediation, so an
    advocate needs `represents` (MissingCaseData otherwise). Without pronouns the child is
    "they", unless `strict_pronouns` (the request letter asks for them, so it refuses).
    """
    child_data, applicant = mapping(case.get("child")), mapping(case.get("applicant"))
    relationship = _relationship(applicant.get("relationship"))
    represents = None
    if relationship is Relationship.ADVOCATE:
        held = mapping(case.get("represents"))
        held_relationship = _relationship(held.get("relationship"))
        if text(held.get("name")) and held_relationship is not None:
            represents = Represented(
                name=text(held.get("name")),
                relationship=held_relationship,
                address=texts(held.get("address")),
                email=text(held.get("email")),
                phone=text(held.get("phone")),
            )
        elif exercises_right:
            raise MissingCaseData(
                kind, ["represents (the parent or young person the advocate acts for)"]
            )
    try:
        pronouns = Pronouns(child_data.get("pronouns"))
    except ValueError:
        if strict_pronouns:
            raise MissingCaseData(kind, ["child.pronouns"]) from None
        pronouns = Pronouns.THEY
    child = person(
        text(child_data.get("first_name")),
        pronouns,
        writing_about_self=relationship is Relationship.YOUNG_PERSON,
    )
    # Without a relationship the letter does not guess one.
    introduction = (
        writer_introduction(relationship, child)
        if relationship
        else f"I am writing about {child.name_object}."
    )
    born = child_data.get("date_of_birth")
    try:
        born_on = short_date(date.fromisoformat(born)) if isinstance(born, str) else ""
    except ValueError:
        born_on = ""
    parties = Parties(
        letter_date=short_date(today),
        sender_name=text(applicant.get("name")),
        sender_address=texts(applicant.get("address")),
        sender_email=text(applicant.get("email")),
        sender_phone=text(applicant.get("phone")),
        council_name=text(mapping(case.get("local_authority")).get("name")),
        child_full_name=" ".join(
            part
            for part in (text(child_data.get("first_name")), text(child_data.get("last_name")))
            if part
        ),
        child_date_of_birth=born_on,
        child=child,
        relationship=relationship,
        writer_introduction=introduction,
        represents=represents,
        acting_for_young_person="",
        young_person=_young_person_age(case, today) is not None,
    )
    if represents is not None:
        parties = replace(parties, writer_introduction=parties.representative_sentence)
    acting = _acting_for(case, parties, today, kind=kind, exercises_right=exercises_right)
    if acting:
        parties = replace(
            parties,
            acting_for_young_person=acting,
            writer_introduction=f"{parties.writer_introduction} {acting}",
        )
    return parties


ACTING_MISSING = (
    "acting_for_young_person (whether the young person agreed to the parent or carer acting "
    "for them, or lacks capacity to decide: reg 64)"
)


def acting_sentence(
    basis: ActingForYoungPerson, child: Person, age: int, represents: Represented | None
) -> str:
    """On what basis a parent or carer acts for a young person, as the family told us; the
    alternative person is cited from the law module (SEND Regulations 2014, reg 64)."""
    if basis is ActingForYoungPerson.AGREED:
        if represents is None:
            return (
                f"I am writing for {child.name}, who is {age} and has asked me to act for "
                f"{child.object}."
            )
        return f"{child.name} is {age} and has asked {represents.name} to act for {child.object}."
    citation = cite(Law.ALTERNATIVE_PERSON)
    if represents is None:
        return (
            f"I am writing for {child.name}, who is {age} and lacks the mental capacity to make "
            f"this decision, as {child.possessive} alternative person ({citation})."
        )
    return (
        f"{child.name} is {age} and lacks the mental capacity to make this decision, so "
        f"{represents.name} acts for {child.object} as {child.possessive} alternative person "
        f"({citation})."
    )


def _young_person_age(case: Mapping[str, Any], today: date) -> int | None:
    """The young person's age on `today`, or None when the case is not about a young person
    (no valid date of birth, or not yet over compulsory school age)."""
    born = mapping(case.get("child")).get("date_of_birth")
    try:
        born_on = date.fromisoformat(born) if isinstance(born, str) else None
    except ValueError:
        return None
    if born_on is None or not is_young_person(date_of_birth=born_on, on=today):
        return None
    return age_on(date_of_birth=born_on, on=today)


def _acting_for(
    case: Mapping[str, Any],
    parties: Parties,
    today: date,
    *,
    kind: str,
    exercises_right: bool,
) -> str:
    holder = parties.represents.relationship if parties.represents else parties.relationship
    age = _young_person_age(case, today)
    if age is None or holder not in (Relationship.PARENT, Relationship.CARER):
        return ""
    try:
        basis = ActingForYoungPerson(case.get("acting_for_young_person"))
    except ValueError:
        if exercises_right:
            raise MissingCaseData(kind, [ACTING_MISSING]) from None
        return ""
    return acting_sentence(basis, parties.child, age, parties.represents)


def parties_fields(parties: Parties) -> dict[str, Any]:
    """The shared fields, to spread into a letter dataclass that extends Parties."""
    return {field.name: getattr(parties, field.name) for field in fields(Parties)}


# What families type as the author of their own notes: shown as their name in a letter, so a
# council or Tribunal reads "Grace Okafor", never "Author: me" (issue 10, finding 12).
SELF_WORDS = frozenset({"me", "myself", "i", "self", "mum", "dad", "mother", "father", "parent"})


def author_name(author: Any, case: Mapping[str, Any]) -> str:
    """An evidence item's author as a letter prints it: the family's own name for "me"."""
    written = text(author)
    if written.casefold().strip(" .") not in SELF_WORDS:
        return written
    represents = mapping(case.get("represents"))
    applicant = mapping(case.get("applicant"))
    return text(represents.get("name")) or text(applicant.get("name")) or written


def setting_kind(case: Mapping[str, Any]) -> SettingKind | None:
    """Where the child is educated (child.setting.kind), or None when not known."""
    try:
        return SettingKind(mapping(mapping(case.get("child")).get("setting")).get("kind"))
    except ValueError:
        return None


def preferred_school_kind(case: Mapping[str, Any]) -> SchoolKind | None:
    """The kind of school asked for (plan.preferred_setting_kind), or None when not known."""
    try:
        return SchoolKind(mapping(case.get("plan")).get("preferred_setting_kind"))
    except ValueError:
        return None
