"""Builds the demo data set through the real services, into the current (empty) database.

``make fixtures`` runs this on a scratch database and dumps the result to fixtures/demo.json, which
``make run`` loads, moved to the week it is loaded in (see demo.loading, also for how a step plugs in).
"""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from demo import builders, loading


class Command(BaseCommand):
    help = "Create the demo organisation, programme, cohorts, participants and logins (empty database only)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2022)
        parser.add_argument(
            "--meta", type=Path, default=None, help="Write the build day and SITE_URL here (fixtures/demo.meta.json)."
        )

    @transaction.atomic
    def handle(self, *args, seed, meta, **options):
        summary = builders.build_all(seed=seed)
        if meta:
            loading.write_meta(built_on=timezone.localdate(), path=meta)
        for line in summary:
            self.stdout.write(line)
