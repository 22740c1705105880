"""Planning sessions through the pages: clear messages, nothing saved on bad input, staff only."""

import datetime

import pytest
from django.urls import reverse

from courses.models import TeachingSession


def _data(cohort, **overrides):
    data = {
        "module": cohort.programme.modules.get(position=1).pk,
        "date": "02.02.2026",
        "start_time": "09:00",
        "end_time": "12:00",
        "units": "4",
        "topic": "Bild vom Kind",
        "trainer": "Frau Schulte",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_staff_plans_a_session(client, staff, cohort):
    client.force_login(staff)
    response = client.post(reverse("courses:session_create", args=[cohort.pk]), _data(cohort))
    assert response.status_code == 302
    assert TeachingSession.objects.get().date == datetime.date(2026, 2, 2)
    listing = client.get(reverse("courses:session_list", args=[cohort.pk]))
    assert "Bild vom Kind" in listing.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"date": "01.07.2026"}, "within the cohort"),
        ({"end_time": "08:00"}, "must end after it starts"),
    ],
)
def test_bad_session_shows_a_message(client, staff, cohort, overrides, message):
    client.force_login(staff)
    response = client.post(reverse("courses:session_create", args=[cohort.pk]), _data(cohort, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TeachingSession.objects.exists()


@pytest.mark.django_db
def test_overlap_is_shown_and_nothing_saved(client, staff, cohort):
    client.force_login(staff)
    client.post(reverse("courses:session_create", args=[cohort.pk]), _data(cohort))
    response = client.post(
        reverse("courses:session_create", args=[cohort.pk]),
        _data(cohort, start_time="10:30", end_time="12:00", units="2"),
    )
    assert "already a session from 09:00 to 12:00" in response.content.decode()
    assert TeachingSession.objects.count() == 1


@pytest.mark.django_db
def test_weekly_pattern_page(client, staff, cohort):
    client.force_login(staff)
    response = client.post(
        reverse("courses:session_series", args=[cohort.pk]),
        {
            "module": cohort.programme.modules.get(position=1).pk,
            "weekdays": ["0", "2"],
            "start_time": "09:00",
            "end_time": "12:00",
            "units": "4",
            "first_date": "23.03.2026",
            "weeks": "3",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "5 sessions were planned" in html
    assert "06.04.2026 (Ostermontag)" in html
    assert TeachingSession.objects.count() == 5


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["supervisor", "participant_user", "other_staff"])
def test_other_roles_cannot_plan(client, request, cohort, who):
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("courses:session_create", args=[cohort.pk]), _data(cohort))
    assert response.status_code == 403
    assert not TeachingSession.objects.exists()


@pytest.mark.django_db
def test_delete_a_session_without_attendance(client, staff, cohort):
    client.force_login(staff)
    client.post(reverse("courses:session_create", args=[cohort.pk]), _data(cohort))
    session = TeachingSession.objects.get()
    response = client.post(reverse("courses:session_delete", args=[session.pk]))
    assert response.status_code == 302
    assert not TeachingSession.objects.exists()
