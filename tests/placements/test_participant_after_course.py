"""After the course the participant no longer opens their placement, logs hours or changes a pending entry;
staff and the supervisor keep their pages (the supervisor may still decide the last entries)."""

import pytest
from django.urls import reverse

from placements.models import HourEntry
from tests.courses.after_course import ENDINGS, end_course

from .conftest import days, log

pytestmark = pytest.mark.django_db


def _form(day=-2):
    return {
        "date": days(day).strftime("%d.%m.%Y"),
        "start_time": "08:00",
        "end_time": "12:00",
        "break_minutes": "0",
        "activity": "Vorlesen in der Leseecke",
    }


def _urls(placement, entry):
    return {
        "placement": reverse("placements:placement_detail", kwargs={"pk": placement.pk}),
        "log": reverse("placements:hour_entry_create", kwargs={"pk": placement.pk}),
        "edit": reverse("placements:hour_entry_edit", kwargs={"pk": entry.pk}),
    }


def test_while_the_course_runs_the_participant_uses_every_page(client, active_placement, participant_user):
    entry = log(active_placement, participant_user, day=-3)
    client.force_login(participant_user)
    for url in _urls(active_placement, entry).values():
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("how", ENDINGS)
def test_after_the_course_the_participant_is_refused(client, active_placement, participant_user, staff, how):
    entry = log(active_placement, participant_user, day=-3)
    end_course(active_placement.enrolment, how, by=staff)
    client.force_login(participant_user)
    urls = _urls(active_placement, entry)
    for url in urls.values():
        assert client.get(url).status_code == 403, url
    assert client.post(urls["log"], _form(day=-1)).status_code == 403
    assert client.post(urls["edit"], _form(day=-2)).status_code == 403
    assert list(HourEntry.objects.filter(placement=active_placement).values_list("pk", "date")) == [
        (entry.pk, days(-3))
    ]


@pytest.mark.parametrize("how", ENDINGS)
def test_the_start_page_no_longer_shows_the_placement(client, active_placement, participant_user, staff, how):
    end_course(active_placement.enrolment, how, by=staff)
    client.force_login(participant_user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Your placement" not in text
    assert reverse("placements:hour_entry_create", kwargs={"pk": active_placement.pk}) not in text


@pytest.mark.parametrize("how", ENDINGS)
def test_staff_and_supervisor_keep_their_pages(client, active_placement, participant_user, staff, supervisor, how):
    entry = log(active_placement, participant_user, day=-3)
    end_course(active_placement.enrolment, how, by=staff)
    client.force_login(staff)
    assert client.get(reverse("placements:placement_detail", kwargs={"pk": active_placement.pk})).status_code == 200
    assert client.get(reverse("placements:hour_entry_create", kwargs={"pk": active_placement.pk})).status_code == 200
    assert client.get(reverse("placements:hour_entry_correct", kwargs={"pk": entry.pk})).status_code == 200
    client.force_login(supervisor)
    assert client.get(reverse("placements:placement_detail", kwargs={"pk": active_placement.pk})).status_code == 200
    assert supervisor.has_perm("placements.confirm_hourentry", entry)
