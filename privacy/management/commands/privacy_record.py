"""Writes the generated part of docs/privacy.md (retention settings and every stored field with its category)
from the code. ``--check`` only compares and fails when the document no longer matches."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from privacy.record import replace_generated_section

DOC = Path(settings.BASE_DIR) / "docs" / "privacy.md"


class Command(BaseCommand):
    help = "Write the generated section of docs/privacy.md (the record of processing) from the code."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Fail if the document differs from the code.")

    def handle(self, *args, check=False, **options):
        current = DOC.read_text(encoding="utf-8")
        wanted = replace_generated_section(current)
        if check:
            if wanted != current:
                raise CommandError("docs/privacy.md is out of date: run `manage.py privacy_record`.")
            self.stdout.write("docs/privacy.md matches the code.")
            return
        DOC.write_text(wanted, encoding="utf-8")
        self.stdout.write("docs/privacy.md written.")
