from django.core.management.base import BaseCommand

from accounts.services import inactive_accounts_deactivate


class Command(BaseCommand):
    help = "Deactivate logins nobody used for ACCOUNT_INACTIVITY_DAYS (run daily; running it twice changes nothing)."

    def handle(self, *args, **options):
        count = inactive_accounts_deactivate()
        self.stdout.write(f"{count} inactive login(s) deactivated.")
