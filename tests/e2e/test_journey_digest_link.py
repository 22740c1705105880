"""Journey: a supervisor follows the signed link of the daily digest on a phone and confirms an entry without
logging in; the history records it as hers, "via link"."""

import pytest
from django.conf import settings
from django.utils import timezone

from notifications.models import Notification
from notifications.tasks import supervisor_digest
from placements.models import HourEntryAction, HourEntryEvent, HourEntryStatus

from .helpers import PHONE, axe_check, expect, t
from .world import active_placement, build_world, enrol, log_hours, past_weekdays, running_cohort, supervisor_at

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_supervisor_confirms_from_the_digest_link_without_logging_in(new_page):
    world = build_world()
    cohort = running_cohort(world)
    facility, supervisor = supervisor_at(world, facility_name="Kita Regenbogen, Dülmen")
    supervisor.email = "sabine@example.org"
    supervisor.save()
    lan = enrol(cohort, "Thị Lan", "Nguyễn", cohort.start_date.replace(year=1988), username="teilnehmerin")
    placement = active_placement(world, lan, facility=facility, supervisor=supervisor)
    d1, d2 = past_weekdays(2)
    first = log_hours(placement, lan.participant.user, d1, "08:00", "12:30", activity="Begleitung im Morgenkreis")
    second = log_hours(placement, lan.participant.user, d2, "08:00", "13:00", activity="Sprachförderung")

    supervisor_digest.call(today=timezone.localdate().isoformat())
    digest = Notification.objects.get(recipient=supervisor, kind="supervisor_digest")
    link = digest.params["placements"][0]["link"]
    assert link in digest.body

    page = new_page(viewport=PHONE, mobile=True)
    page.goto(link.removeprefix(settings.SITE_URL))
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Confirm placement hours"))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    axe_check(page)
    page.get_by_role("region", name=d1.strftime("%d.%m.%Y")).get_by_role("button", name=t("Confirm")).tap()
    expect(page.get_by_role("status").first).to_contain_text(t("The entry was confirmed."))
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == HourEntryStatus.CONFIRMED and first.decided_by == supervisor
    assert second.status == HourEntryStatus.PENDING
    assert HourEntryEvent.objects.get(entry=first, action=HourEntryAction.CONFIRMED).via_link
    # Nobody logged in on this phone.
    assert not any(cookie["name"] == "sessionid" for cookie in page.context.cookies())
