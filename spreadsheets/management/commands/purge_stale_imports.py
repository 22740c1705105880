"""Discards import previews that were never confirmed, with their uploaded file. Safe to run daily from cron."""

from django.core.management.base import BaseCommand

from spreadsheets.conf import preview_retention_days
from spreadsheets.services import imports_purge_stale


class Command(BaseCommand):
    help = (
        "Discard participant-list previews not confirmed within IMPORT_PREVIEW_RETENTION_DAYS (default 7) and "
        "delete their uploaded file. Safe to run daily."
    )

    def handle(self, *args, **options):
        discarded = imports_purge_stale()
        self.stdout.write(
            f"{discarded} unconfirmed import preview(s) older than {preview_retention_days()} days discarded."
        )
