"""The plan-life question pages (journeys/forms/plan_life.py) that check one answer against
another."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from journeys.forms.plan_life import (
    CouncilReasonAnswersForm,
    ReviewDecisionDateForm,
    ReviewMeetingDateForm,
)
from journeys.forms.stages import text_key


def _date(prefix: str, field: str, day) -> dict[str, str]:
    name = f"{prefix}-{field}"
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


HELD = {"review-meeting-held": {"held": "yes"}}
NOT_HELD = {"review-meeting-held": {"held": "no"}}


class ReviewMeetingDateFormTests:
    def test_a_meeting_ahead_may_be_in_the_future_or_unknown(self):
        ahead = timezone.localdate() + timedelta(days=10)
        form = ReviewMeetingDateForm(
            _date("review-meeting-date", "meeting_date", ahead),
            prefix="review-meeting-date",
            answers=NOT_HELD,
        )
        assert form.is_valid(), form.errors
        blank = ReviewMeetingDateForm({}, prefix="review-meeting-date", answers=NOT_HELD)
        assert blank.is_valid() and blank.cleaned_data["meeting_date"] is None

    def test_a_meeting_that_happened_needs_a_date_not_in_the_future(self):
        blank = ReviewMeetingDateForm({}, prefix="review-meeting-date", answers=HELD)
        assert not blank.is_valid()
        assert blank.errors["meeting_date"] == ["Enter the date of the review meeting"]
        ahead = timezone.localdate() + timedelta(days=10)
        future = ReviewMeetingDateForm(
            _date("review-meeting-date", "meeting_date", ahead),
            prefix="review-meeting-date",
            answers=HELD,
        )
        assert not future.is_valid()
        assert "must be today or in the past" in future.errors["meeting_date"][0]
        assert blank.fields["meeting_date"].label == "When was the review meeting?"


def test_the_decision_cannot_come_before_the_meeting():
    meeting = timezone.localdate() - timedelta(days=20)
    answers = {"review-meeting-date": {"meeting_date": meeting}}
    before = ReviewDecisionDateForm(
        _date("review-decision-date", "decision_date", meeting - timedelta(days=1)),
        prefix="review-decision-date",
        answers=answers,
    )
    assert not before.is_valid()
    assert "after the review meeting" in before.errors["decision_date"][0]
    after = ReviewDecisionDateForm(
        _date("review-decision-date", "decision_date", meeting + timedelta(days=3)),
        prefix="review-decision-date",
        answers=answers,
    )
    assert after.is_valid(), after.errors


def test_one_box_for_each_reason_the_council_gave():
    reasons = "The plan meets his needs\nHe is making progress"
    form = CouncilReasonAnswersForm(
        {f"reason-answers-response_{text_key('He is making progress')}": "Not in reading."},
        prefix="reason-answers",
        answers={"council-reasons": {"reasons": reasons}},
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["responses"] == [
        {"reason": "The plan meets his needs", "response": ""},
        {"reason": "He is making progress", "response": "Not in reading."},
    ]
