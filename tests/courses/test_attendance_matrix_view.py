"""The cohort matrix: participants × modules, who is at risk, in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import AttendanceRecord, TeachingSession, attended_units_for
from tests.factories import EnrolmentFactory, ParticipantFactory


def _sessions(cohort, n):
    module = cohort.programme.modules.get(position=1)
    return [
        TeachingSession.objects.create(
            cohort=cohort,
            module=module,
            date=datetime.date(2026, 2, 2) + datetime.timedelta(days=7 * i),
            start_time=datetime.time(9),
            end_time=datetime.time(12),
            units=4,
        )
        for i in range(n)
    ]


def _attend(sessions, enrolment, absent=0):
    for i, session in enumerate(sessions):
        status = "UE" if i < absent else "P"
        AttendanceRecord.objects.create(
            session=session,
            enrolment=enrolment,
            status=status,
            attended_units=attended_units_for(session, status, 0, 0),
        )


def _person(cohort, **names):
    return EnrolmentFactory(
        cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation, **names)
    )


@pytest.mark.django_db
def test_matrix_marks_who_is_at_risk(client, staff, cohort):
    sessions = _sessions(cohort, 5)  # 20 of the module's 40 units held
    good = _person(cohort, given_name="Olena", family_name="Kovalenko")
    weak = _person(cohort, given_name="Nguyễn Thị", family_name="Lan")
    _attend(sessions, good)
    _attend(sessions, weak, absent=3)  # 8 of 20 held: behind, 28 of 40 still reachable... below 80 %
    client.force_login(staff)
    response = client.get(reverse("courses:attendance_matrix", args=[cohort.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lan, Nguyễn Thị" in html
    assert "1 participant is at risk" in html
    assert "minimum no longer reachable" in html
    assert "Bildungsgrundsätze" in html and "Kinderrechte" in html


@pytest.mark.django_db
def test_matrix_takes_a_fixed_number_of_queries(client, staff, cohort):
    sessions = _sessions(cohort, 3)
    client.force_login(staff)
    url = reverse("courses:attendance_matrix", args=[cohort.pk])
    for _ in range(2):
        _attend(sessions, _person(cohort))
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(10):
        _attend(sessions, _person(cohort), absent=1)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few.captured_queries) == len(many.captured_queries)


@pytest.mark.django_db
def test_participant_sees_only_their_own_attendance(
    client, cohort, enrolment, participant_user, other_participant_user
):
    sessions = _sessions(cohort, 2)
    _attend(sessions, enrolment, absent=1)
    client.force_login(participant_user)
    own = client.get(reverse("courses:enrolment_attendance", args=[enrolment.pk]))
    assert own.status_code == 200
    # The participant reads the unexcused absence in words, not as the code "UE" (docs/languages.md).
    assert "absent without an excuse" in own.content.decode() and ">UE<" not in own.content.decode()
    other = other_participant_user.participant.enrolments.get()
    assert client.get(reverse("courses:enrolment_attendance", args=[other.pk])).status_code == 403
    assert client.get(reverse("courses:attendance_matrix", args=[cohort.pk])).status_code == 403
    home = client.get(reverse("home"))
    assert "Your attendance" in home.content.decode()
