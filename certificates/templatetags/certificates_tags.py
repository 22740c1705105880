"""Inclusion tags for the hooks on other apps' pages: each loads its data with one selector call."""

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("certificates/_cohort_panel.html", takes_context=True)
def cohort_certificates_panel(context, cohort):
    user = context["user"]
    rows = selectors.cohort_overview(cohort)
    return {
        "user": user,
        "cohort": cohort,
        "total": len(rows),
        "issued": sum(1 for r in rows if r.certificate is not None),
        "eligible": sum(1 for r in rows if r.eligibility.eligible and r.certificate is None),
    }


@register.inclusion_tag("certificates/_participant_panel.html", takes_context=True)
def own_certificates_panel(context):
    return {"rows": selectors.own_certificate_rows(context["user"])}
