"""The dashboard: staff see their organisations' figures (other staff see their own, empty, scope); the cohort
pages only the cohort's staff. Supervisors, participants and visitors are refused everywhere."""

from . import allow


def extend_world(world):
    from dashboard.services import figures_rebuild

    figures_rebuild(cohort_ids=[world.cohort.pk])


def _cohort(world):
    return {"pk": world.cohort.pk}


ENTRIES = {
    "dashboard:overview": allow("staff", "other_staff"),  # scoped, not refused
    "dashboard:chart": allow("staff", "other_staff", kwargs=lambda w: {"key": "funnel"}),
    "dashboard:cohort": allow("staff", kwargs=_cohort),
    "dashboard:cohort_chart": allow("staff", kwargs=lambda w: {"pk": w.cohort.pk, "key": "weeks"}),
    "dashboard:quarterly_report": allow("staff", "other_staff"),
}
