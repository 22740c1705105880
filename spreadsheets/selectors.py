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


def roster_to_export(cohort) -> QuerySet:
    return cohort_roster(cohort)


def attendance_to_export(cohort):
    from courses.models import AttendanceRecord

    return (
        AttendanceRecord.objects.filter(session__cohort=cohort)
        .select_related("session", "session__module", "enrolment__participant")
        .order_by("session__date", "session__start_time", "enrolment__participant__name_key", "pk")
    )


def placement_rows_to_export(cohort) -> list[dict]:
    from placements.selectors import cohort_placement_rows

    from .resources import PlacementHoursResource

    return PlacementHoursResource.rows(cohort_placement_rows(cohort))


def certificates_to_export(cohort):
    from certificates.models import Certificate

    return (
        Certificate.objects.filter(enrolment__cohort=cohort)
        .select_related("enrolment__participant", "supersedes")
        .order_by("year", "sequence")
    )
