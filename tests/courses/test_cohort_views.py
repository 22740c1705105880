import datetime

import pytest
from django.urls import reverse

from courses.models import Cohort

from ..factories import CohortFactory, EnrolmentFactory, ParticipantFactory


@pytest.mark.django_db
def test_cohort_list_shows_only_own_organisation(client, staff, cohort, other_cohort):
    client.force_login(staff)
    response = client.get(reverse("courses:cohort_list"))
    assert response.status_code == 200
    rows = list(response.context["table"].data)
    assert cohort in rows and other_cohort not in rows


@pytest.mark.django_db
def test_cohort_list_filters_by_status_and_year(client, staff, cohort):
    finished = CohortFactory(
        programme=cohort.programme,
        site=cohort.site,
        status="finished",
        start_date=datetime.date(2022, 2, 7),
        end_date=datetime.date(2022, 7, 1),
    )
    client.force_login(staff)
    response = client.get(reverse("courses:cohort_list"), {"status": "finished"})
    assert list(response.context["table"].data) == [finished]
    response = client.get(reverse("courses:cohort_list"), {"year": "2026"})
    assert list(response.context["table"].data) == [cohort]


@pytest.mark.django_db
def test_cohort_list_sorts_and_paginates(client, staff, cohort):
    for number in range(30):
        CohortFactory(programme=cohort.programme, site=cohort.site, number=f"R-{number:02d}")
    client.force_login(staff)
    response = client.get(reverse("courses:cohort_list"), {"sort": "number"})
    page = response.context["table"].page
    assert page.paginator.num_pages == 2
    assert page.object_list.data[0].number == "2026-0" or page.object_list.data[0].number <= "R-00"


@pytest.mark.django_db
def test_cohort_list_query_count_does_not_grow_with_rows(client, staff, cohort, django_assert_max_num_queries):
    client.force_login(staff)
    client.get(reverse("courses:cohort_list"))
    for number in range(20):
        CohortFactory(programme=cohort.programme, site=cohort.site, number=f"X-{number}")
    with django_assert_max_num_queries(12):
        client.get(reverse("courses:cohort_list"))


@pytest.mark.django_db
def test_cohort_detail_shows_roster_and_free_places(client, staff, cohort):
    lan = ParticipantFactory(organisation=cohort.site.organisation, given_name="Nguyễn Thị", family_name="Lan")
    EnrolmentFactory(cohort=cohort, participant=lan)
    client.force_login(staff)
    response = client.get(reverse("courses:cohort_detail", args=[cohort.pk]))
    assert response.status_code == 200
    assert "Nguyễn Thị" in response.content.decode()
    assert response.context["free_places"] == cohort.capacity - 1


@pytest.mark.django_db
def test_staff_of_other_organisation_cannot_open_cohort(client, other_staff, cohort):
    client.force_login(other_staff)
    assert client.get(reverse("courses:cohort_detail", args=[cohort.pk])).status_code == 403


def _cohort_post(cohort, **overrides):
    data = {
        "programme": cohort.programme.pk,
        "site": cohort.site.pk,
        "number": "2027-1",
        "start_date": "01.02.2027",
        "end_date": "30.06.2027",
        "capacity": "15",
        "status": "planned",
        "funding_body": "Kreisjobcenter Coesfeld",
        "measure_number": "962/0001/27",
        "partners": "",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_staff_create_cohort_with_german_dates(client, staff, cohort):
    client.force_login(staff)
    response = client.post(reverse("courses:cohort_create"), _cohort_post(cohort))
    created = Cohort.objects.get(number="2027-1")
    assert response.status_code == 302 and response["Location"] == reverse("courses:cohort_detail", args=[created.pk])
    assert created.start_date == datetime.date(2027, 2, 1)


@pytest.mark.django_db
def test_create_cohort_end_before_start_shows_message_and_saves_nothing(client, staff, cohort):
    client.force_login(staff)
    response = client.post(reverse("courses:cohort_create"), _cohort_post(cohort, end_date="01.01.2027"))
    assert response.status_code == 200
    assert "The end date must not be before the start date." in response.content.decode()
    assert not Cohort.objects.filter(number="2027-1").exists()


@pytest.mark.django_db
def test_create_cohort_duplicate_number_shows_message(client, staff, cohort):
    client.force_login(staff)
    response = client.post(reverse("courses:cohort_create"), _cohort_post(cohort, number=cohort.number))
    assert "already has a run with this number" in response.content.decode()


@pytest.mark.django_db
def test_create_cohort_cannot_use_other_organisations_programme(client, staff, cohort, other_cohort):
    client.force_login(staff)
    response = client.post(
        reverse("courses:cohort_create"),
        _cohort_post(cohort, programme=other_cohort.programme.pk, site=other_cohort.site.pk),
    )
    assert response.status_code == 200
    assert not Cohort.objects.filter(number="2027-1").exists()


@pytest.mark.django_db
def test_edit_cohort_capacity_below_enrolled_is_refused(client, staff, cohort):
    EnrolmentFactory(cohort=cohort)
    EnrolmentFactory(cohort=cohort)
    client.force_login(staff)
    response = client.post(
        reverse("courses:cohort_update", args=[cohort.pk]),
        _cohort_post(cohort, number=cohort.number, capacity="1", start_date="02.02.2026", end_date="26.06.2026"),
    )
    assert "already has 2 participants" in response.content.decode()
    cohort.refresh_from_db()
    assert cohort.capacity == 15


@pytest.mark.django_db
def test_supervisor_and_participant_cannot_create_cohorts(client, supervisor, participant_user, cohort):
    for user in (supervisor, participant_user):
        client.force_login(user)
        assert client.post(reverse("courses:cohort_create"), _cohort_post(cohort)).status_code == 403
    assert not Cohort.objects.filter(number="2027-1").exists()
