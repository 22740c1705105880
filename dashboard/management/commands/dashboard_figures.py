import datetime

from django.core.management.base import BaseCommand

from dashboard.services import figures_rebuild


class Command(BaseCommand):
    help = "Count the dashboard figures of every cohort anew from the facts (safe to run at any time, and again)."

    def add_arguments(self, parser):
        parser.add_argument("--cohort", type=int, action="append", help="Only this cohort (repeatable).")
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, default=None, help="Count as of this day (YYYY-MM-DD)."
        )

    def handle(self, *args, cohort=None, today=None, **options):
        counted = figures_rebuild(cohort_ids=cohort, today=today)
        self.stdout.write(f"{counted} cohorts counted")
