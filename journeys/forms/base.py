"""What every question page's form has: a page title, an optional hint and a section caption."""

from __future__ import annotations

from typing import ClassVar

from django import forms


class QuestionForm(forms.Form):
    """A form for one question page.

    `title` is the page's h1. When the form has a single field, that field's label *is* the
    h1 (GOV.UK "question page" pattern), so the question is announced once.
    """

    title: ClassVar[str]
    caption: ClassVar[str] = ""
    hint: ClassVar[str] = ""

    @property
    def is_single_question(self) -> bool:
        return len(self.fields) == 1

    required_css_class = ""


class RepeatableFormSet(forms.BaseFormSet):
    """A page of repeatable items (the "add another" pattern without JavaScript).

    Blank items are ignored; an item's "Remove" box drops it. `add_another` (a submit button)
    keeps the parent on the page with one more blank item.
    """

    title: ClassVar[str]
    caption: ClassVar[str] = ""
    hint: ClassVar[str] = ""
    item_name: ClassVar[str] = "item"
    is_single_question = False

    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = f"Remove {self.item_name.lower()} {index + 1}"

    def items(self) -> list[dict]:
        """Return the cleaned, non-blank, not-removed items in page order."""
        return [
            {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


def repeatable(form_class, *, title: str, item_name: str, hint: str = "", caption: str = ""):
    """Build a RepeatableFormSet class for `form_class` with its page text."""
    formset_class = forms.formset_factory(
        form_class,
        formset=RepeatableFormSet,
        extra=1,
        can_delete=True,
        max_num=20,
        absolute_max=20,
        validate_max=True,
    )
    formset_class.default_error_messages = {
        **forms.BaseFormSet.default_error_messages,
        "too_many_forms": f"You can add up to 20 {item_name.lower()} items",
    }
    formset_class.title = title
    formset_class.item_name = item_name
    formset_class.hint = hint
    formset_class.caption = caption
    return formset_class


class CheckAnswersForm(QuestionForm):
    """The check-your-answers page: asks nothing, shows every answer with a Change link."""

    title = "Check your answers"
    shows_summary = True


def with_blank_item(step_data: dict[str, list[str]], prefix: str) -> dict[str, list[str]]:
    """Return stored formset data with one more (blank) item, for the "Add another" button."""
    data = dict(step_data)
    key = f"{prefix}-TOTAL_FORMS"
    data[key] = [str(int(data.get(key, ["0"])[0]) + 1)]
    return data
