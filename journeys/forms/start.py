"""The two questions every parent answers first: where they live, and where they are."""

from journeys.forms.base import QuestionForm
from journeys.forms.fields import choice
from journeys.rules.vocabulary import STAGE_GROUPS, Country


class CountryForm(QuestionForm):
    # Asked before anyone says who is filling it in, so it speaks to everyone: a parent, or
    # a young person asking for themselves (issue 14).
    title = "Where does the child or young person live?"
    country = choice(
        label=title,
        hint="If you are the young person, choose where you live. The law on special "
        "educational needs is different in each UK nation. This service covers England only.",
        choices=Country.choices(),
        required_message="Select where the child or young person lives",
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
