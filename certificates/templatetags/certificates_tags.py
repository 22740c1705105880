"""Inclusion tags for the hooks on other apps' pages: each loads its data with one selector call."""

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("certificates/_cohort_panel.html", takes_context=True)
def cohort_certificates_panel(context, cohort):
    return {"user": context["user"], "cohort": cohort, **selectors.cohort_certificate_counts(cohort)}


@register.inclusion_tag("certificates/_participant_panel.html", takes_context=True)
def own_certificates_panel(context):
    return {"rows": selectors.own_certificate_rows(context["user"])}


@register.filter
def zip_is_streamed(document_count) -> bool:
    """``{% if issued|zip_is_streamed %}``: the direct ZIP link, or (above the threshold) the prepared one."""
    return selectors.cohort_zip_is_streamed(int(document_count or 0))
