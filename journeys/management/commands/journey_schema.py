import json

from django.core.management.base import BaseCommand

from journeys.cases.casefile import CASE_SCHEMA


class Command(BaseCommand):
    help = "Print the JSON Schema (draft 2020-12) of the case file (../shared/CASE_FORMAT.md)."

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(CASE_SCHEMA, indent=2, sort_keys=False))
