"""Inclusion tags for the teaching part's template hooks: each loads its data with one selector call, so the
page that includes the hook keeps a fixed number of queries."""

from django import template

from .. import selectors
from ..attendance_tables import progress_bar_html
from ..rules import course_still_running

register = template.Library()


@register.simple_tag
def attendance_progress(progress):
    """{% attendance_progress module_progress %}: one module's attendance bar, the same drawing as the
    attendance matrix's cells (courses.attendance_tables.progress_bar_html)."""
    return progress_bar_html(progress)


@register.filter
def still_running(enrolment) -> bool:
    """{% if enrolment|still_running %}: the participant's course still runs for them (courses.rules), for
    pages that list only the person's own enrolments and so need no ownership check (nor its query)."""
    return course_still_running(None, enrolment)


@register.inclusion_tag("courses/attendance/_participant_panel.html", takes_context=True)
def own_attendance_panel(context):
    """The participant's own progress per module, for the enrolments whose course still runs for them."""
    user = context.get("user")
    participant = selectors.own_participant(user) if user is not None else None
    items = []
    if participant is not None:
        for enrolment in selectors.enrolments_of_participant(participant):
            if course_still_running(user, enrolment):
                items.append((enrolment, selectors.attendance_progress_of_enrolment(enrolment)))
    return {"items": items, "user": user}


@register.inclusion_tag("courses/attendance/_staff_today_panel.html", takes_context=True)
def sessions_today_panel(context):
    user = context.get("user")
    sessions = selectors.sessions_today_visible_to(user) if user is not None else []
    to_take, to_take_total = selectors.registers_to_take_visible_to(user) if user is not None else ([], 0)
    return {"sessions": sessions, "user": user, "to_take": to_take, "to_take_total": to_take_total}
