"""After the course a participant keeps their documents and nothing of the running course: their attendance
pages are refused and the start page says the course has ended (or when they left); staff see everything as
before, and a participant with a second, running course sees that one normally."""

import pytest
from django.urls import reverse

from courses.models import CohortStatus
from courses.rules import course_still_running
from tests.factories import CohortFactory, EnrolmentFactory

from .after_course import ENDINGS, end_course

pytestmark = pytest.mark.django_db


def _attendance_url(enrolment):
    return reverse("courses:enrolment_attendance", kwargs={"pk": enrolment.pk})


@pytest.mark.parametrize("how", ENDINGS)
def test_the_rule_says_the_course_is_over(enrolment, participant_user, staff, how):
    assert course_still_running(participant_user, enrolment)
    assert not course_still_running(participant_user, end_course(enrolment, how, by=staff))


def test_a_planned_run_is_still_the_participants_course(enrolment, participant_user):
    enrolment.cohort.status = CohortStatus.PLANNED
    assert course_still_running(participant_user, enrolment)


@pytest.mark.parametrize("how", ENDINGS)
def test_the_participant_no_longer_opens_their_attendance(client, enrolment, participant_user, staff, how):
    client.force_login(participant_user)
    assert client.get(_attendance_url(enrolment)).status_code == 200
    ended = end_course(enrolment, how, by=staff)
    assert client.get(_attendance_url(ended)).status_code == 403
    assert not participant_user.has_perm("courses.view_enrolment", ended)


@pytest.mark.parametrize("how", ENDINGS)
def test_staff_still_open_the_attendance(client, enrolment, participant_user, staff, how):
    ended = end_course(enrolment, how, by=staff)
    client.force_login(staff)
    assert client.get(_attendance_url(ended)).status_code == 200


@pytest.mark.parametrize("how", ENDINGS)
def test_other_organisations_staff_stay_refused(client, enrolment, participant_user, staff, other_staff, how):
    ended = end_course(enrolment, how, by=staff)
    client.force_login(other_staff)
    assert client.get(_attendance_url(ended)).status_code in (403, 404)


def test_the_start_page_says_when_they_left(client, enrolment, participant_user, staff):
    end_course(enrolment, "withdrawn", by=staff)
    client.force_login(participant_user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "You left this course on <bdi>30.04.2026</bdi>." in text
    assert "Your attendance" not in text
    assert "Your placement" not in text
    assert _attendance_url(enrolment) not in text


@pytest.mark.parametrize("how", ["finished", "completed"])
def test_the_start_page_says_the_course_has_ended(client, enrolment, participant_user, staff, how):
    end_course(enrolment, how, by=staff)
    client.force_login(participant_user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "This course has ended." in text
    assert "Your attendance" not in text
    assert "requirements met so far" not in text
    assert _attendance_url(enrolment) not in text


def test_the_start_page_in_german(german_client, enrolment, participant_user, staff):
    end_course(enrolment, "withdrawn", by=staff)
    german_client.force_login(participant_user)
    text = german_client.get(reverse("home")).content.decode()
    assert "Sie haben diesen Kurs am <bdi>30.04.2026</bdi> verlassen." in text


@pytest.mark.parametrize("how", ENDINGS)
def test_a_second_running_course_is_shown_normally(client, enrolment, participant_user, staff, how):
    end_course(enrolment, how, by=staff)
    later = CohortFactory(programme=enrolment.cohort.programme, site=enrolment.cohort.site, status=CohortStatus.RUNNING)
    running = EnrolmentFactory(cohort=later, participant=enrolment.participant)
    client.force_login(participant_user)
    text = client.get(reverse("home")).content.decode()
    assert "Your attendance" in text
    assert _attendance_url(running) in text
    assert _attendance_url(enrolment) not in text
    assert client.get(_attendance_url(running)).status_code == 200
    assert client.get(_attendance_url(enrolment)).status_code == 403
