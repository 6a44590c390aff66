"""The two questions every parent answers first: where they live, and where they are."""

from journeys.forms.base import QuestionForm
from journeys.forms.fields import choice
from journeys.rules.vocabulary import STAGE_GROUPS, Country


class CountryForm(QuestionForm):
    title = "Where does your child live?"
    country = choice(
        label=title,
        hint="The law on special educational needs is different in each UK nation. "
        "This service covers England only.",
        choices=Country.choices(),
        required_message="Select where your child lives",
    )


class StageForm(QuestionForm):
    title = "Where are you in the process?"
    stage = choice(
        label=title,
        hint="Choose the one that fits best. You can come back and choose another later.",
        # Grouped (Django's grouped choices): the radios show each group under its heading.
        choices=[
            (heading, [(stage.value, stage.label) for stage in stages])
            for heading, stages in STAGE_GROUPS
        ],
        required_message="Select where you are in the process",
    )
