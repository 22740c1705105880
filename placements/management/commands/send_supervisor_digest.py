"""Daily email to every supervisor with entries waiting for them. Run once a day from cron."""

from django.core.management.base import BaseCommand

from placements.notifications import send_supervisor_digests


class Command(BaseCommand):
    help = "Email each placement supervisor the hour entries waiting for their confirmation (run daily)."

    def handle(self, *args, **options):
        sent = send_supervisor_digests()
        self.stdout.write(f"{sent} digest(s) sent.")
