"""The staff start page's "Today's sessions": the user's own cohorts' sessions of today, by start time, with a
link to take the register or a note that it was taken; nothing of another organisation's."""

import datetime

import pytest
from django.urls import reverse

from courses import selectors
from courses.services import AttendanceEntry, attendance_record, session_create
from tests.factories import EnrolmentFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def test_todays_sessions_are_listed_by_start_time_with_their_register_state(client, staff, cohort, todays_session):
    earlier = session_create(
        cohort=cohort,
        module=cohort.programme.modules.get(position=1),
        date=todays_session.date,
        start_time=datetime.time(7, 30),
        end_time=datetime.time(8, 30),
        units=1,
        by=staff,
    )
    person = EnrolmentFactory(
        cohort=cohort,
        participant=ParticipantFactory(organisation=cohort.site.organisation),
        enrolled_on=cohort.start_date,
    )
    attendance_record(session=earlier, entries=[AttendanceEntry(enrolment_id=person.pk, status="P")], by=staff)

    rows = selectors.sessions_today_visible_to(staff)

    assert [(row.pk, row.recorded) for row in rows] == [(earlier.pk, True), (todays_session.pk, False)]
    client.force_login(staff)
    page = client.get(reverse("home")).content.decode()
    assert "07:30–08:30" in page and "09:00–12:00" in page
    assert f"{cohort.number} · {earlier.module.title}" in page
    assert "Register recorded" in page
    assert f'href="{reverse("courses:register", args=[todays_session.pk])}">Take register' in page


def test_another_organisations_staff_see_none_of_them(client, other_staff, todays_session):
    assert selectors.sessions_today_visible_to(other_staff) == []
    client.force_login(other_staff)
    assert "Today's sessions" not in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("who", ["supervisor", "participant_user"])
def test_other_roles_get_no_sessions_panel(client, request, who, todays_session):
    client.force_login(request.getfixturevalue(who))
    assert "Today's sessions" not in client.get(reverse("home")).content.decode()
