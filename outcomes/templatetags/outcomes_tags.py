"""Inclusion tags for the hooks on other apps' pages: each loads its data with one selector call."""

from django import template

from .. import selectors
from ..forms import FollowUpForm
from ..models import OutcomeKind, OutcomeSource, UnavailableReason

register = template.Library()


@register.inclusion_tag("outcomes/_follow_ups_panel.html", takes_context=True)
def follow_ups_panel(context):
    due, total = selectors.follow_ups_due(context["user"])
    return {
        "due": due,
        "total": total,
        "kinds": OutcomeKind.choices,
        "sources": OutcomeSource.choices,
        "reasons": UnavailableReason.choices,
        "csrf_token": context.get("csrf_token"),
        "form": FollowUpForm,
    }


@register.inclusion_tag("outcomes/_figures.html")
def cohort_outcomes_panel(cohort):
    return {"figures": selectors.cohort_figures(cohort), "counting_rule": str(selectors.COUNTING_RULE)}
