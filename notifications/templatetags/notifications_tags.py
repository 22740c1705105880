from django import template

from notifications import selectors

from .. import conf

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
def zip_is_prepared(cohort) -> bool:
    """True when the cohort has more certificates than PREPARED_ZIP_THRESHOLD: its ZIP is then prepared in the
    background instead of streamed (one count query)."""

    from certificates.selectors import certificates_of_cohort

    return certificates_of_cohort(cohort).count() > conf.prepared_zip_threshold()
