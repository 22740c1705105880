"""The requirement engine: may this participant get a certificate, and if not, what exactly is missing?

Each requirement is a small class that reads the programme's rules (minimum attendance per module,
required placement hours, allowed facility types) and answers with checklist items. The facts come from
the attendance and placement apps' cohort-wide selectors, so a whole cohort is evaluated with a fixed
number of queries (one for the roster, the attendance selector's aggregates, the placement selector's
two), never one per participant.

To add a rule, write a ``Requirement`` subclass and add it to ``REQUIREMENTS``.
"""

import datetime
import functools
import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.dates import short_date
from core.memo import reads_remembered
from courses.models import Cohort, Enrolment, EnrolmentStatus, FacilityType, Programme
from courses.selectors import (
    ModuleProgress,
    attendance_progress_of_cohort,
    attendance_progress_of_enrolment,
    cohort_people,
)
from placements.selectors import PlacementSummary, placement_summaries_of_cohort, placement_summary_of_enrolment

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


class Requirement:
    code = ""

    def applies(self, programme: Programme) -> bool:
        return True

    def check(self, facts: Facts) -> list[ChecklistItem]:
        raise NotImplementedError


class EnrolmentNotWithdrawn(Requirement):
    code = "enrolment"

    def check(self, facts):
        enrolment = facts.enrolment
        met = enrolment.status != EnrolmentStatus.WITHDRAWN
        return [ChecklistItem(self.code, _enrolment_label, met, functools.partial(_enrolment_detail, enrolment))]


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


def eligibility_for_cohort(cohort: Cohort) -> dict[int, Eligibility]:
    """Every enrolment's checklist, keyed by enrolment id in roster order. A fixed number of queries."""
    # The caller's cohort object is used as it is, so the reads a page remembers on it (core.memo) are
    # shared with the page's other sections; the people are read once here either way.
    with reads_remembered(cohort):
        enrolments = cohort_people(cohort)  # each holds the caller's cohort, so nothing below fetches it again
        progress = attendance_progress_of_cohort(cohort)
        placements = placement_summaries_of_cohort(cohort)
    today = timezone.localdate()
    return {
        enrolment.pk: evaluate(
            Facts(enrolment, cohort.programme, progress.get(enrolment.pk, []), placements.get(enrolment.pk), today)
        )
        for enrolment in enrolments
    }


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
