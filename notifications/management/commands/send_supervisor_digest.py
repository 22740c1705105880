"""Queues today's supervisor digest (also part of `enqueue_daily`)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from notifications.tasks import supervisor_digest


class Command(BaseCommand):
    help = "Queue today's digest for each placement supervisor with entries waiting (also done by enqueue_daily)."

    def handle(self, *args, **options):
        supervisor_digest.enqueue(today=timezone.localdate().isoformat())
        self.stdout.write("Supervisor digest queued.")
