"""Writing on a person's outcomes page asks for the right to write, not the right to read: with the write
rules denied, staff who may read the page still record no outcome and change no goal."""

import datetime

import pytest
import rules
from django.urls import reverse

from outcomes.models import Goal, GoalStatus, OutcomeRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def write_rules_denied():
    saved = {name: rules.permissions.permissions[name] for name in ("outcomes.add_outcome", "outcomes.change_goals")}
    for name in saved:
        rules.permissions.set_perm(name, rules.always_deny)
    yield
    for name, predicate in saved.items():
        rules.permissions.set_perm(name, predicate)


def test_reading_is_not_enough_to_write(client, staff, enrolment, write_rules_denied):
    participant = enrolment.participant
    goal = Goal.objects.create(participant=participant, title="Hospitation OGS")
    client.force_login(staff)
    page = reverse("outcomes:participant_outcomes", args=[participant.pk])
    assert client.get(page).status_code == 200
    record = client.post(
        page, {"date": datetime.date.today().strftime("%d.%m.%Y"), "kind": "seeking", "source": "participant"}
    )
    add = client.post(reverse("outcomes:goal_add", args=[participant.pk]), {"title": "Deutsch B1"})
    status = client.post(
        reverse("outcomes:goal_status", args=[participant.pk]), {"goal": goal.pk, "goal_status": "reached"}
    )
    assert (record.status_code, add.status_code, status.status_code) == (403, 403, 403)
    goal.refresh_from_db()
    assert not OutcomeRecord.objects.exists()
    assert list(Goal.objects.values_list("title", "status")) == [("Hospitation OGS", GoalStatus.OPEN)]


def test_with_the_write_rules_staff_write(client, staff, enrolment):
    participant = enrolment.participant
    client.force_login(staff)
    page = reverse("outcomes:participant_outcomes", args=[participant.pk])
    record = client.post(
        page, {"date": datetime.date.today().strftime("%d.%m.%Y"), "kind": "seeking", "source": "participant"}
    )
    add = client.post(reverse("outcomes:goal_add", args=[participant.pk]), {"title": "Deutsch B1"})
    assert (record.status_code, add.status_code) == (302, 302)
    assert list(OutcomeRecord.objects.values_list("participant", "kind")) == [(participant.pk, "seeking")]
    assert list(Goal.objects.values_list("title", flat=True)) == ["Deutsch B1"]
