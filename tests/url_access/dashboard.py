"""The dashboard: staff see their organisations' figures (other staff their own, empty, scope), the partner
(the Jobcenter funding world.cohort) the figures of the cohorts it funds; the cohort pages only the cohort's
staff and its funder. Supervisors, participants and visitors are refused everywhere."""

from . import allow


def extend_world(world):
    from dashboard.services import figures_rebuild

    figures_rebuild(cohort_ids=[world.cohort.pk])


def _cohort(world):
    return {"pk": world.cohort.pk}


ENTRIES = {
    "dashboard:index": allow("staff", "other_staff", "partner"),  # scoped, not refused
    "dashboard:chart": allow("staff", "other_staff", "partner", kwargs=lambda w: {"key": "funnel"}),
    "dashboard:cohort": allow("staff", "partner", kwargs=_cohort),
    "dashboard:cohort_chart": allow("staff", "partner", kwargs=lambda w: {"pk": w.cohort.pk, "key": "weeks"}),
    "dashboard:quarterly_report": allow("staff", "other_staff", "partner"),
}
