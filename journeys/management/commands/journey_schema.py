import json

from django.core.management.base import BaseCommand

from journeys.cases.casefile import CASE_SCHEMA


class Command(BaseCommand):
    help = "Print the JSON Schema (draft 2020-12) of the case file (docs/case-format.md)."

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(CASE_SCHEMA, indent=2, sort_keys=False))
