"""A Zertifikat only once the measure is over for the person: last teaching day (or every planned unit
held) and the placement past. The checklist shows it with the day it will be met (issue 17.2)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from certificates import services
from certificates.eligibility import eligibility_for_cohort, eligibility_for_enrolment
from certificates.models import Certificate
from core.dates import short_date
from core.exceptions import DomainError
from courses.models import AttendanceRecord, TeachingSession
from placements.models import Placement

from .factories import sessions_for

pytestmark = pytest.mark.django_db


def measure_item(eligibility):
    (item,) = [i for i in eligibility.items if i.code == "measure_over"]
    return item


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def mid_course(eligible, today):
    """90 % of every module attended, the rest still to come; the cohort ends in three weeks; the placement
    is over. The old rules would have issued the Zertifikat now."""
    cohort = eligible.cohort
    cohort.end_date = today + datetime.timedelta(days=21)
    cohort.save(update_fields=["end_date"])
    for session in sessions_for(cohort):
        rest = session.units // 10
        TeachingSession.objects.filter(pk=session.pk).update(units=session.units - rest)
        AttendanceRecord.objects.filter(session=session).update(attended_units=session.units - rest)
        TeachingSession.objects.create(
            cohort=cohort,
            module=session.module,
            date=today + datetime.timedelta(days=10 + session.module.position),
            start_time=session.start_time,
            end_time=session.end_time,
            units=rest,
        )
    return eligible


def test_over_when_last_teaching_day_and_placement_are_past(eligible):
    item = measure_item(eligibility_for_enrolment(eligible))
    assert item.met
    assert item.detail == "The measure ended on 26.06.2026."


def test_not_over_in_the_middle_of_the_course(mid_course, staff, today):
    eligibility = eligibility_for_enrolment(mid_course)
    item = measure_item(eligibility)
    end = mid_course.cohort.end_date
    assert not item.met
    assert [i.code for i in eligibility.missing] == ["measure_over"]  # everything else is met
    assert item.detail == f"Last teaching day: {short_date(end)}. Met from {short_date(end + datetime.timedelta(1))}."
    with pytest.raises(DomainError, match="Met from"):
        services.certificate_issue(enrolment=mid_course, by=staff)
    result = services.certificates_issue_for_cohort(cohort=mid_course.cohort, by=staff)
    assert result.issued == [] and "Last teaching day" in result.not_issued[0][1]
    assert not Certificate.objects.exists()


def test_all_units_held_but_placement_still_running(eligible, staff, today):
    """Every planned session held: teaching is over even before the cohort's end date; the placement
    decides."""
    cohort = eligible.cohort
    cohort.end_date = today + datetime.timedelta(days=40)
    cohort.save(update_fields=["end_date"])
    placement_end = today + datetime.timedelta(days=5)
    Placement.objects.filter(enrolment=eligible).update(end_date=placement_end)
    item = measure_item(eligibility_for_cohort(cohort)[eligible.pk])
    assert not item.met
    assert item.detail == (
        f"The placement ends on {short_date(placement_end)}. "
        f"Met from {short_date(placement_end + datetime.timedelta(1))}."
    )
    Placement.objects.filter(enrolment=eligible).update(end_date=today - datetime.timedelta(days=1))
    assert measure_item(eligibility_for_enrolment(eligible)).met
    assert services.certificate_issue(enrolment=eligible, by=staff).number


def test_checklist_page_shows_the_requirement(client, staff, participant_user, mid_course):
    for user in (staff, participant_user):
        client.force_login(user)
        text = client.get(reverse("certificates:enrolment", kwargs={"pk": mid_course.pk})).content.decode()
        assert "The measure is over (last teaching day and placement past)" in text
        assert "Met from" in text


@pytest.mark.parametrize("role", ["supervisor", "participant_user", "other_staff"])
def test_issuing_refused_for_other_roles_even_when_over(client, request, eligible, role):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("certificates:issue", kwargs={"pk": eligible.pk}), {"language": "de"})
    assert response.status_code == 403 and not Certificate.objects.exists()


def test_participant_page_does_not_call_a_running_course_completed(client, participant_user, eligible, today):
    """A certificate issued early (before this rule) marked the enrolment completed; the page says the
    course is running while it is."""
    cohort = eligible.cohort
    eligible.status = "completed"
    eligible.save(update_fields=["status"])
    cohort.end_date = today + datetime.timedelta(days=21)
    cohort.save(update_fields=["end_date"])
    client.force_login(participant_user)
    with_language = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "abgeschlossen" not in with_language
    cohort.end_date = today - datetime.timedelta(days=1)
    cohort.save(update_fields=["end_date"])
    assert "abgeschlossen" in client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
