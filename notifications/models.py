from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult


class Notification(models.Model):
    """One message to one person: shown in their inbox (if they log in) and e-mailed (if they have an address
    and did not opt out). Subject and text are written in the recipient's language when it is made, like a
    letter, so the inbox shows what the e-mail said."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    organisation = models.ForeignKey(
        "courses.Organisation", verbose_name=_("organisation"), on_delete=models.SET_NULL, null=True, blank=True
    )
    kind = models.CharField(_("kind"), max_length=60)
    params = models.JSONField(_("details"), default=dict, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    link = models.CharField(_("link"), max_length=500, blank=True)
    email_to = models.EmailField(_("e-mailed to"), blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(recipient__isnull=False) | ~Q(email_to=""), name="notification_has_a_recipient"
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return self.subject


class EmailPreference(models.Model):
    """A person's choice to get no e-mails (the inbox still shows everything)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="email_preference"
    )
    emails_enabled = models.BooleanField(_("send me e-mails"), default=True)

    class Meta:
        verbose_name = _("e-mail preference")
        verbose_name_plural = _("e-mail preferences")

    def __str__(self) -> str:
        return str(self.user)


class KindSwitch(models.Model):
    """An organisation switched one kind of notification off (no inbox entry, no e-mail)."""

    organisation = models.ForeignKey(
        "courses.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=60)
    enabled = models.BooleanField(_("enabled"), default=False)

    class Meta:
        verbose_name = _("notification switch")
        verbose_name_plural = _("notification switches")
        ordering = ["organisation", "kind"]
        constraints = [models.UniqueConstraint(fields=["organisation", "kind"], name="kindswitch_unique")]

    def __str__(self) -> str:
        return f"{self.organisation} {self.kind}"


class SentOnce(models.Model):
    """What was already told (e.g. "module 2 at risk for enrolment 5"), so daily jobs tell it only once."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent message key")
        verbose_name_plural = _("sent message keys")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.key


class CalendarFeed(models.Model):
    """The secret address of a calendar feed: a cohort's sessions, or one participant's sessions and placement
    days. Renewing replaces the token, so the old address stops working."""

    token = models.CharField(_("token"), max_length=64, unique=True)
    cohort = models.OneToOneField(
        "courses.Cohort", verbose_name=_("cohort"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    participant = models.OneToOneField(
        "courses.Participant",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cohort__isnull=False, participant__isnull=True)
                | Q(cohort__isnull=True, participant__isnull=False),
                name="calendarfeed_one_subject",
            )
        ]

    def __str__(self) -> str:
        return str(self.cohort or self.participant)


class SessionRevision(models.Model):
    """What calendars were last told about a teaching session: its SEQUENCE grows with every change of day,
    time or topic, and a deleted session stays here as cancelled so subscribed calendars remove it."""

    session_id = models.BigIntegerField(_("session"), unique=True)
    cohort = models.ForeignKey("courses.Cohort", verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="+")
    sequence = models.PositiveIntegerField(_("sequence"), default=0)
    fingerprint = models.CharField(_("fingerprint"), max_length=200)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start"))
    end_time = models.TimeField(_("end"))
    summary = models.CharField(_("summary"), max_length=300)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("session revision")
        verbose_name_plural = _("session revisions")
        ordering = ["date", "start_time"]
        indexes = [models.Index(fields=["cohort", "cancelled"], name="sessionrev_cohort")]

    def __str__(self) -> str:
        return f"{self.summary} ({self.sequence})"


class PlacementRevision(models.Model):
    """What calendars were last told about a placement period: its SEQUENCE grows when the dates, the facility
    or the status (cancelled) change, so a subscribed calendar moves or removes the all-day event."""

    placement_id = models.BigIntegerField(_("placement"), unique=True)
    sequence = models.PositiveIntegerField(_("sequence"), default=0)
    fingerprint = models.CharField(_("fingerprint"), max_length=200)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("placement revision")
        verbose_name_plural = _("placement revisions")
        ordering = ["placement_id"]

    def __str__(self) -> str:
        return f"{self.placement_id} ({self.sequence})"


class DownloadStatus(models.TextChoices):
    QUEUED = "queued", _("waiting")
    RUNNING = "running", _("being prepared")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")


class PreparedDownload(models.Model):
    """A large file prepared in the background for one person (a cohort's certificates as a ZIP, an export).
    The file is kept in the database, the one place every web process and worker shares, and deleted after
    PREPARED_DOWNLOAD_RETENTION_DAYS."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=60)
    params = models.JSONField(_("details"), default=dict, blank=True)
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(_("status"), max_length=20, choices=DownloadStatus.choices, default=DownloadStatus.QUEUED)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    data = models.BinaryField(_("file content"), blank=True, default=b"")
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("prepared download")
        verbose_name_plural = _("prepared downloads")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["requested_by", "created_at"], name="prepared_by_user")]

    def __str__(self) -> str:
        return self.title

    @property
    def percent(self) -> int:
        if self.status == DownloadStatus.READY:
            return 100
        return int(self.done * 100 / self.total) if self.total else 0


class FailedTask(DBTaskResult):
    """The background tasks that failed for good, listed for the administrator (a view on the task table)."""

    class Meta:
        proxy = True
        verbose_name = _("failed background task")
        verbose_name_plural = _("failed background tasks")
