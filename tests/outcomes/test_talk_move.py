"""Moving or swapping a talk by hand: the page names the rule a change breaks; database rules never give."""

import pytest
from django.urls import reverse

from outcomes import services
from outcomes.models import EventParticipant, Talk

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_talks(accepted_event):
    a, b = accepted_event.test_people[:2]
    e, f = accepted_event.test_employers[:2]
    first = Talk.objects.create(event=accepted_event, round=1, table=1, participant=a, employer=e)
    second = Talk.objects.create(event=accepted_event, round=2, table=2, participant=b, employer=f)
    return first, second


def test_moving_onto_a_taken_place_swaps_the_two_talks(client, staff, two_talks):
    first, second = two_talks
    client.force_login(staff)
    response = client.post(reverse("outcomes:talk_move", args=[first.pk]), {"round": 2, "table": 2})
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.round, first.table, second.round, second.table) == (2, 2, 1, 1)


def test_the_check_names_the_broken_rule_and_nothing_is_saved(client, staff, two_talks, accepted_event):
    first, _second = two_talks
    EventParticipant.objects.filter(event=accepted_event, participant=first.participant).update(last_round=1)
    client.force_login(staff)
    response = client.post(reverse("outcomes:talk_move", args=[first.pk]), {"round": 3, "table": 1, "check": "1"})
    assert "is not there in round 3" in response.content.decode()
    first.refresh_from_db()
    assert first.round == 1
    response = client.post(reverse("outcomes:talk_move", args=[first.pk]), {"round": 3, "table": 1})
    assert response.status_code == 200 and "is not there in round 3" in response.content.decode()
    first.refresh_from_db()
    assert first.round == 1


def test_a_broken_presence_rule_can_be_accepted_on_purpose(staff, two_talks, accepted_event):
    first, _second = two_talks
    EventParticipant.objects.filter(event=accepted_event, participant=first.participant).update(last_round=1)
    services.talk_move(talk=first, round=3, table=1, accept_broken_rules=True)
    first.refresh_from_db()
    assert first.round == 3


def test_two_places_at_once_is_refused_even_on_purpose(staff, accepted_event, two_talks):
    first, second = two_talks
    third = Talk.objects.create(
        event=accepted_event, round=2, table=3, participant=first.participant, employer=accepted_event.test_employers[2]
    )
    with pytest.raises(services.DomainError, match="places in round"):
        services.talk_move(talk=third, round=1, table=4, accept_broken_rules=True)
    third.refresh_from_db()
    assert third.round == 2


def test_other_staff_cannot_move(client, other_staff, two_talks):
    first, _second = two_talks
    client.force_login(other_staff)
    response = client.post(reverse("outcomes:talk_move", args=[first.pk]), {"round": 3, "table": 4})
    assert response.status_code in (403, 404)
    first.refresh_from_db()
    assert first.round == 1
