"""Follow-ups at the end of the measure, +3 and +6 months: listed on the staff start page when due,
answered there in one step, once."""


import pytest
from django.urls import reverse

from outcomes.models import OutcomeRecord
from outcomes.selectors import follow_ups_due

pytestmark = pytest.mark.django_db



def test_due_follow_ups_are_listed_on_the_start_page(client, staff, finished):
    due, total = follow_ups_due(staff)
    assert [(f.enrolment.pk, f.month) for f in due] == [(finished.pk, 0), (finished.pk, 3)]
    assert total == 2
    client.force_login(staff)
    page = client.get(reverse("home")).content.decode()
    assert "Follow-ups due (2)" in page
    assert finished.participant.full_name in page


def test_one_step_answers_a_follow_up(client, staff, finished):
    client.force_login(staff)
    response = client.post(
        reverse("outcomes:follow_up_answer"),
        {"enrolment": finished.pk, "month": 3, "kind": "minijob", "source": "jobcenter"},
    )
    assert response.status_code == 302
    record = OutcomeRecord.objects.get()
    assert (record.follow_up_month, record.kind, record.source, record.enrolment_id) == (
        3,
        "minijob",
        "jobcenter",
        finished.pk,
    )
    assert [f.month for f in follow_ups_due(staff)[0]] == [0]
    again = client.post(
        reverse("outcomes:follow_up_answer"),
        {"enrolment": finished.pk, "month": 3, "kind": "employed", "source": "participant"},
        follow=True,
    )
    assert "already been answered" in again.content.decode()
    assert OutcomeRecord.objects.count() == 1


def test_not_available_needs_a_reason(client, staff, finished):
    client.force_login(staff)
    response = client.post(
        reverse("outcomes:follow_up_answer"),
        {"enrolment": finished.pk, "month": 0, "kind": "not_available", "source": "participant"},
        follow=True,
    )
    assert "Say why the person is not available." in response.content.decode()
    assert not OutcomeRecord.objects.exists()


def test_a_follow_up_not_yet_due_is_refused(client, staff, finished):
    client.force_login(staff)
    response = client.post(
        reverse("outcomes:follow_up_answer"),
        {"enrolment": finished.pk, "month": 6, "kind": "employed", "source": "participant"},
        follow=True,
    )
    assert "is due only on" in response.content.decode()
    assert not OutcomeRecord.objects.exists()


def test_other_staff_see_none_and_cannot_answer(client, other_staff, participant_user, finished):
    assert follow_ups_due(other_staff) == ([], 0)
    for user in (other_staff, participant_user):
        client.force_login(user)
        response = client.post(
            reverse("outcomes:follow_up_answer"),
            {"enrolment": finished.pk, "month": 0, "kind": "employed", "source": "participant"},
        )
        assert response.status_code in (403, 404)
    assert not OutcomeRecord.objects.exists()


def test_the_months_are_configurable(settings, staff, finished):
    settings.OUTCOMES_FOLLOW_UP_MONTHS = (1,)
    assert [f.month for f in follow_ups_due(staff)[0]] == [1]
