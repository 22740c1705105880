"""Staff are told of follow-ups as they fall due: once per follow-up, in one message a day, only the staff of
the person's organisation, and not at all where the organisation switched the kind off."""

import datetime

import pytest

from notifications.models import KindSwitch, Notification
from outcomes.notifications import followups_due
from outcomes.selectors import add_months

pytestmark = pytest.mark.django_db



def test_staff_are_told_once_of_each_follow_up_that_falls_due(finished, staff, other_staff):
    today = datetime.date.today()
    assert followups_due.call(today=today.isoformat()) == 1
    notification = Notification.objects.get(kind="followup_due")
    assert notification.recipient == staff  # not the other organisation's staff
    assert notification.subject == "2 Nachfragen fällig"
    assert finished.participant.full_name in notification.body and "3 Monate nach dem Ende" in notification.body
    assert followups_due.call(today=today.isoformat()) == 0  # idempotent
    assert followups_due.call(today=(today + datetime.timedelta(days=1)).isoformat()) == 0  # nothing new
    # Two months later the 6-month follow-up is due: one new message with only that one.
    later = add_months(today, 2)
    assert followups_due.call(today=later.isoformat()) == 1
    newest = Notification.objects.filter(kind="followup_due").latest("pk")
    assert newest.subject == "1 Nachfrage fällig" and "6 Monate nach dem Ende" in newest.body
    assert not Notification.objects.filter(recipient=other_staff).exists()


def test_an_organisation_can_switch_them_off(finished, staff):
    KindSwitch.objects.create(organisation=finished.cohort.site.organisation, kind="followup_due")
    assert followups_due.call(today=datetime.date.today().isoformat()) == 0
    assert not Notification.objects.exists()


def test_the_daily_list_names_the_job():
    from notifications.jobs import DAILY

    assert "followups_due" in DAILY
