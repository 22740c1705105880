"""Inclusion tags for the template hooks: each loads its data with one selector call."""

from django import template
from django_tables2 import RequestConfig

from .. import selectors
from ..prerequisites import planned_badge as _planned_badge
from ..progress import progress_bar
from ..rules import placement_course_still_running

register = template.Library()


@register.simple_tag
def placement_progress(confirmed, pending, required):
    """{% placement_progress confirmed pending required %}: the hours bar (placements.progress)."""
    return progress_bar(confirmed, pending, required)


@register.simple_tag
def planned_badge(missing=None):
    """{% planned_badge missing %}: a planned placement's badge (placements.prerequisites.planned_badge)."""
    return _planned_badge(missing)


@register.inclusion_tag("placements/hooks/_supervisor_panel.html", takes_context=True)
def supervisor_placements_panel(context):
    user = context["user"]
    return {"user": user, **selectors.supervisor_overview(user)}


@register.inclusion_tag("placements/hooks/_participant_panel.html", takes_context=True)
def participant_placement_panel(context):
    user = context["user"]
    # After the course the participant keeps only their documents (docs/accounts.md), not the placement.
    placements = [p for p in selectors.own_placements(user) if placement_course_still_running(user, p)]
    return {"user": user, "perms": context.get("perms"), "placements": placements}


@register.inclusion_tag("placements/hooks/_staff_panel.html", takes_context=True)
def staff_placements_panel(context):
    user = context["user"]
    return {"user": user, "placements": selectors.staff_open_placements(user)}


@register.inclusion_tag("placements/hooks/_cohort_section.html", takes_context=True)
def cohort_placements_section(context, cohort):
    from ..cohort_table import CohortPlacementTable

    request = context.get("request")
    # Paged like the roster beside it (25 people), with its own page parameter so the two page separately.
    table = CohortPlacementTable(selectors.cohort_placement_rows(cohort), prefix="placements-")
    RequestConfig(request, paginate={"per_page": 25}).configure(table)
    return {"user": context["user"], "request": request, "cohort": cohort, "table": table}
