"""field__any_of finds the same rows as __in, with one array parameter on PostgreSQL."""

import pytest

from core.bulk import lookup_chunks
from courses.models import Participant
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def test_any_of_matches_like_in_with_unicode_values():
    people = [ParticipantFactory(family_name=name) for name in ("Yılmaz", "Nguyễn", "Wróbel", "Müller")]
    wanted = [people[0].name_key, people[2].name_key, "nobody here"]

    found = set(Participant.objects.filter(name_key__any_of=wanted))

    assert found == set(Participant.objects.filter(name_key__in=wanted)) == {people[0], people[2]}


def test_an_empty_list_matches_nothing():
    ParticipantFactory()
    assert not Participant.objects.filter(name_key__any_of=[]).exists()


def test_chunks_cover_every_value_once():
    values = [str(i) for i in range(4500)]
    chunks = list(lookup_chunks(values, size=2000))
    assert [v for chunk in chunks for v in chunk] == values
