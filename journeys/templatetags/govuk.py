"""Render Django form fields in the GOV.UK Design System markup (without its JavaScript)."""

from __future__ import annotations

from datetime import date

from django import forms, template
from django.utils import dateformat, timezone

from journeys.forms.fields import DATE_PARTS, DateField

register = template.Library()


def _kind(field: forms.Field) -> str:
    widget = field.widget
    if isinstance(field, DateField):
        return "date"
    if isinstance(field, forms.FileField):
        return "file"
    # CheckboxSelectMultiple is a subclass of RadioSelect: ask about it first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


def field_anchor(bound_field) -> str:
    """The id an error-summary link should move focus to: the field's first input."""
    kind = _kind(bound_field.field)
    base = bound_field.auto_id
    return f"{base}_0" if kind in {"date", "radios", "checkboxes"} else base


@register.inclusion_tag("journeys/fields/field.html")
def govuk_field(bound_field, as_heading: bool = False):
    """Render one field; `as_heading` makes its label or legend the page's h1."""
    field = bound_field.field
    kind = _kind(field)
    value = bound_field.value()
    context = {
        "kind": kind,
        "id": bound_field.auto_id,
        "name": bound_field.html_name,
        "label": field.label,
        "hint": field.help_text,
        "errors": bound_field.errors,
        "as_heading": as_heading,
        "attrs": field.widget.attrs,
        "input_type": getattr(field.widget, "input_type", "text"),
        "value": "" if value is None else value,
    }
    if kind == "textarea" and field.widget.attrs.get("maxlength"):
        context["maxlength_words"] = f"{int(field.widget.attrs['maxlength']):,}"
    if kind in {"radios", "checkboxes", "select"}:
        chosen = {str(v) for v in (value if isinstance(value, list | tuple) else [value])}
        # Grouped choices ((heading, [(value, label), ...]), ...) become groups of options
        # under a heading each; the ids run on across the groups, so the first is still _0.
        groups: list[dict] = []
        index = 0
        for heading, items in field.choices:
            if not isinstance(items, list | tuple):
                heading, items = "", [(heading, items)]
            options = []
            for v, label in items:
                options.append(
                    {
                        "id": f"{bound_field.auto_id}_{index}",
                        "value": str(v),
                        "label": label,
                        "checked": str(v) in chosen and str(v) != "",
                    }
                )
                index += 1
            if groups and not heading and not groups[-1]["heading"]:
                groups[-1]["options"].extend(options)
            else:
                groups.append(
                    {
                        "heading": heading,
                        "id": f"{bound_field.auto_id}-group-{len(groups)}",
                        "options": options,
                    }
                )
        context["options"] = [option for group in groups for option in group["options"]]
        if any(group["heading"] for group in groups):
            context["groups"] = groups
    if kind == "date":
        if isinstance(value, date):
            parts = [str(value.day), str(value.month), str(value.year)]
        elif isinstance(value, list | tuple):
            parts = ["" if p is None else str(p) for p in value]
        else:
            parts = ["", "", ""]
        widths = (2, 2, 4)
        context["parts"] = [
            {
                "id": f"{bound_field.auto_id}_{i}",
                "name": f"{bound_field.html_name}_{i}",
                "label": part.capitalize(),
                "value": parts[i],
                "width": widths[i],
            }
            for i, part in enumerate(DATE_PARTS)
        ]
    if kind == "checkbox":
        context["checked"] = bool(value)
    return context


def _form_errors(form) -> list[tuple[str, str]]:
    errors = [(f"#{form.prefix or 'main'}", e) for e in form.non_field_errors()]
    for bound_field in form:
        for message in bound_field.errors:
            errors.append((f"#{field_anchor(bound_field)}", message))
    return errors


@register.simple_tag
def error_summary(form) -> list[tuple[str, str]]:
    """Every error on the page as (anchor, message), in page order."""
    if isinstance(form, forms.BaseFormSet):
        errors = [("#items", e) for e in form.non_form_errors()]
        for item in form.forms:
            errors.extend(_form_errors(item))
        return errors
    return _form_errors(form)


@register.filter
def when(moment) -> str:
    """A moment as every page writes it, in UK time: "14 May 2018 at 3:05pm" (GOV.UK style:
    no leading zero, am/pm in lower case, "midday" and "midnight")."""
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    if (local.hour, local.minute) == (12, 0):
        clock = "midday"
    elif (local.hour, local.minute) == (0, 0):
        clock = "midnight"
    else:
        clock = f"{(local.hour - 1) % 12 + 1}:{local.minute:02d}{'am' if local.hour < 12 else 'pm'}"
    return f"{local.day} {dateformat.format(local, 'F Y')} at {clock}"


@register.filter
def lower_first(words: str) -> str:
    """Words to go mid-sentence, as in "Change first name": the first letter in lower case
    unless the first word is all capitals, and every other capital kept ("appeal to the SEND
    Tribunal", "EHC plan")."""
    words = str(words)
    first = words.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return words
    return words[:1].lower() + words[1:]


@register.simple_tag(takes_context=True)
def spoken(context, words: str) -> str:
    """Page words written to a parent about "your child", for whoever fills the journey in
    (journeys/forms/wording.py; the step view puts `wording` in the context); unchanged on
    pages outside a journey."""
    from journeys.forms.wording import Wording, speak_to

    wording = context.get("wording")
    return speak_to(words, wording) if isinstance(wording, Wording) else words
