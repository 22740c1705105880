import datetime

import pytest
from django.urls import reverse

from courses.models import Enrolment, EnrolmentStatus, Participant

from ..factories import CohortFactory, EnrolmentFactory, ParticipantFactory


def _new_person(**overrides):
    data = {
        "new-given_name": "Nguyễn Thị",
        "new-family_name": "Lan",
        "new-date_of_birth": "17.05.1990",
        "new-german_level": "B1",
        "new-jobcenter_customer_number": "362D555555",
        "new-participant": "1",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_staff_enrol_new_participant(client, staff, cohort):
    client.force_login(staff)
    response = client.post(reverse("courses:enrol_new", args=[cohort.pk]), _new_person())
    assert response.status_code == 302
    participant = Participant.objects.get(jobcenter_customer_number="362D555555")
    assert participant.full_name == "Nguyễn Thị Lan"
    assert participant.date_of_birth == datetime.date(1990, 5, 17)
    assert Enrolment.objects.filter(cohort=cohort, participant=participant).exists()


@pytest.mark.django_db
def test_staff_enrol_existing_participant(client, staff, cohort, organisation):
    person = ParticipantFactory(organisation=organisation)
    client.force_login(staff)
    response = client.post(
        reverse("courses:enrol_existing", args=[cohort.pk]),
        {"existing-participant": str(person.pk)},
    )
    assert response.status_code == 302
    assert Enrolment.objects.filter(cohort=cohort, participant=person).exists()


@pytest.mark.django_db
def test_enrol_over_capacity_shows_message_and_changes_nothing(client, staff, organisation):
    cohort = CohortFactory(programme__organisation=organisation, capacity=1)
    EnrolmentFactory(cohort=cohort)
    client.force_login(staff)
    response = client.post(reverse("courses:enrol_new", args=[cohort.pk]), _new_person())
    assert response.status_code == 200
    assert "The cohort is full" in response.content.decode()
    assert not Participant.objects.filter(jobcenter_customer_number="362D555555").exists()


@pytest.mark.django_db
def test_enrol_with_bad_date_shows_field_error(client, staff, cohort):
    client.force_login(staff)
    response = client.post(
        reverse("courses:enrol_new", args=[cohort.pk]), _new_person(**{"new-date_of_birth": "31.02.1990"})
    )
    assert response.status_code == 200
    assert response.context["new_form"].errors["date_of_birth"]
    assert not Participant.objects.filter(jobcenter_customer_number="362D555555").exists()


@pytest.mark.django_db
def test_search_offers_only_people_who_can_be_enrolled(client, staff, cohort, enrolment, other_organisation):
    ParticipantFactory(organisation=other_organisation, given_name="Savaş", family_name="Kaya")
    free = ParticipantFactory(organisation=cohort.site.organisation, given_name="Savaş", family_name="Demir")
    enrolment.participant.given_name = "Savaş"
    enrolment.participant.save()
    client.force_login(staff)
    response = client.get(reverse("courses:enrol", args=[cohort.pk]), {"q": "savas"})
    assert list(response.context["candidates"]) == [free]


@pytest.mark.django_db
def test_enrol_page_lists_nobody_without_a_search(client, staff, cohort, organisation):
    ParticipantFactory(organisation=organisation)
    client.force_login(staff)
    response = client.get(reverse("courses:enrol", args=[cohort.pk]))
    assert list(response.context["candidates"]) == []


@pytest.mark.django_db
def test_enrolling_someone_of_another_organisation_is_refused(client, staff, cohort, other_organisation):
    stranger = ParticipantFactory(organisation=other_organisation)
    client.force_login(staff)
    url = reverse("courses:enrol_existing", args=[cohort.pk])
    response = client.post(url, {"existing-participant": str(stranger.pk)})
    assert response.status_code == 200
    assert not Enrolment.objects.filter(participant=stranger).exists()


@pytest.mark.django_db
def test_staff_withdraw_with_reason(client, staff, enrolment):
    client.force_login(staff)
    response = client.post(
        reverse("courses:withdraw", args=[enrolment.pk]), {"on": "02.03.2026", "reason": "Arbeitsaufnahme"}
    )
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.WITHDRAWN


@pytest.mark.django_db
def test_withdraw_without_reason_is_refused(client, staff, enrolment):
    client.force_login(staff)
    response = client.post(reverse("courses:withdraw", args=[enrolment.pk]), {"on": "02.03.2026", "reason": ""})
    assert response.status_code == 200
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE


@pytest.mark.django_db
def test_other_staff_and_participant_cannot_withdraw(client, other_staff, participant_user, enrolment):
    for user in (other_staff, participant_user):
        client.force_login(user)
        response = client.post(reverse("courses:withdraw", args=[enrolment.pk]), {"on": "02.03.2026", "reason": "x"})
        assert response.status_code == 403
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
