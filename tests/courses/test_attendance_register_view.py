"""The register page: one submit for the whole roster, clear messages for bad rows, refused roles, and a
fixed number of queries however many people are enrolled."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import AttendanceCorrection, AttendanceRecord
from tests.factories import EnrolmentFactory, ParticipantFactory


@pytest.fixture
def session(todays_session):
    return todays_session


def _people(cohort, n):
    return [
        EnrolmentFactory(
            cohort=cohort,
            participant=ParticipantFactory(organisation=cohort.site.organisation),
            enrolled_on=cohort.start_date,
        )
        for _ in range(n)
    ]


def _post_data(people, **overrides):
    data = {}
    for e in people:
        data[f"status-{e.pk}"] = "P"
        data[f"late-{e.pk}"] = ""
        data[f"early-{e.pk}"] = ""
        data[f"note-{e.pk}"] = ""
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_staff_records_the_whole_roster_in_one_submit(client, staff, session):
    people = _people(session.cohort, 3)
    client.force_login(staff)
    page = client.get(reverse("courses:register", args=[session.pk]))
    assert page.status_code == 200
    for e in people:
        assert e.participant.sortable_name in page.content.decode()
    data = _post_data(people, **{f"status-{people[1].pk}": "K", f"late-{people[2].pk}": "40"})
    response = client.post(reverse("courses:register", args=[session.pk]), data)
    assert response.status_code == 302
    saved = dict(AttendanceRecord.objects.values_list("enrolment_id", "status"))
    assert saved == {people[0].pk: "P", people[1].pk: "K", people[2].pk: "P"}
    assert AttendanceRecord.objects.get(enrolment=people[2]).late_minutes == 40


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("late", "200", "Not less than the session&#x27;s 180 minutes"),
        ("late", "-3", "greater than or equal to 0"),
        ("status", "X", "Select a valid choice"),
        ("note", "x" * 201, "Ensure this value has at most 200 characters"),
    ],
)
def test_bad_row_shows_a_message_and_saves_nothing(client, staff, session, field, value, message):
    people = _people(session.cohort, 2)
    client.force_login(staff)
    data = _post_data(people, **{f"{field}-{people[1].pk}": value})
    response = client.post(reverse("courses:register", args=[session.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    # The message stands in the person's own row, tied to the field it is about.
    field_id = f"id_{field}-{people[1].pk}"
    assert f'id="{field_id}_error"' in html
    if field != "status":
        assert f'aria-describedby="{field_id}_error"' in html
    assert not AttendanceRecord.objects.exists()


@pytest.mark.django_db
def test_minutes_for_an_absent_person_are_refused(client, staff, session):
    people = _people(session.cohort, 1)
    client.force_login(staff)
    data = _post_data(people, **{f"status-{people[0].pk}": "UE", f"early-{people[0].pk}": "30"})
    response = client.post(reverse("courses:register", args=[session.pk]), data)
    assert "Minutes only apply to someone present" in response.content.decode()
    assert not AttendanceRecord.objects.exists()


@pytest.mark.django_db
def test_correction_after_the_day_shows_in_the_history(client, staff, session):
    people = _people(session.cohort, 1)
    client.force_login(staff)
    client.post(reverse("courses:register", args=[session.pk]), _post_data(people, **{f"status-{people[0].pk}": "UE"}))
    # The day passes.
    type(session).objects.filter(pk=session.pk).update(date=session.date - datetime.timedelta(days=1))
    response = client.post(
        reverse("courses:register", args=[session.pk]),
        _post_data(people, **{f"status-{people[0].pk}": "K"}),
        follow=True,
    )
    assert "1 corrections were recorded" in response.content.decode()
    correction = AttendanceCorrection.objects.get()
    assert (correction.old_status, correction.new_status, correction.changed_by) == ("UE", "K", staff)
    assert staff.get_full_name() in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["supervisor", "participant_user", "other_staff"])
def test_other_roles_cannot_post_a_register(client, request, session, who):
    people = _people(session.cohort, 1)
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("courses:register", args=[session.pk]), _post_data(people))
    assert response.status_code == 403
    assert not AttendanceRecord.objects.exists()


@pytest.mark.django_db
def test_register_page_takes_a_fixed_number_of_queries(client, staff, session):
    client.force_login(staff)
    url = reverse("courses:register", args=[session.pk])
    people = _people(session.cohort, 2)
    client.post(url, _post_data(people))
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    more = _people(session.cohort, 12)
    client.post(url, _post_data(people + more))
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few.captured_queries) == len(many.captured_queries)
