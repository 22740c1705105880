"""Listens to the lower apps (their signals and model saves) and queues the work after the commit."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from certificates.models import Certificate
from courses.models import TeachingSession
from placements import notifications as placement_signals
from placements.models import Placement

from . import calendars, tasks
from .services import participant_recipient, will_email


@receiver(placement_signals.email_reach)
def _participant_email_reach(sender, participant, kind, **kwargs) -> bool:
    user, email = participant_recipient(participant)
    return will_email(kind=kind, organisation=participant.organisation_id, recipient=user, email=email)


@receiver(placement_signals.hours_decided)
def _hours_decided(sender, entry_id, **kwargs) -> None:
    tasks.tell_hours_decided.enqueue(entry_id)


@receiver(post_save, sender=Placement)
def _placement_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if raw:
        return
    calendars.placement_changed(instance)
    if created:
        placement_id = instance.pk
        transaction.on_commit(lambda: tasks.tell_participant_placed.enqueue(placement_id))


@receiver(post_save, sender=Certificate)
def _certificate_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        certificate_id = instance.pk
        transaction.on_commit(lambda: tasks.tell_certificate_issued.enqueue(certificate_id))


def _timetable_changed(cohort_id: int) -> None:
    # A weekly plan changes many sessions in one transaction: the task is idempotent (it tells each person
    # their next session once), so the repeats cost a little work and tell nobody twice.
    transaction.on_commit(lambda: tasks.tell_next_session.enqueue(cohort_id))


@receiver(post_save, sender=TeachingSession)
def _session_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if raw:
        return
    if calendars.session_changed(instance):
        _timetable_changed(instance.cohort_id)


@receiver(post_delete, sender=TeachingSession)
def _session_deleted(sender, instance, **kwargs) -> None:
    calendars.session_cancelled(instance)
    _timetable_changed(instance.cohort_id)
