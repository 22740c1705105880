"""Reads of the spreadsheets app, limited to what the user may see."""

from django.db.models import QuerySet

from courses.rules import staff_organisation_ids
from courses.selectors import cohort_roster

from .models import ImportRecord


def import_records_visible_to(user) -> QuerySet[ImportRecord]:
    qs = ImportRecord.objects.select_related("cohort", "cohort__site", "cohort__programme", "created_by").defer(
        "file_data", "preview"
    )
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.is_programme_staff:
        return qs.filter(organisation_id__in=staff_organisation_ids(user))
    return qs.none()


def roster_for_export(cohort) -> QuerySet:
    return cohort_roster(cohort)
