from django import template

from notifications import selectors

register = template.Library()


@register.simple_tag
def unread_notifications(user) -> int:
    """One count query for the navigation."""
    return selectors.unread_count(user)


@register.filter
def isodate(value) -> str:
    """An ISO date kept in a notification's details, shown as DD.MM.YYYY."""
    import datetime

    from core.dates import short_date

    try:
        return short_date(datetime.date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


@register.simple_tag
def zip_is_prepared(cohort, kind: str = "certificate") -> bool:
    """True when the cohort's ZIP of that kind of document is prepared in the background instead of streamed
    (the rule is certificates.selectors.cohort_zip_is_streamed; one count query)."""
    from certificates.selectors import certificates_of_cohort, cohort_zip_is_streamed

    return not cohort_zip_is_streamed(certificates_of_cohort(cohort, kind).count())
