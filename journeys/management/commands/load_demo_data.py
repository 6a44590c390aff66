from django.core.management.base import BaseCommand, CommandError
from django.utils.datastructures import MultiValueDict

from journeys.answers import journey_answers
from journeys.casefile import EXAMPLE_CASE_FILE, example_case_file
from journeys.definition import CHECK_ANSWERS, JOURNEYS


class Command(BaseCommand):
    help = (
        "Check the shipped demo case and say how to use it. Until accounts exist (issue 5) a "
        "case lives in one visitor's session, so each visitor loads the demo case with the "
        "'See an example letter' button on the start page; issue 5 makes this command create "
        "demo accounts and saved cases."
    )

    def handle(self, *args, **options):
        journey = JOURNEYS["request"]
        case_file = example_case_file()
        # The same conversion the button uses, so a broken demo fails here and not on screen.
        step_data = journey.case_to_step_data(case_file)
        answers = journey_answers(
            journey, lambda slug: MultiValueDict(step_data[slug]) if slug in step_data else None
        )
        unanswered = [s for s in journey.visible_steps(answers) if s not in answers]
        if unanswered != [CHECK_ANSWERS]:
            raise CommandError(f"the demo case does not fill step {unanswered[0]}")
        child = case_file["child"]
        self.stdout.write(
            f"Demo case ready: {child['first_name']} {child['last_name']} "
            f"({EXAMPLE_CASE_FILE.name}). Open http://127.0.0.1:8000/ and choose "
            "'See an example letter'."
        )
