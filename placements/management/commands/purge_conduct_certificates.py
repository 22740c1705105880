"""Deletes the §72a SGB VIII facts once they may no longer be kept. Safe to run daily from cron."""

from django.core.management.base import BaseCommand

from placements.services import conduct_checks_purge


class Command(BaseCommand):
    help = (
        "Delete the recorded certificate-of-conduct facts (§72a SGB VIII) of placements that ended more than "
        "PLACEMENT_CONDUCT_RETENTION_MONTHS ago (or whose participant withdrew that long ago) or did not start. "
        "Safe to run daily."
    )

    def handle(self, *args, **options):
        deleted = conduct_checks_purge()
        self.stdout.write(f"{deleted} certificate-of-conduct record(s) deleted.")
