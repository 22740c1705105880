"""Loads fixtures/demo.json into an empty database; leaves a database with data alone."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from courses.models import Organisation


class Command(BaseCommand):
    help = "Load the demo data from fixtures/demo.json unless the database already holds data."

    def handle(self, *args, **options):
        if Organisation.objects.exists():
            self.stdout.write("The database already holds data; the demo data was not loaded again.")
            return
        call_command("loaddata", str(Path(settings.BASE_DIR) / "fixtures" / "demo.json"), verbosity=0)
        self.stdout.write("Demo data loaded.")
