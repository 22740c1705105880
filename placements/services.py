"""Writes for the placements app. Each service checks its rules inside one transaction, locks the rows it
checks and raises DomainError with a message for the user; callers never half-save."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.services import invitation_create, login_create
from core.dates import short_date, short_datetime, short_time
from core.exceptions import DomainError, full_clean_or_refuse
from core.numbers import hours_text
from core.validators import multi_line_text
from courses.models import Enrolment, EnrolmentStatus, Participant

from . import conf, notifications
from .models import (
    ACTIVITY_MAX_LENGTH,
    ConductCertificateCheck,
    Facility,
    HourEntry,
    HourEntryAction,
    HourEntryEvent,
    HourEntryStatus,
    Placement,
    PlacementStatus,
)
from .prerequisites import missing_prerequisites, needs_measles_proof
from .selectors import linkable_supervisors

FACILITY_FIELDS = ("name", "facility_type", "provider", "address", "contact_name", "contact_email", "contact_phone")


def _hours(minutes: int) -> str:
    return hours_text(minutes, places=2)


def _local_today() -> datetime.date:
    return timezone.localdate()


# --- Facilities and supervisors ------------------------------------------------------------------------


@transaction.atomic
def facility_create(*, organisation, by, **fields) -> Facility:
    for name in fields:
        if name not in FACILITY_FIELDS:
            raise TypeError(f"facility_create() got an unexpected field {name!r}")
    facility = Facility(organisation=organisation, **fields)
    facility.name = (facility.name or "").strip()
    if Facility.objects.filter(organisation=organisation, name__iexact=facility.name).exists():
        raise DomainError(_("A facility called %(name)s already exists.") % {"name": facility.name}, field="name")
    full_clean_or_refuse(facility)
    facility.save()
    return facility


@transaction.atomic
def facility_update(*, facility: Facility, by, **fields) -> Facility:
    facility = Facility.objects.select_for_update().get(pk=facility.pk)
    for name, value in fields.items():
        if name not in FACILITY_FIELDS:
            raise TypeError(f"facility_update() got an unexpected field {name!r}")
        setattr(facility, name, value.strip() if isinstance(value, str) else value)
    clash = Facility.objects.filter(organisation_id=facility.organisation_id, name__iexact=facility.name)
    if clash.exclude(pk=facility.pk).exists():
        raise DomainError(_("A facility called %(name)s already exists.") % {"name": facility.name}, field="name")
    full_clean_or_refuse(facility)
    facility.save()
    return facility


@transaction.atomic
def supervisor_create(
    *,
    facility: Facility,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    by,
    password: str | None = None,
):
    """Create a supervisor login (Praxisanleitung) and link it to the facility.

    Staff pages never pass a password: they invite (``supervisor_invite``) and the supervisor chooses it.
    Only the demo builder gives one."""
    user = login_create(
        username=username,
        password=password,
        role=Role.SUPERVISOR,
        first_name=first_name,
        last_name=last_name,
        email=email,
    )
    facility.supervisors.add(user)
    return user


@transaction.atomic
def supervisor_invite(*, facility: Facility, user, by, delivery: str):
    """Invite one of the facility's supervisors to set their own password; returns the invitation and its
    secret (see ``accounts.services.invitation_create``)."""
    if not facility.supervisors.filter(pk=user.pk).exists():
        raise DomainError(_("%(name)s does not supervise at this facility.") % {"name": user})
    return invitation_create(user=user, by=by, delivery=delivery, organisation_name=facility.organisation.name)


@transaction.atomic
def supervisor_link(*, facility: Facility, user, by) -> None:
    """Link a supervisor of the same organisation (``linkable_supervisors``); any other login is refused with
    the same words whether it exists or not."""
    if not linkable_supervisors(facility).filter(pk=user.pk).exists():
        raise DomainError(_("Please choose one of the listed supervisors."), field="user")
    facility.supervisors.add(user)


@transaction.atomic
def supervisor_unlink(*, facility: Facility, user, by) -> None:
    """Remove a supervisor from a facility; refused while they are the named supervisor of a running placement."""
    busy = Placement.objects.filter(facility=facility, supervisor=user).exclude(status=PlacementStatus.CANCELLED)
    busy = busy.filter(end_date__gte=_local_today())
    if busy.exists():
        raise DomainError(
            _("%(name)s is the named supervisor of a current placement here; name another supervisor first.")
            % {"name": user}
        )
    facility.supervisors.remove(user)


# --- Placements and their prerequisites ---------------------------------------------------------------


def _check_placement_fields(
    *, enrolment: Enrolment, facility: Facility, supervisor, start_date, end_date, planned_hours, exclude_pk=None
) -> None:
    cohort = enrolment.cohort
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        raise DomainError(_("%(name)s has withdrawn and cannot be placed.") % {"name": enrolment.participant})
    if facility.organisation_id != cohort.site.organisation_id:
        raise DomainError(_("This facility is not a partner of the cohort's organisation."), field="facility")
    if facility.facility_type not in cohort.programme.allowed_facility_types:
        raise DomainError(
            _("The programme does not allow placements at a facility of type %(type)s.")
            % {"type": facility.get_facility_type_display()},
            field="facility",
        )
    if supervisor is None or not facility.supervisors.filter(pk=supervisor.pk).exists():
        raise DomainError(_("The supervisor must be one of the facility's supervisors."), field="supervisor")
    if start_date is None or end_date is None:
        raise DomainError(_("Please give the start and end date."), field="start_date")
    if end_date < start_date:
        raise DomainError(_("The end date must not be before the start date."), field="end_date")
    if not (cohort.contains(start_date) and cohort.contains(end_date)):
        raise DomainError(
            _("The placement must lie within the cohort's period (%(start)s–%(end)s).")
            % {"start": short_date(cohort.start_date), "end": short_date(cohort.end_date)},
            field="start_date",
        )
    if not planned_hours or planned_hours <= 0:
        raise DomainError(_("Please give the planned hours."), field="planned_hours")
    clash = (
        Placement.objects.filter(
            enrolment__participant_id=enrolment.participant_id, start_date__lte=end_date, end_date__gte=start_date
        )
        .exclude(status=PlacementStatus.CANCELLED)
        .exclude(pk=exclude_pk)
        .select_related("facility")
        .first()
    )
    if clash:
        raise DomainError(
            _("%(name)s already has a placement at %(facility)s from %(start)s to %(end)s.")
            % {
                "name": enrolment.participant,
                "facility": clash.facility.name,
                "start": short_date(clash.start_date),
                "end": short_date(clash.end_date),
            }
        )


@transaction.atomic
def placement_create(
    *,
    enrolment: Enrolment,
    facility: Facility,
    supervisor,
    start_date: datetime.date,
    end_date: datetime.date,
    planned_hours: int,
    by,
) -> Placement:
    # Lock the participant so two placements for the same person cannot be made at the same moment.
    Participant.objects.select_for_update().get(pk=enrolment.participant_id)
    enrolment = Enrolment.objects.select_related("cohort__programme", "cohort__site", "participant").get(
        pk=enrolment.pk
    )
    _check_placement_fields(
        enrolment=enrolment,
        facility=facility,
        supervisor=supervisor,
        start_date=start_date,
        end_date=end_date,
        planned_hours=planned_hours,
    )
    return Placement.objects.create(
        enrolment=enrolment,
        facility=facility,
        supervisor=supervisor,
        start_date=start_date,
        end_date=end_date,
        planned_hours=planned_hours,
        created_by=by if getattr(by, "pk", None) else None,
    )


@transaction.atomic
def placement_update(
    *, placement: Placement, facility: Facility, supervisor, start_date, end_date, planned_hours: int, by
) -> Placement:
    """Change a placement. Hours already recorded must still lie within the new period."""
    Participant.objects.select_for_update().get(pk=placement.enrolment.participant_id)
    placement = _lock_placement(placement)
    if placement.status == PlacementStatus.CANCELLED:
        raise DomainError(_("This placement did not start and can no longer be changed."))
    _check_placement_fields(
        enrolment=placement.enrolment,
        facility=facility,
        supervisor=supervisor,
        start_date=start_date,
        end_date=end_date,
        planned_hours=planned_hours,
        exclude_pk=placement.pk,
    )
    outside = placement.hour_entries.exclude(status=HourEntryStatus.REJECTED).exclude(
        date__gte=start_date, date__lte=end_date
    )
    if outside.exists():
        raise DomainError(_("Hours have been recorded outside the new period; the dates cannot be changed."))
    if facility.pk != placement.facility_id and placement.hour_entries.exists():
        raise DomainError(_("Hours have been recorded at this facility; the facility cannot be changed."))
    placement.facility = facility
    placement.supervisor = supervisor
    placement.start_date = start_date
    placement.end_date = end_date
    placement.planned_hours = planned_hours
    placement.save()
    return placement


def _lock_placement(placement: Placement) -> Placement:
    return (
        Placement.objects.select_for_update(of=("self",))
        .select_related("enrolment__participant", "enrolment__cohort", "facility")
        .get(pk=placement.pk)
    )


def _lock_placement_for_prerequisites(placement: Placement) -> Placement:
    """The locked placement, refused when it was cancelled: prerequisites of a placement that never
    started are not recorded (§72a facts of such a person are deleted at once)."""
    placement = _lock_placement(placement)
    if placement.status == PlacementStatus.CANCELLED:
        raise DomainError(_("This placement did not start; nothing can be recorded for it."))
    return placement


@transaction.atomic
def conduct_check_record(
    *, placement: Placement, inspected_on: datetime.date, issue_date: datetime.date, has_relevant_entry: bool, by
) -> ConductCertificateCheck:
    """Record the inspection of the extended certificate of conduct (§72a SGB VIII): only the facts the law
    allows. A certificate older than the configured maximum at inspection is refused."""
    placement = _lock_placement_for_prerequisites(placement)
    if inspected_on is None or issue_date is None:
        raise DomainError(_("Please give the issue date and the date of the inspection."), field="issue_date")
    if inspected_on > _local_today():
        raise DomainError(_("The date of the inspection cannot be in the future."), field="inspected_on")
    if issue_date > inspected_on:
        raise DomainError(_("The certificate cannot have been issued after it was inspected."), field="issue_date")
    months = conf.conduct_max_age_months()
    if issue_date < conf.add_months(inspected_on, -months):
        raise DomainError(
            _(
                "The certificate of conduct of %(issued)s was more than %(months)d months old when inspected on "
                "%(inspected)s. Please ask for a new one."
            )
            % {"issued": short_date(issue_date), "months": months, "inspected": short_date(inspected_on)},
            field="issue_date",
        )
    ConductCertificateCheck.objects.filter(placement=placement).delete()
    check = ConductCertificateCheck.objects.create(
        placement=placement,
        inspected_on=inspected_on,
        issue_date=issue_date,
        has_relevant_entry=bool(has_relevant_entry),
        checked_by=by,
    )
    return check


@transaction.atomic
def measles_proof_record(*, placement: Placement, by) -> Placement:
    """Record that proof of measles protection (§20(9) IfSG) was seen. Nothing else about it is stored."""
    placement = _lock_placement_for_prerequisites(placement)
    if not needs_measles_proof(placement.enrolment.participant.date_of_birth):
        raise DomainError(_("Proof of measles protection is only required for people born after 1970."))
    placement.measles_proof_seen_at = timezone.now()
    placement.measles_proof_seen_by = by
    placement.save(update_fields=["measles_proof_seen_at", "measles_proof_seen_by"])
    return placement


@transaction.atomic
def infection_instruction_record(*, placement: Placement, instruction_date: datetime.date, by) -> Placement:
    """Record the date of the infection-protection instruction (§34(5a) IfSG). It must not be in the future and
    not older than the configured validity (two years) at the start of the placement."""
    placement = _lock_placement_for_prerequisites(placement)
    if instruction_date is None:
        raise DomainError(_("Please give the date of the instruction."), field="instruction_date")
    if instruction_date > _local_today():
        raise DomainError(_("The date of the instruction cannot be in the future."), field="instruction_date")
    months = conf.infection_instruction_valid_months()
    if instruction_date < conf.add_months(placement.start_date, -months):
        raise DomainError(
            _(
                "An instruction of %(date)s is more than %(months)d months old at the start of the placement "
                "(%(start)s); it must be renewed."
            )
            % {"date": short_date(instruction_date), "months": months, "start": short_date(placement.start_date)},
            field="instruction_date",
        )
    placement.infection_instruction_date = instruction_date
    placement.infection_instruction_recorded_at = timezone.now()
    placement.infection_instruction_recorded_by = by
    placement.save(
        update_fields=[
            "infection_instruction_date",
            "infection_instruction_recorded_at",
            "infection_instruction_recorded_by",
        ]
    )
    return placement


@transaction.atomic
def placement_activate(*, placement: Placement, by) -> Placement:
    """Start the placement. Refused, with every missing prerequisite named, until all are recorded."""
    placement = _lock_placement(placement)
    if placement.status == PlacementStatus.ACTIVE:
        raise DomainError(_("This placement has already started."))
    if placement.status == PlacementStatus.CANCELLED:
        raise DomainError(_("This placement did not start and cannot be started any more."))
    missing = missing_prerequisites(placement)
    if missing:
        raise DomainError(_("The placement cannot start yet: %(missing)s") % {"missing": " ".join(missing)})
    placement.status = PlacementStatus.ACTIVE
    placement.activated_at = timezone.now()
    placement.activated_by = by
    placement.save(update_fields=["status", "activated_at", "activated_by"])
    return placement


@transaction.atomic
def conduct_check_delete(*, placement: Placement) -> bool:
    """Delete the §72a facts of a placement now (the person did not start, or the retention period is over)."""
    deleted, _unused = ConductCertificateCheck.objects.filter(placement_id=placement.pk).delete()
    if deleted:
        Placement.objects.filter(pk=placement.pk).update(conduct_check_deleted_at=timezone.now())
    return bool(deleted)


@transaction.atomic
def placement_cancel(*, placement: Placement, reason: str, by) -> Placement:
    """The person does not start the placement: mark it and delete the §72a facts at once (§72a(5) SGB VIII)."""
    placement = _lock_placement(placement)
    reason = (reason or "").strip()
    if placement.status == PlacementStatus.CANCELLED:
        raise DomainError(_("This placement has already been marked as not started."))
    if placement.hour_entries.exists():
        raise DomainError(_("Hours have been recorded for this placement; it has started."))
    if not reason:
        raise DomainError(_("Please give the reason."), field="reason")
    placement.status = PlacementStatus.CANCELLED
    placement.cancelled_at = timezone.now()
    placement.cancellation_reason = reason
    placement.save(update_fields=["status", "cancelled_at", "cancellation_reason"])
    conduct_check_delete(placement=placement)
    return placement


def conduct_facts_expired(today: datetime.date) -> models.Q:
    """Which placements' §72a facts may no longer be kept on ``today`` (a filter on Placement).

    The law counts from the end of the activity as it *actually* happened: the planned end, or the day the
    participant left the measure if that came first. A placement that never started (marked as not started,
    or its participant withdrew before it began) keeps nothing."""
    cutoff = conf.add_months(today, -conf.conduct_retention_months())
    withdrawn = models.Q(enrolment__status=EnrolmentStatus.WITHDRAWN)
    return (
        models.Q(status=PlacementStatus.CANCELLED)
        | models.Q(end_date__lt=cutoff)
        | (withdrawn & models.Q(enrolment__withdrawn_on__lt=cutoff))
        | (withdrawn & models.Q(activated_at__isnull=True))
    )


@transaction.atomic
def conduct_checks_purge(*, today: datetime.date | None = None) -> int:
    """Delete the §72a facts of every placement whose activity ended more than the retention period ago, and
    of every placement that did not start (see ``conduct_facts_expired``). Safe to run daily: a second run
    finds nothing left to delete."""
    today = today or _local_today()
    placement_ids = list(
        Placement.objects.filter(conduct_facts_expired(today), conduct_check__isnull=False).values_list("pk", flat=True)
    )
    if not placement_ids:
        return 0
    deleted, _unused = ConductCertificateCheck.objects.filter(placement_id__in=placement_ids).delete()
    Placement.objects.filter(pk__in=placement_ids).update(conduct_check_deleted_at=timezone.now())
    return deleted


# --- Hour entries ---------------------------------------------------------------------------------------


DAY_MINUTES = 24 * 60


def _minutes(value: datetime.time) -> int:
    return value.hour * 60 + value.minute


def _time_of(minutes: int) -> datetime.time:
    return datetime.time(minutes // 60, minutes % 60)


def _entry_snapshot(entry: HourEntry) -> dict:
    return {
        "date": entry.date.isoformat(),
        "start": short_time(entry.start_time),
        "end": short_time(entry.end_time),
        "break_minutes": entry.break_minutes,
        "work_minutes": entry.work_minutes,
        "activity": entry.activity,
        "status": entry.status,
    }


def _check_entry(
    *,
    placement: Placement,
    day: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    break_minutes: int,
    exclude_pk: int | None = None,
) -> int:
    """Apply the rules of an hour entry; returns the working minutes. Rejected entries do not count."""
    if day is None or start_time is None or end_time is None:
        raise DomainError(_("Please give the date, the start and the end time."))
    break_minutes = break_minutes or 0
    if break_minutes < 0:
        raise DomainError(_("The break cannot be negative."), field="break_minutes")
    start, end = _minutes(start_time), _minutes(end_time)
    if end <= start:
        raise DomainError(_("The end time must be after the start time."), field="end_time")
    if break_minutes >= end - start:
        raise DomainError(_("The break must be shorter than the time from start to end."), field="break_minutes")
    work = end - start - break_minutes
    if not placement.contains(day):
        raise DomainError(
            _("The date must lie within the placement period (%(start)s–%(end)s).")
            % {"start": short_date(placement.start_date), "end": short_date(placement.end_date)},
            field="date",
        )
    refuse_outside_enrolment(enrolment=placement.enrolment, day=day)
    now = timezone.localtime()
    if day > now.date():
        raise DomainError(_("Hours cannot be recorded for a future date."), field="date")
    if day == now.date() and end > now.hour * 60 + now.minute:
        raise DomainError(_("The end time is still in the future."), field="end_time")

    same_day = list(
        HourEntry.objects.filter(placement__enrolment__participant_id=placement.enrolment.participant_id, date=day)
        .exclude(status=HourEntryStatus.REJECTED)
        .exclude(pk=exclude_pk)
        .order_by("start_time")
    )
    for other in same_day:
        if _minutes(other.start_time) < end and start < _minutes(other.end_time):
            raise DomainError(
                _("This time overlaps with another entry on %(date)s (%(start)s–%(end)s).")
                % {"date": short_date(day), "start": short_time(other.start_time), "end": short_time(other.end_time)},
                field="start_time",
            )
    day_work = work + sum(other.work_minutes for other in same_day)
    limit = conf.max_work_minutes_per_day()
    if day_work > limit:
        raise DomainError(
            _("With this entry %(date)s would have %(hours)s hours of work; at most %(limit)s hours a day are allowed.")
            % {"date": short_date(day), "hours": _hours(day_work), "limit": _hours(limit)},
            field="end_time",
        )
    required = conf.required_break_minutes(day_work)
    if required:
        spans = sorted([(start, end)] + [(_minutes(o.start_time), _minutes(o.end_time)) for o in same_day])
        # Time between two entries of the day is a break too, if it is long enough to count as one.
        gaps = sum(
            later[0] - earlier[1]
            for earlier, later in zip(spans, spans[1:], strict=False)
            if later[0] - earlier[1] >= conf.min_break_part_minutes()
        )
        taken = break_minutes + sum(o.break_minutes for o in same_day) + gaps
        if taken < required:
            raise DomainError(
                _(
                    "For %(hours)s hours of work on %(date)s the working-time law requires a break of at least "
                    "%(required)d minutes; only %(taken)d minutes are recorded."
                )
                % {"hours": _hours(day_work), "date": short_date(day), "required": required, "taken": taken},
                field="break_minutes",
            )
    _check_rest(placement=placement, day=day, start=start, end=end, exclude_pk=exclude_pk)
    return work


def refuse_outside_enrolment(*, enrolment: Enrolment, day: datetime.date) -> None:
    """Placement hours count only while the person takes part: from the enrolment date up to and including
    the day they withdrew. The one home of this rule, for logging, changing and confirming an entry."""
    if day < enrolment.enrolled_on:
        raise DomainError(
            _("Hours can only be recorded from the enrolment date (%(date)s) on.")
            % {"date": short_date(enrolment.enrolled_on)},
            field="date",
        )
    if enrolment.withdrawn_on and day > enrolment.withdrawn_on:
        raise DomainError(
            _("The participant withdrew on %(withdrawn)s; hours of %(date)s cannot be recorded or confirmed.")
            % {"withdrawn": short_date(enrolment.withdrawn_on), "date": short_date(day)},
            field="date",
        )


def clean_activity(activity: str) -> str:
    """The activity as stored: trimmed, at most ACTIVITY_MAX_LENGTH characters, no control characters."""
    activity = (activity or "").strip()
    if len(activity) > ACTIVITY_MAX_LENGTH:
        raise DomainError(
            _("Please describe the activity in at most %(limit)d characters (this text has %(length)d).")
            % {"limit": ACTIVITY_MAX_LENGTH, "length": len(activity)},
            field="activity",
        )
    try:
        multi_line_text(activity)
    except ValidationError as error:
        raise DomainError(" ".join(error.messages), field="activity") from error
    return activity


def _check_rest(*, placement: Placement, day: datetime.date, start: int, end: int, exclude_pk: int | None) -> None:
    """ArbZG §5: enough rest between the last work of the day before and this entry's start, and between this
    entry's end and the first work of the day after. Entries never cross midnight, so only the neighbouring
    days matter."""
    before, after = day - datetime.timedelta(days=1), day + datetime.timedelta(days=1)
    neighbours = (
        HourEntry.objects.filter(
            placement__enrolment__participant_id=placement.enrolment.participant_id, date__in=[before, after]
        )
        .exclude(status=HourEntryStatus.REJECTED)
        .exclude(pk=exclude_pk)
        .values_list("date", "start_time", "end_time")
    )
    required = conf.min_rest_minutes()
    for other_day, other_start, other_end in neighbours:
        if other_day == before:
            rest, field = DAY_MINUTES - _minutes(other_end) + start, "start_time"
            earlier, finished, later, began = other_day, other_end, day, _time_of(start)
        else:
            rest, field = DAY_MINUTES - end + _minutes(other_start), "end_time"
            earlier, finished, later, began = day, _time_of(end), other_day, other_start
        if rest < required:
            raise DomainError(
                _(
                    "Between the end of work on %(earlier)s at %(finished)s and the start on %(later)s at %(began)s "
                    "there are only %(rest)s hours of rest; the working-time law requires at least %(required)s hours."
                )
                % {
                    "earlier": short_date(earlier),
                    "finished": short_time(finished),
                    "later": short_date(later),
                    "began": short_time(began),
                    "rest": _hours(rest),
                    "required": _hours(required),
                },
                field=field,
            )


@transaction.atomic
def hours_log(
    *,
    placement: Placement,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    break_minutes: int,
    activity: str,
    by,
) -> HourEntry:
    """Record one day's work in the placement (by the participant, or by staff on their behalf)."""
    # One participant's entries are checked against each other: lock the person so two requests at the
    # same moment cannot both pass the overlap and daily-limit checks.
    Participant.objects.select_for_update().get(pk=placement.enrolment.participant_id)
    placement = _lock_placement(placement)
    if placement.status != PlacementStatus.ACTIVE:
        raise DomainError(_("Hours can only be recorded once the placement has started."))
    activity = clean_activity(activity)
    work = _check_entry(
        placement=placement, day=date, start_time=start_time, end_time=end_time, break_minutes=break_minutes
    )
    entry = HourEntry.objects.create(
        placement=placement,
        date=date,
        start_time=start_time,
        end_time=end_time,
        break_minutes=break_minutes or 0,
        work_minutes=work,
        activity=activity,
        created_by=by,
    )
    HourEntryEvent.objects.create(entry=entry, action=HourEntryAction.LOGGED, by=by, details=_entry_snapshot(entry))
    return entry


def _lock_entries(entry_ids) -> list[HourEntry]:
    return list(
        HourEntry.objects.select_for_update(of=("self",))
        # decided_by is not joined: after waiting for the lock PostgreSQL re-reads the locked row but not
        # the joined ones, so "already confirmed by" would name nobody.
        .select_related("placement__facility", "placement__enrolment__participant")
        .filter(pk__in=list(entry_ids))
        .order_by("pk")
    )


def _refuse_unless_supervisor(entry: HourEntry, by) -> None:
    if not (by.is_supervisor and entry.placement.facility.supervisors.filter(pk=by.pk).exists()):
        raise DomainError(
            _("Only a supervisor of %(facility)s can decide on this entry.")
            % {"facility": entry.placement.facility.name}
        )


def _refuse_unless_pending(entry: HourEntry) -> None:
    if entry.status == HourEntryStatus.PENDING:
        return
    if entry.status == HourEntryStatus.CONFIRMED:
        message = _("The entry of %(date)s was already confirmed by %(by)s at %(when)s.")
    else:
        message = _("The entry of %(date)s was already rejected by %(by)s at %(when)s.")
    raise DomainError(
        message
        % {
            "date": short_date(entry.date),
            "by": entry.decided_by or "–",
            "when": short_datetime(entry.decided_at) or "–",
        }
    )


def _decide(entry: HourEntry, *, status: str, reason: str, by, via_link: bool = False) -> HourEntry:
    entry.status = status
    entry.rejection_reason = reason
    entry.decided_by = by
    entry.decided_at = timezone.now()
    entry.save(update_fields=["status", "rejection_reason", "decided_by", "decided_at"])
    action = HourEntryAction.CONFIRMED if status == HourEntryStatus.CONFIRMED else HourEntryAction.REJECTED
    HourEntryEvent.objects.create(
        entry=entry, action=action, by=by, note=reason, details=_entry_snapshot(entry), via_link=via_link
    )
    notifications.announce_decision(entry)
    return entry


@transaction.atomic
def hours_confirm(*, entry: HourEntry, by, via_link: bool = False) -> HourEntry:
    """A supervisor confirms one entry. The row lock makes a second, simultaneous decision see the first.
    ``via_link``: decided through the signed link of the e-mail digest (kept in the history)."""
    locked = _lock_entries([entry.pk])
    if not locked:
        raise DomainError(_("This entry no longer exists."))
    entry = locked[0]
    _refuse_unless_supervisor(entry, by)
    _refuse_unless_pending(entry)
    refuse_outside_enrolment(enrolment=entry.placement.enrolment, day=entry.date)
    return _decide(entry, status=HourEntryStatus.CONFIRMED, reason="", by=by, via_link=via_link)


@transaction.atomic
def hours_reject(*, entry: HourEntry, reason: str, by, via_link: bool = False) -> HourEntry:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Please give a reason for the rejection."), field="reason")
    locked = _lock_entries([entry.pk])
    if not locked:
        raise DomainError(_("This entry no longer exists."))
    entry = locked[0]
    _refuse_unless_supervisor(entry, by)
    _refuse_unless_pending(entry)
    return _decide(entry, status=HourEntryStatus.REJECTED, reason=reason, by=by, via_link=via_link)


@transaction.atomic
def hours_decide_many(*, entry_ids, confirm: bool, reason: str = "", by) -> tuple[int, list[str]]:
    """Confirm (or reject with one reason) several entries at once. Entries another person decided on in the
    meantime are skipped and named; entries of other facilities refuse the whole action."""
    reason = (reason or "").strip()
    if not confirm and not reason:
        raise DomainError(_("Please give a reason for the rejection."), field="reason")
    entries = _lock_entries(entry_ids)
    if not entries:
        raise DomainError(_("Please select at least one entry."))
    for entry in entries:
        _refuse_unless_supervisor(entry, by)
    done, skipped = 0, []
    for entry in entries:
        try:
            _refuse_unless_pending(entry)
            if confirm:
                refuse_outside_enrolment(enrolment=entry.placement.enrolment, day=entry.date)
        except DomainError as error:
            skipped.append(str(error))
            continue
        _decide(
            entry,
            status=HourEntryStatus.CONFIRMED if confirm else HourEntryStatus.REJECTED,
            reason="" if confirm else reason,
            by=by,
        )
        done += 1
    return done, skipped


@transaction.atomic
def hours_correct(
    *,
    entry: HourEntry,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    break_minutes: int,
    activity: str,
    note: str,
    by,
) -> HourEntry:
    """Staff correct an entry (also a confirmed, locked one). The status stays; the history keeps before and
    after, who and when."""
    note = (note or "").strip()
    if not note:
        raise DomainError(_("Please say why the entry is corrected."), field="note")
    return _rewrite_entry(
        entry=entry,
        day=date,
        start_time=start_time,
        end_time=end_time,
        break_minutes=break_minutes,
        activity=activity,
        note=note,
        by=by,
        pending_only=False,
    )


@transaction.atomic
def hours_edit_pending(
    *,
    entry: HourEntry,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    break_minutes: int,
    activity: str,
    by,
) -> HourEntry:
    """The participant changes their own entry while the supervisor has not decided on it (a mistyped time,
    the wrong day). Once it is confirmed or rejected it is history: only staff correct it then."""
    return _rewrite_entry(
        entry=entry,
        day=date,
        start_time=start_time,
        end_time=end_time,
        break_minutes=break_minutes,
        activity=activity,
        note="",
        by=by,
        pending_only=True,
    )


def _rewrite_entry(
    *,
    entry: HourEntry,
    day: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    break_minutes: int,
    activity: str,
    note: str,
    by,
    pending_only: bool,
) -> HourEntry:
    """Change an entry's day, times and break under the same rules as a new one; the history keeps before
    and after."""
    Participant.objects.select_for_update().get(pk=entry.placement.enrolment.participant_id)
    locked = _lock_entries([entry.pk])
    if not locked:
        raise DomainError(_("This entry no longer exists."))
    entry = locked[0]
    if pending_only:
        # Locked first, so a supervisor's decision a moment earlier is seen here.
        _refuse_unless_pending(entry)
    before = _entry_snapshot(entry)
    activity = clean_activity(activity)
    work = _check_entry(
        placement=entry.placement,
        day=day,
        start_time=start_time,
        end_time=end_time,
        break_minutes=break_minutes,
        exclude_pk=entry.pk,
    )
    entry.date = day
    entry.start_time = start_time
    entry.end_time = end_time
    entry.break_minutes = break_minutes or 0
    entry.work_minutes = work
    entry.activity = activity
    entry.save(update_fields=["date", "start_time", "end_time", "break_minutes", "work_minutes", "activity"])
    HourEntryEvent.objects.create(
        entry=entry,
        action=HourEntryAction.CORRECTED,
        by=by,
        note=note,
        details={"before": before, "after": _entry_snapshot(entry)},
    )
    return entry


def confirmed_minutes_of(placement: Placement) -> int:
    total = placement.hour_entries.filter(status=HourEntryStatus.CONFIRMED).aggregate(total=Sum("work_minutes"))
    return total["total"] or 0
