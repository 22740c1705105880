import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import clean_name, fold
from core.validators import multi_line_text, single_line_text


class FacilityType(models.TextChoices):
    """Kinds of placement facility a programme may allow. Kept here because programmes name them."""

    KITA = "kita", _("Kita (day-care centre)")
    OGS = "ogs", _("OGS (open all-day school)")


class Organisation(models.Model):
    """The provider that runs the measure, e.g. an AWO Unterbezirk. Staff belong to one or more."""

    name = models.CharField(_("name"), max_length=200, unique=True, validators=[single_line_text])
    address = models.TextField(_("address"), blank=True, validators=[multi_line_text])
    staff_members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("staff members"), related_name="organisations", blank=True
    )
    # Data protection (docs/privacy.md): how long a person's records are kept after their measure ended,
    # then anonymised by the privacy app. 10 years is the upper end of the usual 3-10: funders may audit a
    # measure for years, and attendance lists back invoices kept up to 10 years under tax and commercial law.
    retention_years = models.PositiveSmallIntegerField(
        _("retention period (years)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("Years after the end of a person's measure before their data are anonymised."),
    )
    certificates_verifiable_by_name = models.BooleanField(
        _("certificates stay verifiable by name"),
        default=False,
        help_text=_(
            "After anonymisation the public check page still shows the holder's name. Otherwise it says the "
            "holder's data were erased after the retention period."
        ),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PartnerOrganisation(models.Model):
    """A body that funds a cohort (the Jobcenter) or works with the provider on it (the Kommunales
    Integrationszentrum). Its members log in with the partner role and see, read-only, the figures of the
    cohorts it funds or partners in, whichever provider runs them (docs/accounts.md)."""

    name = models.CharField(_("name"), max_length=200, unique=True, validators=[single_line_text])
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        related_name="partner_organisations",
        blank=True,
        help_text=_("Log-ins with the partner role who see this organisation's cohorts."),
    )

    class Meta:
        verbose_name = _("funding or partner organisation")
        verbose_name_plural = _("funding and partner organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Site(models.Model):
    """A place where the provider teaches, e.g. Dülmen."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="sites"
    )
    name = models.CharField(_("name"), max_length=200, validators=[single_line_text])
    address = models.TextField(_("address"), blank=True, validators=[multi_line_text])

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="site_unique_name")]

    def __str__(self) -> str:
        return self.name


def default_facility_types() -> list[str]:
    return [FacilityType.KITA, FacilityType.OGS]


class Programme(models.Model):
    """The measure as a curriculum, with its completion rules as data."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="programmes"
    )
    title = models.CharField(_("title"), max_length=200, validators=[single_line_text])
    description = models.TextField(_("description"), blank=True, validators=[multi_line_text])
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance per module (%)"),
        default=80,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    required_placement_hours = models.PositiveIntegerField(_("required placement hours"), default=120)
    allowed_facility_types = models.JSONField(_("allowed placement facility types"), default=default_facility_types)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "title"], name="programme_unique_title"),
            models.CheckConstraint(
                condition=Q(min_attendance_percent__lte=100), name="programme_attendance_percent_range"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        valid = set(FacilityType.values)
        types = self.allowed_facility_types
        if not isinstance(types, list) or not types or not set(types) <= valid:
            raise ValidationError(
                {"allowed_facility_types": _("Choose at least one of: %(types)s.") % {"types": ", ".join(valid)}}
            )

    @property
    def required_placement_minutes(self) -> int:
        return self.required_placement_hours * 60

    def get_allowed_facility_types_display(self) -> str:
        labels = dict(FacilityType.choices)
        return ", ".join(str(labels.get(t, t)) for t in self.allowed_facility_types)


class Module(models.Model):
    """A teaching block of the programme, e.g. Bildungsgrundsätze, with its planned teaching units."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="modules"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("title"), max_length=200, validators=[single_line_text])
    description = models.TextField(_("content"), blank=True, validators=[multi_line_text])
    planned_units = models.PositiveIntegerField(
        _("planned teaching units"), help_text=_("Teaching units of 45 minutes.")
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Leave empty to use the programme's minimum."),
    )

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["programme", "position"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "position"], name="module_unique_position"),
            models.CheckConstraint(condition=Q(planned_units__gt=0), name="module_planned_units_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def effective_min_attendance_percent(self) -> int:
        if self.min_attendance_percent is not None:
            return self.min_attendance_percent
        return self.programme.min_attendance_percent


class CohortStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    RUNNING = "running", _("running")
    FINISHED = "finished", _("finished")


class Cohort(models.Model):
    """One run of the measure at one site."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="cohorts"
    )
    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.PROTECT, related_name="cohorts")
    number = models.CharField(
        _("run number"), max_length=40, help_text=_("For example 2024-1."), validators=[single_line_text]
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    capacity = models.PositiveIntegerField(_("places"), default=15)
    status = models.CharField(_("status"), max_length=20, choices=CohortStatus.choices, default=CohortStatus.PLANNED)
    funding_body = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("funding body"),
        on_delete=models.PROTECT,
        related_name="funded_cohorts",
        null=True,
        blank=True,
        help_text=_("For example Kreisjobcenter Coesfeld."),
    )
    measure_number = models.CharField(
        _("measure number"),
        max_length=60,
        blank=True,
        help_text=_("The number the Jobcenter uses for the measure."),
        validators=[single_line_text],
    )
    partners = models.ManyToManyField(
        PartnerOrganisation,
        verbose_name=_("partners"),
        related_name="partnered_cohorts",
        blank=True,
        help_text=_("For example Kommunales Integrationszentrum."),
    )
    # §78 SGB X: the funder gets social data for the measure only, so its people see customer numbers, not
    # names, unless the provider decides the measure needs names (e.g. the Jobcenter's own case work).
    names_visible_to_partners = models.BooleanField(
        _("names shown to funder and partners"),
        default=False,
        help_text=_(
            "Off: the funder's and partners' log-ins see customer numbers instead of names (§78 SGB X)."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-start_date", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "site", "number"],
                name="cohort_unique_number",
                violation_error_message=_("This programme already has a run with this number at this site."),
            ),
            models.CheckConstraint(condition=Q(end_date__gte=models.F("start_date")), name="cohort_end_after_start"),
            models.CheckConstraint(
                condition=Q(capacity__gt=0),
                name="cohort_capacity_positive",
                violation_error_message=_("A cohort needs at least one place."),
            ),
        ]
        indexes = [models.Index(fields=["status", "start_date"], name="cohort_status_start")]

    def __str__(self) -> str:
        return self.label(self.programme.title, self.number, self.site.name)

    @staticmethod
    def label(programme_title: str, number: str, site_name: str) -> str:
        """How a cohort is named in lists; also built from plain values where 1,000 instances would be slow."""
        return f"{programme_title} {number} ({site_name})"

    @property
    def organisation_id(self) -> int:
        return self.site.organisation_id

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date must not be before the start date.")})
        if self.programme_id and self.site_id and self.programme.organisation_id != self.site.organisation_id:
            raise ValidationError({"site": _("The site must belong to the programme's organisation.")})

    @property
    def funding_body_name(self) -> str:
        return self.funding_body.name if self.funding_body_id else ""

    @property
    def partner_names(self) -> str:
        """The partners as one line ("A, B"), as documents and exports print them."""
        return ", ".join(p.name for p in self.partners.all())

    def overlaps(self, other: "Cohort") -> bool:
        return self.start_date <= other.end_date and other.start_date <= self.end_date

    def contains(self, day: datetime.date) -> bool:
        return self.start_date <= day <= self.end_date


class GermanLevel(models.TextChoices):
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


class Participant(models.Model):
    """A person taking part in the measure. Names are stored exactly as written, in any script."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="participants"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participant",
    )
    given_name = models.CharField(_("given name"), max_length=150, validators=[single_line_text])
    family_name = models.CharField(_("family name"), max_length=150, validators=[single_line_text])
    date_of_birth = models.DateField(_("date of birth"))
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[single_line_text])
    address = models.TextField(_("address"), blank=True, validators=[multi_line_text])
    german_level = models.CharField(_("German level (CEFR)"), max_length=2, choices=GermanLevel.choices, blank=True)
    jobcenter_customer_number = models.CharField(
        _("Jobcenter customer number"),
        max_length=40,
        blank=True,
        help_text=_("Kundennummer, if funded by the Jobcenter."),
        validators=[single_line_text],
    )
    # Folded "family given" for sorting and accent-insensitive search; see core.text.
    name_key = models.CharField(_("sort key"), max_length=310, editable=False, db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["name_key", "date_of_birth", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "jobcenter_customer_number"],
                condition=~Q(jobcenter_customer_number=""),
                name="participant_unique_customer_number",
                violation_error_message=_("Another participant already has this Jobcenter customer number."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.given_name = clean_name(self.given_name)
        self.family_name = clean_name(self.family_name)
        self.jobcenter_customer_number = (self.jobcenter_customer_number or "").strip()
        self.name_key = f"{fold(self.family_name)} {fold(self.given_name)}"
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return self.name_from(self.given_name, self.family_name)

    @staticmethod
    def name_from(given_name: str, family_name: str) -> str:
        """The full name as it is shown, for rows read as plain values."""
        return f"{given_name} {family_name}"

    @property
    def sortable_name(self) -> str:
        return f"{self.family_name}, {self.given_name}"

    def clean(self):
        if self.date_of_birth and self.date_of_birth > datetime.date.today():
            raise ValidationError({"date_of_birth": _("The date of birth cannot be in the future.")})
        if self.date_of_birth and self.date_of_birth.year < 1900:
            raise ValidationError({"date_of_birth": _("Please check the date of birth.")})


def default_entry_date(cohort, today: datetime.date | None = None) -> datetime.date:
    """The day a new participant enters a cohort unless staff say otherwise: the cohort's start while it has
    not begun, else today (someone joining a running course joins from now), and never after its end (a
    cohort recorded late, after it ended)."""
    today = today or timezone.localdate()
    return min(max(today, cohort.start_date), cohort.end_date)


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", _("active")
    WITHDRAWN = "withdrawn", _("withdrawn")
    COMPLETED = "completed", _("completed")


class Enrolment(models.Model):
    """A participant's place in a cohort."""

    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="enrolments")
    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT, related_name="enrolments"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ACTIVE
    )
    enrolled_on = models.DateField(_("enrolled on"), default=datetime.date.today)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True, validators=[multi_line_text])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["cohort", "participant__name_key"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "participant"], name="enrolment_unique_participant"),
            models.CheckConstraint(
                condition=(Q(status="withdrawn") & Q(withdrawn_on__isnull=False) & ~Q(withdrawal_reason=""))
                | (~Q(status="withdrawn") & Q(withdrawn_on__isnull=True)),
                name="enrolment_withdrawal_complete",
            ),
        ]
        indexes = [models.Index(fields=["participant", "status"], name="enrolment_participant_status")]

    def __str__(self) -> str:
        return f"{self.participant} – {self.cohort}"

    @property
    def organisation_id(self) -> int:
        return self.cohort.site.organisation_id

    @property
    def takes_a_place(self) -> bool:
        return self.status != EnrolmentStatus.WITHDRAWN


# --- Teaching: sessions, attendance register, corrections -------------------------------------------------

UNIT_MINUTES = 45  # one teaching unit (Unterrichtseinheit)
# Lateness or leaving early up to this many minutes is tolerated and not deducted (model: BAMF integration
# courses, where only more than 15 minutes is recorded with the time).
LATENESS_TOLERANCE_MINUTES = 15


class TeachingSession(models.Model):
    """One planned block of teaching of a module for a cohort, e.g. Mon 09:00–12:00, 4 units."""

    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="sessions")
    module = models.ForeignKey(Module, verbose_name=_("module"), on_delete=models.PROTECT, related_name="sessions")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start"))
    end_time = models.TimeField(_("end"))
    units = models.PositiveSmallIntegerField(_("teaching units"), help_text=_("Teaching units of 45 minutes."))
    topic = models.CharField(_("topic"), max_length=200, blank=True, validators=[single_line_text])
    trainer = models.CharField(_("trainer"), max_length=150, blank=True, validators=[single_line_text])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("teaching session")
        verbose_name_plural = _("teaching sessions")
        ordering = ["date", "start_time"]
        constraints = [
            models.CheckConstraint(condition=Q(end_time__gt=models.F("start_time")), name="session_end_after_start"),
            models.CheckConstraint(condition=Q(units__gt=0), name="session_units_positive"),
            models.UniqueConstraint(fields=["cohort", "date", "start_time"], name="session_unique_start"),
        ]
        indexes = [
            models.Index(fields=["cohort", "date"], name="session_cohort_date"),
            # The staff start page's "today's sessions" across a provider's cohorts, in start order.
            models.Index(fields=["date", "start_time"], name="session_date_start"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} {self.start_time:%H:%M}–{self.end_time:%H:%M} {self.module}"

    @property
    def organisation_id(self) -> int:
        return self.cohort.site.organisation_id

    @property
    def duration_minutes(self) -> int:
        start = self.start_time.hour * 60 + self.start_time.minute
        end = self.end_time.hour * 60 + self.end_time.minute
        return end - start

    def clean(self):
        errors = {}
        if self.start_time and self.end_time:
            if self.end_time <= self.start_time:
                errors["end_time"] = _("The session must end after it starts.")
            elif self.units and self.units * UNIT_MINUTES > self.duration_minutes:
                errors["units"] = _("%(units)d teaching units of 45 minutes do not fit into %(minutes)d minutes.") % {
                    "units": self.units,
                    "minutes": self.duration_minutes,
                }
        if self.cohort_id and self.date and not self.cohort.contains(self.date):
            errors["date"] = _("The date must be within the cohort's dates (%(start)s–%(end)s).") % {
                "start": f"{self.cohort.start_date:%d.%m.%Y}",
                "end": f"{self.cohort.end_date:%d.%m.%Y}",
            }
        if self.cohort_id and self.module_id and self.module.programme_id != self.cohort.programme_id:
            errors["module"] = _("The module must belong to the cohort's programme.")
        if errors:
            raise ValidationError(errors)


class AttendanceStatus(models.TextChoices):
    """Codes as Jobcenters use them on absence reports."""

    PRESENT = "P", _("present")
    EXCUSED = "E", _("excused absence (E)")
    SICK = "K", _("sick with doctor's note (K)")
    UNEXCUSED = "UE", _("unexcused absence (UE)")


ABSENCE_CODES = (AttendanceStatus.EXCUSED, AttendanceStatus.SICK, AttendanceStatus.UNEXCUSED)


def attended_units_for(session: TeachingSession, status: str, late_minutes: int, early_minutes: int):
    """Units a participant is credited for one session.

    Absent: 0. Present: the session's units, reduced in proportion to the minutes missed by arriving late or
    leaving early, where each of the two only counts when it is more than the 15-minute tolerance:
    ``units × (duration − missed) / duration``. Kept to two decimals; reports round sums to one.
    """
    from decimal import ROUND_HALF_UP, Decimal

    if status != AttendanceStatus.PRESENT:
        return Decimal("0.00")
    missed = sum(m for m in (late_minutes, early_minutes) if m > LATENESS_TOLERANCE_MINUTES)
    duration = session.duration_minutes
    if duration <= 0:
        return Decimal("0.00")
    missed = min(missed, duration)
    value = Decimal(session.units) * Decimal(duration - missed) / Decimal(duration)
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class AttendanceRecord(models.Model):
    """One participant's attendance at one session, as entered in the register."""

    session = models.ForeignKey(
        TeachingSession, verbose_name=_("session"), on_delete=models.PROTECT, related_name="attendance"
    )
    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.PROTECT, related_name="attendance"
    )
    status = models.CharField(_("attendance"), max_length=2, choices=AttendanceStatus.choices)
    late_minutes = models.PositiveSmallIntegerField(_("minutes late"), default=0)
    early_minutes = models.PositiveSmallIntegerField(_("minutes left early"), default=0)
    # Computed by the service from the session and the minutes (see attended_units_for) so that progress
    # is one SUM per cohort instead of arithmetic per row.
    attended_units = models.DecimalField(_("attended units"), max_digits=5, decimal_places=2, default=0)
    note = models.CharField(_("note"), max_length=200, blank=True, validators=[single_line_text])
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance record")
        verbose_name_plural = _("attendance records")
        ordering = ["session", "enrolment"]
        constraints = [
            models.UniqueConstraint(fields=["session", "enrolment"], name="attendance_unique_participant"),
            models.CheckConstraint(
                condition=Q(status="P") | (Q(late_minutes=0) & Q(early_minutes=0)),
                name="attendance_minutes_only_when_present",
            ),
            models.CheckConstraint(condition=Q(status__in=["P", "E", "K", "UE"]), name="attendance_status_valid"),
        ]
        indexes = [models.Index(fields=["enrolment", "status"], name="attendance_enrolment_status")]

    def __str__(self) -> str:
        return f"{self.enrolment} – {self.session}: {self.status}"

    @property
    def is_absent(self) -> bool:
        return self.status != AttendanceStatus.PRESENT


class AttendanceCorrection(models.Model):
    """A change to a register after the session's day: who changed what, when, from which values."""

    record = models.ForeignKey(
        AttendanceRecord, verbose_name=_("attendance record"), on_delete=models.PROTECT, related_name="corrections"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    old_status = models.CharField(_("old attendance"), max_length=2, choices=AttendanceStatus.choices)
    new_status = models.CharField(_("new attendance"), max_length=2, choices=AttendanceStatus.choices)
    old_late_minutes = models.PositiveSmallIntegerField(_("old minutes late"), default=0)
    new_late_minutes = models.PositiveSmallIntegerField(_("new minutes late"), default=0)
    old_early_minutes = models.PositiveSmallIntegerField(_("old minutes left early"), default=0)
    new_early_minutes = models.PositiveSmallIntegerField(_("new minutes left early"), default=0)
    old_note = models.CharField(_("old note"), max_length=200, blank=True)
    new_note = models.CharField(_("new note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("attendance correction")
        verbose_name_plural = _("attendance corrections")
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.record}: {self.old_status} → {self.new_status}"


class EnrolmentDateChange(models.Model):
    """A later change of an enrolment's entry date, with who, when and why: the entry date decides from which
    register on a person counts, so changing it is kept like a correction of the register."""

    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="date_changes"
    )
    old_date = models.DateField(_("previous entry date"))
    new_date = models.DateField(_("new entry date"))
    reason = models.TextField(_("reason"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("change of entry date")
        verbose_name_plural = _("changes of entry date")
        ordering = ["-changed_at", "-id"]
        constraints = [models.CheckConstraint(condition=~Q(reason=""), name="enrolment_date_change_reason")]

    def __str__(self):
        return f"{self.enrolment}: {self.old_date} → {self.new_date}"


class PartnerAccess(models.Model):
    """One page a partner opened or one file they exported: the provider can show who at the funder saw what
    (§78 SGB X, Art. 15(1)(c) DSGVO). Written by ``courses.services.record_partner_access``; never changed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("log-in"), on_delete=models.PROTECT, related_name="partner_accesses"
    )
    # The partner's organisation when they looked, kept as a name: memberships change, the record must not.
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)
    action = models.CharField(_("page or export"), max_length=100)
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,
        related_name="partner_accesses",
        null=True,
        blank=True,
    )
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    # Whether the cohort showed names to partners at that moment (the switch may change later).
    names_shown = models.BooleanField(_("names were shown"), default=False)

    class Meta:
        verbose_name = _("partner access")
        verbose_name_plural = _("partner accesses")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["cohort", "at"], name="partner_access_cohort_at"),
            models.Index(fields=["user", "at"], name="partner_access_user_at"),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.action} ({self.at:%Y-%m-%d %H:%M})"
