"""Goals on the participant's outcomes page: staff add one and mark it reached, each form at its own URL;
other staff, supervisors and participants change nothing."""

import pytest
from django.urls import reverse

from outcomes.models import Goal, GoalStatus

pytestmark = pytest.mark.django_db


def test_staff_add_a_goal_and_mark_it_reached(client, staff, enrolment):
    participant = enrolment.participant
    client.force_login(staff)
    response = client.post(reverse("outcomes:goal_add", args=[participant.pk]), {"title": "Deutsch B1"})
    assert response.status_code == 302
    goal = Goal.objects.get(participant=participant)
    assert (goal.title, goal.status) == ("Deutsch B1", GoalStatus.OPEN)
    client.post(reverse("outcomes:goal_status", args=[participant.pk]), {"goal": goal.pk, "goal_status": "reached"})
    goal.refresh_from_db()
    assert goal.status == GoalStatus.REACHED


def test_a_goal_without_a_title_is_not_added(client, staff, enrolment):
    client.force_login(staff)
    client.post(reverse("outcomes:goal_add", args=[enrolment.participant_id]), {"title": ""})
    assert not Goal.objects.exists()


@pytest.mark.parametrize("who", ["other_staff", "supervisor", "participant_user"])
def test_others_change_no_goal(client, request, who, enrolment):
    goal = Goal.objects.create(participant=enrolment.participant, title="Hospitation OGS")
    client.force_login(request.getfixturevalue(who))
    add = client.post(reverse("outcomes:goal_add", args=[enrolment.participant_id]), {"title": "X"})
    status = client.post(
        reverse("outcomes:goal_status", args=[enrolment.participant_id]), {"goal": goal.pk, "goal_status": "dropped"}
    )
    assert add.status_code in (403, 404) and status.status_code in (403, 404)
    goal.refresh_from_db()
    assert Goal.objects.count() == 1 and goal.status == GoalStatus.OPEN
