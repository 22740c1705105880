"""Inclusion tags for the template hooks: each loads its data with one selector call."""

from django import template
from django_tables2 import RequestConfig

from .. import selectors

register = template.Library()


@register.simple_tag
def hour_progress(confirmed, pending, required):
    """Widths of the two stacked bars (confirmed, pending) in percent of the required hours, never over 100."""
    confirmed, pending, required = confirmed or 0, pending or 0, required or 0
    if not required:
        return {"confirmed": 0, "pending": 0, "done": False}
    confirmed_pct = min(100, round(100 * confirmed / required))
    pending_pct = max(0, min(100 - confirmed_pct, round(100 * (confirmed + pending) / required) - confirmed_pct))
    return {"confirmed": confirmed_pct, "pending": pending_pct, "done": confirmed >= required}


@register.inclusion_tag("placements/hooks/_supervisor_panel.html", takes_context=True)
def supervisor_placements_panel(context):
    user = context["user"]
    return {"user": user, **selectors.supervisor_overview(user)}


@register.inclusion_tag("placements/hooks/_participant_panel.html", takes_context=True)
def participant_placement_panel(context):
    user = context["user"]
    placements = selectors.own_placements(user)
    return {"user": user, "perms": context.get("perms"), "placements": placements}


@register.inclusion_tag("placements/hooks/_staff_panel.html", takes_context=True)
def staff_placements_panel(context):
    user = context["user"]
    return {"user": user, "placements": selectors.staff_open_placements(user)}


@register.inclusion_tag("placements/hooks/_cohort_section.html", takes_context=True)
def cohort_placements_section(context, cohort):
    from ..cohort_table import CohortPlacementTable  # imports this module's hour_progress

    request = context.get("request")
    # Paged like the roster beside it (25 people), with its own page parameter so the two page separately.
    table = CohortPlacementTable(selectors.cohort_placement_rows(cohort), prefix="placements-")
    RequestConfig(request, paginate={"per_page": 25}).configure(table)
    return {"user": context["user"], "request": request, "cohort": cohort, "table": table}
