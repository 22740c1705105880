"""The numbers the placement rules use, read from Django settings at call time (so tests can override them).

- PLACEMENT_CONDUCT_CERTIFICATE_MAX_AGE_MONTHS (3): the §72a certificate may be this old at inspection.
- PLACEMENT_CONDUCT_RETENTION_MONTHS (3): the §72a facts are deleted this long after the placement ends.
- PLACEMENT_INFECTION_INSTRUCTION_VALID_MONTHS (24): the §34 IfSG instruction must be this recent at the start.
- PLACEMENT_MAX_WORK_MINUTES_PER_DAY (600): ArbZG §3, at most 10 hours of work a day.
- PLACEMENT_BREAK_RULES (((360, 30), (540, 45))): ArbZG §4, more than N minutes of work need M minutes of break.
- PLACEMENT_MIN_BREAK_PART_MINUTES (15): a gap between two entries of a day counts as break from this length.
- PLACEMENT_MIN_REST_MINUTES (660): ArbZG §5, at least 11 hours of rest between the end of one day's work and
  the start of the next day's.
"""

import calendar
import datetime

from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear, Mod
from django.db.models.lookups import Exact, GreaterThanOrEqual, In

from core.conf import Setting

# §20(9) IfSG: the measles rule applies to people born after 1970. Law, not practice, so not a setting.
MEASLES_BORN_AFTER = datetime.date(1970, 12, 31)

conduct_max_age_months = Setting("PLACEMENT_CONDUCT_CERTIFICATE_MAX_AGE_MONTHS", 3)
conduct_retention_months = Setting("PLACEMENT_CONDUCT_RETENTION_MONTHS", 3)
infection_instruction_valid_months = Setting("PLACEMENT_INFECTION_INSTRUCTION_VALID_MONTHS", 24)
max_work_minutes_per_day = Setting("PLACEMENT_MAX_WORK_MINUTES_PER_DAY", 600)

# (more than this many minutes of work, at least this many minutes of break), strictest last.
break_rules = Setting(
    "PLACEMENT_BREAK_RULES", ((360, 30), (540, 45)), convert=lambda rules: sorted((int(a), int(b)) for a, b in rules)
)
min_break_part_minutes = Setting("PLACEMENT_MIN_BREAK_PART_MINUTES", 15)
min_rest_minutes = Setting("PLACEMENT_MIN_REST_MINUTES", 660)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (or earlier), clamped to the month's last day (31.05. − 3 → 28./29.02.)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def on_or_after_add_months(field: str, reference: str, months: int) -> Q:
    """The database's form of ``field >= add_months(reference, months)`` for two date columns (both may go
    through relations), in portable SQL (SQLite and PostgreSQL shift months differently at the month's end).
    With T = add_months(reference, months): a later month than T's is on or after it; in T's month the day
    must reach the reference's day, or be the month's last day (where add_months clamped). As one
    comparison: (month number * 32 + day, a last day counting as 31) >= (T's month number * 32 +
    reference's day)."""
    year, month, day = ExtractYear(field), ExtractMonth(field), ExtractDay(field)
    leap = Q(Exact(Mod(year, 4), 0)) & (~Q(Exact(Mod(year, 100), 0)) | Q(Exact(Mod(year, 400), 0)))
    last_day = Case(
        When(In(month, (4, 6, 9, 11)), then=Value(30)),
        When(Q(Exact(month, 2)) & leap, then=Value(29)),
        When(Q(Exact(month, 2)), then=Value(28)),
        default=Value(31),
        output_field=IntegerField(),
    )
    day_or_31 = Case(When(Exact(day, last_day), then=Value(31)), default=day, output_field=IntegerField())
    position = (year * 12 + month) * 32 + day_or_31
    target = (ExtractYear(reference) * 12 + ExtractMonth(reference) + months) * 32 + ExtractDay(reference)
    return Q(GreaterThanOrEqual(position, target))


def required_break_minutes(work_minutes: int) -> int:
    required = 0
    for threshold, minutes in break_rules():
        if work_minutes > threshold:
            required = max(required, minutes)
    return required
