"""The requirement engine: may this participant get a certificate, and if not, what exactly is missing?

Each requirement is a small class that reads the programme's rules (minimum attendance per module,
required placement hours, allowed facility types) and answers with checklist items. The facts come from
the attendance and placement apps' cohort-wide selectors, so a whole cohort is evaluated with a fixed
number of queries (one for the roster, the attendance selector's aggregates, the placement selector's
two), never one per participant.

Each requirement also states its rule as a database condition on a cohort's enrolments
(``Requirement.condition``), so that the pages which only count who is eligible (the cohort page, the
eligibility overview) ask the database instead of evaluating every checklist in Python: the count is one
query whatever the cohort's size. Both forms of a rule stay side by side in its class, and
tests/certificates/test_counts_in_database.py holds them to the same answers on both databases.

To add a rule, write a ``Requirement`` subclass with ``check`` and ``condition`` and add it to
``REQUIREMENTS``.
"""

import datetime
import functools
import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, FloatField, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Cast, Coalesce
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.dates import short_date
from core.memo import reads_remembered
from courses.models import AttendanceRecord, Cohort, Enrolment, EnrolmentStatus, FacilityType, Module, Programme
from courses.selectors import (
    ModuleProgress,
    attendance_progress_of_cohort,
    attendance_progress_of_enrolment,
    attendance_progress_of_enrolments,
    attended_units_needed,
    cohort_people,
    held_units_by_module,
)
from placements import conf
from placements.models import Placement
from placements.prerequisites import prerequisites_complete_q
from placements.selectors import (
    PlacementSummary,
    confirmed_minutes_of_enrolment,
    placement_summaries_of_cohort,
    placement_summaries_of_enrolments,
    placement_summary_of_enrolment,
    representative_placement,
)

_TENTH = Decimal("0.1")


def _number(value) -> str:
    """1 decimal at most, shown the local way (112,5 in German). Below a thousand, so no grouping; the
    decimal separator is the only local part (number_format costs ten times as much)."""
    value = Decimal(value).quantize(_TENTH)
    if value == value.to_integral():
        return str(int(value))
    return f"{value:.1f}".replace(".", formats.get_format("DECIMAL_SEPARATOR"))


def _hours(minutes: int) -> str:
    return _number(Decimal(minutes) / 60)


class ChecklistItem:
    """One line of the checklist: ``code`` a stable key ("attendance:12", "placement_hours"), ``label`` the
    requirement ("Module 1 Bildungsgrundsätze: at least 80 % attendance"), ``met``, and ``detail`` what was
    found or exactly what is missing. Label and detail may be given as functions and are then worked out
    when first read: a page that only counts who is eligible (the cohort page) never needs the sentences,
    which were most of the cost of evaluating 200 people."""

    __slots__ = ("code", "met", "_label", "_detail", "_subject")

    def __init__(self, code: str, label, met: bool, detail, subject=None):
        self.code, self._label, self.met, self._detail, self._subject = code, label, met, detail, subject

    @property
    def label(self) -> str:
        if callable(self._label):
            self._label = self._label()
        return self._label

    @property
    def detail(self) -> str:
        if callable(self._detail):
            self._detail = self._detail()
        return self._detail

    @property
    def obstacle(self) -> str:
        """What stands in the way, as one plain sentence that names its subject ("Module 2 Kinderrechte:
        60 % attended …"): the detail alone does not say which module it is about."""
        subject = self._subject() if callable(self._subject) else self._subject
        return f"{subject}: {self.detail}" if subject else self.detail

    def __eq__(self, other):
        if not isinstance(other, ChecklistItem):
            return NotImplemented
        return (self.code, self.label, self.met, self.detail) == (other.code, other.label, other.met, other.detail)

    __hash__ = None

    def __repr__(self) -> str:
        return f"ChecklistItem({self.code!r}, met={self.met})"


@dataclass(frozen=True)
class Facts:
    """Everything the requirements may look at for one enrolment (already loaded)."""

    enrolment: Enrolment
    programme: Programme
    modules: list[ModuleProgress]
    placement: PlacementSummary | None
    today: datetime.date = field(default_factory=timezone.localdate)


@dataclass(frozen=True)
class Eligibility:
    enrolment: Enrolment
    items: list[ChecklistItem]
    modules: list[ModuleProgress] = field(default_factory=list)
    placement: PlacementSummary | None = None

    @property
    def eligible(self) -> bool:
        return all(item.met for item in self.items)

    @property
    def missing(self) -> list[ChecklistItem]:
        return [item for item in self.items if not item.met]

    @property
    def met_count(self) -> int:
        return sum(1 for item in self.items if item.met)

    def obstacles(self, limit: int | None = 2) -> list[str]:
        """The one or two facts that stand in the way, in plain words, each naming its module or subject:
        first one of each kind (attendance, placement, checks), the most decisive kind first, then the
        rest; the same sentence (no placement yet) only once, and that the measure is not over yet last. A
        withdrawal says everything."""
        missing = sorted(self.missing, key=lambda item: OBSTACLE_ORDER.get(item.code.split(":")[0], 5))
        withdrawn = [item for item in missing if item.code == EnrolmentNotWithdrawn.code]
        if withdrawn:
            return [withdrawn[0].obstacle]
        first_of_kind, others, kinds = [], [], set()
        for item in missing:
            kind = item.code.split(":")[0]
            (others if kind in kinds else first_of_kind).append(item)
            kinds.add(kind)
        facts: list[str] = []
        for item in first_of_kind + others:
            text = item.obstacle
            if text not in facts:
                facts.append(text)
        if limit is not None and len(facts) > limit:
            more = len(facts) - limit
            facts = facts[:limit] + [_("(and %(count)s more)") % {"count": more}]
        return facts

    def reasons(self) -> str:
        """The facts that stand in the way as one text, for messages."""
        return " ".join(self.obstacles())


# Which kind of missing item is named first when saying what stands in the way.
OBSTACLE_ORDER = {
    "enrolment": 0,
    "attendance": 1,
    "placement_hours": 2,
    "facility_type": 2,
    "prerequisites": 3,
    "measure_over": 4,
}


@dataclass(frozen=True)
class CohortFacts:
    """What the database conditions need to know of the cohort: the same for everyone in it."""

    programme: Programme
    today: datetime.date
    teaching_over: bool  # the last teaching day is past, or every planned unit of every module was held
    needed: dict[int, Decimal]  # module id -> attended units needed (courses.selectors.attended_units_needed)
    placement_months: tuple[int, int]  # the settings the prerequisites' condition reads (placements.conf)

    def key(self) -> tuple:
        """Everything the conditions' SQL depends on besides the cohort, as a hashable value (the programme
        model instance compares by id only, so its rule fields are named here)."""
        programme = self.programme
        return (
            programme.required_placement_hours,
            tuple(programme.allowed_facility_types),
            self.today,
            self.teaching_over,
            tuple(sorted(self.needed.items())),
            self.placement_months,
        )


# Names of the per-enrolment values the conditions compare (annotated by eligible_condition's queryset).
PLACEMENT = "represented_placement"  # id of the placement that represents the enrolment, or NULL


def attended_alias(module_id: int) -> str:
    return f"attended_in_module_{module_id}"


CONFIRMED_MINUTES = "confirmed_placement_minutes"

# A condition is a Q on the cohort's enrolments, or True/False when the cohort alone decides it.
Condition = Q | bool


def _all(*conditions: Condition) -> Condition:
    result: Condition = True
    for condition in conditions:
        if condition is False or result is False:
            return False
        result = condition if result is True else (result if condition is True else result & condition)
    return result


def _any(*conditions: Condition) -> Condition:
    result: Condition = False
    for condition in conditions:
        if condition is True or result is True:
            return True
        result = condition if result is False else (result if condition is False else result | condition)
    return result


def _represented_placement(condition: Q) -> Q:
    """The enrolment's representing placement exists and meets ``condition`` (a Q on Placement)."""
    return Q(Exists(Placement.objects.filter(condition, pk=OuterRef(PLACEMENT))))


class Requirement:
    code = ""

    def applies(self, programme: Programme) -> bool:
        return True

    def check(self, facts: Facts) -> list[ChecklistItem]:
        raise NotImplementedError

    def condition(self, cohort: CohortFacts) -> Condition:
        """The database's form of "every item of ``check`` is met", for the cohort's enrolments."""
        raise NotImplementedError


class EnrolmentNotWithdrawn(Requirement):
    code = "enrolment"

    def check(self, facts):
        enrolment = facts.enrolment
        met = enrolment.status != EnrolmentStatus.WITHDRAWN
        return [ChecklistItem(self.code, _enrolment_label, met, functools.partial(_enrolment_detail, enrolment))]

    def condition(self, cohort):
        return ~Q(status=EnrolmentStatus.WITHDRAWN)


def _enrolment_label() -> str:
    return _("Took part until the end (not withdrawn)")


def _enrolment_detail(enrolment: Enrolment) -> str:
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        return _("Withdrew on %(date)s.") % {"date": short_date(enrolment.withdrawn_on)}
    # Not the enrolment's status: "completed" (set when a certificate is issued) would call a course that
    # is still running finished.
    return _("Enrolled and not withdrawn.")


class MeasureOver(Requirement):
    """A Zertifikat says the measure was completed: it can be issued only when the measure is over for the
    person: the cohort's last teaching day is past (or every planned teaching unit has been held) and,
    where the programme has a placement, the placement has ended. Until then the checklist says from which
    day this will be met. Someone who withdrew has left the measure: over for them (the withdrawal itself
    is the EnrolmentNotWithdrawn requirement)."""

    code = "measure_over"

    def check(self, facts):
        enrolment, today = facts.enrolment, facts.today
        if enrolment.status == EnrolmentStatus.WITHDRAWN:
            return [ChecklistItem(self.code, _measure_label, True, functools.partial(_enrolment_detail, enrolment))]
        cohort = enrolment.cohort
        all_held = bool(facts.modules) and all(m.held_units >= m.planned_units for m in facts.modules)
        teaching_over = today > cohort.end_date or all_held
        ends = [] if teaching_over else [cohort.end_date]
        placement_over = True
        if facts.programme.required_placement_hours > 0:
            placement = facts.placement
            end = placement.end_date if placement is not None else None
            placement_over = end is not None and end < today
            if end is not None and not placement_over:
                ends.append(end)
        met = teaching_over and placement_over
        detail = functools.partial(_measure_detail, cohort.end_date, all_held, facts.placement, met, ends, facts)
        return [ChecklistItem(self.code, _measure_label, met, detail)]

    def condition(self, cohort):
        placement_over = True
        if cohort.programme.required_placement_hours > 0:
            placement_over = _represented_placement(Q(end_date__lt=cohort.today))
        return _any(Q(status=EnrolmentStatus.WITHDRAWN), _all(cohort.teaching_over, placement_over))


def _measure_label() -> str:
    return _("The measure is over (last teaching day and placement past)")


def _measure_detail(end_date, all_held, placement, met, ends, facts) -> str:
    if met:
        return _("The measure ended on %(date)s.") % {
            "date": short_date(max([end_date] + ([placement.end_date] if placement and placement.end_date else [])))
        }
    parts = []
    if end_date >= facts.today and not all_held:
        parts.append(_("Last teaching day: %(date)s.") % {"date": short_date(end_date)})
    has_placement_rule = facts.programme.required_placement_hours > 0
    if has_placement_rule and (placement is None or placement.end_date is None):
        parts.append(_("The placement's end is not known yet."))
        return " ".join(parts)
    if has_placement_rule and placement.end_date >= facts.today:
        parts.append(_("The placement ends on %(date)s.") % {"date": short_date(placement.end_date)})
    if ends:
        met_from = max(ends) + datetime.timedelta(days=1)
        parts.append(_("Met from %(date)s.") % {"date": short_date(met_from)})
    return " ".join(parts)


def _no_placement() -> str:
    return _("No placement has been arranged yet.")


class ModuleAttendance(Requirement):
    """Every module at or above its minimum attendance (the module's own, else the programme's)."""

    code = "attendance"

    def check(self, facts):
        items = []
        language = get_language()
        for module in facts.modules:
            label = _module_label(module.position, module.title, module.minimum_percent, language)
            detail = functools.partial(_module_detail, module)
            subject = functools.partial(_module_subject, module.position, module.title)
            items.append(ChecklistItem(f"{self.code}:{module.module_id}", label, module.met, detail, subject))
        if not facts.modules:
            items.append(ChecklistItem(self.code, _("Modules attended"), False, _("The programme has no modules.")))
        return items

    def condition(self, cohort):
        # Progress rounds the sum to 1 decimal (half up) before comparing; sums of 2-decimal units reach
        # the needed tenth exactly when they reach it less 0.05, and 0.055 leaves room for SQLite's floats.
        return _all(
            bool(cohort.needed),
            *(
                Q(**{f"{attended_alias(module_id)}__gte": float(needed) - 0.055})
                for module_id, needed in cohort.needed.items()
            ),
        )


def _module_detail(module: ModuleProgress) -> str:
    found = {
        "rate": _number(module.rate_percent),
        "attended": _number(module.attended_units),
        "planned": module.planned_units,
    }
    if module.met:
        return _("%(rate)s %% attended (%(attended)s of %(planned)s teaching units).") % found
    needed = Decimal(module.planned_units * module.minimum_percent) / 100 - module.attended_units
    found["needed"] = _number(Decimal(math.ceil(needed * 10)) / 10)
    return (
        _("%(rate)s %% attended (%(attended)s of %(planned)s teaching units); %(needed)s more teaching units needed.")
        % found
    )


def _module_subject(position, title: str) -> str:
    return _("Module %(position)s %(title)s") % {"position": position, "title": title}


@functools.lru_cache(maxsize=512)
def _module_label(position, title: str, minimum, language: str) -> str:
    # The same for everyone in a cohort: worked out once per module and language, not once per person.
    return _("Module %(position)s %(title)s: at least %(minimum)s %% attendance") % {
        "position": position,
        "title": title,
        "minimum": minimum,
    }


class PlacementHours(Requirement):
    """Placement hours confirmed by the supervisor at or above the programme's requirement, at a facility
    of a type the programme allows."""

    code = "placement_hours"

    def applies(self, programme):
        return programme.required_placement_hours > 0

    def check(self, facts):
        required = facts.programme.required_placement_minutes
        label = _hours_label(required, get_language())
        placement = facts.placement
        if placement is None:
            return [ChecklistItem(self.code, label, False, _no_placement)]
        items = []
        allowed = facts.programme.allowed_facility_types
        if placement.facility_type not in allowed:
            labels = dict(FacilityType.choices)
            items.append(
                ChecklistItem(
                    "facility_type",
                    _("Placement at an allowed type of facility (%(types)s)")
                    % {"types": ", ".join(str(labels.get(t, t)) for t in allowed)},
                    False,
                    _("%(facility)s is a %(type)s, which this programme does not accept.")
                    % {"facility": placement.facility_name, "type": placement.facility_type_label},
                )
            )
        met = placement.confirmed_minutes >= required
        items.insert(0, ChecklistItem(self.code, label, met, functools.partial(_hours_detail, placement, required)))
        return items

    def condition(self, cohort):
        programme = cohort.programme
        return _represented_placement(Q(facility__facility_type__in=list(programme.allowed_facility_types))) & Q(
            **{f"{CONFIRMED_MINUTES}__gte": programme.required_placement_minutes}
        )


@functools.lru_cache(maxsize=64)
def _hours_label(required: int, language: str) -> str:
    return _("At least %(hours)s placement hours confirmed by the supervisor") % {"hours": _hours(required)}


def _hours_detail(placement: PlacementSummary, required: int) -> str:
    confirmed = placement.confirmed_minutes
    if confirmed >= required:
        return _("%(confirmed)s hours confirmed.") % {"confirmed": _hours(confirmed)}
    detail = _("%(missing)s of %(required)s placement hours still unconfirmed.") % {
        "missing": _hours(required - confirmed),
        "required": _hours(required),
    }
    if placement.pending_minutes:
        detail += " " + _("%(pending)s hours are waiting for the supervisor's confirmation.") % {
            "pending": _hours(placement.pending_minutes)
        }
    return detail


class PlacementPrerequisites(Requirement):
    """Checks before working with children (certificate of conduct, measles protection, instruction)."""

    code = "prerequisites"

    def applies(self, programme):
        return programme.required_placement_hours > 0

    def check(self, facts):
        placement = facts.placement
        if placement is None:
            return [ChecklistItem(self.code, _prerequisites_label, False, _no_placement)]
        if placement.prerequisites_complete:
            return [ChecklistItem(self.code, _prerequisites_label, True, _all_checks_recorded)]
        missing = functools.partial(" ".join, placement.missing_prerequisites)
        return [ChecklistItem(self.code, _prerequisites_label, False, missing)]

    def condition(self, cohort):
        return _represented_placement(prerequisites_complete_q())


def _prerequisites_label() -> str:
    return _("Placement prerequisites complete")


def _all_checks_recorded() -> str:
    return _("All checks recorded.")


REQUIREMENTS: list[Requirement] = [
    EnrolmentNotWithdrawn(),
    MeasureOver(),
    ModuleAttendance(),
    PlacementHours(),
    PlacementPrerequisites(),
]


def requirements_for(programme: Programme) -> list[Requirement]:
    return [requirement for requirement in REQUIREMENTS if requirement.applies(programme)]


def evaluate(facts: Facts) -> Eligibility:
    items = [item for requirement in requirements_for(facts.programme) for item in requirement.check(facts)]
    return Eligibility(enrolment=facts.enrolment, items=items, modules=facts.modules, placement=facts.placement)


def eligibility_for_cohort(cohort: Cohort, enrolments=None) -> dict[int, Eligibility]:
    """Every enrolment's checklist, keyed by enrolment id in roster order, or only those of ``enrolments``
    (some of the cohort's people, e.g. a page of the overview). A fixed number of queries."""
    # The caller's cohort object is used as it is, so the reads a page remembers on it (core.memo) are
    # shared with the page's other sections; the people are read once here either way.
    if enrolments is None:
        with reads_remembered(cohort):
            enrolments = cohort_people(cohort)  # each holds the caller's cohort: nothing below fetches it again
            progress = attendance_progress_of_cohort(cohort)
            placements = placement_summaries_of_cohort(cohort)
    else:
        ids = [enrolment.pk for enrolment in enrolments]
        progress = attendance_progress_of_enrolments(cohort, ids)
        placements = placement_summaries_of_enrolments(ids)
    today = timezone.localdate()
    return {
        enrolment.pk: evaluate(
            Facts(enrolment, cohort.programme, progress.get(enrolment.pk, []), placements.get(enrolment.pk), today)
        )
        for enrolment in enrolments
    }


def cohort_facts(cohort: Cohort, today: datetime.date | None = None) -> CohortFacts:
    """The cohort-wide facts of the database conditions (two small queries: modules, held units)."""
    today = today or timezone.localdate()
    modules = list(Module.objects.filter(programme_id=cohort.programme_id).select_related("programme"))
    held, _unrecorded = held_units_by_module(cohort, today)
    all_held = bool(modules) and all((held.get(module.pk) or 0) >= module.planned_units for module in modules)
    return CohortFacts(
        programme=cohort.programme,
        today=today,
        teaching_over=today > cohort.end_date or all_held,
        needed={
            module.pk: attended_units_needed(module.planned_units, module.effective_min_attendance_percent)
            for module in modules
        },
        placement_months=(conf.conduct_max_age_months(), conf.infection_instruction_valid_months()),
    )


def eligible_condition(
    cohort: Cohort, today: datetime.date | None = None, *, facts: CohortFacts | None = None
) -> tuple[QuerySet[Enrolment], Condition]:
    """(the cohort's enrolments with the values the conditions compare, the condition "meets every
    requirement" on them). The per-person values are correlated subqueries, so the database reads only
    this cohort's records; the caller counts or filters with the condition."""
    facts = facts or cohort_facts(cohort, today)
    enrolment = OuterRef("pk")
    values = {
        attended_alias(module_id): Coalesce(
            Cast(
                AttendanceRecord.objects.filter(
                    enrolment_id=enrolment, session__cohort_id=cohort.pk, session__module_id=module_id
                )
                .order_by()
                .values("enrolment_id")
                .annotate(total=Sum("attended_units"))
                .values("total"),
                FloatField(),
            ),
            0.0,
        )
        for module_id in facts.needed
    }
    if cohort.programme.required_placement_hours > 0:
        values[PLACEMENT] = representative_placement(enrolment)
        values[CONFIRMED_MINUTES] = confirmed_minutes_of_enrolment(enrolment)
    condition = _all(*(requirement.condition(facts) for requirement in requirements_for(cohort.programme)))
    return Enrolment.objects.filter(cohort_id=cohort.pk).annotate(**values), condition


def eligibility_for_enrolment(enrolment: Enrolment) -> Eligibility:
    enrolment = Enrolment.objects.select_related(
        "participant", "cohort", "cohort__programme", "cohort__site", "cohort__site__organisation"
    ).get(pk=enrolment.pk)
    facts = Facts(
        enrolment,
        enrolment.cohort.programme,
        attendance_progress_of_enrolment(enrolment),
        placement_summary_of_enrolment(enrolment),
    )
    return evaluate(facts)
