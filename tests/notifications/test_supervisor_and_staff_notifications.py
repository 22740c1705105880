"""Supervisors hear of a new placement; staff hear of hours waiting too long, newly at-risk participants and
imports nobody confirmed. Daily jobs tell each thing once."""

import datetime

import pytest
from django.utils import timezone

from courses.models import AttendanceStatus, CohortStatus, TeachingSession
from notifications import tasks
from notifications.models import Notification
from placements.models import HourEntry
from tests.placements.conftest import log, plan_placement

pytestmark = pytest.mark.django_db


def test_supervisor_is_told_of_a_new_placement(
    enrolment, facility, supervisor, staff, django_capture_on_commit_callbacks
):
    supervisor.email = "petra@example.org"
    supervisor.save()
    with django_capture_on_commit_callbacks(execute=True):
        placement = plan_placement(enrolment, facility, supervisor, staff)
    notification = Notification.objects.get(recipient=supervisor, kind="participant_placed")
    assert enrolment.participant.full_name in notification.subject
    assert f"{placement.start_date:%d.%m.%Y}" in notification.body
    assert notification.email_to == "petra@example.org"


def test_staff_hear_of_hours_waiting_too_long_once_a_day(active_placement, participant_user, staff, settings):
    settings.NOTIFICATION_HOURS_WAITING_DAYS = 3
    entry = log(active_placement, participant_user)
    HourEntry.objects.filter(pk=entry.pk).update(created_at=timezone.now() - datetime.timedelta(days=4))
    today = timezone.localdate().isoformat()
    assert tasks.staff_hours_waiting.call(today=today) == 1
    assert tasks.staff_hours_waiting.call(today=today) == 0  # idempotent
    notification = Notification.objects.get(recipient=staff)
    assert active_placement.facility.name in notification.body


def test_fresh_hours_do_not_alarm_staff(active_placement, participant_user, staff):
    log(active_placement, participant_user)
    assert tasks.staff_hours_waiting.call(today=timezone.localdate().isoformat()) == 0


def test_attendance_at_risk_told_once_per_module_and_level(cohort, enrolment, participant_user, staff):
    cohort.status = CohortStatus.RUNNING
    cohort.save()
    module = cohort.programme.modules.order_by("position").first()
    day = cohort.start_date
    session = TeachingSession.objects.create(
        cohort=cohort, module=module, date=day, start_time=datetime.time(9), end_time=datetime.time(12), units=4
    )
    session.attendance.create(enrolment=enrolment, status=AttendanceStatus.UNEXCUSED, attended_units=0)
    today = (day + datetime.timedelta(days=1)).isoformat()
    assert tasks.attendance_at_risk.call(today=today) >= 1
    told = Notification.objects.filter(recipient=participant_user, kind="attendance_at_risk")
    assert told.count() == 1
    assert module.title in told.get().subject
    assert Notification.objects.filter(recipient=staff, kind="staff_at_risk").count() == 1
    tasks.attendance_at_risk.call(today=(day + datetime.timedelta(days=2)).isoformat())  # the next day
    assert told.count() == 1
    assert Notification.objects.filter(recipient=staff, kind="staff_at_risk").count() == 1


def test_an_import_nobody_confirmed_is_brought_up_once(cohort, staff):
    from spreadsheets import services as spreadsheet_services
    from spreadsheets.models import ImportRecord
    from tests.spreadsheets.conftest import csv_bytes

    data = csv_bytes([["Nachname", "Vorname", "Geburtsdatum"], ["Kaya", "Zeynep", "02.03.1991"]])
    record = spreadsheet_services.import_upload(cohort=cohort, by=staff, file_name="liste.csv", data=data)
    today = timezone.localdate().isoformat()
    assert tasks.imports_pending.call(today=today) == 0  # uploaded just now: the uploader is on the page
    ImportRecord.objects.filter(pk=record.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
    assert tasks.imports_pending.call(today=today) == 1
    assert tasks.imports_pending.call(today=today) == 0
    notification = Notification.objects.get(recipient=staff, kind="import_pending")
    assert "liste.csv" in notification.subject
    assert notification.link == f"/tabellen/importe/{record.pk}/"
