"""Participants read their attendance and certificate checklist in plain German: absence codes (E, K, UE) are
written as words, "UE" is written out, and every requirement not met says what the person can still do."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import AttendanceRecord, TeachingSession, attended_units_for

pytestmark = pytest.mark.django_db


def _absent(cohort, enrolment, status, day):
    session = TeachingSession.objects.create(
        cohort=cohort,
        module=cohort.programme.modules.order_by("position").first(),
        date=day,
        start_time=datetime.time(9, 0),
        end_time=datetime.time(12, 0),
        units=4,
    )
    AttendanceRecord.objects.create(
        session=session, enrolment=enrolment, status=status, attended_units=attended_units_for(session, status, 0, 0)
    )


@pytest.fixture
def german_participant(cohort, enrolment, participant_user):
    _absent(cohort, enrolment, "E", cohort.start_date)
    _absent(cohort, enrolment, "UE", cohort.start_date + datetime.timedelta(days=1))
    browser = Client(headers={"accept-language": "de"})
    browser.force_login(participant_user)
    return browser


def test_attendance_page_shows_words_not_codes(german_participant, enrolment):
    page = german_participant.get(reverse("courses:enrolment_attendance", args=[enrolment.pk])).content.decode()
    assert "Termine gefehlt: 1 mit Entschuldigung, 0 krank mit Attest, 1 ohne Entschuldigung." in page
    assert "gefehlt, ohne Entschuldigung" in page
    assert "Unterrichtseinheiten" in page
    assert ">UE<" not in page and " UE " not in page and "E 1 K 0" not in page


def test_staff_keep_the_codes(client, staff, cohort, enrolment):
    _absent(cohort, enrolment, "UE", cohort.start_date)
    client.force_login(staff)
    page = client.get(reverse("courses:enrolment_attendance", args=[enrolment.pk])).content.decode()
    assert ">UE<" in page


def test_each_unmet_requirement_says_what_to_do(german_participant, enrolment):
    page = german_participant.get(reverse("certificates:enrolment", args=[enrolment.pk])).content.decode()
    assert "Kommen Sie zu allen Terminen, die noch geplant sind" in page
    assert "wenn Sie noch keinen Praxiseinsatz haben, sprechen Sie mit den Mitarbeitenden" in page
