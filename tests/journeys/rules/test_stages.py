"""journeys/rules/stages.py: which stages apply to a case now, each with its status and why."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeys.rules.stages import (
    BEFORE_PLAN,
    BY_SLUG,
    PLAN_ONLY,
    STAGES,
    DateDue,
    Progress,
    has_plan,
    stage_label,
    stages_for,
)

TODAY = date(2026, 12, 1)


def ev(kind: str, on: str, **extra) -> dict:
    return {"type": kind, "date": on, **extra}


def case(*events: dict, **rest) -> dict:
    return {"events": list(events), **rest}


PLAN = ev("final_plan_issued", "2026-01-05")


def slugs(case_file, **kwargs) -> list[str]:
    return [s.slug for s in stages_for(case_file, TODAY, **kwargs)]


def status(case_file, slug, **kwargs):
    (found,) = [s for s in stages_for(case_file, TODAY, **kwargs) if s.slug == slug]
    return found.progress, found.reason


def due(rule, on, *, from_event="", met=False, by_family=False, explanation="") -> DateDue:
    return DateDue(
        rule=rule,
        due=on,
        from_event=from_event,
        met=met,
        by_family=by_family,
        explanation=explanation or f"{rule} is due by {on}.",
    )


# -- which stages show ---------------------------------------------------------------------

AFTER_PLAN = [
    "plan",
    "annual-review",
    "amendments",
    "reassessment",
    "mediation",
    "appeal",
]


@pytest.mark.parametrize(
    ("case_file", "kwargs", "expected"),
    [
        # No plan: the first five, as the case page always showed them.
        (case(), {}, list(BEFORE_PLAN)),
        (case(ev("request_received", "2026-10-01")), {}, list(BEFORE_PLAN)),
        (case(ev("draft_plan_issued", "2026-10-01")), {}, list(BEFORE_PLAN)),
        # An appeal before a plan: the Tribunal's decision follows.
        (case(ev("appeal_lodged", "2026-10-01")), {}, [*BEFORE_PLAN, "tribunal-order"]),
        (case(), {"drafts": ["tribunal-order"]}, [*BEFORE_PLAN, "tribunal-order"]),
        # A final plan: the rest of its life.
        (case(PLAN), {}, AFTER_PLAN),
        # The request and refusal stay when the family went through them.
        (case(PLAN), {"finished": ["request"]}, ["request", *AFTER_PLAN]),
        (case(PLAN), {"drafts": ["refused"]}, ["refused", *AFTER_PLAN]),
        # Told by a journey about a plan's life, a case has a plan.
        (case(), {"finished": ["annual-review"]}, AFTER_PLAN),
        (case(), {"drafts": ["reassessment"]}, AFTER_PLAN),
        # A decision about a plan means there is one.
        (
            case(decision={"kind": "refusal_to_reassess", "date": "2026-11-01"}),
            {},
            AFTER_PLAN,
        ),
        (
            case(ev("decision_not_to_amend", "2026-11-01")),
            {},
            ["plan", "annual-review", "amendments", "not-amended", *AFTER_PLAN[3:]],
        ),
        (
            case(PLAN, decision={"kind": "refusal_to_amend", "date": "2026-11-01"}),
            {},
            ["plan", "annual-review", "amendments", "not-amended", *AFTER_PLAN[3:]],
        ),
        (
            case(PLAN),
            {"drafts": ["not-amended"]},
            [*AFTER_PLAN[:3], "not-amended", *AFTER_PLAN[3:]],
        ),
        (
            case(ev("cease_considered", "2026-11-01")),
            {},
            [*AFTER_PLAN[:4], "ceasing", *AFTER_PLAN[4:]],
        ),
        (
            case(PLAN, ev("decision_to_cease", "2026-11-01")),
            {},
            [*AFTER_PLAN[:4], "ceasing", *AFTER_PLAN[4:]],
        ),
        (
            case(PLAN, decision={"kind": "cease_to_maintain", "date": "2026-11-01"}),
            {},
            [*AFTER_PLAN[:4], "ceasing", *AFTER_PLAN[4:]],
        ),
        (case(PLAN), {"finished": ["ceasing"]}, [*AFTER_PLAN[:4], "ceasing", *AFTER_PLAN[4:]]),
        (case(PLAN, ev("tribunal_decision", "2026-06-01")), {}, [*AFTER_PLAN, "tribunal-order"]),
        # A phase transfer within 12 months, recorded or by the year group the family gave.
        (
            case(PLAN, ev("phase_transfer_year", "2027-09-01")),
            {},
            [*AFTER_PLAN[:3], "transfer", *AFTER_PLAN[3:]],
        ),
        (
            case(PLAN, ev("phase_transfer_year", "2026-12-01")),
            {},
            [*AFTER_PLAN[:3], "transfer", *AFTER_PLAN[3:]],
        ),
        (
            case(PLAN, ev("phase_transfer_year", "2027-12-01")),
            {},
            [*AFTER_PLAN[:3], "transfer", *AFTER_PLAN[3:]],
        ),
        (case(PLAN, ev("phase_transfer_year", "2027-12-02")), {}, AFTER_PLAN),  # 12 months + 1 day
        (case(PLAN, ev("phase_transfer_year", "2026-09-01")), {}, AFTER_PLAN),  # already moved
        (
            case(PLAN, child={"year_group": "Year 6"}),
            {},
            [*AFTER_PLAN[:3], "transfer", *AFTER_PLAN[3:]],
        ),
        (
            case(PLAN, child={"year_group": "Year 11"}),
            {},
            [*AFTER_PLAN[:3], "transfer", *AFTER_PLAN[3:]],
        ),
        (
            case(PLAN, child={"year_group": "Nursery"}),
            {},
            [*AFTER_PLAN[:3], "transfer", *AFTER_PLAN[3:]],
        ),
        (case(PLAN, child={"year_group": "Year 5"}), {}, AFTER_PLAN),
        (case(PLAN, child={"year_group": "Year 2"}), {}, AFTER_PLAN),  # depends on the school
        # A recorded transfer wins over the year group: this one is more than a year away.
        (
            case(PLAN, ev("phase_transfer_year", "2028-09-01"), child={"year_group": "Year 6"}),
            {},
            AFTER_PLAN,
        ),
        (case(PLAN), {"drafts": ["transfer"]}, [*AFTER_PLAN[:3], "transfer", *AFTER_PLAN[3:]]),
    ],
)
def test_which_stages_apply(case_file, kwargs, expected):
    assert slugs(case_file, **kwargs) == expected


def test_every_stage_has_a_title_and_a_label():
    assert [s.slug for s in STAGES][:5] == list(BEFORE_PLAN)
    assert all(s.title and s.label for s in STAGES)
    assert BY_SLUG["transfer"].title == "Moving to a new school or college"


@pytest.mark.parametrize(
    ("slug", "label"),
    [
        ("request", "Asking for an assessment"),
        ("annual-review", "Annual review"),
        ("ceasing", "The council wants to stop the plan"),
        ("import", "Uploaded case file"),
        ("something-else", "something-else"),
    ],
)
def test_stage_label_is_one_vocabulary(slug, label):
    assert stage_label(slug) == label


# -- statuses and reasons -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case_file", "slug", "kwargs", "expected"),
    [
        (
            case(),
            "request",
            {},
            (
                Progress.NOT_STARTED,
                "Ask the council to assess your child's special educational needs.",
            ),
        ),
        (
            case(),
            "request",
            {"finished": ["request"]},
            (Progress.DONE, "Done. Its letters are under Letters."),
        ),
        (
            case(ev("request_received", "2026-10-01")),
            "request",
            {"finished": ["request"]},
            (Progress.DONE, "Done. The council received the request on Thursday 1 October 2026."),
        ),
        (
            case(),
            "plan",
            {"drafts": ["plan"]},
            (Progress.IN_PROGRESS, "You started this: carry on where you stopped."),
        ),
        # Done wins over a draft: the letters are there.
        (
            case(),
            "plan",
            {"drafts": ["plan"], "finished": ["plan"]},
            (Progress.DONE, "Done. Its letters are under Letters."),
        ),
        (
            case(ev("decision_not_to_assess", "2026-10-01")),
            "refused",
            {},
            (Progress.NOT_STARTED, "The council refused on Thursday 1 October 2026."),
        ),
        (
            case(ev("decision_not_to_issue_plan", "2026-10-01")),
            "refused",
            {},
            (Progress.NOT_STARTED, "The council refused on Thursday 1 October 2026."),
        ),
        (
            case(ev("draft_plan_issued", "2026-11-20")),
            "plan",
            {},
            (Progress.NOT_STARTED, "The draft plan was sent on Friday 20 November 2026."),
        ),
        (
            case(PLAN),
            "plan",
            {},
            (Progress.NOT_STARTED, "The final plan was issued on Monday 5 January 2026."),
        ),
        (
            case(ev("appeal_lodged", "2026-10-01")),
            "appeal",
            {},
            (Progress.NOT_STARTED, "Your appeal reached the Tribunal on Thursday 1 October 2026."),
        ),
        (
            case(ev("appeal_lodged", "2026-10-01")),
            "tribunal-order",
            {},
            (Progress.NOT_STARTED, "Waiting for the Tribunal's decision."),
        ),
        (
            case(PLAN, ev("tribunal_decision", "2026-06-01", order="amend_plan")),
            "tribunal-order",
            {},
            (Progress.NOT_STARTED, "The Tribunal decided on Monday 1 June 2026: amend the plan."),
        ),
        (
            case(PLAN, ev("tribunal_decision", "2026-06-01")),
            "tribunal-order",
            {},
            (Progress.NOT_STARTED, "The Tribunal decided on Monday 1 June 2026."),
        ),
        (
            case(PLAN),
            "annual-review",
            {},
            (Progress.NOT_STARTED, "The council must review the plan at least once a year."),
        ),
        (
            case(PLAN),
            "amendments",
            {},
            (Progress.NOT_STARTED, "For when the council sends proposed changes to the plan."),
        ),
        (
            case(PLAN, ev("amendment_proposal_issued", "2026-10-01")),
            "amendments",
            {},
            (Progress.NOT_STARTED, "The council sent them on Thursday 1 October 2026."),
        ),
        (
            case(ev("decision_not_to_amend", "2026-10-01")),
            "not-amended",
            {},
            (Progress.NOT_STARTED, "The council decided this on Thursday 1 October 2026."),
        ),
        (
            case(PLAN, decision={"kind": "refusal_to_amend", "date": "2026-10-01"}),
            "not-amended",
            {},
            (Progress.NOT_STARTED, "You can appeal against a decision not to change the plan."),
        ),
        (
            case(PLAN),
            "transfer",
            {"drafts": ["transfer"]},
            (Progress.IN_PROGRESS, "You started this: carry on where you stopped."),
        ),
        (
            case(PLAN, ev("phase_transfer_year", "2027-09-01")),
            "transfer",
            {},
            (Progress.NOT_STARTED, "The move is on Wednesday 1 September 2027."),
        ),
        (
            case(PLAN, child={"year_group": "Year 6"}),
            "transfer",
            {},
            (
                Progress.NOT_STARTED,
                "You told us the year group is Year 6: "
                "a move to secondary school is usually within a year.",
            ),
        ),
        (
            case(PLAN),
            "reassessment",
            {},
            (Progress.NOT_STARTED, "Ask for a new assessment if your child's needs have changed."),
        ),
        (
            case(PLAN, ev("reassessment_requested", "2026-11-01")),
            "reassessment",
            {},
            (Progress.NOT_STARTED, "You asked on Sunday 1 November 2026."),
        ),
        (
            case(
                PLAN,
                ev("reassessment_requested", "2026-10-01"),
                ev("decision_not_to_reassess", "2026-11-01"),
            ),
            "reassessment",
            {},
            (Progress.NOT_STARTED, "The council refused on Sunday 1 November 2026."),
        ),
        (
            case(PLAN, ev("cease_considered", "2026-11-01")),
            "ceasing",
            {},
            (
                Progress.ACTION_NEEDED,
                "The council said on Sunday 1 November 2026 it is thinking of stopping the plan.",
            ),
        ),
        (
            case(PLAN, ev("cease_considered", "2026-10-01"), ev("decision_to_cease", "2026-11-01")),
            "ceasing",
            {},
            (
                Progress.NOT_STARTED,
                "The council decided on Sunday 1 November 2026 to stop the plan.",
            ),
        ),
        (
            case(PLAN, decision={"kind": "cease_to_maintain", "date": "2026-11-01"}),
            "ceasing",
            {},
            (
                Progress.NOT_STARTED,
                "You can answer the council, and appeal if it decides to stop the plan.",
            ),
        ),
        (
            case(PLAN),
            "ceasing",
            {"finished": ["ceasing"]},
            (Progress.DONE, "Done. Its letters are under Letters."),
        ),
        (
            case(),
            "mediation",
            {},
            (Progress.NOT_STARTED, "Before most appeals you must contact a mediation adviser."),
        ),
        (
            case(),
            "tribunal-order",
            {"drafts": ["tribunal-order"]},
            (Progress.IN_PROGRESS, "You started this: carry on where you stopped."),
        ),
        (
            case(),
            "tribunal-order",
            {"finished": ["tribunal-order"], "drafts": ["x"]},
            (Progress.DONE, "Done. Its letters are under Letters."),
        ),
    ],
)
def test_status_and_reason(case_file, slug, kwargs, expected):
    assert status(case_file, slug, **kwargs) == expected


def test_the_latest_event_of_a_type_speaks_for_it():
    file = case(ev("request_received", "2026-10-01"), ev("request_received", "2026-09-01"))
    assert (
        status(file, "request")[1] == "The council received the request on Thursday 1 October 2026."
    )
    file = case(ev("request_received", "2026-09-01"), ev("request_received", "2026-10-01"))
    assert (
        status(file, "request")[1] == "The council received the request on Thursday 1 October 2026."
    )


# -- the engine's dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case_file", "slug", "dates", "expected"),
    [
        # The family's open date is action needed, in the engine's words.
        (
            case(ev("decision_not_to_assess", "2026-10-01")),
            "refused",
            [
                due(
                    "appeal_deadline",
                    date(2026, 12, 1),
                    from_event="decision_not_to_assess",
                    by_family=True,
                    explanation="Your appeal must reach the Tribunal by 5pm on 1 December 2026.",
                )
            ],
            (
                Progress.ACTION_NEEDED,
                "Your appeal must reach the Tribunal by 5pm on 1 December 2026.",
            ),
        ),
        # Passed: no longer an action; what happened is said instead.
        (
            case(ev("decision_not_to_assess", "2026-10-01")),
            "refused",
            [
                due(
                    "appeal_deadline",
                    date(2026, 11, 30),
                    from_event="decision_not_to_assess",
                    by_family=True,
                )
            ],
            (Progress.NOT_STARTED, "The council refused on Thursday 1 October 2026."),
        ),
        # Met: nothing more to do about it.
        (
            case(PLAN),
            "plan",
            [
                due(
                    "appeal_deadline",
                    date(2026, 12, 5),
                    from_event="final_plan_issued",
                    by_family=True,
                    met=True,
                )
            ],
            (Progress.NOT_STARTED, "The final plan was issued on Monday 5 January 2026."),
        ),
        # The appeal deadline goes to the stage of its decision.
        (
            case(PLAN, ev("decision_to_cease", "2026-11-01")),
            "ceasing",
            [
                due(
                    "appeal_deadline",
                    date(2027, 1, 4),
                    from_event="decision_to_cease",
                    by_family=True,
                    explanation="Appeal by 4 January.",
                )
            ],
            (Progress.ACTION_NEEDED, "Appeal by 4 January."),
        ),
        (
            case(PLAN, ev("decision_not_to_amend", "2026-11-01")),
            "not-amended",
            [
                due(
                    "appeal_deadline",
                    date(2027, 1, 4),
                    from_event="decision_not_to_amend",
                    by_family=True,
                    explanation="Appeal by 4 January.",
                )
            ],
            (Progress.ACTION_NEEDED, "Appeal by 4 January."),
        ),
        (
            case(PLAN, ev("decision_not_to_reassess", "2026-11-01")),
            "reassessment",
            [
                due(
                    "appeal_deadline",
                    date(2027, 1, 4),
                    from_event="decision_not_to_reassess",
                    by_family=True,
                    explanation="Appeal by 4 January.",
                )
            ],
            (Progress.ACTION_NEEDED, "Appeal by 4 January."),
        ),
        # A late council: action needed, "Late:" and the engine's sentence.
        (
            case(PLAN),
            "annual-review",
            [
                due(
                    "annual_review",
                    date(2026, 11, 30),
                    explanation="The council must review the plan again by 30 November 2026.",
                )
            ],
            (
                Progress.ACTION_NEEDED,
                "Late: the council must review the plan again by 30 November 2026.",
            ),
        ),
        # A council date to come: the annual review says when it is due.
        (
            case(PLAN),
            "annual-review",
            [
                due(
                    "annual_review",
                    date(2027, 1, 4),
                    explanation="The council must review the plan again by Monday 4 January 2027.",
                )
            ],
            (
                Progress.NOT_STARTED,
                "The council must review the plan again by Monday 4 January 2027.",
            ),
        ),
        # The earliest date of a stage speaks for it.
        (
            case(PLAN, ev("amendment_proposal_issued", "2026-11-25")),
            "amendments",
            [
                due("amended_plan_final", date(2027, 1, 20)),
                due(
                    "amendment_representations",
                    date(2026, 12, 9),
                    by_family=True,
                    explanation="Comments by 9 December.",
                ),
            ],
            (Progress.ACTION_NEEDED, "Comments by 9 December."),
        ),
        (
            case(PLAN, ev("phase_transfer_year", "2027-09-01")),
            "transfer",
            [due("phase_transfer_plan", date(2027, 2, 14), explanation="Plan by 14 February.")],
            (Progress.NOT_STARTED, "Plan by 14 February."),
        ),
        (
            case(PLAN, ev("tribunal_decision", "2026-10-01", order="amend_plan")),
            "tribunal-order",
            [
                due(
                    "tribunal_order_compliance",
                    date(2026, 11, 5),
                    explanation="The council must amend the plan by 5 November.",
                )
            ],
            (Progress.ACTION_NEEDED, "Late: the council must amend the plan by 5 November."),
        ),
        (
            case(ev("request_received", "2026-09-01")),
            "request",
            [
                due(
                    "decide_whether_to_assess",
                    date(2026, 10, 13),
                    explanation="The council must decide by 13 October.",
                )
            ],
            (Progress.ACTION_NEEDED, "Late: the council must decide by 13 October."),
        ),
    ],
)
def test_dates_from_the_engine(case_file, slug, dates, expected):
    assert status(case_file, slug, dates=dates) == expected


def test_a_done_stage_still_says_its_next_date():
    dates = [due("annual_review", date(2027, 1, 4), explanation="Review by 4 January 2027.")]
    assert status(case(PLAN), "annual-review", dates=dates, finished=["annual-review"]) == (
        Progress.DONE,
        "Done. Review by 4 January 2027.",
    )


class AnnualReviewComesBackTests:
    """The annual review recurs: "Done" holds only for the review the family prepared for."""

    NEXT = [due("annual_review", date(2027, 1, 4), explanation="Review by 4 January 2027.")]

    def test_prepared_for_a_meeting_still_to_come_it_is_done(self):
        assert status(case(PLAN), "annual-review", dates=self.NEXT, finished=["annual-review"]) == (
            Progress.DONE,
            "Done. Review by 4 January 2027.",
        )

    def test_once_that_meeting_took_place_the_next_review_shows(self):
        assert status(
            case(PLAN),
            "annual-review",
            dates=self.NEXT,
            finished=["annual-review"],
            review_behind=True,
        ) == (Progress.NOT_STARTED, "Review by 4 January 2027.")

    def test_a_late_council_shows_even_after_the_family_prepared(self):
        late = [due("annual_review", date(2026, 11, 30), explanation="Review by 30 November.")]
        assert status(case(PLAN), "annual-review", dates=late, finished=["annual-review"]) == (
            Progress.ACTION_NEEDED,
            "Late: review by 30 November.",
        )

    def test_a_draft_of_the_next_review_is_in_progress(self):
        progress, _ = status(
            case(PLAN),
            "annual-review",
            finished=["annual-review"],
            drafts=["annual-review"],
            review_behind=True,
        )
        assert progress is Progress.IN_PROGRESS

    def test_the_family_still_told_us_there_is_a_plan(self):
        # Only the journey says so (no plan event): the plan's stages still show.
        shown = slugs(case(), finished=["annual-review"], review_behind=True)
        assert "annual-review" in shown and "amendments" in shown

    def test_other_stages_stay_done(self):
        late = [due("amended_plan_final", date(2026, 11, 1), explanation="Final by 1 November.")]
        progress, _ = status(case(PLAN), "amendments", dates=late, finished=["amendments"])
        assert progress is Progress.DONE


def test_a_date_of_an_unknown_rule_or_stage_is_left_out():
    dates = [
        due("some_future_rule", date(2026, 1, 1)),
        due("appeal_deadline", date(2026, 12, 5), from_event="unknown_event", by_family=True),
    ]
    assert status(case(), "appeal", dates=dates)[0] is Progress.NOT_STARTED


# -- properties ------------------------------------------------------------------------------

BEFORE_PLAN_EVENTS = [
    "request_received",
    "decision_to_assess",
    "decision_not_to_assess",
    "decision_not_to_issue_plan",
    "draft_plan_issued",
    "mediation_adviser_contacted",
    "mediation_requested",
    "mediation_held",
    "mediation_certificate_issued",
    "appeal_lodged",
    "phase_transfer_year",
    "tribunal_decision",
]
PLAN_EVENTS = [
    "final_plan_issued",
    "annual_review_meeting",
    "amendment_proposal_issued",
    "decision_not_to_amend",
    "cease_considered",
    "decision_to_cease",
    "reassessment_requested",
    "decision_not_to_reassess",
]
days = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))
year_groups = st.sampled_from(["", "Nursery", "Reception", "Year 2", "Year 6", "Year 11"])


def events_of(kinds):
    return st.lists(
        st.builds(lambda k, d: ev(k, d.isoformat()), st.sampled_from(kinds), days), max_size=6
    )


def dates_of():
    rules = st.sampled_from(["annual_review", "appeal_deadline", "phase_transfer_plan", "x"])
    return st.lists(
        st.builds(
            lambda r, d, e, met, fam: due(r, d, from_event=e, met=met, by_family=fam),
            rules,
            days,
            st.sampled_from(["final_plan_issued", "decision_to_cease", ""]),
            st.booleans(),
            st.booleans(),
        ),
        max_size=4,
    )


@given(
    events=events_of(BEFORE_PLAN_EVENTS),
    year=year_groups,
    today=days,
    finished=st.sets(st.sampled_from(BEFORE_PLAN)),
    drafts=st.sets(st.sampled_from(BEFORE_PLAN)),
    dates=dates_of(),
)
def test_a_case_without_a_plan_shows_no_stage_of_a_plans_life(
    events, year, today, finished, drafts, dates
):
    file = case(*events, child={"year_group": year})
    shown = [s.slug for s in stages_for(file, today, dates=dates, finished=finished, drafts=drafts)]
    assert not has_plan(file, finished | drafts)
    assert not PLAN_ONLY & set(shown)
    # ... and the first five, in their order, as the case page always showed them.
    assert shown[:5] == list(BEFORE_PLAN)


@given(
    events=events_of(BEFORE_PLAN_EVENTS + PLAN_EVENTS),
    plan_day=days,
    year=year_groups,
    today=days,
    finished=st.sets(st.sampled_from([s.slug for s in STAGES])),
    dates=dates_of(),
)
def test_a_case_with_a_final_plan_always_shows_its_review_and_each_stage_once(
    events, plan_day, year, today, finished, dates
):
    file = case(ev("final_plan_issued", plan_day.isoformat()), *events, child={"year_group": year})
    result = stages_for(file, today, dates=dates, finished=finished)
    shown = [s.slug for s in result]
    assert {"plan", "annual-review", "amendments", "reassessment"} <= set(shown)
    assert len(shown) == len(set(shown))
    order = [s.slug for s in STAGES]
    # In the stages' order, but for the plan's life before mediation and appeal.
    assert shown.index("plan") < shown.index("annual-review") < shown.index("mediation")
    assert all(s.reason and s.reason[-1] in ".)" for s in result)
    # Finished is done, but for an annual review the council is late with: it comes back.
    assert all(
        s.progress is Progress.DONE
        or (s.slug == "annual-review" and s.progress is Progress.ACTION_NEEDED)
        for s in result
        if s.slug in finished
    )
    assert set(shown) <= set(order)


@given(today=days, move_in=st.integers(min_value=-400, max_value=800))
def test_a_recorded_transfer_shows_exactly_when_it_is_within_12_months(today, move_in):
    move = today + timedelta(days=move_in)
    file = case(PLAN, ev("phase_transfer_year", move.isoformat()))
    shown = "transfer" in [s.slug for s in stages_for(file, today)]
    from journeys.rules.calendar import add_months

    assert shown == (today <= move <= add_months(today, 12))


@pytest.mark.parametrize(
    ("case_file", "reason"),
    [
        (case(), "Ask for a new assessment if your child's needs have changed."),
        (
            case(child={"first_name": "Sam"}),
            "Ask for a new assessment if Sam's needs have changed.",
        ),
        (
            case(child={"first_name": "Jo"}, applicant={"relationship": "young_person"}),
            "Ask for a new assessment if your needs have changed.",
        ),
    ],
)
def test_a_reason_speaks_of_the_child_by_name_or_to_the_young_person(case_file, reason):
    assert status({**case_file, "events": [PLAN]}, "reassessment")[1] == reason


# -- enforcing the plan (issue 15) -------------------------------------------------------------

PROVISION = [{"id": "f1", "section": "F", "text": "Weekly speech and language therapy"}]


@pytest.mark.parametrize(
    ("case_file", "kwargs", "shown"),
    [
        (case(PLAN), {}, False),
        (case(PLAN, provision=PROVISION), {}, True),  # the family records the plan's provision
        (case(PLAN, ev("provision_complaint_made", "2026-10-05")), {}, True),
        (case(PLAN), {"drafts": ["not-delivered"]}, True),
        (case(provision=PROVISION), {}, False),  # no plan: nothing to deliver yet
    ],
)
def test_the_plan_not_delivered_shows_once_its_provision_is_recorded(case_file, kwargs, shown):
    assert ("not-delivered" in slugs(case_file, **kwargs)) is shown


def test_the_plan_not_delivered_comes_after_ceasing_and_before_mediation():
    shown = slugs(case(PLAN, ev("cease_considered", "2026-11-01"), provision=PROVISION))
    assert shown.index("ceasing") + 1 == shown.index("not-delivered")
    assert shown.index("not-delivered") + 1 == shown.index("mediation")


@pytest.mark.parametrize(
    ("events", "reason"),
    [
        (
            [ev("provision_complaint_made", "2026-10-05")],
            "You complained on Monday 5 October 2026.",
        ),
        (
            [
                ev("provision_complaint_made", "2026-10-05"),
                ev("ombudsman_complaint_made", "2026-11-10"),
            ],
            "You complained to the Ombudsman on Tuesday 10 November 2026.",
        ),
        (
            [
                ev("ombudsman_complaint_made", "2026-11-10"),
                ev("pre_action_letter_sent", "2026-11-12"),
            ],
            "You sent a letter before claim on Thursday 12 November 2026.",
        ),
    ],
)
def test_the_plan_not_delivered_says_the_latest_step_taken(events, reason):
    assert status(case(PLAN, *events), "not-delivered") == (Progress.NOT_STARTED, reason)


def test_judicial_reviews_time_limit_is_an_action_on_the_plan_not_delivered():
    dates = [
        due(
            "judicial_review_limit",
            TODAY + timedelta(days=20),
            by_family=True,
            explanation="A claim for judicial review must be made promptly.",
        )
    ]
    assert status(case(PLAN, provision=PROVISION), "not-delivered", dates=dates) == (
        Progress.ACTION_NEEDED,
        "A claim for judicial review must be made promptly.",
    )


@pytest.mark.parametrize(
    ("case_file", "kwargs", "expected"),
    [
        (case(ev("mediation_held", "2026-10-01")), {}, [*BEFORE_PLAN, "mediation-agreement"]),
        (case(), {"finished": ["mediation-agreement"]}, [*BEFORE_PLAN, "mediation-agreement"]),
        (
            case(PLAN, ev("mediation_held", "2026-10-01")),
            {},
            [*AFTER_PLAN, "mediation-agreement"],
        ),
        (case(PLAN), {}, AFTER_PLAN),
    ],
)
def test_a_mediation_agreement_shows_after_mediation_took_place(case_file, kwargs, expected):
    assert slugs(case_file, **kwargs) == expected
