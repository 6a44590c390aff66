"""The triage's "Where are you in the process?": every stage, grouped, each starting its
journey (journeys/forms/start.py StageForm, journeys/wizard/definition.py TRIAGE)."""

from __future__ import annotations

import re

import pytest

from journeys.forms.start import StageForm
from journeys.rules.stages import STAGES
from journeys.rules.vocabulary import STAGE_GROUPS, Stage
from journeys.wizard.definition import JOURNEYS, TRIAGE
from tests.conftest import walk

NEW_STAGES = (
    "annual-review",
    "amendments",
    "not-amended",
    "ceasing",
    "transfer",
    "reassessment",
    "tribunal-order",
)


def test_the_choices_are_every_stage_in_groups():
    field = StageForm().fields["stage"]
    headings = [heading for heading, _ in field.choices]
    assert headings == [
        "Before there is a plan",
        "There is a plan",
        "Mediation, appeals and the Tribunal",
    ]
    values = [value for _, items in field.choices for value, _ in items]
    # Every stage but "the plan is not being delivered", which starts from a saved case's
    # record of its provision (the tracker), not from a question.
    assert sorted(values) == sorted(stage.slug for stage in STAGES if stage.slug != "not-delivered")
    assert set(values) == set(Stage)
    there_is_a_plan = dict(STAGE_GROUPS)["There is a plan"]
    assert {"annual-review", "amendments", "transfer", "ceasing"} <= set(there_is_a_plan)


@pytest.mark.parametrize("stage", [stage.value for stage in Stage])
def test_each_choice_starts_the_journey_of_its_name(stage):
    assert TRIAGE.next_page({"stage": {"stage": stage}}) == ("journeys:new", (stage,))
    assert StageForm(data={"stage": stage}).is_valid()


def test_an_unknown_stage_is_refused():
    form = StageForm(data={"stage": "nonsense"})
    assert not form.is_valid()
    assert form.errors["stage"] == ["Select where you are in the process"]


@pytest.mark.django_db
class TriagePageTests:
    def test_the_question_shows_each_group_under_its_heading(self, client):
        start = client.get("/start/new/")["Location"]
        answered = client.post(
            start, {"start-current_step": "country", "country-country": "england"}
        )
        page = client.get(answered["Location"]).content.decode()
        assert "Where are you in the process?" in page
        for heading in ("Before there is a plan", "There is a plan"):
            assert f">{heading}</h2>" in page
        radios = re.findall(r'type="radio" value="([a-z-]+)"', page)
        assert radios == [stage.value for _, group in STAGE_GROUPS for stage in group]
        # Each radio is described by its group's heading; ids run on across groups.
        assert (
            'id="id_stage-stage_0"' in page and 'aria-describedby="id_stage-stage-group-1"' in page
        )
        assert f'id="id_stage-stage_{len(Stage) - 1}"' in page

    @pytest.mark.parametrize("stage", NEW_STAGES)
    def test_a_new_stage_goes_to_its_journey(self, client, stage):
        response, visited = walk(
            client,
            "/start/new/",
            {"country": {"country-country": "england"}, "stage": {"stage-stage": stage}},
        )
        assert visited == ["country", "stage"]
        assert response["Location"] == f"/{stage}/new/"


def test_every_choice_has_its_journey():
    assert {stage.value for stage in Stage} <= set(JOURNEYS)
