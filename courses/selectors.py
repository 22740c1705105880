"""Reads, already limited to what the user may see, with the joins each page needs."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from core.memo import remembered_on
from core.text import fold

from .models import (
    Cohort,
    Enrolment,
    EnrolmentStatus,
    Organisation,
    Participant,
    PartnerOrganisation,
    Programme,
    Site,
)
from .rules import partner_organisation_ids, staff_organisation_ids


def organisations_visible_to(user) -> QuerySet[Organisation]:
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=staff_organisation_ids(user))


def sites_visible_to(user) -> QuerySet[Site]:
    return Site.objects.filter(organisation__in=organisations_visible_to(user)).select_related("organisation")


def programmes_visible_to(user) -> QuerySet[Programme]:
    return Programme.objects.filter(organisation__in=organisations_visible_to(user))


def cohorts_visible_to(user) -> QuerySet[Cohort]:
    """Cohorts a user may open. Only staff (and superusers) see cohorts; others see their own data elsewhere."""
    qs = Cohort.objects.select_related("programme", "site", "site__organisation")
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.is_programme_staff:
        return qs.filter(site__organisation_id__in=staff_organisation_ids(user))
    return qs.none()


def own_partner_organisations(user) -> QuerySet[PartnerOrganisation]:
    """The funding or partner organisations a partner user belongs to (none for anyone else)."""
    return PartnerOrganisation.objects.filter(pk__in=partner_organisation_ids(user))


def partner_organisation_called(name: str) -> PartnerOrganisation | None:
    """The funding or partner organisation of that name (spaces tidied, any case): the one rule by which a
    typed name is an organisation already known (courses.services.partner_organisation_named)."""
    return PartnerOrganisation.objects.filter(name__iexact=" ".join((name or "").split())).first()


def partner_organisation_names() -> list[str]:
    """All funding and partner organisations' names, for the cohort form to offer and compare typed names with.
    Not scoped: the organisations are shared by every provider (a Jobcenter funds several) and are named on
    their cohorts' documents."""
    return list(PartnerOrganisation.objects.order_by("name").values_list("name", flat=True))


def cohorts_in_reports_visible_to(user) -> QuerySet[Cohort]:
    """Cohorts whose figures a user sees on the dashboard and in reports: staff those of their organisations,
    a partner those their organisation funds or partners in, across providers; anyone else none."""
    qs = Cohort.objects.select_related("programme", "site", "site__organisation", "funding_body")
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_programme_staff:
        return qs.filter(site__organisation_id__in=staff_organisation_ids(user))
    if user.is_partner:
        ids = partner_organisation_ids(user)
        if not ids:
            return qs.none()
        # A subquery on the link table, not a join: no duplicate rows, so no DISTINCT over the whole list.
        partnered = Cohort.partners.through.objects.filter(partnerorganisation_id__in=ids).values("cohort_id")
        return qs.filter(Q(funding_body_id__in=ids) | Q(pk__in=partnered))
    return qs.none()


def cohort_choices_visible_to(user) -> list[tuple[int, str]]:
    """(pk, label) of the cohorts a user may open, newest first, for filter lists: read as plain values, since
    a large provider has over a thousand cohorts and a model instance per option made the list the slowest
    part of its page."""
    rows = (
        cohorts_visible_to(user)
        .select_related(None)
        .values_list("pk", "programme__title", "number", "site__name")
        .order_by("-start_date", "number", "pk")
    )
    return [(pk, Cohort.label(title, number, site)) for pk, title, number, site in rows]


def with_place_counts(qs: QuerySet[Cohort]) -> QuerySet[Cohort]:
    # A count per cohort in a subquery, not a join with GROUP BY: the database counts the places of the
    # cohorts on the page only, and the paginator's COUNT(*) needs no join at all (Django leaves out an
    # annotation nothing filters on). With the join both went through a provider's every enrolment.
    taken = (
        Enrolment.objects.filter(cohort=OuterRef("pk"))
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .order_by()
        .values("cohort")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return qs.annotate(taken_places=Coalesce(Subquery(taken), 0)).order_by("-start_date", "number", "pk")


def cohort_roster(cohort: Cohort) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(cohort=cohort)
        .select_related("participant", "cohort", "cohort__site")
        .order_by("participant__name_key", "participant__date_of_birth")
    )


def participants_visible_to(user) -> QuerySet[Participant]:
    qs = Participant.objects.all()
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.is_programme_staff:
        return qs.filter(organisation_id__in=staff_organisation_ids(user))
    if user.is_participant:
        return qs.filter(user=user)
    return qs.none()


def participant_search(qs: QuerySet[Participant], text: str) -> QuerySet[Participant]:
    """Accent- and case-insensitive search in names and the customer number ("savas" finds "Savaş")."""
    for word in fold(text).split():
        qs = qs.filter(Q(name_key__contains=word) | Q(jobcenter_customer_number__icontains=word))
    return qs


def enrolments_of_participant(participant: Participant) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(participant=participant)
        .select_related("cohort", "cohort__programme", "cohort__site")
        .order_by("-cohort__start_date")
    )


def own_participant(user) -> Participant | None:
    if not user.is_authenticated or not user.is_participant:
        return None
    return Participant.objects.filter(user=user).select_related("organisation").first()


# --- Teaching: sessions, registers, progress ---------------------------------------------------------------

import datetime  # noqa: E402
from collections.abc import Mapping  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from decimal import ROUND_HALF_UP, Decimal  # noqa: E402
from types import MappingProxyType  # noqa: E402

from django.db.models import Sum  # noqa: E402
from django.utils import timezone  # noqa: E402

from .models import (  # noqa: E402
    AttendanceCorrection,
    AttendanceRecord,
    AttendanceStatus,
    Module,
    TeachingSession,
)

_ONE_DECIMAL = Decimal("0.1")


def _one_decimal(value) -> Decimal:
    return Decimal(value or 0).quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ModuleProgress:
    module_id: int
    position: int
    title: str
    planned_units: int  # the module's planned teaching units
    held_units: Decimal  # units of this module's sessions held so far whose register has been taken
    attended_units: Decimal  # units this participant attended (reduced by late/early minutes), 1 decimal
    rate_percent: Decimal  # attended_units / planned_units * 100, 1 decimal
    minimum_percent: int  # Module.effective_min_attendance_percent
    met: bool  # rate_percent >= minimum_percent, i.e. attended_units >= attended_units_needed(...)
    absences: Mapping[str, int]  # count of sessions per code {"E": n, "K": n, "UE": n}, read-only (shared)
    # Units of sessions held by today whose register nobody has taken yet: "not yet recorded", neither
    # attended nor missed, so they count as still to come (they lower nobody's rate and warn nobody).
    unrecorded_units: Decimal = Decimal("0.0")

    @property
    def missed_units(self) -> Decimal:
        """Units held so far that this participant did not attend."""
        return max(self.held_units - self.attended_units, Decimal("0.0"))

    @property
    def reachable_percent(self) -> Decimal:
        """The best rate still possible if every unit not yet held is attended."""
        still_to_come = max(Decimal(self.planned_units) - self.held_units, Decimal(0))
        return _one_decimal((self.attended_units + still_to_come) * 100 / self.planned_units)

    @property
    def state(self) -> str:
        """met (minimum reached), on_track (nothing missed beyond the minimum's allowance so far),
        at_risk (behind, but the minimum can still be reached) or missed (cannot be reached any more)."""
        if self.met:
            return "met"
        if self.reachable_percent < self.minimum_percent:
            return "missed"
        if self.held_units and self.attended_units * 100 < self.held_units * self.minimum_percent:
            return "at_risk"
        return "on_track"


def attended_units_needed(planned_units: int, minimum_percent: int) -> Decimal:
    """The one home of the attendance rule: the fewest attended units (1 decimal, as progress rounds them)
    whose rate, ``attended * 100 / planned`` rounded half up to 1 decimal, is at least ``minimum_percent``.
    ModuleProgress.met compares with it, and the certificates app's counts compare the database's sums with
    it, so both answer alike. rate >= m exactly when attended * 100 / planned >= m - 0.05, i.e. when ten
    times attended is at least (20 m - 1) * planned / 200."""
    tenths = -(-((20 * minimum_percent - 1) * planned_units) // 200)  # ceiling division
    return Decimal(max(tenths, 0)) / 10


def _progress(
    module: Module, held_units: Decimal, minimum: int, attended, excused, sick, unexcused, *, unrecorded=Decimal(0)
) -> ModuleProgress:
    attended = _one_decimal(attended)
    rate = _one_decimal(attended * 100 / module.planned_units)
    return ModuleProgress(
        module_id=module.pk,
        position=module.position,
        title=module.title,
        planned_units=module.planned_units,
        held_units=held_units,
        attended_units=attended,
        rate_percent=rate,
        minimum_percent=minimum,
        met=attended >= attended_units_needed(module.planned_units, minimum),
        absences=MappingProxyType({"E": excused, "K": sick, "UE": unexcused}),
        unrecorded_units=unrecorded,
    )


def attendance_progress_of_cohort(
    cohort: Cohort, *, today: datetime.date | None = None
) -> dict[int, list[ModuleProgress]]:
    """Keyed by Enrolment id, for every enrolment of the cohort, modules in position order.
    A fixed number of queries whatever the cohort size (aggregate queries, no per-row queries); remembered per
    day where the caller remembers reads on the cohort object (core.memo), since the cohort page's sections
    and the certificates panel all ask."""
    return remembered_on(
        cohort,
        f"attendance_progress:{today}",
        # The cohort's people are loaded for the page anyway; its records are found by session alone.
        lambda: _progress_of_enrolments(cohort, [e.pk for e in cohort_people(cohort)], today=today, whole_cohort=True),
    )


def attendance_progress_of_enrolments(
    cohort: Cohort, enrolment_ids, *, today: datetime.date | None = None
) -> dict[int, list[ModuleProgress]]:
    """As attendance_progress_of_cohort, for some of the cohort's enrolments (a page of a list): the same
    queries, reading only their records."""
    return _progress_of_enrolments(cohort, list(enrolment_ids), today=today)


def attendance_progress_of_enrolment(
    enrolment: Enrolment, *, today: datetime.date | None = None
) -> list[ModuleProgress]:
    cohort = enrolment.cohort
    return _progress_of_enrolments(cohort, [enrolment.pk], today=today).get(enrolment.pk, [])


def held_units_by_module(cohort: Cohort, today: datetime.date) -> tuple[dict[int, Decimal], dict[int, Decimal]]:
    """({module id: units held by ``today`` whose register was taken}, {module id: units held whose register
    nobody has taken yet}) of the cohort's sessions. The one home of the rule "a session counts once its
    register is taken": until then it is not yet recorded, and neither an attendance nor an absence of
    anyone."""
    held, unrecorded = {}, {}
    for module_id, recorded, total in (
        TeachingSession.objects.filter(cohort=cohort, date__lte=today)
        .annotate(recorded=Exists(AttendanceRecord.objects.filter(session=OuterRef("pk"))))
        .values("module_id", "recorded")
        .annotate(total=Sum("units"))
        .values_list("module_id", "recorded", "total")
        .order_by()
    ):
        (held if recorded else unrecorded)[module_id] = total
    return held, unrecorded


def _progress_of_enrolments(
    cohort: Cohort, enrolment_ids: list[int], *, today=None, whole_cohort: bool = False
) -> dict[int, list[ModuleProgress]]:
    today = today or timezone.localdate()
    modules = list(
        Module.objects.filter(programme_id=cohort.programme_id).select_related("programme").order_by("position")
    )
    held, unrecorded = held_units_by_module(cohort, today)
    records = AttendanceRecord.objects.filter(session__cohort=cohort)
    if not whole_cohort:  # one person's page or a page of a list; for a whole cohort its sessions say enough
        records = records.filter(enrolment_id__in=enrolment_ids)
    rows = (
        records.values_list("enrolment_id", "session__module_id")
        .annotate(
            attended=Sum("attended_units"),
            E=Count("pk", filter=Q(status=AttendanceStatus.EXCUSED)),
            K=Count("pk", filter=Q(status=AttendanceStatus.SICK)),
            UE=Count("pk", filter=Q(status=AttendanceStatus.UNEXCUSED)),
        )
        .order_by()
    )
    # (attended, E, K, UE) per person and module; tuples, not dicts: a 200-person cohort has 800 of them.
    sums = {(enrolment_id, module_id): (attended, e, k, ue) for enrolment_id, module_id, attended, e, k, ue in rows}
    # Held units and the minimum are the same for everyone: worked out once per module, not per person.
    per_module = [
        (
            module,
            _one_decimal(held.get(module.pk, 0)),
            module.effective_min_attendance_percent,
            _one_decimal(unrecorded.get(module.pk, 0)),
        )
        for module in modules
    ]
    nothing = (0, 0, 0, 0)
    # Most people of a cohort share their figures (65 different ones among 800 in a cohort of 200), and a
    # progress is immutable: each is worked out once and shared.
    made: dict[tuple, ModuleProgress] = {}

    def progress(module, held_units, minimum, pending, totals) -> ModuleProgress:
        key = (module.pk, totals)
        if key not in made:
            made[key] = _progress(module, held_units, minimum, *totals, unrecorded=pending)
        return made[key]

    return {
        enrolment_id: [
            progress(module, held_units, minimum, pending, sums.get((enrolment_id, module.pk), nothing))
            for module, held_units, minimum, pending in per_module
        ]
        for enrolment_id in enrolment_ids
    }


def cohort_people(cohort: Cohort) -> tuple[Enrolment, ...]:
    """Every enrolment of the cohort with its participant, in roster order (name, date of birth), withdrawn
    ones too; a tuple, since the answer may be shared. Loaded once where the caller remembers reads on the
    cohort object (core.memo): the cohort page's roster, placements section and certificates panel and the
    eligibility engine all walk the same 200 people. Without the creation stamps,
    which no cohort page shows: 400 timestamps were a fifth of the read on PostgreSQL. Each enrolment holds
    the caller's cohort object, so permission checks per row (its organisation) fetch nothing."""

    def people():
        enrolments = tuple(
            Enrolment.objects.filter(cohort_id=cohort.pk)
            .select_related("participant")
            .defer("created_at", "participant__created_at")
            .order_by("participant__name_key", "participant__date_of_birth", "pk")
        )
        for enrolment in enrolments:
            enrolment.cohort = cohort
        return enrolments

    return remembered_on(cohort, "people", people)


def attendance_matrix_roster(cohort: Cohort) -> QuerySet[Enrolment]:
    """The matrix's rows: every enrolment of the cohort (withdrawn ones too), ordered as the cohort roster,
    with only the columns the matrix shows (all columns of 200 enrolments, people, cohorts and sites were a
    large share of the page, docs/benchmarks.md)."""
    return (
        Enrolment.objects.filter(cohort=cohort)
        .select_related("participant")
        .only("status", "participant__given_name", "participant__family_name")
        .order_by("participant__name_key", "participant__date_of_birth")
    )


def enrolments_on(cohort: Cohort, day: datetime.date) -> QuerySet[Enrolment]:
    """Who belonged to the cohort on a day: enrolled by then and not withdrawn before it (the withdrawal
    day itself still counts, it is the last day of the measure)."""
    return (
        Enrolment.objects.filter(cohort=cohort, enrolled_on__lte=day)
        .filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=day))
        .select_related("participant")
        .order_by("participant__name_key", "participant__date_of_birth", "pk")
    )


def sessions_of_cohort(cohort: Cohort) -> QuerySet[TeachingSession]:
    return (
        TeachingSession.objects.filter(cohort=cohort)
        .select_related("module", "cohort", "cohort__site")
        .annotate(
            recorded=Count("attendance"),
            absent=Count("attendance", filter=~Q(attendance__status=AttendanceStatus.PRESENT)),
        )
        .order_by("date", "start_time")
    )


def sessions_with_cohort() -> QuerySet[TeachingSession]:
    return TeachingSession.objects.select_related(
        "module", "module__programme", "cohort", "cohort__programme", "cohort__site", "cohort__site__organisation"
    )


def session_register(session: TeachingSession) -> list[tuple[Enrolment, AttendanceRecord | None]]:
    """The register's rows: everyone enrolled on the session's day with their record, if any (two queries).

    Only the columns the register shows are loaded: 200 people with every column of three tables (and their
    timestamps converted) were a large share of the page (docs/benchmarks.md)."""
    records = {
        r.enrolment_id: r
        for r in AttendanceRecord.objects.filter(session=session)
        .only("enrolment_id", "status", "late_minutes", "early_minutes", "note")
        .order_by()
    }
    enrolments = enrolments_on(session.cohort, session.date).only("participant__given_name", "participant__family_name")
    return [(e, records.get(e.pk)) for e in enrolments]


def corrections_of_session(session: TeachingSession) -> QuerySet[AttendanceCorrection]:
    return (
        AttendanceCorrection.objects.filter(record__session=session)
        .select_related("record__enrolment__participant", "changed_by")
        .order_by("-changed_at", "-id")
    )


def attendance_of_enrolment(enrolment: Enrolment) -> QuerySet[AttendanceRecord]:
    return (
        AttendanceRecord.objects.filter(enrolment=enrolment)
        .select_related("session", "session__module")
        .order_by("-session__date", "-session__start_time")
    )


@dataclass(frozen=True, slots=True)
class TodaySession:
    """One line of the staff start page's "Today's sessions"."""

    pk: int
    start_time: datetime.time
    end_time: datetime.time
    cohort_number: str
    module_title: str
    recorded: bool  # the register has been taken


def sessions_today_visible_to(user, day: datetime.date | None = None) -> list[TodaySession]:
    """Today's sessions in the cohorts the user may open, by start time, for the staff start page. Read as
    plain values: a large provider has fifty sessions a day, and a model instance with its cohort,
    programme and site per line cost more than the query. Whether the register was taken is an EXISTS,
    not a count over a GROUP BY of every selected column."""
    day = day or timezone.localdate()
    rows = (
        TeachingSession.objects.filter(cohort__in=cohorts_visible_to(user), date=day)
        .annotate(recorded=Exists(AttendanceRecord.objects.filter(session=OuterRef("pk"))))
        .order_by("start_time", "cohort__number", "pk")
        .values_list("pk", "start_time", "end_time", "cohort__number", "module__title", "recorded")
    )
    return [TodaySession(*row) for row in rows]


@dataclass(frozen=True, slots=True)
class RegisterToTake:
    """One line of the staff start page's "Registers still to take"."""

    pk: int
    date: datetime.date
    start_time: datetime.time
    cohort_number: str
    module_title: str


def registers_to_take_visible_to(user, day: datetime.date | None = None, *, limit: int = 20) -> tuple[list, int]:
    """Sessions before today in the user's cohorts whose register nobody has taken (oldest first, at most
    ``limit``) and how many there are in all: until it is taken such a session is "not yet recorded"."""
    day = day or timezone.localdate()
    sessions = TeachingSession.objects.filter(cohort__in=cohorts_visible_to(user), date__lt=day).exclude(
        Exists(AttendanceRecord.objects.filter(session=OuterRef("pk")))
    )
    # The keys of all of them, unordered, then sorted here: asked for in date order with a LIMIT, PostgreSQL
    # walks the date index and probes the attendance of every past session one at a time, where the unordered
    # anti-join hashes them at once (docs/benchmarks.md, issue 26); registers left untaken are few.
    keys = sorted(sessions.order_by().values_list("date", "start_time", "pk"))
    first = [pk for _day, _start, pk in keys[:limit]]
    rows = {
        row[0]: row
        for row in TeachingSession.objects.filter(pk__in=first).values_list(
            "pk", "date", "start_time", "cohort__number", "module__title"
        )
    }
    return [RegisterToTake(*rows[pk]) for pk in first], len(keys)
