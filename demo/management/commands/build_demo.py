"""Builds the demo data set through the real services, into the current (empty) database.

``make fixtures`` runs this on a scratch database and dumps the result to fixtures/demo.json, which
``make run`` loads. Later apps extend ``demo.builders`` with their own part.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo import builders


class Command(BaseCommand):
    help = "Create the demo organisation, programme, cohorts, participants and logins (empty database only)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2022)

    @transaction.atomic
    def handle(self, *args, seed, **options):
        summary = builders.build_all(seed=seed)
        for line in summary:
            self.stdout.write(line)
