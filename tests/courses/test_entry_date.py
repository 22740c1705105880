"""The entry date of an enrolment: by default the cohort's start while it has not begun, else today; the enrolment
form and the import take another; staff change it later with a reason, which is kept with who and when."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.exceptions import DomainError
from courses import services
from courses.models import Enrolment, EnrolmentDateChange, TeachingSession, default_entry_date
from spreadsheets.models import ImportRecord
from tests.factories import ParticipantFactory
from tests.spreadsheets.conftest import HEADER_DE, csv_bytes

pytestmark = pytest.mark.django_db


def _running(cohort):
    today = timezone.localdate()
    cohort.start_date, cohort.end_date, cohort.status = (
        today - datetime.timedelta(days=30),
        today + datetime.timedelta(days=90),
        "running",
    )
    cohort.save()
    return today


def test_default_is_the_start_before_the_course_begins_else_today_never_after_the_end(cohort):
    start = cohort.start_date
    assert default_entry_date(cohort, today=start - datetime.timedelta(days=10)) == start
    assert default_entry_date(cohort, today=start + datetime.timedelta(days=3)) == start + datetime.timedelta(days=3)
    assert default_entry_date(cohort, today=cohort.end_date + datetime.timedelta(days=30)) == cohort.end_date


def test_enrolment_form_takes_an_entry_date(client, staff, cohort):
    today = _running(cohort)
    client.force_login(staff)
    page = client.get(reverse("courses:enrol", args=[cohort.pk])).content.decode()
    assert f'value="{today:%d.%m.%Y}"' in page  # the default, shown
    entered = cohort.start_date + datetime.timedelta(days=2)
    response = client.post(
        reverse("courses:enrol_new", args=[cohort.pk]),
        {
            "new-participant": "1",
            "new-given_name": "Zeynep",
            "new-family_name": "Kaya",
            "new-date_of_birth": "02.03.1991",
            "new-enrolled_on": entered.strftime("%d.%m.%Y"),
        },
    )
    assert response.status_code == 302
    assert Enrolment.objects.get(participant__family_name="Kaya").enrolled_on == entered

    person = ParticipantFactory(organisation=cohort.site.organisation, family_name="Demir")
    client.post(
        reverse("courses:enrol_existing", args=[cohort.pk]),
        {"existing-participant": person.pk, "existing-enrolled_on": ""},
    )
    assert Enrolment.objects.get(participant=person).enrolled_on == today  # empty: the default


def test_import_takes_the_entry_date_at_confirmation(client, staff, cohort):
    _running(cohort)
    client.force_login(staff)
    rows = [HEADER_DE, ["Kaya", "Zeynep", "02.03.1991", "", "", "", ""]]
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.post(
        reverse("spreadsheets:import_upload", args=[cohort.pk]),
        {"file": SimpleUploadedFile("liste.csv", csv_bytes(rows))},
    )
    record = ImportRecord.objects.get()
    page = client.get(reverse("spreadsheets:import_detail", args=[record.pk])).content.decode()
    assert "Entry date of the new places" in page
    client.post(
        reverse("spreadsheets:import_confirm", args=[record.pk]),
        {"confirm": "1", "enrolled_on": cohort.start_date.strftime("%d.%m.%Y")},
    )
    assert Enrolment.objects.get(participant__family_name="Kaya").enrolled_on == cohort.start_date


def test_staff_change_it_later_with_a_reason_that_is_kept(client, staff, cohort, enrolment):
    today = _running(cohort)
    enrolment.enrolled_on = today
    enrolment.save()
    client.force_login(staff)
    url = reverse("courses:entry_date", args=[enrolment.pk])
    response = client.post(url, {"enrolled_on": cohort.start_date.strftime("%d.%m.%Y"), "reason": ""})
    assert response.status_code == 200
    enrolment.refresh_from_db()
    assert enrolment.enrolled_on == today  # nothing changed without a reason

    response = client.post(
        url, {"enrolled_on": cohort.start_date.strftime("%d.%m.%Y"), "reason": "Liste kam erst später"}
    )
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.enrolled_on == cohort.start_date
    change = EnrolmentDateChange.objects.get()
    assert (change.old_date, change.new_date, change.reason, change.changed_by) == (
        today,
        cohort.start_date,
        "Liste kam erst später",
        staff,
    )
    assert "Liste kam erst später" in client.get(url).content.decode()


def test_a_later_entry_date_may_not_drop_recorded_attendance(staff, cohort, enrolment):
    today = _running(cohort)
    enrolment.enrolled_on = cohort.start_date
    enrolment.save()
    session = TeachingSession.objects.create(
        cohort=cohort,
        module=cohort.programme.modules.first(),
        date=today - datetime.timedelta(days=7),
        start_time=datetime.time(9),
        end_time=datetime.time(12),
        units=4,
    )
    services.attendance_record(session=session, entries=[services.AttendanceEntry(enrolment.pk, "P")], by=staff)
    with pytest.raises(DomainError, match="already records"):
        services.enrolment_change_entry_date(enrolment=enrolment, on=today, reason="Irrtum", by=staff)
    with pytest.raises(DomainError, match="after the end"):
        services.enrolment_change_entry_date(
            enrolment=enrolment, on=cohort.end_date + datetime.timedelta(days=1), reason="x", by=staff
        )


@pytest.mark.parametrize("role", ["other_staff", "supervisor", "participant_user"])
def test_other_roles_cannot_change_it(client, request, cohort, enrolment, role):
    client.force_login(request.getfixturevalue(role))
    before = Enrolment.objects.get(pk=enrolment.pk).enrolled_on
    response = client.post(
        reverse("courses:entry_date", args=[enrolment.pk]), {"enrolled_on": "01.01.2026", "reason": "x"}
    )
    assert response.status_code in (403, 404)
    assert Enrolment.objects.get(pk=enrolment.pk).enrolled_on == before
    assert not EnrolmentDateChange.objects.exists()
