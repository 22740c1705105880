"""During the event: one tap per talk records its result; a confirmed next step becomes an outcome."""

import pytest
from django.urls import reverse

from outcomes.models import OutcomeRecord, Talk

pytestmark = pytest.mark.django_db


@pytest.fixture
def talk(accepted_event):
    return Talk.objects.create(
        event=accepted_event,
        round=1,
        table=1,
        participant=accepted_event.test_people[0],
        employer=accepted_event.test_employers[0],
    )


def test_one_tap_records_a_praktikum_and_answers_htmx_with_the_row(client, staff, talk):
    client.force_login(staff)
    response = client.post(
        reverse("outcomes:talk_record", args=[talk.pk]),
        {"tap": "praktikum", "next_step_date": "15.01.2027"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert f'id="talk-{talk.pk}"' in response.content.decode()
    talk.refresh_from_db()
    assert (talk.held, talk.participant_interested, talk.employer_interested, talk.next_step) == (
        True,
        True,
        True,
        "praktikum",
    )
    assert talk.next_step_date.isoformat() == "2027-01-15"
    assert talk.recorded_by == staff


def test_a_talk_that_did_not_take_place(client, staff, talk):
    client.force_login(staff)
    client.post(reverse("outcomes:talk_record", args=[talk.pk]), {"tap": "absent"})
    talk.refresh_from_db()
    assert talk.held is False and talk.next_step == ""


def test_participants_and_other_staff_cannot_record(client, participant_user, other_staff, talk):
    for user in (participant_user, other_staff):
        client.force_login(user)
        response = client.post(reverse("outcomes:talk_record", args=[talk.pk]), {"tap": "interest"})
        assert response.status_code in (403, 404)
    talk.refresh_from_db()
    assert talk.recorded_at is None


def test_a_confirmed_job_offer_becomes_an_outcome_record(client, staff, talk):
    client.force_login(staff)
    client.post(reverse("outcomes:talk_record", args=[talk.pk]), {"tap": "job_offer"})
    client.post(reverse("outcomes:talk_confirm", args=[talk.pk]), {"kind": "employed"})
    record = OutcomeRecord.objects.get(talk=talk)
    assert (record.kind, record.source, record.employer_id) == ("employed", "event", talk.employer_id)
    response = client.post(reverse("outcomes:talk_confirm", args=[talk.pk]), {"kind": "employed"}, follow=True)
    assert "already confirmed" in response.content.decode()
    assert OutcomeRecord.objects.filter(talk=talk).count() == 1


def test_other_staff_cannot_confirm(client, staff, other_staff, talk):
    client.force_login(staff)
    client.post(reverse("outcomes:talk_record", args=[talk.pk]), {"tap": "ausbildung"})
    client.force_login(other_staff)
    response = client.post(reverse("outcomes:talk_confirm", args=[talk.pk]), {"kind": "ausbildung"})
    assert response.status_code in (403, 404)
    assert not OutcomeRecord.objects.exists()
