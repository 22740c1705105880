"""iCalendar feeds at a secret, renewable address: stable UIDs, SEQUENCE for changes, STATUS:CANCELLED for
deleted sessions and cancelled placements, times in Europe/Berlin across the change to summer time (parsed
back with icalendar)."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.test import Client

from courses import services as course_services
from courses.models import TeachingSession
from notifications.calendars import feed_for

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
# 2026: summer time begins on Sunday 29 March.
BEFORE, AFTER = datetime.date(2026, 3, 27), datetime.date(2026, 3, 30)


@pytest.fixture
def spring_cohort(cohort):
    cohort.start_date, cohort.end_date = datetime.date(2026, 3, 2), datetime.date(2026, 6, 30)
    cohort.save()
    return cohort


def add_session(cohort, staff, day, start=9, end=12):
    module = cohort.programme.modules.order_by("position").first()
    return course_services.session_create(
        cohort=cohort,
        module=module,
        date=day,
        start_time=datetime.time(start),
        end_time=datetime.time(end),
        units=3,
        by=staff,
    )


def events(client, token):
    response = Client().get(f"/benachrichtigungen/kalender/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_times_stay_at_nine_in_berlin_across_the_change_to_summer_time(client, spring_cohort, staff):
    winter, summer = add_session(spring_cohort, staff, BEFORE), add_session(spring_cohort, staff, AFTER)
    feed = feed_for(cohort=spring_cohort)
    calendar, by_uid = events(client, feed.token)
    assert calendar.walk("VTIMEZONE") and str(calendar.walk("VTIMEZONE")[0]["TZID"]) == "Europe/Berlin"
    starts = {uid: e.decoded("DTSTART") for uid, e in by_uid.items()}
    winter_start = next(v for k, v in starts.items() if k.startswith(f"session-{winter.pk}@"))
    summer_start = next(v for k, v in starts.items() if k.startswith(f"session-{summer.pk}@"))
    assert winter_start.astimezone(BERLIN).hour == 9 and summer_start.astimezone(BERLIN).hour == 9
    assert winter_start.utcoffset() == datetime.timedelta(hours=1)
    assert summer_start.utcoffset() == datetime.timedelta(hours=2)
    assert winter_start.astimezone(datetime.UTC).hour == 8 and summer_start.astimezone(datetime.UTC).hour == 7


def test_a_changed_session_keeps_its_uid_and_raises_its_sequence(client, spring_cohort, staff):
    session = add_session(spring_cohort, staff, BEFORE)
    token = feed_for(cohort=spring_cohort).token
    _, before = events(client, token)
    (uid,) = before
    assert int(before[uid]["SEQUENCE"]) == 0
    course_services.session_update(session=session, by=staff, start_time=datetime.time(10), end_time=datetime.time(13))
    _, after = events(client, token)
    assert list(after) == [uid]
    assert int(after[uid]["SEQUENCE"]) == 1
    assert after[uid].decoded("DTSTART").astimezone(BERLIN).hour == 10


def test_a_deleted_session_is_published_as_cancelled(client, spring_cohort, staff):
    session = add_session(spring_cohort, staff, AFTER)
    token = feed_for(cohort=spring_cohort).token
    _, before = events(client, token)
    (uid,) = before
    course_services.session_delete(session=TeachingSession.objects.get(pk=session.pk), by=staff)
    _, after = events(client, token)
    assert str(after[uid]["STATUS"]) == "CANCELLED"
    assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])


def test_participant_feed_has_own_sessions_and_the_placement(client, placement, staff):
    enrolment = placement.enrolment
    session = add_session(enrolment.cohort, staff, placement.start_date)
    _, by_uid = events(client, feed_for(participant=enrolment.participant).token)
    assert any(uid.startswith(f"session-{session.pk}@") for uid in by_uid)
    placement_event = next(e for uid, e in by_uid.items() if uid.startswith(f"placement-{placement.pk}@"))
    assert placement_event.decoded("DTSTART") == placement.start_date
    assert placement_event.decoded("DTEND") == placement.end_date + datetime.timedelta(days=1)


def test_renewing_the_address_ends_the_old_one(client, spring_cohort, staff):
    old = feed_for(cohort=spring_cohort).token
    new = feed_for(cohort=spring_cohort, renew=True).token
    assert old != new
    assert Client().get(f"/benachrichtigungen/kalender/{old}.ics").status_code == 404
    assert Client().get(f"/benachrichtigungen/kalender/{new}.ics").status_code == 200


def test_only_the_cohorts_staff_see_and_renew_its_address(client, spring_cohort, staff, other_staff, participant_user):
    url = f"/benachrichtigungen/kalender/kohorte/{spring_cohort.pk}/"
    client.force_login(other_staff)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    client.force_login(participant_user)
    assert client.get(url).status_code == 403
    client.force_login(staff)
    page = client.get(url)
    assert feed_for(cohort=spring_cohort).token in page.content.decode()


def test_a_moved_or_cancelled_placement_raises_its_sequence(client, placement, staff):
    from placements import services as placement_services

    token = feed_for(participant=placement.enrolment.participant).token

    def placement_event():
        _, by_uid = events(client, token)
        return next(e for uid, e in by_uid.items() if uid.startswith(f"placement-{placement.pk}@"))

    first = placement_event()
    assert first["SEQUENCE"] == 0 and first["STATUS"] == "CONFIRMED"
    later_end = placement.end_date + datetime.timedelta(days=7)
    placement_services.placement_update(
        placement=placement,
        facility=placement.facility,
        supervisor=placement.supervisor,
        start_date=placement.start_date,
        end_date=later_end,
        planned_hours=placement.planned_hours,
        by=staff,
    )
    moved = placement_event()
    assert moved["SEQUENCE"] == 1 and moved.decoded("DTEND") == later_end + datetime.timedelta(days=1)
    assert str(moved["UID"]) == str(first["UID"])
    placement.refresh_from_db()
    placement_services.placement_update(  # saved again without a change: calendars are not told again
        placement=placement,
        facility=placement.facility,
        supervisor=placement.supervisor,
        start_date=placement.start_date,
        end_date=later_end,
        planned_hours=placement.planned_hours + 10,
        by=staff,
    )
    assert placement_event()["SEQUENCE"] == 1
    placement.refresh_from_db()
    placement_services.placement_cancel(placement=placement, reason="Hat eine Stelle gefunden", by=staff)
    cancelled = placement_event()
    assert cancelled["SEQUENCE"] == 2 and cancelled["STATUS"] == "CANCELLED"
