"""Dates as the pages and files show them."""

import datetime


def short_date(value: datetime.date | None) -> str:
    """DD.MM.YYYY, the SHORT_DATE_FORMAT of both languages (config/formats), or '' for no date. For long lists
    and files: strftime costs a twentieth of Django's date_format."""
    return value.strftime("%d.%m.%Y") if value else ""
