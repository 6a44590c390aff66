"""Who a question page speaks to, applied to any form without the form doing anything.

Question pages are written once, to a parent about their child ("What is your child's name?",
"Does your child have any diagnoses?"). The generic step view (journeys/wizard/views.py) asks
journeys.wizard.conditions.audience for who is filling the journey in, and `speak_to_form`
rewrites the page's words for them:

- a parent or carer about a child: unchanged ("your child");
- the young person themselves: "you" ("What is your name?", "Do you have any diagnoses?");
- anyone else: the child or young person by name once it is known ("Does Sam have any
  diagnoses?"), "the young person" (or "the child") before it is.

So a new journey's forms get the right words with no extra work, as long as they speak of
"your child". The verbs after "your child" that change with "you" are listed below; a test
walks every question page of every journey for each audience and fails on "you is" and the
like, so a new verb shows there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from django import forms


class Audience(StrEnum):
    PARENT = "parent"  # a parent or carer, about their child: "your child"
    YOUNG_PERSON = "young_person"  # the young person themselves: "you"
    OTHER = "other"  # acting for a young person, or an advocate: by name


@dataclass(frozen=True)
class Wording:
    audience: Audience = Audience.PARENT
    name: str = ""  # the child's or young person's first name, once known
    young_person: bool = False  # the rights are the young person's (over school age)

    @property
    def noun(self) -> str:
        """How the pages name them before their name is known."""
        return "the young person" if self.young_person else "the child"


# "your child <verb>" -> "you <verb>": third-person verbs the pages use after "your child".
_VERBS = {
    "is": "are",
    "has": "have",
    "was": "were",
    "does": "do",
    "finds": "find",
    "goes": "go",
    "needs": "need",
    "attends": "attend",
    "gets": "get",
    "receives": "receive",
    "lives": "live",
    "wants": "want",
    "likes": "like",
    "says": "say",
    "thinks": "think",
    "feels": "feel",
    "hopes": "hope",
    "enjoys": "enjoy",
    "uses": "use",
    "takes": "take",
    "makes": "make",
    "knows": "know",
    "agrees": "agree",
    "lacks": "lack",
    "communicates": "communicate",
    "moves": "move",
    "starts": "start",
    "leaves": "leave",
    "can": "can",
    "will": "will",
}
# Questions that put the verb first: "Does your child ...?" -> "Do you ...?"
_INVERTED = {"Does": "Do", "does": "do", "Is": "Are", "is": "are", "Has": "Have",
             "has": "have", "Was": "Were", "was": "were"}  # fmt: skip

_CHILD = r"(?P<your>[Yy])our child"
_INVERTED_RE = re.compile(rf"\b(?P<verb>{'|'.join(_INVERTED)}) your child\b(?!')")
_VERB_RE = re.compile(rf"\b{_CHILD} (?P<verb>{'|'.join(_VERBS)})\b")
_POSSESSIVE_RE = re.compile(rf"\b{_CHILD}(?:\u2019|')s\b")
_PLAIN_RE = re.compile(rf"\b{_CHILD}\b")


# In a sentence about "your child", "they", "their" and "them" are the child too: for the young
# person themselves, "you", "your" ("What is your child good at, and what do they enjoy?" ->
# "What are you good at, and what do you enjoy?"). Only in that sentence: the next may speak of
# something else ("Your letters list them.").
_SENTENCES_RE = re.compile(r"(?<=[.?!])(\s+)")
_PRONOUNS = {"they": "you", "their": "your", "theirs": "yours", "them": "you",
             "themselves": "yourself"}  # fmt: skip
_PRONOUN_RE = re.compile(r"\b(?P<word>[Tt]hey|[Tt]heir|theirs|them|themselves)\b")


def _pronouns_to_you(sentence: str) -> str:
    if "our child" not in sentence:
        return sentence
    return _PRONOUN_RE.sub(
        lambda m: _capital(_PRONOUNS[m["word"].lower()], m["word"][0] == "T"), sentence
    )


def _capital(text: str, upper: bool) -> str:
    return text[:1].upper() + text[1:] if upper else text


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def speak_to(text: str, wording: Wording) -> str:
    """`text`, written to a parent about "your child", rewritten for `wording`'s audience."""
    if not isinstance(text, str) or wording.audience is Audience.PARENT or "our child" not in text:
        return text
    if wording.audience is Audience.YOUNG_PERSON:
        text = "".join(_pronouns_to_you(part) for part in _SENTENCES_RE.split(text))
        text = _INVERTED_RE.sub(lambda m: f"{_INVERTED[m['verb']]} you", text)
        text = _VERB_RE.sub(
            lambda m: f"{_capital('you', m['your'] == 'Y')} {_VERBS[m['verb']]}", text
        )
        text = _POSSESSIVE_RE.sub(lambda m: _capital("your", m["your"] == "Y"), text)
        return _PLAIN_RE.sub(lambda m: _capital("you", m["your"] == "Y"), text)
    name = wording.name or wording.noun
    text = _POSSESSIVE_RE.sub(lambda m: _capital(_possessive(name), m["your"] == "Y"), text)
    return _PLAIN_RE.sub(lambda m: _capital(name, m["your"] == "Y"), text)


def _speak_to_field(field: forms.Field, wording: Wording) -> None:
    field.label = speak_to(field.label, wording)
    field.help_text = speak_to(field.help_text, wording)
    field.error_messages = {k: speak_to(v, wording) for k, v in field.error_messages.items()}
    if isinstance(field, forms.ChoiceField):
        field.choices = [(value, speak_to(label, wording)) for value, label in field.choices]
    for inner in getattr(field, "fields", ()):  # a date is three boxes
        _speak_to_field(inner, wording)


def speak_to_form(form, wording: Wording) -> None:
    """Rewrite one form's (or formset's, and its items') page words in place for `wording`.

    Called by the generic step view on each form it builds, before validation, so required
    messages speak to the right person too; `speak_to_errors` rewrites messages a form's own
    clean methods raised.
    """
    if wording.audience is Audience.PARENT:
        return
    for attribute in ("title", "hint", "caption"):
        value = getattr(form, attribute, "")
        if value:
            setattr(form, attribute, speak_to(value, wording))
    if isinstance(form, forms.BaseFormSet):
        for item in form.forms:
            speak_to_form(item, wording)
        return
    for field in form.fields.values():
        _speak_to_field(field, wording)
    # A page with words of its own beyond its fields (the wording checker's explanations)
    # rewrites them itself.
    reword = getattr(form, "reword", None)
    if reword is not None:
        reword(lambda text: speak_to(text, wording))


def speak_to_errors(form, wording: Wording) -> None:
    """Rewrite the messages of a bound form's errors (and its items') for `wording`."""
    if wording.audience is Audience.PARENT or not form.is_bound:
        return
    if isinstance(form, forms.BaseFormSet):
        for item in form.forms:
            speak_to_errors(item, wording)
        return
    for name, errors in form.errors.items():
        form.errors[name] = form.error_class(
            [speak_to(message, wording) for message in errors], renderer=form.renderer
        )
