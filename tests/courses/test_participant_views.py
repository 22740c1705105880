import pytest
from django.urls import reverse

from ..factories import ParticipantFactory


@pytest.mark.django_db
def test_search_ignores_accents_and_case(client, staff, organisation, other_organisation):
    ParticipantFactory(organisation=organisation, given_name="Savaş", family_name="Yılmaz")
    ParticipantFactory(organisation=organisation, given_name="Olena", family_name="Kovalenko")
    ParticipantFactory(organisation=other_organisation, given_name="Savaş", family_name="Demir")
    client.force_login(staff)
    response = client.get(reverse("courses:participant_list"), {"q": "savas yilmaz"})
    names = [p.full_name for p in response.context["table"].data]
    assert names == ["Savaş Yılmaz"]


@pytest.mark.django_db
def test_participant_sees_own_record_but_not_others(client, participant_user, other_participant_user, enrolment):
    own = participant_user.participant
    other = other_participant_user.participant
    client.force_login(participant_user)
    assert client.get(reverse("courses:participant_detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("courses:participant_detail", args=[other.pk])).status_code == 403
    assert client.get(reverse("courses:participant_list")).status_code == 403


@pytest.mark.django_db
def test_staff_edit_participant_keeps_unicode(client, staff, enrolment):
    participant = enrolment.participant
    client.force_login(staff)
    response = client.post(
        reverse("courses:participant_update", args=[participant.pk]),
        {
            "given_name": "Łukasz",
            "family_name": "Wróbel",
            "date_of_birth": "02.01.1988",
            "german_level": "B2",
            "jobcenter_customer_number": "",
        },
    )
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.full_name == "Łukasz Wróbel"
    assert participant.name_key == "wrobel lukasz"


@pytest.mark.django_db
def test_other_staff_cannot_see_participant(client, other_staff, enrolment):
    client.force_login(other_staff)
    assert client.get(reverse("courses:participant_detail", args=[enrolment.participant.pk])).status_code == 403
