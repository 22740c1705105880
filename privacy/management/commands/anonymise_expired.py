"""Anonymises everyone whose retention period has passed and forgets old log-ins and partner access records.
Safe to run daily; `manage.py enqueue_daily` queues the same job (privacy.notifications)."""

from django.core.management.base import BaseCommand

from privacy.services import anonymise_expired


class Command(BaseCommand):
    help = (
        "Anonymise the people whose measure ended more than their organisation's retention period ago, and "
        "delete log-in records older than PRIVACY_LOGIN_RECORD_DAYS and partner access records whose time is over. "
        "Safe to run daily."
    )

    def handle(self, *args, **options):
        people, logins, accesses = anonymise_expired()
        self.stdout.write(
            f"{people} person(s) anonymised, {logins} log-in record(s) and {accesses} partner access record(s) deleted."
        )
