"""Inclusion tags for the hooks on other apps' pages: each loads its data with one selector call."""

from django import template
from django.utils.translation import gettext_lazy as _

from .. import selectors

register = template.Library()

# What the participant can still do about a requirement that is not met, one sentence each (plain language,
# docs/languages.md). Keyed by the checklist item's code (certificates.eligibility), before any ":".
_NEXT_STEPS = {
    "enrolment": _("You left the course. The programme staff can give you a certificate of attendance instead."),
    "measure_over": _("You do not need to do anything: this is met when the course and your placement are over."),
    "attendance": _("Come to every session that is still planned, and bring a doctor's note when you are ill."),
    "placement_hours": _(
        "Enter your hours after each day of your placement and ask your supervisor to confirm them; if you have "
        "no placement yet, talk to the programme staff."
    ),
    "facility_type": _("Talk to the programme staff: your placement must be at a facility of an allowed type."),
    "prerequisites": _("Bring the missing documents to the programme staff."),
}


@register.filter
def next_step(item) -> str:
    """{{ item|next_step }}: one sentence on what the participant can still do about an unmet requirement."""
    return _NEXT_STEPS.get(item.code.split(":", 1)[0], "")


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
