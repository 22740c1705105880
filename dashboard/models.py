"""Each cohort's key figures, counted once from the facts and kept here, so that a page across a whole
Land's 4,000 cohorts adds up a few thousand rows instead of 1.8 million attendance records.

Correct by construction: a row is only ever written by :func:`dashboard.services.figures_rebuild`, which
counts everything of the cohort anew from the facts (never adds to an old value); the daily job and the
command ``manage.py dashboard_figures`` run it, and tests compare each figure with a direct count."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from courses.models import Cohort


class CohortFigures(models.Model):
    cohort = models.OneToOneField(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, primary_key=True, related_name="figures"
    )
    as_of = models.DateField(_("counted as of"))
    computed_at = models.DateTimeField(_("computed at"), auto_now=True)
    enrolled = models.PositiveIntegerField(_("enrolled"), default=0)
    started = models.PositiveIntegerField(_("started"), default=0)
    withdrawn = models.PositiveIntegerField(_("withdrawn"), default=0)
    finished = models.PositiveIntegerField(_("finished"), default=0)
    # Attendance: hundredths of attended units over the units of every register entry.
    attended_centiunits = models.PositiveBigIntegerField(_("attended units (hundredths)"), default=0)
    recorded_units = models.PositiveBigIntegerField(_("recorded units"), default=0)
    placement_minutes = models.PositiveBigIntegerField(_("confirmed placement minutes"), default=0)
    certificates = models.PositiveIntegerField(_("certificates"), default=0)
    attendance_certificates = models.PositiveIntegerField(_("certificates of attendance"), default=0)
    six_month_due = models.PositiveIntegerField(_("6-month follow-ups due"), default=0)
    in_work_or_training = models.PositiveIntegerField(_("in work or training at 6 months"), default=0)
    # {reason text: count}
    reasons = models.JSONField(_("withdrawal reasons"), default=dict)
    # [[position, title, met, counted], ...] in module order
    modules = models.JSONField(_("minimum attendance per module"), default=list)
    # {outcome kind or "none": count} of the 6-month answers
    outcomes = models.JSONField(_("6-month outcomes by kind"), default=dict)
    # [[week of the cohort (1 = first), attended hundredths, recorded units], ...]
    weeks = models.JSONField(_("attendance by week"), default=list)

    class Meta:
        verbose_name = _("cohort figures")
        verbose_name_plural = _("cohort figures")
        ordering = ["cohort"]

    def __str__(self) -> str:
        return f"{self.cohort_id}: {self.as_of:%d.%m.%Y}"
