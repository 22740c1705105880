"""Planning an event through the page: talks are stored, the page says whether the plan is proven optimal,
impossible wishes are explained, and a schedule with recorded results is never replaced."""

import pytest
from django.urls import reverse

from outcomes import services
from outcomes.models import EventEmployer, ParticipantWish, Talk

pytestmark = pytest.mark.django_db


def wish(event, participant, *employers):
    for rank, employer in enumerate(employers, start=1):
        ParticipantWish.objects.create(event=event, participant=participant, employer=employer, rank=rank)


def test_staff_plan_the_talks_and_see_it_is_optimal(client, staff, accepted_event):
    people, firms = accepted_event.test_people, accepted_event.test_employers
    for person in people:
        wish(accepted_event, person, *firms)
    client.force_login(staff)
    response = client.post(reverse("outcomes:event_schedule_run", args=[accepted_event.pk]), follow=True)
    assert Talk.objects.filter(event=accepted_event).count() == 9  # everyone meets all three
    assert "proven optimal" in response.content.decode()
    accepted_event.refresh_from_db()
    assert accepted_event.schedule_info["proven_optimal"] is True


def test_an_employer_only_in_the_last_round_wanted_by_all_is_explained(client, staff, accepted_event):
    late = accepted_event.test_employers[0]
    EventEmployer.objects.filter(event=accepted_event, employer=late).update(first_round=3)
    for person in accepted_event.test_people:
        wish(accepted_event, person, late)
    client.force_login(staff)
    response = client.post(reverse("outcomes:event_schedule_run", args=[accepted_event.pk]), follow=True)
    assert response.status_code == 200
    assert Talk.objects.filter(event=accepted_event).count() == 1
    assert "is wanted by 3 people but can hold only 1 talk (round 3)" in response.content.decode()


def test_other_staff_and_participants_cannot_plan(client, other_staff, participant_user, accepted_event):
    for user in (other_staff, participant_user):
        client.force_login(user)
        response = client.post(reverse("outcomes:event_schedule_run", args=[accepted_event.pk]))
        assert response.status_code in (403, 404)
    assert not Talk.objects.filter(event=accepted_event).exists()


def test_a_schedule_with_results_is_not_replaced(staff, accepted_event):
    person, firm = accepted_event.test_people[0], accepted_event.test_employers[0]
    wish(accepted_event, person, firm)
    services.schedule_event(event=accepted_event)
    talk = Talk.objects.get(event=accepted_event)
    services.talk_record(talk=talk, by=staff, held=True, participant_interested=True, employer_interested=True)
    with pytest.raises(services.DomainError, match="already recorded"):
        services.schedule_event(event=accepted_event)
    assert Talk.objects.get(event=accepted_event).pk == talk.pk


def test_declined_people_and_employers_get_no_talks(accepted_event):
    person, firm = accepted_event.test_people[0], accepted_event.test_employers[0]
    wish(accepted_event, person, firm)
    EventEmployer.objects.filter(event=accepted_event, employer=firm).update(status="declined")
    services.schedule_event(event=accepted_event)
    assert not Talk.objects.filter(event=accepted_event).exists()
