"""Writes for the courses app. Each service checks the domain rules inside one transaction and raises
DomainError with a message for the user; callers never half-save."""

import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.services import invitation_create, login_create
from core.bulk import insert_rows
from core.dates import short_date, short_time
from core.exceptions import DomainError, full_clean_or_refuse
from core.text import clean_name, fold

from .enrolment_rules import already_enrolled_message, enrolment_refusal, entry_date_refusal
from .models import (
    Cohort,
    Enrolment,
    EnrolmentDateChange,
    EnrolmentStatus,
    Participant,
    PartnerAccess,
    PartnerOrganisation,
    Programme,
    Site,
    default_entry_date,
)
from .partner_names import split_organisation_names
from .rules import names_visible_in_reports
from .selectors import partner_organisation_called

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
    "names_visible_to_partners",
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


def partner_organisation_named(name: str) -> PartnerOrganisation:
    """The funding or partner organisation called ``name`` (spaces tidied, any case), created if new.

    Takes a new name as written, also one close to a known organisation's: the cohort form asks the user
    first (courses.partner_names.likely_meant_organisation); other callers (the demo data) have no one to ask."""
    name = " ".join((name or "").split())
    found = partner_organisation_called(name)
    if found is not None:
        return found
    organisation = PartnerOrganisation(name=name)
    full_clean_or_refuse(organisation)
    organisation.save()
    return organisation


def _funder(value) -> PartnerOrganisation | None:
    if isinstance(value, str):
        return partner_organisation_named(value) if value.strip() else None
    return value


def _partners(value) -> list[PartnerOrganisation]:
    """Partners given as organisations, names, or one text naming several ("A, B und C")."""
    if isinstance(value, str):
        value = split_organisation_names(value)
    return [partner_organisation_named(p) if isinstance(p, str) else p for p in value or []]


def _pop_organisations(fields: dict) -> list[PartnerOrganisation] | None:
    """Turns the funder into an organisation in place and takes out the partners (set after saving)."""
    if "funding_body" in fields:
        fields["funding_body"] = _funder(fields["funding_body"])
    return _partners(fields.pop("partners")) if "partners" in fields else None


@transaction.atomic
def cohort_create(*, programme: Programme, site: Site, by, **fields) -> Cohort:
    """A new cohort. ``funding_body`` and ``partners`` may be organisations or their names (created if new)."""
    partners = _pop_organisations(fields)
    cohort = Cohort(programme=programme, site=site, **fields)
    full_clean_or_refuse(cohort)
    cohort.save()
    if partners:
        cohort.partners.set(partners)
    return cohort


@transaction.atomic
def cohort_update(*, cohort: Cohort, by, **fields) -> Cohort:
    """Change a cohort. New dates or a smaller capacity must still fit the people already enrolled."""
    cohort = Cohort.objects.select_for_update().select_related("programme", "site").get(pk=cohort.pk)
    for name in fields:
        if name not in COHORT_FIELDS:
            raise TypeError(f"cohort_update() got an unexpected field {name!r}")
    partners = _pop_organisations(fields)
    for name, value in fields.items():
        setattr(cohort, name, value)
    full_clean_or_refuse(cohort)
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
    if partners is not None:
        cohort.partners.set(partners)
    return cohort


def record_partner_access(*, user, action: str, cohort: Cohort | None = None, detail: str = "") -> PartnerAccess | None:
    """Keep that a partner opened a page or exported a file (``action``, e.g. "dashboard" or "quarterly report
    PDF"), about ``cohort`` if one; staff and everyone else are not recorded (returns None). ``detail`` says
    what else was chosen (period, filters) and must not name a participant."""
    if not getattr(user, "is_partner", False):
        return None
    names = list(user.partner_organisations.order_by("name").values_list("name", flat=True))
    return PartnerAccess.objects.create(
        user=user,
        organisation_name=", ".join(names)[:200],
        action=action[:100],
        cohort=cohort,
        detail=(detail or "")[:300],
        names_shown=cohort is not None and names_visible_in_reports(user, cohort),
    )


@transaction.atomic
def participant_create(*, organisation, by, **fields) -> Participant:
    participant = Participant(organisation=organisation, **fields)
    participant.given_name = (participant.given_name or "").strip()
    participant.family_name = (participant.family_name or "").strip()
    participant.jobcenter_customer_number = (participant.jobcenter_customer_number or "").strip()
    full_clean_or_refuse(participant, exclude=["name_key", "user"])
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
            % {"name": twin.full_name, "date": short_date(twin.date_of_birth)}
        )


@transaction.atomic
def participant_update(*, participant: Participant, by, **fields) -> Participant:
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    for name, value in fields.items():
        if name not in PARTICIPANT_FIELDS:
            raise TypeError(f"participant_update() got an unexpected field {name!r}")
        setattr(participant, name, value.strip() if isinstance(value, str) else value)
    full_clean_or_refuse(participant, exclude=["name_key", "user"])
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
def participant_login_create(*, participant: Participant, username: str, by, password: str | None = None):
    """Give a participant their own login, so they can follow their progress and fetch their certificate.

    Staff pages never pass a password: they invite (``participant_invite``) and the person chooses it.
    Only the demo builder gives one."""
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    if participant.user_id:
        raise DomainError(_("%(name)s already has a login.") % {"name": participant.full_name})
    user = login_create(
        username=username,
        password=password,
        role=Role.PARTICIPANT,
        first_name=participant.given_name,
        last_name=participant.family_name,
        email=participant.email,
    )
    participant.user = user
    participant.save(update_fields=["user"])
    return user


@transaction.atomic
def participant_invite(*, participant: Participant, by, delivery: str, username: str = ""):
    """Invite the participant to set their own password, creating their login first if they have none.

    Returns the invitation and its secret (link token or printed code; see ``accounts.services``). The
    login's e-mail follows the participant record, so the invitation goes to the address staff see."""
    # Only the participant's row is locked (PostgreSQL cannot lock the nullable side of the join to the login).
    locked = Participant.objects.select_for_update(of=("self",)).select_related("organisation", "user")
    participant = locked.get(pk=participant.pk)
    user = participant.user
    if user is None:
        user = participant_login_create(participant=participant, username=username, by=by)
    elif user.email != participant.email:
        user.email = participant.email
        user.save(update_fields=["email"])
    return invitation_create(user=user, by=by, delivery=delivery, organisation_name=participant.organisation.name)


@transaction.atomic
def enrolment_create(
    *, cohort: Cohort, participant: Participant, by, enrolled_on: datetime.date | None = None
) -> Enrolment:
    """Give a participant a place: refuses duplicates, full cohorts and overlapping active enrolments
    (courses.enrolment_rules)."""
    # Lock the cohort so two enrolments at the same moment cannot both take the last place,
    # and the participant so two cohorts cannot both take the same person.
    cohort = Cohort.objects.select_for_update().select_related("programme", "site").get(pk=cohort.pk)
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    refusal = enrolment_refusal(
        cohort=cohort,
        participant=participant,
        existing=Enrolment.objects.filter(cohort=cohort, participant=participant).first(),
        taken=cohort.enrolments.exclude(status=EnrolmentStatus.WITHDRAWN).count(),
        clash=_active_enrolments_overlapping(participant, cohort).first(),
    )
    if refusal:
        raise DomainError(refusal)
    enrolled_on = enrolled_on or default_entry_date(cohort)
    _check_entry_date(cohort, enrolled_on)
    enrolment = Enrolment(
        cohort=cohort,
        participant=participant,
        status=EnrolmentStatus.ACTIVE,
        enrolled_on=enrolled_on,
        created_by=_author(by),
    )
    try:
        with transaction.atomic():
            enrolment.save()
    except IntegrityError as error:  # a parallel request enrolled the same person a moment earlier
        raise DomainError(already_enrolled_message(participant)) from error
    return enrolment


def _author(by):
    """The user recorded as creator; the demo builder and commands pass none."""
    return by if getattr(by, "pk", None) else None


def _check_entry_date(cohort: Cohort, on: datetime.date) -> None:
    refusal = entry_date_refusal(cohort, on)
    if refusal:
        raise DomainError(refusal, field="enrolled_on")


# --- Many places at once (the participant import) ----------------------------------------------------------

_CLASH_CHUNK = 2000  # participant ids per query: below SQLite's limit of bound parameters


class BulkEnrolment:
    """Places in one cohort for many participants, with enrolment_create's rules and locks, read and written
    set-wise: a fixed number of queries to check thousands of people, one plain INSERT to write their places.

    In steps, because the participant import checks person by person while it reads its rows and learns the
    new people's keys only when it has written them:

    1. ``BulkEnrolment(cohort=..., by=..., lock=True)`` locks the cohort and reads its places;
    2. ``people(queryset)`` reads the people to enrol locked too (after the cohort, as enrolment_create), and
       ``load(participant_ids)`` their active enrolments in overlapping cohorts;
    3. ``check(participant)`` gives each one's answer and reserves the place;
    4. ``write()`` inserts the reserved places (core.bulk) once every participant has a primary key.

    ``lock=False`` for a preview, which writes nothing. ``enrolments_create_bulk`` runs all four steps."""

    def __init__(self, *, cohort: Cohort, by, enrolled_on: datetime.date | None = None, lock: bool = True):
        self.lock = lock
        queryset = Cohort.objects.select_related("programme", "site")
        if lock:  # two imports or enrolments cannot both take the last place
            queryset = queryset.select_for_update()
        self.cohort = queryset.get(pk=cohort.pk)
        self.by = _author(by)
        self.enrolled_on = enrolled_on
        self.enrolled: dict[int, Enrolment] = {}
        self.taken = 0
        for enrolment in Enrolment.objects.filter(cohort=self.cohort).only("participant_id", "status", "withdrawn_on"):
            self.enrolled[enrolment.participant_id] = enrolment
            if enrolment.status != EnrolmentStatus.WITHDRAWN:
                self.taken += 1
        self.clashes: dict[int, Enrolment] = {}
        self.reserved: list[Participant] = []

    def people(self, queryset):
        """``queryset`` of participants, locked when the places are (nobody else may take these people into
        another cohort meanwhile)."""
        return queryset.select_for_update() if self.lock else queryset

    def load(self, participant_ids) -> None:
        """Read the active enrolments of these known participants in cohorts overlapping this one."""
        cohort = self.cohort
        ids = sorted(participant_ids)
        for start in range(0, len(ids), _CLASH_CHUNK):
            overlapping = (
                Enrolment.objects.filter(
                    participant_id__in=ids[start : start + _CLASH_CHUNK],
                    status=EnrolmentStatus.ACTIVE,
                    cohort__start_date__lte=cohort.end_date,
                    cohort__end_date__gte=cohort.start_date,
                )
                .select_related("cohort", "cohort__programme", "cohort__site")
                .order_by("cohort", "participant__name_key")  # Enrolment's ordering: .first() in enrolment_create
            )
            for enrolment in overlapping:
                self.clashes.setdefault(enrolment.participant_id, enrolment)

    def check(self, participant: Participant) -> tuple[str, str]:
        """(place, refusal): place "new" (reserved for ``write``) or "has" (already enrolled, keeps the
        place) with refusal ''; or place '' with the reason. A participant without a primary key is new."""
        pk = participant.pk
        existing = self.enrolled.get(pk) if pk is not None else None
        refusal = enrolment_refusal(
            cohort=self.cohort,
            participant=participant,
            existing=existing,
            taken=self.taken + len(self.reserved),
            clash=self.clashes.get(pk) if pk is not None else None,
            keep_existing=True,
        )
        if refusal:
            return "", refusal
        if existing is not None:
            return "has", ""
        self.reserved.append(participant)
        return "new", ""

    def write(self) -> int:
        """Insert the reserved places, as enrolment_create would save them, in one plain INSERT per 10,000
        (core.bulk: preparing every value through bulk_create took half of a 10,000-row import); returns how
        many were written."""
        if not self.lock:
            raise RuntimeError("places checked without locks cannot be written")
        on = self.enrolled_on or default_entry_date(self.cohort)
        _check_entry_date(self.cohort, on)
        now = timezone.now()
        cohort, by, active = self.cohort.pk, getattr(self.by, "pk", None), EnrolmentStatus.ACTIVE.value
        written = insert_rows(
            Enrolment,
            ["cohort", "participant", "status", "enrolled_on", "withdrawal_reason", "created_by", "created_at"],
            ((cohort, p.pk, active, on, "", by, now) for p in self.reserved if p.pk is not None),
        )
        self.reserved = []
        return written


@transaction.atomic
def enrolments_create_bulk(
    *, cohort: Cohort, participants: list[Participant], by, enrolled_on: datetime.date | None = None
) -> dict[int, str]:
    """Give every one of ``participants`` (known people) a place in ``cohort`` who may have one, in the given
    order, as enrolment_create one after another would; someone already enrolled keeps their place.
    Returns the refusals by participant id."""
    places = BulkEnrolment(cohort=cohort, by=by, enrolled_on=enrolled_on)
    ids = [participant.pk for participant in participants]
    locked = {p.pk: p for p in places.people(Participant.objects.filter(pk__in=ids).order_by("pk"))}
    places.load(locked)
    refusals = {}
    for pk in ids:
        _place, refusal = places.check(locked[pk])
        if refusal:
            refusals[pk] = refusal
    places.write()
    return refusals


@transaction.atomic
def enrolment_change_entry_date(*, enrolment: Enrolment, on: datetime.date, reason: str, by) -> Enrolment:
    """Change the day someone entered the cohort (imported late, entered earlier than recorded), keeping the
    old date, the reason, who and when. Refused when registers already say something about the days the
    person would no longer belong to."""
    enrolment = Enrolment.objects.select_for_update().select_related("cohort", "participant").get(pk=enrolment.pk)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Please give the reason for the change."), field="reason")
    if on is None:
        raise DomainError(_("Please give the entry date."), field="enrolled_on")
    _check_entry_date(enrolment.cohort, on)
    if enrolment.withdrawn_on and on > enrolment.withdrawn_on:
        raise DomainError(
            _("The entry date cannot be after the withdrawal (%(date)s).")
            % {"date": short_date(enrolment.withdrawn_on)},
            field="enrolled_on",
        )
    earlier = (
        AttendanceRecord.objects.filter(enrolment=enrolment, session__date__lt=on)
        .order_by("session__date")
        .values_list("session__date", flat=True)
        .first()
    )
    if earlier:
        raise DomainError(
            _(
                "The register of %(date)s already records %(name)s; an entry date after it would drop that record. "
                "Correct that register first."
            )
            % {"date": short_date(earlier), "name": enrolment.participant.full_name},
            field="enrolled_on",
        )
    if on == enrolment.enrolled_on:
        return enrolment
    EnrolmentDateChange.objects.create(
        enrolment=enrolment, old_date=enrolment.enrolled_on, new_date=on, reason=reason, changed_by=by
    )
    enrolment.enrolled_on = on
    enrolment.save(update_fields=["enrolled_on"])
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
            % {"date": short_date(enrolment.enrolled_on)},
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
def participant_create_and_enrol(
    *, cohort: Cohort, by, enrolled_on: datetime.date | None = None, **fields
) -> Enrolment:
    """Record a new person and give them a place in one step; if the enrolment is refused, nobody is created."""
    participant = participant_create(organisation=cohort.site.organisation, by=by, **fields)
    return enrolment_create(cohort=cohort, participant=participant, by=by, enrolled_on=enrolled_on)


# --- Teaching: sessions and the attendance register -------------------------------------------------------

from dataclasses import dataclass, field  # noqa: E402

import holidays as public_holidays  # noqa: E402
from django.utils import timezone  # noqa: E402

from .models import (  # noqa: E402
    AttendanceCorrection,
    AttendanceRecord,
    AttendanceStatus,
    Module,
    TeachingSession,
    attended_units_for,
)

SESSION_FIELDS = ("module", "date", "start_time", "end_time", "units", "topic", "trainer")


def nrw_public_holidays(start: datetime.date, end: datetime.date) -> dict[datetime.date, str]:
    """Public holidays in North Rhine-Westphalia between two dates (inclusive), with their German names."""
    years = range(start.year, end.year + 1)
    days = public_holidays.Germany(subdiv="NW", years=years, language="de")
    return {day: name for day, name in sorted(days.items()) if start <= day <= end}


def _check_session(session: TeachingSession) -> None:
    """Field rules, then the one rule about other rows: no two sessions of a cohort at the same time."""
    full_clean_or_refuse(session, exclude=["created_by"])
    clash = (
        TeachingSession.objects.filter(
            cohort_id=session.cohort_id,
            date=session.date,
            start_time__lt=session.end_time,
            end_time__gt=session.start_time,
        )
        .exclude(pk=session.pk)
        .select_related("module")
        .first()
    )
    if clash:
        raise DomainError(
            _("On %(date)s there is already a session from %(start)s to %(end)s (%(module)s).")
            % {
                "date": short_date(clash.date),
                "start": short_time(clash.start_time),
                "end": short_time(clash.end_time),
                "module": clash.module.title,
            },
            field="start_time",
        )


@transaction.atomic
def session_create(
    *,
    cohort: Cohort,
    module: Module,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    units: int,
    topic: str = "",
    trainer: str = "",
    by,
) -> TeachingSession:
    """Plan one session. Refuses dates outside the cohort, modules of another programme and overlaps."""
    # Lock the cohort so two planners cannot both put a session into the same free slot.
    cohort = Cohort.objects.select_for_update().select_related("programme", "site").get(pk=cohort.pk)
    session = TeachingSession(
        cohort=cohort,
        module=module,
        date=date,
        start_time=start_time,
        end_time=end_time,
        units=units,
        topic=(topic or "").strip(),
        trainer=(trainer or "").strip(),
        created_by=by if getattr(by, "pk", None) else None,
    )
    _check_session(session)
    session.save()
    return session


@transaction.atomic
def session_update(*, session: TeachingSession, by, **fields) -> TeachingSession:
    """Change a session. Once attendance is recorded its day and module stay fixed (the register belongs to
    them); new times or units recompute everyone's attended units."""
    Cohort.objects.select_for_update().filter(pk=session.cohort_id).first()
    session = TeachingSession.objects.select_for_update().select_related("cohort", "module").get(pk=session.pk)
    old_date, old_module_id = session.date, session.module_id
    for name, value in fields.items():
        if name not in SESSION_FIELDS:
            raise TypeError(f"session_update() got an unexpected field {name!r}")
        setattr(session, name, value.strip() if isinstance(value, str) else value)
    _check_session(session)
    records = list(AttendanceRecord.objects.select_for_update().filter(session=session))
    if records and (session.date != old_date or session.module_id != old_module_id):
        raise DomainError(
            _("Attendance has already been recorded for this session; its date and module cannot change.")
        )
    for record in records:
        if record.late_minutes + record.early_minutes >= session.duration_minutes:
            raise DomainError(
                _("The session would be shorter than the minutes recorded as late or early for some participants."),
                field="end_time",
            )
        record.attended_units = attended_units_for(session, record.status, record.late_minutes, record.early_minutes)
    session.save()
    AttendanceRecord.objects.bulk_update(records, ["attended_units"])
    return session


@transaction.atomic
def session_delete(*, session: TeachingSession, by) -> None:
    session = TeachingSession.objects.select_for_update().get(pk=session.pk)
    if AttendanceRecord.objects.filter(session=session).exists():
        raise DomainError(_("Attendance has already been recorded for this session; it cannot be deleted."))
    session.delete()


@dataclass
class GeneratedSessions:
    created: list[TeachingSession] = field(default_factory=list)
    skipped_holidays: list[tuple[datetime.date, str]] = field(default_factory=list)
    skipped_outside: list[datetime.date] = field(default_factory=list)


@transaction.atomic
def sessions_generate_weekly(
    *,
    cohort: Cohort,
    module: Module,
    weekdays: list[int],
    start_time: datetime.time,
    end_time: datetime.time,
    first_date: datetime.date,
    weeks: int,
    units: int,
    topic: str = "",
    trainer: str = "",
    stop_when_planned: bool = False,
    by,
) -> GeneratedSessions:
    """Plan a term from a weekly pattern, e.g. Mondays and Wednesdays 09:00–12:00 for 18 weeks.

    ``weekdays`` are 0 (Monday) to 6 (Sunday). NRW public holidays are skipped, and so are days outside
    the cohort's dates. With ``stop_when_planned`` it stops once the module's planned units are covered
    (counting sessions already planned). Any overlap refuses the whole series: nothing is saved.
    """
    if not weekdays:
        raise DomainError(_("Choose at least one weekday."), field="weekdays")
    if not 1 <= weeks <= 60:
        raise DomainError(_("The number of weeks must be between 1 and 60."), field="weeks")
    cohort = Cohort.objects.select_for_update().select_related("programme", "site").get(pk=cohort.pk)
    monday = first_date - datetime.timedelta(days=first_date.weekday())
    last = monday + datetime.timedelta(weeks=weeks) - datetime.timedelta(days=1)
    free = nrw_public_holidays(first_date, last)
    planned = 0
    if stop_when_planned:
        planned = sum(TeachingSession.objects.filter(cohort=cohort, module=module).values_list("units", flat=True))
    result = GeneratedSessions()
    day = first_date
    while day <= last:
        if day.weekday() in weekdays:
            if stop_when_planned and planned >= module.planned_units:
                break
            if day in free:
                result.skipped_holidays.append((day, free[day]))
            elif not cohort.contains(day):
                result.skipped_outside.append(day)
            else:
                try:
                    session = session_create(
                        cohort=cohort,
                        module=module,
                        date=day,
                        start_time=start_time,
                        end_time=end_time,
                        units=units,
                        topic=topic,
                        trainer=trainer,
                        by=by,
                    )
                except DomainError as error:
                    raise DomainError(
                        _("%(date)s: %(problem)s Nothing was saved.") % {"date": short_date(day), "problem": error},
                        field=error.field,
                    ) from error
                result.created.append(session)
                planned += units
        day += datetime.timedelta(days=1)
    if not result.created:
        raise DomainError(_("This pattern gives no session within the cohort's dates."))
    return result


@dataclass(frozen=True)
class AttendanceEntry:
    """One row of a register as submitted."""

    enrolment_id: int
    status: str
    late_minutes: int = 0
    early_minutes: int = 0
    note: str = ""


@dataclass
class RegisterResult:
    created: int = 0
    changed: int = 0
    corrections: int = 0


@transaction.atomic
def attendance_record(*, session: TeachingSession, entries: list[AttendanceEntry], by) -> RegisterResult:
    """Save a whole register in one go (insert new rows, update changed ones).

    Refuses the whole submit, with the person's name, for: a session still in the future, someone not
    enrolled in the cohort on that day, an unknown code, minutes for an absent person, or late plus early
    minutes that fill the whole session (that is an absence). Changes after the session's day are
    corrections: only users with ``courses.correct_attendance`` may make them and each is kept with
    who, when and the old and new values.
    """
    session = (
        TeachingSession.objects.select_for_update()
        .select_related("cohort", "cohort__site", "module")
        .get(pk=session.pk)
    )
    today = timezone.localdate()
    if session.date > today:
        raise DomainError(_("Attendance can only be recorded on or after the day of the session."))
    from .selectors import enrolments_on

    roster = {e.pk: e for e in enrolments_on(session.cohort, session.date)}
    entries = [e if isinstance(e, AttendanceEntry) else AttendanceEntry(**e) for e in entries]
    seen = set()
    for entry in entries:
        _check_entry(session, entry, roster, seen)
    existing = {
        r.enrolment_id: r
        for r in AttendanceRecord.objects.select_for_update().filter(
            session=session, enrolment_id__in=[e.enrolment_id for e in entries]
        )
    }
    is_correction = session.date < today
    result = RegisterResult()
    new, changed, corrections = [], [], []
    for entry in entries:
        values = {
            "status": entry.status,
            "late_minutes": entry.late_minutes,
            "early_minutes": entry.early_minutes,
            "note": (entry.note or "").strip(),
        }
        units = attended_units_for(session, entry.status, entry.late_minutes, entry.early_minutes)
        record = existing.get(entry.enrolment_id)
        if record is None:
            new.append(
                AttendanceRecord(
                    session=session,
                    enrolment_id=entry.enrolment_id,
                    attended_units=units,
                    recorded_by=by if getattr(by, "pk", None) else None,
                    **values,
                )
            )
            continue
        old = {name: getattr(record, name) for name in values}
        if old == values:
            continue
        if is_correction:
            corrections.append(
                AttendanceCorrection(
                    record=record,
                    changed_by=by if getattr(by, "pk", None) else None,
                    **{f"old_{name}": old[name] for name in values},
                    **{f"new_{name}": values[name] for name in values},
                )
            )
        for name, value in values.items():
            setattr(record, name, value)
        record.attended_units = units
        record.updated_at = timezone.now()
        changed.append(record)
    if corrections and not (by is not None and by.has_perm("courses.correct_attendance", session)):
        raise DomainError(_("Only programme staff may correct a register after the day of the session."))
    AttendanceRecord.objects.bulk_create(new)
    AttendanceRecord.objects.bulk_update(
        changed, ["status", "late_minutes", "early_minutes", "note", "attended_units", "updated_at"]
    )
    AttendanceCorrection.objects.bulk_create(corrections)
    result.created, result.changed, result.corrections = len(new), len(changed), len(corrections)
    return result


def _check_entry(session: TeachingSession, entry: AttendanceEntry, roster: dict, seen: set) -> None:
    enrolment = roster.get(entry.enrolment_id)
    if enrolment is None:
        other = Enrolment.objects.filter(pk=entry.enrolment_id).select_related("participant").first()
        name = other.participant.full_name if other else _("Unknown participant")
        raise DomainError(
            _("%(name)s was not enrolled in this cohort on %(date)s; nothing was saved.")
            % {"name": name, "date": short_date(session.date)}
        )
    name = enrolment.participant.full_name
    if entry.enrolment_id in seen:
        raise DomainError(_("%(name)s appears twice in the register.") % {"name": name})
    seen.add(entry.enrolment_id)
    if entry.status not in AttendanceStatus.values:
        raise DomainError(_("%(name)s: unknown attendance code %(code)s.") % {"name": name, "code": entry.status})
    for minutes in (entry.late_minutes, entry.early_minutes):
        if not isinstance(minutes, int) or minutes < 0:
            raise DomainError(_("%(name)s: minutes must be a whole number of 0 or more.") % {"name": name})
    if entry.status != AttendanceStatus.PRESENT and (entry.late_minutes or entry.early_minutes):
        raise DomainError(
            _("%(name)s is recorded as absent; minutes late or left early only apply to someone present.")
            % {"name": name}
        )
    if entry.late_minutes + entry.early_minutes >= session.duration_minutes:
        raise DomainError(
            _(
                "%(name)s: %(minutes)d minutes late or left early are not less than the session's "
                "%(duration)d minutes. Record an absence instead."
            )
            % {
                "name": name,
                "minutes": entry.late_minutes + entry.early_minutes,
                "duration": session.duration_minutes,
            }
        )
