"""Makes the demo's self-signed signing keys (docs/credentials.md): a demo CA and one key per organisation
in settings.CERTIFICATE_SIGNING_KEY_DIR. Keeps keys that exist. Never for production: there an
administrator configures a seal issued by a trust service (settings.CERTIFICATE_SIGNING_KEYS)."""

from django.core.management.base import BaseCommand

from certificates.signing_keys import key_directory, make_demo_keys
from courses.models import Organisation


class Command(BaseCommand):
    help = "Create self-signed demo signing keys for every organisation that has none (demo and development only)."

    def add_arguments(self, parser):
        parser.add_argument("--rsa", action="store_true", help="RSA-2048 instead of EC P-256.")

    def handle(self, *args, rsa=False, **options):
        directory = key_directory()
        made = 0
        for organisation in Organisation.objects.order_by("pk"):
            stem = f"organisation-{organisation.pk}"
            if (directory / f"{stem}.key.pem").is_file():
                continue
            make_demo_keys(directory, stem, organisation.name, algorithm="rsa" if rsa else "ec")
            made += 1
        self.stdout.write(f"{made} signing key(s) made in {directory}.")
