from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.dates import short_datetime
from core.models import CreationStamp, creation_stamp
from core.validators import multi_line_text, single_line_text
from courses.models import FacilityType, Organisation


class Facility(models.Model):
    """A Kita or OGS that takes participants for their practical phase."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("partner of"),
        on_delete=models.PROTECT,
        related_name="facilities",
        help_text=_("The provider whose staff manage this facility's placements."),
    )
    name = models.CharField(_("name"), max_length=200, validators=[single_line_text])
    facility_type = models.CharField(_("type"), max_length=10, choices=FacilityType.choices)
    provider = models.CharField(_("provider (Träger)"), max_length=200, blank=True, validators=[single_line_text])
    address = models.TextField(_("address"), blank=True, validators=[multi_line_text])
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True, validators=[single_line_text])
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True, validators=[single_line_text])
    supervisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("supervisors (Praxisanleitung)"),
        related_name="supervised_facilities",
        blank=True,
    )

    class Meta:
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="facility_unique_name")]

    def __str__(self) -> str:
        return self.label(self.name, self.get_facility_type_display())

    @staticmethod
    def label(name: str, facility_type_label: str) -> str:
        """How a facility is named in lists; also built from plain values for long option lists."""
        return f"{name} ({facility_type_label})"


class PlacementStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    ACTIVE = "active", _("active")
    CANCELLED = "cancelled", _("did not start")


class Placement(CreationStamp):
    """The practical phase of one enrolment at one facility, with a named supervisor.

    The measles proof and the infection-protection instruction are recorded here (only that they were
    seen / when the instruction took place, and who recorded it when); the §72a facts live in
    ConductCertificateCheck so that their deletion removes exactly them.
    """

    enrolment = models.ForeignKey(
        "courses.Enrolment", verbose_name=_("enrolment"), on_delete=models.PROTECT, related_name="placements"
    )
    facility = models.ForeignKey(
        Facility, verbose_name=_("facility"), on_delete=models.PROTECT, related_name="placements"
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("supervisor (Praxisanleitung)"),
        on_delete=models.PROTECT,
        related_name="supervised_placements",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    planned_hours = models.PositiveIntegerField(_("planned hours"))
    status = models.CharField(
        _("status"), max_length=20, choices=PlacementStatus.choices, default=PlacementStatus.PLANNED
    )
    measles_proof_seen_at = models.DateTimeField(_("measles protection proof seen at"), null=True, blank=True)
    measles_proof_seen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("measles protection proof seen by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    infection_instruction_date = models.DateField(_("infection-protection instruction on"), null=True, blank=True)
    infection_instruction_recorded_at = models.DateTimeField(
        _("infection-protection instruction recorded at"), null=True, blank=True
    )
    infection_instruction_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("infection-protection instruction recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # When the §72a facts were deleted (by the retention command or because the person did not start).
    # Only the moment is kept, none of the facts, so the placement still shows they had been checked.
    conduct_check_deleted_at = models.DateTimeField(_("certificate of conduct data deleted at"), null=True, blank=True)
    activated_at = models.DateTimeField(_("started at"), null=True, blank=True)
    activated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancellation_reason = models.TextField(_("reason"), blank=True, validators=[multi_line_text])

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-start_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="placement_end_after_start"
            ),
            models.CheckConstraint(condition=models.Q(planned_hours__gt=0), name="placement_planned_hours_positive"),
            models.CheckConstraint(
                condition=~models.Q(status="active") | models.Q(activated_at__isnull=False),
                name="placement_active_has_start",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "end_date"], name="placement_status_end"),
            # The placements list sorts a provider's placements by start: with this index PostgreSQL reads the
            # keys of its facilities' 20,000 placements from the index alone (docs/benchmarks.md). An index on
            # (start_date, id) alone was faster still for the list's first page, but the planner then walked it
            # for every "first 50 by start date" query and scanned 65,000 rows for the staff start page.
            models.Index(fields=["facility", "start_date", "id"], name="placement_facility_start"),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment.participant} – {self.facility.name}"

    @property
    def organisation_id(self) -> int:
        return self.facility.organisation_id

    @property
    def measles_proof_recorded(self) -> bool:
        return self.measles_proof_seen_at is not None

    @property
    def conduct_facts_deleted_after_start(self) -> bool:
        """The §72a facts were deleted after the placement had started (retention period over): they had been
        complete, and only the moment of deletion is kept."""
        return self.conduct_check_deleted_at is not None and self.activated_at is not None

    @property
    def planned_minutes(self) -> int:
        return self.planned_hours * 60

    def contains(self, day) -> bool:
        return self.start_date <= day <= self.end_date


class ConductCertificateCheck(models.Model):
    """What §72a SGB VIII allows to be kept about the extended certificate of conduct: that it was inspected,
    its issue date and whether it shows a relevant entry. Never a copy. Deleted by
    ``purge_conduct_certificates`` three months after the activity actually ends (the planned end, or the
    participant's withdrawal if earlier), or at once if it never starts."""

    placement = models.OneToOneField(
        Placement, verbose_name=_("placement"), on_delete=models.CASCADE, related_name="conduct_check"
    )
    inspected_on = models.DateField(_("inspected on"))
    issue_date = models.DateField(_("issue date"))
    has_relevant_entry = models.BooleanField(
        _("shows a relevant entry"), help_text=_("A conviction for an offence listed in §72a(1) SGB VIII.")
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("checked by"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    checked_at = models.DateTimeField(_("checked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate of conduct inspection")
        verbose_name_plural = _("certificate of conduct inspections")
        ordering = ["placement"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(issue_date__lte=models.F("inspected_on")), name="conduct_issued_before_inspection"
            )
        ]

    def __str__(self) -> str:
        return str(self.placement)


# A line or two about the day's work; the supervisor reads it on a phone.
ACTIVITY_MAX_LENGTH = 500


class HourEntryStatus(models.TextChoices):
    PENDING = "pending", _("waiting for confirmation")
    CONFIRMED = "confirmed", _("confirmed")
    REJECTED = "rejected", _("rejected")


class HourEntry(creation_stamp(by_label=_("recorded by"), at_label=_("recorded at"))):
    """One day's work in the placement.

    Stored as the calendar date plus local wall-clock start and end times (Europe/Berlin), the way a
    timesheet is written: the day never shifts with the time zone and no placement work crosses midnight.
    ``work_minutes`` is derived (end − start − break) and stored so sums are one aggregate query.
    """

    placement = models.ForeignKey(
        Placement, verbose_name=_("placement"), on_delete=models.PROTECT, related_name="hour_entries"
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start"))
    end_time = models.TimeField(_("end"))
    break_minutes = models.PositiveIntegerField(_("break (minutes)"), default=0)
    work_minutes = models.PositiveIntegerField(_("working time (minutes)"), editable=False)
    activity = models.TextField(_("activity"), blank=True, max_length=ACTIVITY_MAX_LENGTH, validators=[multi_line_text])
    status = models.CharField(
        _("status"), max_length=20, choices=HourEntryStatus.choices, default=HourEntryStatus.PENDING
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True, validators=[multi_line_text])
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed or rejected by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("confirmed or rejected at"), null=True, blank=True)

    class Meta:
        verbose_name = _("hour entry")
        verbose_name_plural = _("hour entries")
        ordering = ["date", "start_time", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")), name="hourentry_end_after_start"
            ),
            models.CheckConstraint(condition=models.Q(work_minutes__gt=0), name="hourentry_work_positive"),
            models.CheckConstraint(
                condition=~models.Q(status="rejected") | ~models.Q(rejection_reason=""),
                name="hourentry_rejection_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["placement", "status"], name="hourentry_placement_status"),
            # "Which placements have pending hours?" (the staff start page) without visiting every placement.
            models.Index(fields=["status", "placement"], name="hourentry_status_placement"),
        ]

    def __str__(self) -> str:
        return f"{self.placement} {self.date:%d.%m.%Y} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    @property
    def organisation_id(self) -> int:
        return self.placement.facility.organisation_id

    @property
    def span_minutes(self) -> int:
        return (self.end_time.hour * 60 + self.end_time.minute) - (self.start_time.hour * 60 + self.start_time.minute)

    @property
    def is_locked(self) -> bool:
        return self.status == HourEntryStatus.CONFIRMED


class HourEntryAction(models.TextChoices):
    LOGGED = "logged", _("recorded")
    CONFIRMED = "confirmed", _("confirmed")
    REJECTED = "rejected", _("rejected")
    CORRECTED = "corrected", _("corrected")


class HourEntryEvent(models.Model):
    """History of an hour entry: every recording, confirmation, rejection and correction, with who and when."""

    entry = models.ForeignKey(HourEntry, verbose_name=_("hour entry"), on_delete=models.PROTECT, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=HourEntryAction.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True, validators=[multi_line_text])
    # The entry's values after the action (and before, for corrections), so the history stands on its own.
    details = models.JSONField(_("details"), default=dict, blank=True)
    # Decided through the signed link of the supervisor's e-mail digest, without logging in.
    via_link = models.BooleanField(_("via link"), default=False)

    class Meta:
        verbose_name = _("hour entry event")
        verbose_name_plural = _("hour entry events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        # Stored in UTC; people read Berlin time.
        return f"{self.get_action_display()} {short_datetime(self.at)}"
