"""Builds the large benchmark data set (see demo.scale) into the current, empty, migrated database.

    DATABASE_URL=sqlite:////tmp/scale.sqlite3 python manage.py migrate
    DATABASE_URL=sqlite:////tmp/scale.sqlite3 python manage.py generate_scale_data --scale 1 --seed 2022

Never point it at the demo database: it refuses a database that already holds organisations.
"""

import datetime

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from courses.models import Organisation
from demo.scale import FULL, ScaleGenerator


class Command(BaseCommand):
    help = (
        "Generate a realistic large data set for benchmarks: at --scale 1 "
        + ", ".join(f"{value:,} {key.replace('_', ' ')}" for key, value in FULL.items())
        + "."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2022, help="Random seed (same seed, same data).")
        parser.add_argument("--scale", type=float, default=1.0, help="Factor on the full figures, e.g. 0.01.")
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="The day the data is built around (YYYY-MM-DD); default today. Fix it to reproduce exactly.",
        )
        parser.add_argument(
            "--qr-codes",
            choices=["bench", "all", "none"],
            default="bench",
            help="Which certificate snapshots get their QR code encoded at issue time (~5-10 ms each).",
        )
        parser.add_argument("--batch-size", type=int, default=None, help="Rows per bulk insert.")

    def handle(self, *args, seed, scale, today, qr_codes, batch_size, **options):
        if scale <= 0:
            raise CommandError("--scale must be positive.")
        if Organisation.objects.exists():
            raise CommandError(
                "This database already holds data. Generate into a fresh, migrated database, e.g. "
                "DATABASE_URL=sqlite:////tmp/scale.sqlite3 (see docs/benchmarks.md)."
            )
        call_command("createcachetable", verbosity=0)
        generator = ScaleGenerator(
            seed=seed,
            scale=scale,
            today=today,
            qr_codes=qr_codes,
            batch_size=batch_size,
            out=lambda text: (self.stdout.write(text), self.stdout.flush()),
        )
        generator.run()
