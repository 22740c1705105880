"""Employers, the job-speed-dating event, intake profiles and goals, and what became of each participant.

Everything belongs to one organisation (the provider): employers and events directly, profiles, goals and
outcome records through their participant. Records a report counts are PROTECTed.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from courses.models import FacilityType, GermanLevel, Organisation, Participant

MAX_ROUNDS = 12
MAX_TABLES = 200


class EmployerKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    WELFARE = "welfare", _("welfare association (AWO, Caritas, Diakonie …)")
    CHURCH = "church", _("church parish")
    PARENTS = "parents", _("parents' initiative")
    PRIVATE = "private", _("private provider")
    OTHER = "other", _("other")


class Employer(models.Model):
    """The organisation behind Kitas and OGS (Träger). A contact, not a user: employers do not log in."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="employers"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind of provider"), max_length=20, choices=EmployerKind.choices, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    offers_full_time = models.BooleanField(_("full-time positions"), default=False)
    offers_part_time = models.BooleanField(_("part-time positions"), default=True)
    family_friendly_hours = models.BooleanField(_("hours that fit with family"), default=False)
    offers_hospitation = models.BooleanField(_("Hospitation possible"), default=True)
    offers_praktikum = models.BooleanField(_("Praktikum possible"), default=True)
    towns = models.CharField(_("near which towns"), max_length=300, blank=True)
    open_positions = models.PositiveSmallIntegerField(_("open positions"), default=0)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="employer_unique_name",
                violation_error_message=_("An employer with this name already exists."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class EmployerFacility(models.Model):
    """A Kita or OGS of an employer: linked to the placement facility where it already hosts placements,
    otherwise written down by staff."""

    employer = models.ForeignKey(
        Employer, verbose_name=_("employer"), on_delete=models.CASCADE, related_name="facilities"
    )
    placement_facility = models.ForeignKey(
        "placements.Facility",
        verbose_name=_("placement facility"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=200)
    facility_type = models.CharField(_("type"), max_length=10, choices=FacilityType.choices)
    town = models.CharField(_("town"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("employer's facility")
        verbose_name_plural = _("employer's facilities")
        ordering = ["employer", "name"]
        constraints = [
            models.UniqueConstraint(fields=["employer", "name"], name="employerfacility_unique_name"),
            models.UniqueConstraint(
                fields=["placement_facility"],
                condition=Q(placement_facility__isnull=False),
                name="employerfacility_one_employer_per_facility",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class RecognitionStatus(models.TextChoices):
    NOT_NEEDED = "not_needed", _("no recognition needed")
    NOT_APPLIED = "not_applied", _("not applied for")
    PENDING = "pending", _("applied, pending")
    PARTIAL = "partial", _("partially recognised")
    RECOGNISED = "recognised", _("recognised")
    REFUSED = "refused", _("not recognised")


class IntakeProfile(models.Model):
    """What matching a participant with employers needs, and nothing more (docs/outcomes.md says why each
    field exists). Editable by staff and by the participant."""

    participant = models.OneToOneField(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT, related_name="intake_profile"
    )
    qualifications = models.TextField(_("qualifications"), blank=True, help_text=_("School, training, studies."))
    recognition_status = models.CharField(
        _("recognition of foreign qualifications"), max_length=20, choices=RecognitionStatus.choices, blank=True
    )
    experience_with_children = models.TextField(_("work experience, especially with children"), blank=True)
    interests = models.TextField(_("interests"), blank=True, help_text=_("For example Kita or OGS, age groups."))
    german_level = models.CharField(_("German level (CEFR)"), max_length=2, choices=GermanLevel.choices, blank=True)
    german_test_date = models.DateField(_("date of the last German test"), null=True, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(
        _("available hours per week"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    family_times = models.CharField(
        _("times that fit with family"), max_length=200, blank=True, help_text=_("For example mornings 8–13.")
    )
    towns_without_car = models.CharField(_("towns reachable without a car"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("intake profile")
        verbose_name_plural = _("intake profiles")
        ordering = ["participant__name_key"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours_per_week__isnull=True) | Q(hours_per_week__lte=60), name="intake_hours_range"
            )
        ]

    def __str__(self) -> str:
        return str(self.participant)

    @property
    def organisation_id(self) -> int:
        return self.participant.organisation_id

    def clean(self):
        if self.german_test_date and self.german_test_date > datetime.date.today():
            raise ValidationError({"german_test_date": _("The test date cannot be in the future.")})


class GoalStatus(models.TextChoices):
    OPEN = "open", _("open")
    REACHED = "reached", _("reached")
    DROPPED = "dropped", _("dropped")


class Goal(models.Model):
    """An agreed goal of the participant's plan, e.g. a language course to B1 or a Hospitation in an OGS."""

    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT, related_name="goals"
    )
    title = models.CharField(_("goal"), max_length=200)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=GoalStatus.choices, default=GoalStatus.OPEN)
    closed_by = models.ForeignKey(
        "OutcomeRecord",
        verbose_name=_("closed by outcome"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="closed_goals",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["participant", "target_date", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def organisation_id(self) -> int:
        return self.participant.organisation_id


class Event(models.Model):
    """One job-speed-dating event: rounds of short talks at tables, a bell between them."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="speed_dating_events"
    )
    title = models.CharField(_("title"), max_length=200, default="Job-Speed-Dating")
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300, help_text=_("For example Kreishaus Coesfeld, room 1."))
    start_time = models.TimeField(_("first round starts at"))
    talk_minutes = models.PositiveSmallIntegerField(
        _("minutes per talk"), default=10, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    break_minutes = models.PositiveSmallIntegerField(
        _("minutes between rounds"), default=5, validators=[MaxValueValidator(120)]
    )
    rounds = models.PositiveSmallIntegerField(
        _("rounds"), default=3, validators=[MinValueValidator(1), MaxValueValidator(MAX_ROUNDS)]
    )
    tables = models.PositiveSmallIntegerField(
        _("tables"), default=8, validators=[MinValueValidator(1), MaxValueValidator(MAX_TABLES)]
    )
    max_talks = models.PositiveSmallIntegerField(
        _("talks per participant at most"), default=3, validators=[MinValueValidator(1), MaxValueValidator(MAX_ROUNDS)]
    )
    what_to_bring = models.TextField(
        _("what to bring"),
        blank=True,
        default="Lebenslauf (mehrere Kopien), Zertifikat, Stift und Papier, Termin-Kalender",
    )
    cohorts = models.ManyToManyField(
        "courses.Cohort", verbose_name=_("cohorts invited"), related_name="speed_dating_events", blank=True
    )
    # What the last scheduling run said: method, proven optimal, gap, explanations (shown on the page).
    schedule_info = models.JSONField(_("schedule information"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("speed-dating event")
        verbose_name_plural = _("speed-dating events")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(rounds__gte=1) & Q(rounds__lte=MAX_ROUNDS), name="event_rounds_range"),
            models.CheckConstraint(condition=Q(tables__gte=1) & Q(tables__lte=MAX_TABLES), name="event_tables_range"),
            models.CheckConstraint(condition=Q(talk_minutes__gte=1), name="event_talk_minutes_positive"),
            models.CheckConstraint(condition=Q(max_talks__gte=1), name="event_max_talks_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.date:%d.%m.%Y}"

    def round_start(self, number: int) -> datetime.time:
        """When round ``number`` (1-based) starts: talks and breaks one after the other."""
        start = datetime.datetime.combine(self.date, self.start_time)
        offset = (number - 1) * (self.talk_minutes + self.break_minutes)
        return (start + datetime.timedelta(minutes=offset)).time()

    def round_end(self, number: int) -> datetime.time:
        start = datetime.datetime.combine(self.date, self.round_start(number))
        return (start + datetime.timedelta(minutes=self.talk_minutes)).time()

    @property
    def round_numbers(self) -> list[int]:
        return list(range(1, self.rounds + 1))

    @property
    def table_numbers(self) -> list[int]:
        return list(range(1, self.tables + 1))

    def clean(self):
        if self.max_talks and self.rounds and self.max_talks > self.rounds:
            raise ValidationError({"max_talks": _("A participant cannot have more talks than there are rounds.")})


class InvitationStatus(models.TextChoices):
    INVITED = "invited", _("invited")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")


class _Presence(models.Model):
    """Invitation with acceptance and the rounds someone is there (empty bounds: the whole event)."""

    status = models.CharField(
        _("answer"), max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.INVITED
    )
    first_round = models.PositiveSmallIntegerField(_("from round"), null=True, blank=True)
    last_round = models.PositiveSmallIntegerField(_("until round"), null=True, blank=True)

    class Meta:
        abstract = True

    def present_rounds(self, rounds: int) -> frozenset[int]:
        first = self.first_round or 1
        last = self.last_round or rounds
        return frozenset(range(max(1, first), min(rounds, last) + 1))

    def clean(self):
        if self.first_round and self.last_round and self.last_round < self.first_round:
            raise ValidationError({"last_round": _("The last round must not be before the first.")})


class EventEmployer(_Presence):
    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="employers")
    employer = models.ForeignKey(
        Employer, verbose_name=_("employer"), on_delete=models.PROTECT, related_name="event_invitations"
    )
    seats = models.PositiveSmallIntegerField(
        _("tables at once"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("How many people the employer brings, each at a table of their own."),
    )

    class Meta:
        verbose_name = _("invited employer")
        verbose_name_plural = _("invited employers")
        ordering = ["event", "employer__name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "employer"], name="eventemployer_unique"),
            models.CheckConstraint(condition=Q(seats__gte=1), name="eventemployer_seats_positive"),
            models.CheckConstraint(
                condition=Q(first_round__isnull=True)
                | Q(last_round__isnull=True)
                | Q(last_round__gte=F("first_round")),
                name="eventemployer_rounds_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employer} – {self.event}"

    @property
    def organisation_id(self) -> int:
        return self.event.organisation_id


class EventParticipant(_Presence):
    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="participants")
    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT, related_name="event_invitations"
    )
    attended = models.BooleanField(_("came"), null=True, blank=True)

    class Meta:
        verbose_name = _("invited participant")
        verbose_name_plural = _("invited participants")
        ordering = ["event", "participant__name_key"]
        constraints = [
            models.UniqueConstraint(fields=["event", "participant"], name="eventparticipant_unique"),
            models.CheckConstraint(
                condition=Q(first_round__isnull=True)
                | Q(last_round__isnull=True)
                | Q(last_round__gte=F("first_round")),
                name="eventparticipant_rounds_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} – {self.event}"

    @property
    def organisation_id(self) -> int:
        return self.event.organisation_id


class ParticipantWish(models.Model):
    """A participant wants to talk to an employer; rank 1 is the first choice."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="wishes")
    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT, related_name="+"
    )
    employer = models.ForeignKey(Employer, verbose_name=_("employer"), on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveSmallIntegerField(_("rank"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("participant's wish")
        verbose_name_plural = _("participants' wishes")
        ordering = ["event", "participant", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["event", "participant", "employer"], name="wish_unique_employer"),
            models.UniqueConstraint(fields=["event", "participant", "rank"], name="wish_unique_rank"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="wish_rank_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.participant} → {self.employer} ({self.rank})"


class EmployerWish(models.Model):
    """An employer would like to meet a participant."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="employer_wishes")
    employer = models.ForeignKey(Employer, verbose_name=_("employer"), on_delete=models.PROTECT, related_name="+")
    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("employer's wish")
        verbose_name_plural = _("employers' wishes")
        ordering = ["event", "employer", "participant"]
        constraints = [models.UniqueConstraint(fields=["event", "employer", "participant"], name="employerwish_unique")]

    def __str__(self) -> str:
        return f"{self.employer} → {self.participant}"


class NextStep(models.TextChoices):
    NONE = "none", _("none")
    HOSPITATION = "hospitation", _("Hospitation (visit)")
    PRAKTIKUM = "praktikum", _("Praktikum (internship)")
    PROBEARBEIT = "probearbeit", _("Probearbeit (trial day)")
    JOB_OFFER = "job_offer", _("job offer")
    AUSBILDUNG = "ausbildung", _("Ausbildung")


class Talk(models.Model):
    """One talk at the event: where and when it is, and (recorded during the event) what came of it."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.PROTECT, related_name="talks")
    round = models.PositiveSmallIntegerField(_("round"))
    table = models.PositiveSmallIntegerField(_("table"))
    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT, related_name="+"
    )
    employer = models.ForeignKey(Employer, verbose_name=_("employer"), on_delete=models.PROTECT, related_name="talks")
    held = models.BooleanField(_("held"), null=True, blank=True)
    participant_interested = models.BooleanField(_("participant interested"), null=True, blank=True)
    employer_interested = models.BooleanField(_("employer interested"), null=True, blank=True)
    next_step = models.CharField(_("next step"), max_length=20, choices=NextStep.choices, blank=True)
    next_step_date = models.DateField(_("date of the next step"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("talk")
        verbose_name_plural = _("talks")
        ordering = ["event", "round", "table"]
        constraints = [
            # One talk per table and round: so an employer has at most one talk per table per round.
            models.UniqueConstraint(fields=["event", "round", "table"], name="talk_unique_table"),
            models.UniqueConstraint(fields=["event", "round", "participant"], name="talk_participant_one_place"),
            models.UniqueConstraint(fields=["event", "participant", "employer"], name="talk_pair_once"),
            models.CheckConstraint(condition=Q(round__gte=1) & Q(table__gte=1), name="talk_round_table_positive"),
            models.CheckConstraint(
                condition=Q(next_step_date__isnull=True) | (~Q(next_step="") & ~Q(next_step="none")),
                name="talk_date_only_with_next_step",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event}: {self.round}/{self.table} {self.participant} – {self.employer}"

    @property
    def organisation_id(self) -> int:
        return self.event.organisation_id

    @property
    def starts_at(self) -> datetime.time:
        return self.event.round_start(self.round)

    @property
    def has_next_step(self) -> bool:
        return self.next_step not in ("", NextStep.NONE)


class OutcomeKind(models.TextChoices):
    EMPLOYED = "employed", _("employment subject to social insurance")
    MINIJOB = "minijob", _("mini-job")
    AUSBILDUNG = "ausbildung", _("Ausbildung")
    COURSE = "course", _("further course or measure")
    SEEKING = "seeking", _("looking for work")
    NOT_AVAILABLE = "not_available", _("not available")
    UNKNOWN = "unknown", _("unknown")


# The outcome rate's numerator (docs/outcomes.md, "Counting rule"): in work or in training.
IN_WORK_OR_TRAINING = (OutcomeKind.EMPLOYED, OutcomeKind.MINIJOB, OutcomeKind.AUSBILDUNG)
WORK_KINDS = (OutcomeKind.EMPLOYED, OutcomeKind.MINIJOB)


class UnavailableReason(models.TextChoices):
    ILLNESS = "illness", _("illness")
    PARENTAL_LEAVE = "parental_leave", _("parental leave")
    MOVED = "moved", _("moved away")
    OTHER = "other", _("other")


class Workplace(models.TextChoices):
    KITA = "kita", _("Kita")
    OGS = "ogs", _("OGS")
    ELSEWHERE = "elsewhere", _("elsewhere")


class OutcomeSource(models.TextChoices):
    EVENT = "event", _("speed-dating event")
    PARTICIPANT = "participant", _("participant")
    JOBCENTER = "jobcenter", _("Jobcenter")
    EMPLOYER = "employer", _("employer")
    STAFF = "staff", _("staff")


class OutcomeRecord(models.Model):
    """Where a participant is on a date (Verbleib). A follow-up answer names its enrolment and month."""

    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT, related_name="outcome_records"
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment",
        verbose_name=_("measure"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outcome_records",
    )
    follow_up_month = models.PositiveSmallIntegerField(_("follow-up (months after the end)"), null=True, blank=True)
    date = models.DateField(_("as of"))
    kind = models.CharField(_("situation"), max_length=20, choices=OutcomeKind.choices)
    unavailable_reason = models.CharField(_("reason"), max_length=20, choices=UnavailableReason.choices, blank=True)
    workplace = models.CharField(_("where"), max_length=10, choices=Workplace.choices, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours per week"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    employer = models.ForeignKey(
        Employer, verbose_name=_("employer"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source = models.CharField(_("source"), max_length=20, choices=OutcomeSource.choices)
    talk = models.OneToOneField(
        Talk, verbose_name=_("from talk"), on_delete=models.PROTECT, null=True, blank=True, related_name="outcome"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["participant", "-date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "follow_up_month"],
                condition=Q(follow_up_month__isnull=False),
                name="outcome_one_answer_per_follow_up",
                violation_error_message=_("This follow-up has already been answered."),
            ),
            models.CheckConstraint(
                condition=Q(follow_up_month__isnull=True) | Q(enrolment__isnull=False),
                name="outcome_follow_up_needs_enrolment",
            ),
            models.CheckConstraint(
                condition=(Q(kind="not_available") & ~Q(unavailable_reason=""))
                | (~Q(kind="not_available") & Q(unavailable_reason="")),
                name="outcome_reason_only_when_not_available",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["employed", "minijob", "ausbildung"])
                | (Q(workplace="") & Q(hours_per_week__isnull=True)),
                name="outcome_workplace_only_in_work",
            ),
        ]
        indexes = [models.Index(fields=["participant", "date"], name="outcome_participant_date")]

    def __str__(self) -> str:
        return f"{self.participant}: {self.get_kind_display()} ({self.date:%d.%m.%Y})"

    @property
    def organisation_id(self) -> int:
        return self.participant.organisation_id

    @property
    def in_work_or_training(self) -> bool:
        return self.kind in IN_WORK_OR_TRAINING

    def clean(self):
        errors = {}
        if self.kind == OutcomeKind.NOT_AVAILABLE and not self.unavailable_reason:
            errors["unavailable_reason"] = _("Say why the person is not available.")
        if self.kind != OutcomeKind.NOT_AVAILABLE and self.unavailable_reason:
            errors["unavailable_reason"] = _("A reason is only recorded when the person is not available.")
        if self.kind not in IN_WORK_OR_TRAINING and (self.workplace or self.hours_per_week is not None):
            errors["workplace"] = _("Where and hours per week are only recorded for work or an Ausbildung.")
        if errors:
            raise ValidationError(errors)
