"""Loads fixtures/demo.json into an empty database, moved to the current week (demo.loading); leaves a database
with data alone."""

import datetime

from django.core.management.base import BaseCommand

from courses.models import Organisation
from demo import loading


class Command(BaseCommand):
    help = "Load the demo data from fixtures/demo.json, dated around today, unless the database already holds data."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="The day the demo is arranged around (YYYY-MM-DD); default today.",
        )

    def handle(self, *args, today, **options):
        if Organisation.objects.exists():
            self.stdout.write("The database already holds data; the demo data was not loaded again.")
            return
        days = loading.load(today=today)
        self.stdout.write(f"Demo data loaded (dates moved by {days} days).")
