"""Dates as the pages and files show them."""

import datetime

from django.utils.timezone import localtime


def short_date(value: datetime.date | None) -> str:
    """DD.MM.YYYY, the SHORT_DATE_FORMAT of both languages (config/formats), or '' for no date. For long lists
    and files: strftime costs a twentieth of Django's date_format."""
    return value.strftime("%d.%m.%Y") if value else ""


def short_time(value: datetime.time | datetime.datetime | None) -> str:
    """HH:MM, the TIME_FORMAT of both languages, or '' for no time."""
    return value.strftime("%H:%M") if value is not None else ""


def short_datetime(value: datetime.datetime | None) -> str:
    """DD.MM.YYYY HH:MM in the local time zone (Europe/Berlin), the SHORT_DATETIME_FORMAT of both languages,
    or '' for no moment."""
    return localtime(value).strftime("%d.%m.%Y %H:%M") if value else ""
