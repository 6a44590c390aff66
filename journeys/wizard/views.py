"""One generic view serves every step of every journey declared in journeys/wizard/definition.py.

It never branches on a step's name: page order, conditions and detours are data, and
submitting is a service. Each journey gets its own URL per step:
    /<journey>/<case uuid>/<step slug>/
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from typing import Any

from django import forms
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView
from formtools.wizard.forms import ManagementForm
from formtools.wizard.views import NamedUrlWizardView, StepsHelper

from ehcp_site.ratelimit import rate_limited
from journeys.cases.casefile import example_case_file, preferred_school_law
from journeys.cases.selectors import Need, case_access_or_404, case_for_answers_or_404
from journeys.cases.services import (
    CaseChanged,
    CaseNotYours,
    case_extras_for,
    case_mark_example,
)
from journeys.cases.timeline import case_timeline, complaint_working_days
from journeys.forms.base import RepeatableFormSet, with_blank_item
from journeys.forms.wording import Wording, speak_to, speak_to_errors, speak_to_form
from journeys.rules.deadlines import decide_whether_to_assess_if_sent
from journeys.rules.law import LAW
from journeys.templatetags.govuk import error_summary
from journeys.wizard import conditions
from journeys.wizard.answers import cleaned_answer, form_kwargs, journey_answers
from journeys.wizard.definition import CHECK_ANSWERS, JOURNEYS, Journey
from journeys.wizard.services import (
    CASE_FILE_PROBLEM,
    case_start_from_file,
    case_submit,
    draft_base,
    draft_set_base,
    draft_start_with_parent_details,
)
from journeys.wizard.storage import case_id_reserve, case_id_reserved, draft_storage
from journeys.wizard.summary import SummarySection, summary_sections
from letters.context import long_date
from letters.services import letter_previews

RETURN_TO_CHECK = "check"
PROBLEM = "problem"
# The session key for answers that failed validation, by journey, case and step.
INVALID_ANSWERS_KEY = "journeys.invalid_answers"
# What a page with errors may keep for its redirect: more than any real answer, far less than
# the draft's own cap, and only the last few pages.
INVALID_ANSWERS_MAX_CHARS = 40_000
INVALID_ANSWERS_MAX_PAGES = 5
DONE_STEP = "done"


class _ShowsFor:
    """formtools calls a condition with the wizard; ours ask the journey about its answers."""

    def __init__(self, slug: str) -> None:
        self.slug = slug

    def __call__(self, wizard: JourneyStepView) -> bool:
        return self.slug in wizard.visible_slugs()


class JourneyStepView(NamedUrlWizardView):
    """Every step of every journey (see the module docstring). formtools' NamedUrlWizardView
    gives a URL per step and re-validation before done; each method below that overrides
    formtools says why."""

    journey: Journey | None = None
    # Not formtools' `storage_name` (a dotted path built with (prefix, request, file_storage)
    # only): our storage also needs the case id and journey, and picks the session or a
    # Draft row per request (journeys/wizard/storage.py).
    storage_class = staticmethod(draft_storage)

    # The journey as data becomes formtools' form_list and condition_dict here, once per
    # journey, so the view itself never names a step.
    @classmethod
    def for_journey(cls, journey: Journey):
        view = cls.as_view(
            journey=journey,
            form_list=[(step.slug, step.form_class) for step in journey.steps],
            condition_dict={s.slug: _ShowsFor(s.slug) for s in journey.steps if s.show_if},
            url_name=f"journeys:{journey.slug}-step",
            done_step_name=DONE_STEP,
        )
        # A parent answers a question every few seconds at most; one client posting faster
        # than this is a script filling sessions and drafts.
        return rate_limited(scope="wizard", key="user_or_ip", rate="120/m")(view)

    # -- storage and answers ---------------------------------------------------------------
    # formtools override: formtools' dispatch builds its storage from `storage_name` and a
    # prefix made from the class name, and knows nothing of cases. Ours checks that the
    # visitor owns the case (only the owner answers questions about it; others see it
    # read-only), keys the storage by (journey, case id) from the URL, restarts a lost
    # session, and remembers which saved case the answers started from.
    def dispatch(self, request, *args, **kwargs):
        self.case_id = kwargs["case_id"]
        self.prefix = self.journey.slug
        self.storage = self.storage_class(
            self.prefix, request, case_id=self.case_id, journey_slug=self.journey.slug
        )
        # Who may answer under this case id is decided once, when this visitor's draft is
        # new: a draft is keyed by its visitor, so one that exists passed this check (and a
        # later step costs one database round trip fewer).
        new_draft = not self.storage.exists()
        saved = case_for_answers_or_404(request, self.case_id) if new_draft else None
        if (
            new_draft
            and saved is None
            and not case_id_reserved(session=request.session, case_id=self.case_id)
        ):
            # A new case id belongs to the browser that made it (journey_new): whoever else
            # learns it must not start answering under it, and so take the case first.
            return redirect(reverse("journeys:new", args=[self.journey.slug]) + "?restarted=1")
        if not self.storage.exists() and kwargs.get("step") != self.journey.first_step:
            # A lost or expired session: start again rather than fail on missing answers.
            return redirect(reverse("journeys:new", args=[self.journey.slug]) + "?restarted=1")
        self.steps = StepsHelper(self)
        if saved is not None and draft_base(self.storage) is None:
            # Answers about a saved case remember the case as it was when they started.
            draft_set_base(self.storage, saved.case_file)
        if self.storage.exists() and self.storage.current_step is None:
            # A draft filled from a case file has no current step yet; formtools would then
            # look for the first step's answers under None and show it blank.
            self.storage.current_step = self.steps.first
        response = TemplateView.dispatch(self, request, *args, **kwargs)
        self.storage.update_response(response)
        return response

    # Not a formtools method: formtools gives cleaned data one step at a time
    # (get_cleaned_data_for_step); the journey's conditions need every answer at once.
    @property
    def answers(self) -> dict[str, Any]:
        """Cleaned answers of every visible, valid step; recomputed after each write."""
        known_version = getattr(self, "_answers_version", None)
        if known_version != self.storage.version:
            changed = None if known_version is None else self.storage.changed_since(known_version)
            reuse = {}
            just = getattr(self, "_just_answered", None)
            if just is not None and just[0] == changed and just[1] == self.storage.version:
                # The step's stored data is the answer this request has just validated, and
                # nothing was written after it: no need to validate it again.
                reuse = {"changed_answer": just[2]}
            self._answers = journey_answers(
                self.journey,
                self.storage.get_step_data,
                known=getattr(self, "_answers", None),
                changed=changed,
                **reuse,
            )
            self._answers_version = self.storage.version
        return self._answers

    def visible_slugs(self) -> list[str]:
        """The steps these answers show; formtools asks once per conditional step, several
        times a request, so it is worked out once per set of answers (issue 12)."""
        answers = self.answers
        if getattr(self, "_visible_for", None) is not answers:
            self._visible = self.journey.visible_steps(answers)
            self._visible_for = answers
        return self._visible

    # formtools override: formtools builds the list afresh each time it is asked (four times
    # a step POST), calling each conditional step's condition; it changes only with the
    # visible steps, so it is built once per list of them.
    def get_form_list(self):
        visible = self.visible_slugs()
        if getattr(self, "_form_list_for", None) is not visible:
            self._form_list = super().get_form_list()
            self._form_list_for = visible
        return self._form_list.copy()

    # formtools override: a form may be built from earlier answers (`uses_answers`: one box
    # per council reason), which formtools' empty default cannot give.
    def get_form_kwargs(self, step=None):
        return form_kwargs(self.journey.step(step or self.steps.current), self.answers)

    # Not a formtools method: who the pages speak to, from the answers so far (the young
    # person, a parent about their child, or someone acting for a young person).
    def wording(self) -> Wording:
        answers = self.answers
        return Wording(
            audience=conditions.audience(answers),
            name=conditions.child_first_name(answers),
            young_person=conditions.speaks_of_a_young_person(answers),
        )

    # formtools override: every page's words are written to a parent about "your child";
    # they are rewritten here for whoever is filling the journey in (journeys/forms/wording.py),
    # before validation, so required-field messages speak to them too.
    def get_form(self, step=None, data=None, files=None):
        form = super().get_form(step, data, files)
        speak_to_form(form, self.wording())
        return form

    # formtools override: NamedUrlWizardView reverses `url_name` with the step only; our step
    # URLs also carry the case id.
    def get_step_url(self, step: str) -> str:
        return reverse(self.url_name, kwargs={"case_id": self.case_id, "step": step})

    def get_form_step_data(self, form):
        """What is kept of a valid POST: the form's own fields, never the rest of the body
        (formtools would keep all of it, so any field name could fill the session)."""
        return own_form_data(form)

    # -- moving between steps ------------------------------------------------------------
    # formtools override: formtools follows the posted step name (so a second tab still
    # saves to the right step) without asking whether the journey shows that step for these
    # answers; a name it would not show is tampering. A missing management form is left to
    # formtools, which raises SuspiciousOperation (400) for it.
    def post(self, *args, **kwargs):
        management = ManagementForm(self.request.POST, prefix=self.prefix)
        if management.is_valid():
            posted_step = management.cleaned_data["current_step"]
            if posted_step not in self.get_form_list():
                raise SuspiciousOperation("The posted step is not part of this journey")
        return super().post(*args, **kwargs)

    # -- errors: Post/Redirect/Get -------------------------------------------------------
    # A page with errors is shown by a GET after a redirect, so Back and refresh never ask to
    # resend a form. What was typed waits in the session until the step is answered.
    def _invalid_key(self) -> str:
        return f"{self.journey.slug}:{self.case_id}:{self.steps.current}"

    def render(self, form=None, **kwargs):
        invalid = self.request.session.get(INVALID_ANSWERS_KEY, {})
        if self.request.method == "POST" and form is not None and not form.is_valid():
            # Only this page's own fields (they carry its prefix), and only while small: a
            # junk field or a huge answer is never kept in the session (issue 12), the page
            # is then answered with its errors directly.
            prefix = f"{form.prefix}-" if form.prefix else ""
            posted = {k: v for k, v in self.request.POST.lists() if prefix and k.startswith(prefix)}
            if len(json.dumps(posted)) <= INVALID_ANSWERS_MAX_CHARS:
                kept = {k: v for k, v in invalid.items() if k != self._invalid_key()}
                recent = dict(list(kept.items())[-(INVALID_ANSWERS_MAX_PAGES - 1) :])
                self.request.session[INVALID_ANSWERS_KEY] = {
                    **recent,
                    self._invalid_key(): posted,
                }
                return redirect(self.request.get_full_path())
            return super().render(form, **kwargs)
        typed = invalid.get(self._invalid_key())
        if self.request.method == "GET" and typed is not None:
            data = QueryDict(mutable=True)
            for name, values in typed.items():
                data.setlist(name, values)
            form = self.get_form(data=data)
        return super().render(form, **kwargs)

    def process_step(self, form):
        """A valid answer: what was typed before (with errors) is no longer needed.

        formtools stores what this returns as the step's data, the storage's next version.
        A form built without earlier answers is the form journey_answers would build from
        that data (same class, prefix, no initial values), so its answer is kept for the
        answers after the write (issue 12: one validation of the step fewer per answer)."""
        invalid = self.request.session.get(INVALID_ANSWERS_KEY, {})
        if self._invalid_key() in invalid:
            self.request.session[INVALID_ANSWERS_KEY] = {
                k: v for k, v in invalid.items() if k != self._invalid_key()
            }
        step = self.journey.step(self.steps.current)
        if not getattr(step.form_class, "uses_answers", False):
            self._just_answered = (step.slug, self.storage.version + 1, cleaned_answer(form))
        return super().process_step(form)

    def _returning_to_check(self) -> bool:
        return self.request.GET.get("return") == RETURN_TO_CHECK

    # formtools override: formtools always goes to the next form in the list. A journey may
    # instead add another item to a repeatable page, leave for a detour (another country's
    # page), or, when the parent came from check-your-answers, go back there after asking
    # only what their change made newly relevant.
    def render_next_step(self, form, **kwargs):
        current = self.steps.current
        if self.request.POST.get("add_another") and isinstance(form, RepeatableFormSet):
            if all(item.has_changed() for item in form.forms) and len(form.forms) < form.max_num:
                stored = dict(self.storage.get_step_data(current).lists())
                self.storage.set_step_data(current, with_blank_item(stored, current))
            return redirect(self.request.get_full_path())
        detour = self.journey.detour_after(current, self.answers)
        if detour is not None:
            args = []
            if detour.with_answer:
                step, field = detour.with_answer
                args = [self.answers[step][field]]
            return redirect(reverse(detour.to, args=args))
        if self._returning_to_check():
            # After a change, ask anything the change made newly relevant, then go back.
            unanswered = [s for s in self.visible_slugs() if s not in self.answers]
            if unanswered and unanswered[0] != CHECK_ANSWERS:
                return redirect(f"{self.get_step_url(unanswered[0])}?return={RETURN_TO_CHECK}")
            return redirect(self.get_step_url(CHECK_ANSWERS))
        return super().render_next_step(form, **kwargs)

    # formtools override: formtools re-validates every form and calls done(); ours hands the
    # stored answers to the case_submit service, which re-validates every *visible* step and
    # saves the case, and turns its outcomes (someone else's case, a newer save, a step
    # that no longer validates) into pages.
    def render_done(self, form, **kwargs):
        # Submitting saves the case, so it happens only on the POST of the last step; the
        # formtools "done" URL, reached by GET (history, prefetch, a link), changes nothing.
        if self.request.method != "POST":
            return redirect(self.get_step_url(self.steps.last))
        try:
            submission = case_submit(
                journey=self.journey,
                storage=self.storage,
                overwrite=self.request.POST.get("overwrite") == "yes",
            )
        except CaseNotYours:
            raise Http404("No case with that id that you can see") from None
        except CaseChanged:
            return render(
                self.request,
                "journeys/case_changed.html",
                {
                    "journey": self.journey,
                    "case_id": self.case_id,
                    "check_answers_url": self.get_step_url(CHECK_ANSWERS),
                    "management_field": ManagementForm(prefix=self.prefix)[
                        "current_step"
                    ].html_name,
                },
                status=409,
            )
        if submission.failed_step:
            query = f"?{PROBLEM}=answers" if submission.problem else ""
            return redirect(self.get_step_url(submission.failed_step) + query)
        if self.journey.next_page is not None:
            name, args = self.journey.next_page(submission.answers)
            return redirect(reverse(name, args=args))
        return redirect("journeys:confirmation", journey=self.journey.slug, case_id=self.case_id)

    # formtools requires done(); render_done above never calls it.
    def done(self, form_list, **kwargs):  # pragma: no cover - render_done never calls it
        raise NotImplementedError("journeys finish through render_done and case_submit")

    # -- pages -----------------------------------------------------------------------------
    # formtools override: one template per step where a page needs more than the shared
    # layout (templates/journeys/steps/<slug>.html), else journeys/step_base.html.
    def get_template_names(self) -> list[str]:
        return [f"journeys/steps/{self.steps.current}.html", "journeys/step_base.html"]

    def _back_link(self) -> str:
        if self._returning_to_check():
            return self.get_step_url(CHECK_ANSWERS)
        previous = self.steps.prev
        return self.get_step_url(previous) if previous else reverse("pages:home")

    # formtools override: adds what the GOV.UK page needs (back link, error summary,
    # check-your-answers rows) to formtools' wizard context.
    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        wording = self.wording()
        speak_to_errors(form, wording)
        # A problem found only when the answers became a case file (case_submit) comes
        # back with the parent to the step that holds it.
        problems = (
            [("#main-content", CASE_FILE_PROBLEM)]
            if self.request.method == "GET" and self.request.GET.get(PROBLEM) == "answers"
            else []
        )
        context.update(
            journey=self.journey,
            back_link=self._back_link(),
            form_action=self.request.get_full_path(),
            is_formset=isinstance(form, RepeatableFormSet),
            # The journey's words for a shared step, where the form's would not fit.
            page_hint=self.journey.hints.get(self.steps.current, form.hint),
            page_errors=[*problems, *(error_summary(form) if form.is_bound else [])],
            sections=spoken_sections(summary_sections(self.journey, self.answers), wording)
            if getattr(form, "shows_summary", False)
            else [],
            step_url_name=self.url_name,
            change_query=f"?return={RETURN_TO_CHECK}",
            case_id=self.case_id,
            wording=wording,
        )
        return context


def spoken_sections(sections: list[SummarySection], wording: Wording) -> list[SummarySection]:
    """Check-your-answers' headings and questions for whoever fills the journey in; the
    answers themselves are the family's words and are never rewritten."""
    return [
        SummarySection(
            speak_to(section.heading, wording),
            tuple(replace(row, key=speak_to(row.key, wording)) for row in section.rows),
        )
        for section in sections
    ]


def own_form_data(form) -> QueryDict:
    """The posted values a form (or a formset and its items) reads, and nothing else."""
    parts = [form.management_form, *form.forms] if isinstance(form, forms.BaseFormSet) else [form]
    names = set()
    for part in parts:
        for name, field in part.fields.items():
            key = part.add_prefix(name)
            # A date is three boxes: name_0, name_1, name_2.
            suffixes = getattr(field.widget, "widgets_names", None) or [""]
            names.update(f"{key}{suffix}" for suffix in suffixes)
    kept = QueryDict(mutable=True)
    for key in form.data:
        if key in names:
            kept.setlist(key, form.data.getlist(key))
    return kept


@require_GET
def journey_new(request, journey: str) -> HttpResponse:
    """Start a journey afresh under a new, unguessable case id."""
    if journey not in JOURNEYS:
        raise Http404("No such journey")
    definition = JOURNEYS[journey]
    if request.GET.get("restarted"):
        return render(
            request,
            "journeys/restarted.html",
            {"journey": definition, "start_url": reverse("journeys:new", args=[journey])},
        )
    case_id = uuid.uuid4()
    case_id_reserve(session=request.session, case_id=case_id)
    storage = draft_storage(definition.slug, request, case_id=case_id, journey_slug=definition.slug)
    draft_start_with_parent_details(journey=definition, storage=storage, user=request.user)
    return redirect(f"journeys:{journey}-step", case_id=case_id, step=definition.first_step)


@require_POST
def journey_example(request) -> HttpResponse:
    """Load the example case into a new draft and show its letter: try before you type."""
    journey = JOURNEYS["request"]
    case_id = uuid.uuid4()
    storage = draft_storage(journey.slug, request, case_id=case_id, journey_slug=journey.slug)
    case_start_from_file(journey=journey, storage=storage, case_file=example_case_file())
    case_mark_example(case_id=case_id)
    return redirect("journeys:confirmation", journey=journey.slug, case_id=case_id)


@require_GET
def journey_confirmation(request, journey: str, case_id: uuid.UUID) -> HttpResponse:
    """The finished journey: what happens next, the dates that matter, and each letter."""
    definition = JOURNEYS.get(journey)
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    if definition is None or definition.slug not in case.extras:
        # Only a journey this case has been through has a confirmation page.
        raise Http404("No submitted case with that id in this session")
    today = timezone.localdate()
    decision = decide_whether_to_assess_if_sent(today=today)
    extras = case_extras_for(case, definition.slug)
    kinds = definition.letters_for(case.case_file, extras)
    return render(
        request,
        "journeys/confirmation.html",
        {
            "decision_due": long_date(decision.due),
            "decision_source": decision.source,
            "journey": definition,
            "next_steps_template": f"journeys/next_steps/{definition.slug}.html",
            "case_id": case_id,
            "case_file": case.case_file,
            "school_law": preferred_school_law(case.case_file),
            # For a journey's next steps: the law module's entries by name, and the journey's
            # own answers the case file cannot hold (letters/extras.py).
            "law": LAW,
            "extras": extras,
            "is_example": case.is_example,
            "timeline": case_timeline(
                case.case_file,
                today=today,
                complaint_working_days=complaint_working_days(case.extras),
            ),
            "letters": letter_previews(kinds=kinds, case_file=case.case_file, extras=extras),
            "check_answers_url": reverse(
                f"journeys:{journey}-step", kwargs={"case_id": case_id, "step": CHECK_ANSWERS}
            ),
        },
    )
