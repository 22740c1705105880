"""Inclusion tags for the teaching part's template hooks: each loads its data with one selector call, so the
page that includes the hook keeps a fixed number of queries."""

from django import template
from django.utils.translation import gettext_lazy as _

from .. import selectors
from ..attendance_tables import progress_bar_html
from ..rules import course_still_running

register = template.Library()


@register.simple_tag
def attendance_progress(progress):
    """{% attendance_progress module_progress %}: one module's attendance bar, the same drawing as the
    attendance matrix's cells (courses.attendance_tables.progress_bar_html)."""
    return progress_bar_html(progress)


_OWN_STATE = {
    "met": (_("You have reached the minimum attendance for this module."), "bg-success", "text-success"),
    "on_track": (_("You are on track."), "bg-success", ""),
    "at_risk": (
        _("Careful: if you miss more sessions, you may not reach the minimum."),
        "bg-warning",
        "text-warning-emphasis fw-semibold",
    ),
    "missed": (
        _("You can no longer reach the minimum for this module. Please talk to the programme staff."),
        "bg-danger",
        "text-danger fw-semibold",
    ),
}


@register.inclusion_tag("courses/attendance/_own_progress.html")
def own_progress(progress):
    """{% own_progress module_progress %}: the participant's own view of one module: the bar, then what it
    means in plain words (no absence codes, no abbreviations)."""
    sentence, bar_class, state_class = _OWN_STATE[progress.state]
    pct = min(100, max(0, round(progress.rate_percent)))
    return {"p": progress, "state_sentence": sentence, "bar_class": bar_class, "state_class": state_class, "pct": pct}


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
