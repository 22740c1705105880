"""The bar of confirmed and waiting placement hours, drawn in Python: one implementation for the placement
page, the start-page panels and the tables (a template per bar was too slow for long lists: docs/benchmarks.md)."""

from django.utils.html import format_html
from django.utils.translation import gettext

from core.templatetags.ui import hours


def hour_progress(confirmed, pending, required):
    """Widths of the two stacked bars (confirmed, pending) in percent of the required hours, never over 100."""
    confirmed, pending, required = confirmed or 0, pending or 0, required or 0
    if not required:
        return {"confirmed": 0, "pending": 0, "done": False}
    confirmed_pct = min(100, round(100 * confirmed / required))
    pending_pct = max(0, min(100 - confirmed_pct, round(100 * (confirmed + pending) / required) - confirmed_pct))
    return {"confirmed": confirmed_pct, "pending": pending_pct, "done": confirmed >= required}


def progress_bar(confirmed: int, pending: int, required: int) -> str:
    """The stacked bar of confirmed and waiting hours (placement pages, panels and tables)."""
    bar = hour_progress(confirmed, pending, required)
    c, p, r = hours(confirmed or 0), hours(pending or 0), hours(required or 0)
    summary = gettext("%(c)s of %(r)s h confirmed") % {"c": c, "r": r}
    if pending:
        summary += " · " + gettext("%(p)s h waiting") % {"p": p}
    return format_html(
        '<div class="progress-stacked" role="img" aria-label="{}">'
        '<div class="progress pct-{}"><div class="progress-bar bg-success"></div></div>'
        '<div class="progress pct-{}"><div class="progress-bar progress-bar-striped bg-warning"></div>'
        '</div></div><div class="small mt-1">{}</div>',
        gettext("%(c)s of %(r)s hours confirmed, %(p)s hours waiting") % {"c": c, "r": r, "p": p},
        bar["confirmed"],
        bar["pending"],
        summary,
    )
