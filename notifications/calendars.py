"""iCalendar feeds (RFC 5545, written with the ``icalendar`` package) of a cohort's sessions and of one
participant's sessions and placement.

Calendar programs that subscribe recognise an event again by its UID and take a changed one when its SEQUENCE
grows. SessionRevision remembers, per teaching session, what was last published: a change of day, time,
module or topic raises the sequence; a deleted session (courses has no "cancelled" state: a session that will
not take place is deleted) stays as STATUS:CANCELLED with a higher sequence, so subscribers remove it.
Times are local times in Europe/Berlin with the VTIMEZONE block, so they stay right across the change to and
from summer time.
"""

import datetime
import secrets
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from icalendar import Calendar, Event

from .models import CalendarFeed, PlacementRevision, SessionRevision

BERLIN = ZoneInfo("Europe/Berlin")


def _summary(session) -> str:
    title = session.module.title
    return f"{title}: {session.topic}" if session.topic else title


def _fingerprint(session) -> str:
    return f"{session.date}|{session.start_time}|{session.end_time}|{session.module_id}|{session.topic}"[:200]


@transaction.atomic
def session_changed(session) -> bool:
    """Record a saved session; True if calendars (and participants) have something new to learn."""
    fingerprint = _fingerprint(session)
    revision = SessionRevision.objects.select_for_update().filter(session_id=session.pk).first()
    values = {
        "cohort_id": session.cohort_id,
        "fingerprint": fingerprint,
        "date": session.date,
        "start_time": session.start_time,
        "end_time": session.end_time,
        "summary": _summary(session)[:300],
        "cancelled": False,
    }
    if revision is None:
        SessionRevision.objects.create(session_id=session.pk, sequence=0, **values)
        return True
    if revision.fingerprint == fingerprint and not revision.cancelled:
        return False
    for field, value in values.items():
        setattr(revision, field, value)
    revision.sequence += 1
    revision.save()
    return True


@transaction.atomic
def session_cancelled(session) -> None:
    revision, _ = SessionRevision.objects.get_or_create(
        session_id=session.pk,
        defaults={
            "cohort_id": session.cohort_id,
            "fingerprint": _fingerprint(session),
            "date": session.date,
            "start_time": session.start_time,
            "end_time": session.end_time,
            "summary": _summary(session)[:300],
        },
    )
    revision.cancelled = True
    revision.sequence += 1
    revision.save()


def _placement_fingerprint(placement) -> str:
    return f"{placement.start_date}|{placement.end_date}|{placement.facility_id}|{placement.status}"


@transaction.atomic
def placement_changed(placement) -> bool:
    """Record a saved placement; True when its calendar event changed (the sequence then grew)."""
    fingerprint = _placement_fingerprint(placement)
    revision, created = PlacementRevision.objects.select_for_update().get_or_create(
        placement_id=placement.pk, defaults={"fingerprint": fingerprint}
    )
    if created or revision.fingerprint == fingerprint:
        return created
    revision.fingerprint = fingerprint
    revision.sequence += 1
    revision.save(update_fields=["fingerprint", "sequence", "changed_at"])
    return True


# --- Feed addresses ------------------------------------------------------------------------------------


@transaction.atomic
def feed_for(*, cohort=None, participant=None, renew: bool = False) -> CalendarFeed:
    """The feed of a cohort or a participant, made on first use; ``renew`` gives it a new secret address
    (the old one stops working at once)."""
    lookup = {"cohort": cohort} if cohort is not None else {"participant": participant}
    feed = CalendarFeed.objects.select_for_update().filter(**lookup).first()
    if feed is None:
        return CalendarFeed.objects.create(token=secrets.token_urlsafe(32), **lookup)
    if renew:
        feed.token = secrets.token_urlsafe(32)
        feed.save(update_fields=["token", "created_at"])
    return feed


# --- Writing the feed ----------------------------------------------------------------------------------


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def _local(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, time, tzinfo=BERLIN)


def _session_event(*, session_id, date, start, end, summary, location, sequence, cancelled, stamp) -> Event:
    event = Event()
    event.add("uid", f"session-{session_id}@{_host()}")
    event.add("dtstamp", stamp)
    event.add("dtstart", _local(date, start))
    event.add("dtend", _local(date, end))
    event.add("summary", summary)
    if location:
        event.add("location", location)
    event.add("sequence", sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Integrationsbegleitung//Kalender//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    return calendar


def _add_sessions(calendar: Calendar, cohort_ids: list[int], stamp) -> None:
    from courses.models import TeachingSession

    sequences = dict(
        SessionRevision.objects.filter(cohort_id__in=cohort_ids, cancelled=False).values_list("session_id", "sequence")
    )
    sessions = (
        TeachingSession.objects.filter(cohort_id__in=cohort_ids)
        .select_related("module", "cohort__site")
        .order_by("date", "start_time")
    )
    for session in sessions:
        calendar.add_component(
            _session_event(
                session_id=session.pk,
                date=session.date,
                start=session.start_time,
                end=session.end_time,
                summary=_summary(session),
                location=session.cohort.site.name,
                sequence=sequences.get(session.pk, 0),
                cancelled=False,
                stamp=stamp,
            )
        )
    for revision in SessionRevision.objects.filter(cohort_id__in=cohort_ids, cancelled=True):
        calendar.add_component(
            _session_event(
                session_id=revision.session_id,
                date=revision.date,
                start=revision.start_time,
                end=revision.end_time,
                summary=revision.summary,
                location="",
                sequence=revision.sequence,
                cancelled=True,
                stamp=stamp,
            )
        )


def cohort_calendar(cohort) -> bytes:
    stamp = timezone.now()
    calendar = _calendar(str(cohort))
    _add_sessions(calendar, [cohort.pk], stamp)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def participant_calendar(participant) -> bytes:
    """The participant's sessions (of the cohorts they are actively enrolled in) and placement periods."""
    from courses.models import EnrolmentStatus
    from placements.models import Placement, PlacementStatus

    stamp = timezone.now()
    calendar = _calendar(participant.full_name)
    cohort_ids = list(
        participant.enrolments.exclude(status=EnrolmentStatus.WITHDRAWN).values_list("cohort_id", flat=True)
    )
    _add_sessions(calendar, cohort_ids, stamp)
    placements = list(Placement.objects.filter(enrolment__participant=participant).select_related("facility"))
    sequences = dict(
        PlacementRevision.objects.filter(placement_id__in=[p.pk for p in placements]).values_list(
            "placement_id", "sequence"
        )
    )
    for placement in placements:
        event = Event()
        event.add("uid", f"placement-{placement.pk}@{_host()}")
        event.add("dtstamp", stamp)
        event.add("sequence", sequences.get(placement.pk, 0))
        event.add("dtstart", placement.start_date)
        event.add("dtend", placement.end_date + datetime.timedelta(days=1))  # all-day: DTEND is exclusive
        event.add("summary", f"Praxis: {placement.facility.name}")
        if placement.facility.address:
            event.add("location", placement.facility.address.replace("\n", ", "))
        event.add("status", "CANCELLED" if placement.status == PlacementStatus.CANCELLED else "CONFIRMED")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
