import datetime

import pytest
from django.db import IntegrityError

from courses.models import Participant

from ..factories import ParticipantFactory


@pytest.mark.django_db
def test_unicode_names_are_stored_exactly(organisation):
    participant = ParticipantFactory(organisation=organisation, given_name="Nguyễn Thị", family_name="Lan")
    participant.refresh_from_db()
    assert participant.full_name == "Nguyễn Thị Lan"
    assert participant.name_key == "lan nguyen thi"


@pytest.mark.django_db
def test_participants_sort_by_folded_name_on_every_database(organisation):
    for family in ["Zając", "Łukasiewicz", "Öztürk", "Al-Hassan", "Nguyễn", "Şahin"]:
        ParticipantFactory(organisation=organisation, family_name=family)
    names = list(Participant.objects.values_list("family_name", flat=True))
    assert names == ["Al-Hassan", "Łukasiewicz", "Nguyễn", "Öztürk", "Şahin", "Zając"]


@pytest.mark.django_db
def test_customer_number_is_unique_per_organisation(organisation, other_organisation):
    ParticipantFactory(organisation=organisation, jobcenter_customer_number="362D123456")
    ParticipantFactory(organisation=other_organisation, jobcenter_customer_number="362D123456")
    with pytest.raises(IntegrityError):
        ParticipantFactory(organisation=organisation, jobcenter_customer_number="362D123456")


@pytest.mark.django_db
def test_empty_customer_numbers_do_not_clash(organisation):
    ParticipantFactory(organisation=organisation, jobcenter_customer_number="")
    ParticipantFactory(organisation=organisation, jobcenter_customer_number="")
    assert Participant.objects.count() == 2


@pytest.mark.django_db
def test_date_of_birth_in_future_is_invalid(organisation):
    participant = Participant(
        organisation=organisation, given_name="A", family_name="B", date_of_birth=datetime.date(2999, 1, 1)
    )
    with pytest.raises(Exception) as info:
        participant.full_clean(exclude=["name_key"])
    assert "future" in str(info.value)
