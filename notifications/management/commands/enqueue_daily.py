"""The one crontab line for every daily job: `manage.py enqueue_daily` queues them for the worker.

    15 5 * * *  cd /srv/app && .venv/bin/python manage.py enqueue_daily

Each job is idempotent, so a second run on the same day changes nothing.
"""

from django.core.management.base import BaseCommand

from notifications.jobs import enqueue_daily


class Command(BaseCommand):
    help = "Queue the daily jobs (purges, digests, reminders) for the background worker. Run once a day."

    def handle(self, *args, **options):
        names = enqueue_daily()
        self.stdout.write(f"{len(names)} daily job(s) queued: {', '.join(names)}")
