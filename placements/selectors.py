"""Reads, already limited to what the user may see, with the joins each page needs."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from core.memo import remembered_on
from courses.models import FacilityType, Participant
from courses.rules import staff_organisation_ids
from courses.selectors import cohort_people

from .models import Facility, HourEntry, HourEntryStatus, Placement, PlacementStatus
from .prerequisites import missing_prerequisites


def facilities_visible_to(user) -> QuerySet[Facility]:
    """Staff see their organisations' facilities, supervisors the ones they supervise."""
    qs = Facility.objects.select_related("organisation")
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.is_programme_staff:
        return qs.filter(organisation_id__in=staff_organisation_ids(user))
    if user.is_supervisor:
        return qs.filter(supervisors=user)
    return qs.none()


def linkable_supervisors(facility: Facility) -> QuerySet:
    """Supervisor logins that may be linked to ``facility``: active ones who already supervise another facility
    of the same organisation. Supervisors of other organisations, and logins linked nowhere (whoever made
    them), are neither listed nor linkable; the administrator links those in the admin."""
    same_organisation = Facility.objects.filter(organisation_id=facility.organisation_id).exclude(pk=facility.pk)
    return (
        get_user_model()
        .objects.filter(role="supervisor", is_active=True, supervised_facilities__in=same_organisation)
        .exclude(supervised_facilities=facility)
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def _facility_type_labels() -> dict[str, str]:
    """Each facility type's label in the current language, translated once per call rather than per row."""
    return {value: str(label) for value, label in FacilityType.choices}


def facility_choices_visible_to(user) -> list[tuple[int, str]]:
    """(pk, label) of the facilities a user may see, by name, for filter lists (read as plain values like
    courses.selectors.cohort_choices_visible_to: an instance per option costs more than the whole query)."""
    types = _facility_type_labels()
    rows = facilities_visible_to(user).select_related(None).values_list("pk", "name", "facility_type").order_by("name")
    return [(pk, Facility.label(name, types.get(kind, kind))) for pk, name, kind in rows]


def _placement_base() -> QuerySet[Placement]:
    return Placement.objects.select_related(
        "facility",
        "facility__organisation",
        "supervisor",
        "enrolment",
        "enrolment__participant",
        "enrolment__cohort",
        "enrolment__cohort__programme",
        "enrolment__cohort__site",
        "conduct_check",
    )


def placements_visible_to(user) -> QuerySet[Placement]:
    """Staff: their organisations' placements; supervisors: those at their facilities; participants: their own."""
    qs = _placement_base()
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.is_programme_staff:
        return qs.filter(facility__organisation_id__in=staff_organisation_ids(user))
    if user.is_supervisor:
        return qs.filter(facility__supervisors=user)
    if user.is_participant:
        return qs.filter(enrolment__participant__user=user)
    return qs.none()


def _per_placement(status: str, total) -> Subquery:
    """``total`` over each placement's hour entries with ``status``, as a subquery (None without entries)."""
    return Subquery(
        HourEntry.objects.filter(placement=OuterRef("pk"), status=status)
        .order_by()
        .values("placement")
        .annotate(total=total)
        .values("total")
    )


def with_minutes(qs: QuerySet[Placement]) -> QuerySet[Placement]:
    """Adds confirmed_minutes, pending_minutes (None without entries) and pending_count to each placement.

    Each is a subquery per placement rather than a join with GROUP BY: on a page of 25 placements the
    database sums the hours of those 25, where the join summed a large provider's every hour entry before
    the LIMIT (1.6 s on PostgreSQL with 300,000 entries)."""
    return qs.annotate(
        confirmed_minutes=_per_placement(HourEntryStatus.CONFIRMED, Sum("work_minutes")),
        pending_minutes=_per_placement(HourEntryStatus.PENDING, Sum("work_minutes")),
        pending_count=Coalesce(_per_placement(HourEntryStatus.PENDING, Count("pk")), 0),
    )


def placements_to_show() -> QuerySet[Placement]:
    """What a placement's pages show of it; the view picks the URL's placement."""
    return with_minutes(_placement_base())


def hour_entries_of_placement(placement: Placement) -> QuerySet[HourEntry]:
    return placement.hour_entries.select_related("decided_by", "created_by").order_by("-date", "-start_time")


def entry_history(placement: Placement):
    from .models import HourEntryEvent

    return (
        HourEntryEvent.objects.filter(entry__placement=placement).select_related("by", "entry").order_by("-at", "-id")
    )


def hour_entries_visible_to(user) -> QuerySet[HourEntry]:
    qs = HourEntry.objects.select_related(
        "placement", "placement__facility", "placement__enrolment__participant", "placement__enrolment__cohort"
    )
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.is_programme_staff:
        return qs.filter(placement__facility__organisation_id__in=staff_organisation_ids(user))
    if user.is_supervisor:
        return qs.filter(placement__facility__supervisors=user)
    if user.is_participant:
        return qs.filter(placement__enrolment__participant__user=user)
    return qs.none()


def pending_entries_visible_to(user) -> QuerySet[HourEntry]:
    """The entries a supervisor has to decide on: pending, at the facilities they supervise, oldest first."""
    if not user.is_authenticated or not user.is_supervisor:
        return HourEntry.objects.none()
    return (
        HourEntry.objects.filter(status=HourEntryStatus.PENDING, placement__facility__supervisors=user)
        .select_related("placement", "placement__facility", "placement__enrolment__participant")
        .order_by("date", "start_time", "id")
    )


def pending_groups_visible_to(user) -> list[dict]:
    """One row per placement with pending entries at the user's facilities (``placement_id``, ``count``,
    ``oldest``), the person waiting longest first, then by name. The page shows a few people at a time, so it
    needs everybody's numbers but only the shown people's entries."""
    return list(
        pending_entries_visible_to(user)
        .values("placement_id")
        .annotate(count=Count("id"), oldest=Min("date"))
        .order_by("oldest", "placement__enrolment__participant__name_key", "placement_id")
    )


def pending_entries_of_placements(user, placement_ids) -> QuerySet[HourEntry]:
    """The pending entries of some of the user's placements (one page of ``pending_groups_visible_to``),
    oldest first, with only the columns the page shows: the rest of the three joined rows is never read."""
    return (
        pending_entries_visible_to(user)
        .filter(placement_id__in=list(placement_ids))
        .only(
            "placement_id",
            "date",
            "start_time",
            "end_time",
            "break_minutes",
            "work_minutes",
            "activity",
            "placement__facility__name",
            "placement__enrolment__participant__given_name",
            "placement__enrolment__participant__family_name",
        )
    )


def supervisor_overview(user) -> dict:
    """Start-page numbers for a supervisor: pending entries and their placements with progress."""
    # Placements stay "active" after their last day; a supervisor of a large provider would otherwise load
    # every placement of past years. Keep the current ones and any that still wait for a confirmation.
    recent = date.today() - timedelta(days=14)
    waiting = Exists(HourEntry.objects.filter(placement=OuterRef("pk"), status=HourEntryStatus.PENDING))
    # The start page and the pending page show name, facility, dates and hours: load only those (not the nine
    # joined tables of placements_visible_to), which also keeps the GROUP BY of the sums small.
    shown = ("start_date", "end_date", "planned_hours", "facility__name")
    shown += ("enrolment__participant__given_name", "enrolment__participant__family_name")
    placements = list(
        with_minutes(
            placements_visible_to(user)
            .select_related(None)
            .select_related("facility", "enrolment__participant")
            .only(*shown)
            .filter(status=PlacementStatus.ACTIVE)
            .filter(Q(end_date__gte=recent) | waiting)
            if user.is_supervisor
            else Placement.objects.none()
        ).order_by("end_date", "enrolment__participant__name_key")
    )
    pending = sum(p.pending_count or 0 for p in placements)
    return {"pending_count": pending, "placements": placements}


def own_placements(user) -> list[Placement]:
    """A participant's placements, newest first, with their hour sums."""
    if not user.is_authenticated or not user.is_participant:
        return []
    return list(with_minutes(placements_visible_to(user)).order_by("-start_date", "-id"))


@dataclass(frozen=True, slots=True)
class OpenPlacement:
    """One line of the staff start page's "Placements needing attention"."""

    pk: int
    participant_name: str
    facility_name: str
    start_date: date
    end_date: date
    status: str
    pending_count: int  # hour entries awaiting the supervisor


def staff_open_placements(user) -> list[OpenPlacement]:
    """The first 50 planned placements (blocked until prerequisites are complete) and active ones with hours
    awaiting confirmation, by start date and name.

    The candidates are the union of two small sets the indexes answer alone, the planned placements
    (placement_status_end) and those with pending hours (hourentry_status_placement), rather than a test of
    each of a provider's 20,000 placements; ``__among`` (core.lookups) keeps PostgreSQL from hashing every
    placement against them (docs/benchmarks.md). The 50 lines are read as plain values in the same query:
    a page of model instances with their cohorts, sites and supervisors cost more than the query itself."""
    if not (user.is_superuser or user.is_programme_staff):
        return []
    planned = Placement.objects.filter(status=PlacementStatus.PLANNED).order_by().values("pk")
    waiting = HourEntry.objects.filter(status=HourEntryStatus.PENDING).order_by().values("placement_id")
    rows = (
        placements_visible_to(user)
        .filter(pk__among=planned.union(waiting), status__in=[PlacementStatus.PLANNED, PlacementStatus.ACTIVE])
        .annotate(pending_count=Coalesce(_per_placement(HourEntryStatus.PENDING, Count("pk")), 0))
        .order_by("start_date", "enrolment__participant__name_key", "pk")
        .values_list(
            "pk",
            "enrolment__participant__given_name",
            "enrolment__participant__family_name",
            "facility__name",
            "start_date",
            "end_date",
            "status",
            "pending_count",
        )[:50]
    )
    return [
        OpenPlacement(pk, Participant.name_from(given, family), facility, start, end, status, pending)
        for pk, given, family, facility, start, end, status, pending in rows
    ]


# --- The interface the certificates app reads ---------------------------------------------------------


@dataclass(frozen=True)
class PlacementSummary:
    enrolment_id: int
    placement_id: int | None  # the latest placement of the enrolment
    status: str  # of that placement: planned, active, cancelled
    facility_name: str
    facility_type: str  # "kita" / "ogs"
    facility_type_label: str  # translated label
    start_date: date | None
    end_date: date | None
    confirmed_minutes: int  # all confirmed hour entries of all the enrolment's placements
    pending_minutes: int
    required_minutes: int  # cohort.programme.required_placement_hours * 60
    prerequisites_complete: bool
    missing_prerequisites: list[str]  # translated, e.g. "Proof of measles protection has not been recorded."


@dataclass(frozen=True, slots=True)
class _CheckFacts:
    inspected_on: date
    issue_date: date
    has_relevant_entry: bool


@dataclass(frozen=True, slots=True)
class _PlacementFacts:
    """What a summary and missing_prerequisites read of one placement, loaded as plain values: as model
    instances, 200 placements with their facilities and checks took four times as long as their query.
    Moments that only count as recorded or not come as booleans: turning 600 timestamps into datetimes
    cost psycopg more than the query on PostgreSQL."""

    pk: int
    enrolment_id: int
    status: str
    start_date: date
    end_date: date
    measles_proof_recorded: bool
    infection_instruction_date: date | None
    conduct_facts_deleted_after_start: bool
    facility_name: str
    facility_type: str
    date_of_birth: date
    required_minutes: int
    conduct_check: _CheckFacts | None


_FACT_COLUMNS = (
    "pk",
    "enrolment_id",
    "status",
    "start_date",
    "end_date",
    "measles_proof_recorded",
    "infection_instruction_date",
    "conduct_facts_deleted_after_start",
    "facility__name",
    "facility__facility_type",
    "enrolment__participant__date_of_birth",
    "enrolment__cohort__programme__required_placement_hours",
    "conduct_check__pk",
    "conduct_check__inspected_on",
    "conduct_check__issue_date",
    "conduct_check__has_relevant_entry",
)


def _placement_facts(placements: QuerySet[Placement]) -> list[_PlacementFacts]:
    facts = []
    recorded = placements.annotate(
        measles_proof_recorded=ExpressionWrapper(Q(measles_proof_seen_at__isnull=False), BooleanField()),
        conduct_facts_deleted_after_start=ExpressionWrapper(
            Q(conduct_check_deleted_at__isnull=False, activated_at__isnull=False), BooleanField()
        ),
    )
    for *placement, hours, check_pk, inspected_on, issue_date, relevant in recorded.order_by(
        "start_date", "id"
    ).values_list(*_FACT_COLUMNS):
        check = _CheckFacts(inspected_on, issue_date, relevant) if check_pk is not None else None
        facts.append(_PlacementFacts(*placement, hours * 60, check))
    return facts


def _latest(placements: list[_PlacementFacts]) -> _PlacementFacts:
    """The placement that represents the enrolment: the latest that was not cancelled, else the latest."""
    live = [p for p in placements if p.status != PlacementStatus.CANCELLED]
    return max(live or placements, key=lambda p: (p.start_date, p.pk))


def representative_placement(enrolment: OuterRef) -> Subquery:
    """The database's form of _latest: the id of the placement that represents the enrolment ``enrolment``
    points to (the latest by start date and id that was not cancelled, else the latest)."""
    cancelled_last = Case(When(status=PlacementStatus.CANCELLED, then=Value(1)), default=Value(0))
    return Subquery(
        Placement.objects.filter(enrolment_id=enrolment).order_by(cancelled_last, "-start_date", "-pk").values("pk")[:1]
    )


def confirmed_minutes_of_enrolment(enrolment: OuterRef):
    """The database's form of PlacementSummary.confirmed_minutes: confirmed minutes of all the enrolment's
    placements, 0 without any."""
    return Coalesce(
        Subquery(
            HourEntry.objects.filter(placement__enrolment_id=enrolment, status=HourEntryStatus.CONFIRMED)
            .order_by()
            .values("placement__enrolment_id")
            .annotate(total=Sum("work_minutes"))
            .values("total")
        ),
        0,
    )


def _summaries(placements: QuerySet[Placement]) -> dict[int, PlacementSummary]:
    by_enrolment: dict[int, list[_PlacementFacts]] = {}
    for placement in _placement_facts(placements):
        by_enrolment.setdefault(placement.enrolment_id, []).append(placement)
    if not by_enrolment:
        return {}
    minutes = {}
    rows = (
        HourEntry.objects.filter(placement__enrolment_id__in=by_enrolment.keys())
        .values("placement__enrolment_id", "status")
        .annotate(total=Sum("work_minutes"))
        .order_by()
    )
    for row in rows:
        minutes[(row["placement__enrolment_id"], row["status"])] = row["total"] or 0
    labels = _facility_type_labels()
    result = {}
    for enrolment_id, group in by_enrolment.items():
        latest = _latest(group)
        missing = missing_prerequisites(latest, conduct_check=latest.conduct_check, date_of_birth=latest.date_of_birth)
        result[enrolment_id] = PlacementSummary(
            enrolment_id=enrolment_id,
            placement_id=latest.pk,
            status=latest.status,
            facility_name=latest.facility_name,
            facility_type=latest.facility_type,
            facility_type_label=labels.get(latest.facility_type, latest.facility_type),
            start_date=latest.start_date,
            end_date=latest.end_date,
            confirmed_minutes=minutes.get((enrolment_id, HourEntryStatus.CONFIRMED), 0),
            pending_minutes=minutes.get((enrolment_id, HourEntryStatus.PENDING), 0),
            required_minutes=latest.required_minutes,
            prerequisites_complete=not missing,
            missing_prerequisites=missing,
        )
    return result


def placement_summaries_of_cohort(cohort) -> dict[int, PlacementSummary]:
    """Keyed by Enrolment id; enrolments without any placement are absent. Two queries (the placements,
    their hour sums), remembered where the caller remembers reads on the cohort object (core.memo; the
    cohort page and its certificates panel both ask)."""
    return remembered_on(
        cohort, "placement_summaries", lambda: _summaries(Placement.objects.filter(enrolment__cohort_id=cohort.pk))
    )


def placement_summaries_of_enrolments(enrolment_ids) -> dict[int, PlacementSummary]:
    """As placement_summaries_of_cohort, for some enrolments (a page of a list): the same two queries."""
    return _summaries(Placement.objects.filter(enrolment_id__in=list(enrolment_ids)))


def placement_summary_of_enrolment(enrolment) -> PlacementSummary | None:
    return _summaries(Placement.objects.filter(enrolment_id=enrolment.pk)).get(enrolment.pk)


def cohort_placement_rows(cohort) -> list[dict]:
    """The cohort page's placements section: every enrolment with its summary (or None), in roster order."""
    summaries = placement_summaries_of_cohort(cohort)
    enrolments = cohort_people(cohort)
    return [
        {
            "enrolment": enrolment,
            "summary": summaries.get(enrolment.pk),
            "status": summaries[enrolment.pk].status if enrolment.pk in summaries else None,
        }
        for enrolment in enrolments
    ]


__all__ = [
    "PlacementSummary",
    "placement_summaries_of_cohort",
    "placement_summaries_of_enrolments",
    "placement_summary_of_enrolment",
    "facilities_visible_to",
    "placements_visible_to",
    "pending_entries_visible_to",
    "pending_groups_visible_to",
    "pending_entries_of_placements",
]
