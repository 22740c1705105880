"""How fast a participant list is imported. Run with `.venv/bin/python bench/import_participants.py`.

In one process, on a scratch database (SQLite in a temporary file, or the database in BENCH_DATABASE_URL,
which is emptied of the bench's own rows afterwards), with the same 10,000 rows:

1. the floor: ``Participant.objects.bulk_create`` of the rows, already parsed, in batches of 1,000;
2. the import as staff use it: read the CSV file, preview every row (dry run), confirm (write participants
   and their places in the cohort), with every rule applied.

It prints rows per second of both and the ratio, and the CPU time of this process for each (on SQLite the
database works inside it; compare CPU times when the machine is shared, as wall time then depends on load).
The target: the import, preview included, reaches at least a fifth of the bulk_create rate.
Options: --rows N (default 10000).
"""

import argparse
import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

_scratch = None
if os.environ.get("BENCH_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
else:
    _scratch = tempfile.NamedTemporaryFile(suffix=".sqlite3", delete=False)
    os.environ["DATABASE_URL"] = f"sqlite:///{_scratch.name}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from accounts.models import Role, User  # noqa: E402
from core.text import clean_name, fold  # noqa: E402
from courses.models import Cohort, Enrolment, Organisation, Participant, Programme, Site  # noqa: E402
from spreadsheets import services  # noqa: E402
from spreadsheets.models import ImportRecord  # noqa: E402

GIVEN = ["Savaş", "Nguyễn Thị", "Łukasz", "Olena", "Fatemeh", "Ayşe", "Małgorzata", "Amal", "Zeynep", "Hiba"]
FAMILY = ["Yılmaz", "Lan", "Wróbel", "Kovalenko", "Rahimi", "Demir", "Kowalczyk", "Al-Hassan", "Kaya", "Khalil"]
LEVELS = ["A2", "B1", "B2", "C1", ""]


def make_rows(count: int) -> list[dict]:
    rows = []
    for i in range(count):
        born = datetime.date(1960, 1, 1) + datetime.timedelta(days=(i * 37) % 15000)
        rows.append(
            {
                "family_name": f"{FAMILY[i % 10]}{i // 10}",
                "given_name": GIVEN[(i // 3) % 10],
                "date_of_birth": born,
                "jobcenter_customer_number": f"362D{i:06d}",
                "email": f"person{i}@example.org" if i % 3 else "",
                "phone": f"02594 {10000 + i}",
                "address": f"Marktstraße {i % 90 + 1}, 48249 Dülmen",
                "german_level": LEVELS[i % 5],
            }
        )
    return rows


def as_csv(rows: list[dict]) -> bytes:
    # What German Excel writes by default: semicolons, Windows-1252 would lose "ş", so UTF-8 with BOM.
    lines = ["Nachname;Vorname;Geburtsdatum;Kundennummer;E-Mail;Telefon;Adresse;Deutschniveau"]
    for r in rows:
        lines.append(
            ";".join(
                [
                    r["family_name"],
                    r["given_name"],
                    r["date_of_birth"].strftime("%d.%m.%Y"),
                    r["jobcenter_customer_number"],
                    r["email"],
                    r["phone"],
                    f'"{r["address"]}"',
                    r["german_level"],
                ]
            )
        )
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def setup_world(count: int):
    organisation, _ = Organisation.objects.get_or_create(name="Bench Träger")
    site, _ = Site.objects.get_or_create(organisation=organisation, name="Bench Standort")
    programme, _ = Programme.objects.get_or_create(organisation=organisation, title="Bench Programm")
    cohort, _ = Cohort.objects.get_or_create(
        programme=programme,
        site=site,
        number="bench",
        defaults={
            "start_date": datetime.date(2026, 2, 2),
            "end_date": datetime.date(2026, 6, 26),
            "capacity": count + 10,
            "status": "running",
        },
    )
    user, _ = User.objects.get_or_create(username="bench-staff", defaults={"role": Role.STAFF})
    organisation.staff_members.add(user)
    return organisation, cohort, user


def clean_up(organisation) -> None:
    ImportRecord.objects.filter(organisation=organisation).delete()
    Enrolment.objects.filter(cohort__site__organisation=organisation).delete()
    Participant.objects.filter(organisation=organisation).delete()


def bench_bulk_create(organisation, rows) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    with transaction.atomic():
        Participant.objects.bulk_create(
            [
                Participant(
                    organisation=organisation,
                    name_key=f"{fold(clean_name(r['family_name']))} {fold(clean_name(r['given_name']))}",
                    **r,
                )
                for r in rows
            ],
            batch_size=1000,
        )
    return time.perf_counter() - start, time.process_time() - cpu


def bench_import(cohort, user, data: bytes) -> tuple[float, float, float, float, ImportRecord]:
    start, cpu = time.perf_counter(), time.process_time()
    record = services.import_upload(cohort=cohort, by=user, file_name="bench.csv", data=data)
    preview, preview_cpu = time.perf_counter() - start, time.process_time() - cpu
    assert record.status == "previewed", record.message
    record = services.import_confirm(record=record, by=user)
    return preview, preview_cpu, time.perf_counter() - start, time.process_time() - cpu, record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0, interactive=False)
    rows = make_rows(args.rows)
    data = as_csv(rows)
    organisation, cohort, user = setup_world(args.rows)
    try:
        clean_up(organisation)
        floor, floor_cpu = bench_bulk_create(organisation, rows)
        clean_up(organisation)
        preview, preview_cpu, total, total_cpu, record = bench_import(cohort, user, data)
        assert record.rows_new == args.rows, (record.rows_new, record.rows_error, record.preview[:3])
        assert Enrolment.objects.filter(cohort=cohort).count() == args.rows
    finally:
        clean_up(organisation)
    floor_rate = args.rows / floor
    import_rate = args.rows / total
    print(f"database: {connection.vendor}, rows: {args.rows}")
    print(f"bulk_create (floor):          {floor_rate:10,.0f} rows/s  ({floor:.2f} s, CPU {floor_cpu:.2f} s)")
    preview_rate = args.rows / preview
    print(f"import: preview only:         {preview_rate:10,.0f} rows/s  ({preview:.2f} s, CPU {preview_cpu:.2f} s)")
    print(f"import: preview + confirm:    {import_rate:10,.0f} rows/s  ({total:.2f} s, CPU {total_cpu:.2f} s)")
    ratio = import_rate / floor_rate
    verdict = "meets" if ratio >= 0.2 else "misses"
    print(f"ratio import / bulk_create:   {ratio:10.2f}  ({verdict} the target of at least 0.20)")


if __name__ == "__main__":
    try:
        main()
    finally:
        if _scratch is not None:
            connection.close()
            Path(_scratch.name).unlink(missing_ok=True)
