"""Writes for the courses app. Each service checks the domain rules inside one transaction and raises
DomainError with a message for the user; callers never half-save."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats
from django.utils.translation import gettext as _

from accounts.models import Role
from core.exceptions import DomainError
from core.text import clean_name, fold

from .models import Cohort, CohortStatus, Enrolment, EnrolmentStatus, Participant, Programme, Site

COHORT_FIELDS = (
    "programme",
    "site",
    "number",
    "start_date",
    "end_date",
    "capacity",
    "status",
    "funding_body",
    "measure_number",
    "partners",
)
PARTICIPANT_FIELDS = (
    "given_name",
    "family_name",
    "date_of_birth",
    "email",
    "phone",
    "address",
    "german_level",
    "jobcenter_customer_number",
)


def _date(value: datetime.date) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def _full_clean(instance, exclude=None) -> None:
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        messages = [str(m) for msgs in error.message_dict.values() for m in msgs]
        field = next(iter(error.message_dict), None)
        raise DomainError(" ".join(messages), field=field if field != "__all__" else None) from error


def _active_enrolments_overlapping(participant: Participant, cohort: Cohort, exclude_cohort: Cohort | None = None):
    qs = Enrolment.objects.filter(
        participant=participant,
        status=EnrolmentStatus.ACTIVE,
        cohort__start_date__lte=cohort.end_date,
        cohort__end_date__gte=cohort.start_date,
    ).select_related("cohort", "cohort__programme", "cohort__site")
    if exclude_cohort is not None:
        qs = qs.exclude(cohort=exclude_cohort)
    return qs


@transaction.atomic
def cohort_create(*, programme: Programme, site: Site, by, **fields) -> Cohort:
    cohort = Cohort(programme=programme, site=site, **fields)
    _full_clean(cohort)
    cohort.save()
    return cohort


@transaction.atomic
def cohort_update(*, cohort: Cohort, by, **fields) -> Cohort:
    """Change a cohort. New dates or a smaller capacity must still fit the people already enrolled."""
    cohort = Cohort.objects.select_for_update().select_related("programme", "site").get(pk=cohort.pk)
    for name, value in fields.items():
        if name not in COHORT_FIELDS:
            raise TypeError(f"cohort_update() got an unexpected field {name!r}")
        setattr(cohort, name, value)
    _full_clean(cohort)
    taken = cohort.enrolments.exclude(status=EnrolmentStatus.WITHDRAWN).count()
    if cohort.capacity < taken:
        raise DomainError(
            _("The cohort already has %(taken)d participants; the number of places cannot be lower.")
            % {"taken": taken},
            field="capacity",
        )
    for enrolment in cohort.enrolments.filter(status=EnrolmentStatus.ACTIVE).select_related("participant"):
        clash = _active_enrolments_overlapping(enrolment.participant, cohort, exclude_cohort=cohort).first()
        if clash:
            raise DomainError(
                _("%(name)s is also active in %(other)s at that time; the new dates would overlap.")
                % {"name": enrolment.participant.full_name, "other": clash.cohort}
            )
    cohort.save()
    return cohort


@transaction.atomic
def participant_create(*, organisation, by, **fields) -> Participant:
    participant = Participant(organisation=organisation, **fields)
    participant.given_name = (participant.given_name or "").strip()
    participant.family_name = (participant.family_name or "").strip()
    participant.jobcenter_customer_number = (participant.jobcenter_customer_number or "").strip()
    _full_clean(participant, exclude=["name_key", "user"])
    _refuse_same_person(participant)
    try:
        with transaction.atomic():
            participant.save()
    except IntegrityError as error:
        raise DomainError(
            _("Another participant already has the Jobcenter customer number %(number)s.")
            % {"number": participant.jobcenter_customer_number},
            field="jobcenter_customer_number",
        ) from error
    return participant


def _refuse_same_person(participant: Participant) -> None:
    """The same name and date of birth is the same person: refuse a second record (update the first)."""
    key = f"{fold(clean_name(participant.family_name))} {fold(clean_name(participant.given_name))}"
    twin = (
        Participant.objects.filter(
            organisation_id=participant.organisation_id, name_key=key, date_of_birth=participant.date_of_birth
        )
        .exclude(pk=participant.pk)
        .first()
    )
    if twin:
        raise DomainError(
            _("%(name)s, born %(date)s, is already recorded. Enrol the existing person instead.")
            % {"name": twin.full_name, "date": _date(twin.date_of_birth)}
        )


@transaction.atomic
def participant_update(*, participant: Participant, by, **fields) -> Participant:
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    for name, value in fields.items():
        if name not in PARTICIPANT_FIELDS:
            raise TypeError(f"participant_update() got an unexpected field {name!r}")
        setattr(participant, name, value.strip() if isinstance(value, str) else value)
    _full_clean(participant, exclude=["name_key", "user"])
    _refuse_same_person(participant)
    try:
        with transaction.atomic():
            participant.save()
    except IntegrityError as error:
        raise DomainError(
            _("Another participant already has the Jobcenter customer number %(number)s.")
            % {"number": participant.jobcenter_customer_number},
            field="jobcenter_customer_number",
        ) from error
    return participant


@transaction.atomic
def participant_login_create(*, participant: Participant, username: str, password: str, by):
    """Give a participant their own login, so they can follow their progress and fetch their certificate."""
    User = get_user_model()
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    if participant.user_id:
        raise DomainError(_("%(name)s already has a login.") % {"name": participant.full_name})
    username = (username or "").strip()
    if not username:
        raise DomainError(_("Please enter a user name."), field="username")
    if User.objects.filter(username__iexact=username).exists():
        raise DomainError(_("The user name %(username)s is already taken.") % {"username": username}, field="username")
    user = User(
        username=username,
        first_name=participant.given_name[:150],
        last_name=participant.family_name[:150],
        email=participant.email,
        role=Role.PARTICIPANT,
    )
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise DomainError(" ".join(error.messages), field="password") from error
    user.set_password(password)
    user.save()
    participant.user = user
    participant.save(update_fields=["user"])
    return user


@transaction.atomic
def enrolment_create(
    *, cohort: Cohort, participant: Participant, by, enrolled_on: datetime.date | None = None
) -> Enrolment:
    """Give a participant a place: refuses duplicates, full cohorts and overlapping active enrolments."""
    # Lock the cohort so two enrolments at the same moment cannot both take the last place,
    # and the participant so two cohorts cannot both take the same person.
    cohort = Cohort.objects.select_for_update().select_related("programme", "site").get(pk=cohort.pk)
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    if participant.organisation_id != cohort.site.organisation_id:
        raise DomainError(_("This participant belongs to another organisation."))
    if cohort.status == CohortStatus.FINISHED:
        raise DomainError(_("This cohort has finished; nobody can be enrolled any more."))
    existing = Enrolment.objects.filter(cohort=cohort, participant=participant).first()
    if existing:
        if existing.status == EnrolmentStatus.WITHDRAWN:
            raise DomainError(
                _("%(name)s was already enrolled in this cohort and withdrew on %(date)s.")
                % {"name": participant.full_name, "date": _date(existing.withdrawn_on)}
            )
        raise DomainError(_("%(name)s is already enrolled in this cohort.") % {"name": participant.full_name})
    taken = cohort.enrolments.exclude(status=EnrolmentStatus.WITHDRAWN).count()
    if taken >= cohort.capacity:
        raise DomainError(_("The cohort is full: all %(capacity)d places are taken.") % {"capacity": cohort.capacity})
    clash = _active_enrolments_overlapping(participant, cohort).first()
    if clash:
        raise DomainError(
            _("%(name)s is already active in %(other)s (%(start)s–%(end)s), which overlaps with this cohort.")
            % {
                "name": participant.full_name,
                "other": clash.cohort,
                "start": _date(clash.cohort.start_date),
                "end": _date(clash.cohort.end_date),
            }
        )
    enrolment = Enrolment(
        cohort=cohort,
        participant=participant,
        status=EnrolmentStatus.ACTIVE,
        enrolled_on=enrolled_on or datetime.date.today(),
        created_by=by if getattr(by, "pk", None) else None,
    )
    try:
        with transaction.atomic():
            enrolment.save()
    except IntegrityError as error:  # a parallel request enrolled the same person a moment earlier
        raise DomainError(
            _("%(name)s is already enrolled in this cohort.") % {"name": participant.full_name}
        ) from error
    return enrolment


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment, on: datetime.date, reason: str, by) -> Enrolment:
    """Record that someone left the measure: the date and reason go on the Jobcenter's drop-out notice."""
    enrolment = Enrolment.objects.select_for_update().select_related("cohort", "participant").get(pk=enrolment.pk)
    reason = (reason or "").strip()
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        raise DomainError(_("This enrolment has already been withdrawn."))
    if not reason:
        raise DomainError(_("Please give the reason for the withdrawal."), field="reason")
    if on is None:
        raise DomainError(_("Please give the date of the withdrawal."), field="on")
    if on < enrolment.enrolled_on:
        raise DomainError(
            _("The withdrawal date cannot be before the enrolment date (%(date)s).")
            % {"date": _date(enrolment.enrolled_on)},
            field="on",
        )
    if on > datetime.date.today():
        raise DomainError(_("The withdrawal date cannot be in the future."), field="on")
    enrolment.status = EnrolmentStatus.WITHDRAWN
    enrolment.withdrawn_on = on
    enrolment.withdrawal_reason = reason
    enrolment.save(update_fields=["status", "withdrawn_on", "withdrawal_reason"])
    return enrolment


@transaction.atomic
def participant_create_and_enrol(*, cohort: Cohort, by, **fields) -> Enrolment:
    """Record a new person and give them a place in one step; if the enrolment is refused, nobody is created."""
    participant = participant_create(organisation=cohort.site.organisation, by=by, **fields)
    return enrolment_create(cohort=cohort, participant=participant, by=by)
