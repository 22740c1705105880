"""pk__among=queryset finds the same rows as pk__in=queryset; on PostgreSQL it is sent as = ANY(ARRAY(…))."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import Participant
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def test_among_a_union_matches_like_in():
    people = [ParticipantFactory(family_name=name) for name in ("Yılmaz", "Nguyễn", "Wróbel", "Müller")]
    first = Participant.objects.filter(pk=people[0].pk).order_by().values("pk")
    third = Participant.objects.filter(family_name="Wróbel").order_by().values("pk")

    with CaptureQueriesContext(connection) as queries:
        found = set(Participant.objects.filter(pk__among=first.union(third)))

    assert found == set(Participant.objects.filter(pk__in=first.union(third))) == {people[0], people[2]}
    if connection.vendor == "postgresql":
        assert "= ANY(ARRAY(" in queries[0]["sql"]


def test_an_empty_subquery_matches_nothing():
    ParticipantFactory()
    assert not Participant.objects.filter(pk__among=Participant.objects.none().values("pk")).exists()
    assert not Participant.objects.filter(pk__among=Participant.objects.filter(pk=-1).values("pk")).exists()


def test_a_list_of_values_is_refused():
    with pytest.raises(TypeError, match="__among takes a queryset"):
        Participant.objects.filter(pk__among=[1, 2])
