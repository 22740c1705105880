"""The demo is arranged around the day it is loaded: loaded a year after it was built, a new user still finds a
running cohort with registers up to yesterday and sessions ahead, finished cohorts with certificates, and hours
waiting for the supervisor. Birth dates stay as they are; frozen snapshots move with their records."""

import datetime
import json
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from certificates.models import Certificate
from courses.models import AttendanceRecord, Cohort, Participant, TeachingSession
from courses.selectors import attendance_progress_of_cohort
from demo import loading
from placements.models import HourEntry

BERLIN = ZoneInfo("Europe/Berlin")


def _load_on(today: datetime.date):
    moment = datetime.datetime.combine(today, datetime.time(9, 0), tzinfo=BERLIN)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("load_demo", verbosity=0)


def test_whole_weeks_only_and_never_past_today():
    built = datetime.date(2026, 11, 23)
    assert loading.week_shift(built, built) == 0
    assert loading.week_shift(built, built + datetime.timedelta(days=6)) == 0
    assert loading.week_shift(built, datetime.date(2027, 11, 24)) == 364
    assert loading.week_shift(built, built - datetime.timedelta(days=1)) == -7


def test_datetimes_keep_their_berlin_wall_clock_across_summer_time():
    # 10:00 in Berlin in July (08:00 UTC) moved into winter is still 10:00 in Berlin (09:00 UTC).
    assert loading._shift_datetime("2026-07-06T08:00:00Z", 182) == "2027-01-04T09:00:00Z"


@pytest.mark.django_db(transaction=True)
def test_demo_loaded_a_year_later_is_arranged_around_that_day(settings):
    built_on, _ = loading.read_meta()
    today = built_on + datetime.timedelta(days=367)  # a year later, two weekdays into the week
    births_before = {}
    for obj in json.loads(loading.FIXTURE.read_text(encoding="utf-8")):
        if obj["model"] == "courses.participant":
            births_before[obj["pk"]] = obj["fields"]["date_of_birth"]
    settings.SITE_URL = "http://127.0.0.1:8101"

    _load_on(today)

    running = Cohort.objects.get(status="running")
    assert running.start_date < today < running.end_date
    past = TeachingSession.objects.filter(cohort=running, date__lt=today)
    assert past.exists()
    assert not past.exclude(pk__in=AttendanceRecord.objects.values("session_id")).exists(), "register missing"
    assert not AttendanceRecord.objects.filter(session__date__gte=today).exists()
    assert TeachingSession.objects.filter(cohort=running, date__gt=today).exists()
    # Only the one participant the demo puts at risk is behind; nobody for want of a register.
    # Up to yesterday every register is taken: nothing counts as not yet recorded (today's is the user's).
    progress = attendance_progress_of_cohort(running, today=today - datetime.timedelta(days=1))
    assert all(p.unrecorded_units == 0 for items in progress.values() for p in items)

    finished = Cohort.objects.filter(status="finished")
    assert finished.count() == 3 and all(c.end_date < today for c in finished)
    certificate = Certificate.objects.filter(status="valid").select_related("enrolment__cohort").first()
    cohort = certificate.enrolment.cohort
    assert certificate.issued_at.date() < today
    assert certificate.snapshot["cohort"]["end_date"] == cohort.end_date.isoformat()
    assert certificate.snapshot["verification_url"].startswith("http://127.0.0.1:8101/")
    if "qr_rows" in certificate.snapshot:  # the QR code kept in the snapshot encodes the new address
        from certificates.qr import qr_rows_for

        assert certificate.snapshot["qr_rows"] == qr_rows_for(certificate.snapshot["verification_url"])

    pending = HourEntry.objects.filter(status="pending")
    assert pending.exists() and all(today - datetime.timedelta(days=21) < e.date < today for e in pending)

    births_after = dict(Participant.objects.values_list("pk", "date_of_birth"))
    assert {pk: day.isoformat() for pk, day in births_after.items() if pk in births_before} == births_before

    # `make run` queues the daily jobs right after loading: on that day they close no demo log-in and
    # anonymise nobody (log-ins and their creation move with the demo's dates).
    from accounts.services import inactive_accounts_deactivate
    from privacy.services import anonymise_expired

    moment = datetime.datetime.combine(today, datetime.time(9, 5), tzinfo=BERLIN)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        assert inactive_accounts_deactivate() == 0
        assert anonymise_expired(today=today)[0] == 0
