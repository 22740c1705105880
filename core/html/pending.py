"""The rows of the supervisor's pending-hours page (``placements:pending_entries``; twin: the template it
replaced, tests/core/test_html_pending.py). A supervisor of several facilities can have hundreds of entries
waiting; per entry the template resolved some 25 variables, reversed two URLs and translated three words
(docs/benchmarks.md). Here the words are translated and escaped and the URLs reversed once per page, and each
row is one string format."""

from django.utils.safestring import SafeString

from . import escape, fill

# Everything put in unescaped is a number, a date or time formatted by core.dates, a URL of digits, or one of
# the words escaped once per page (``entry_words``); the activity, typed by the participant, is escaped per row.
_ENTRY = (
    '<li class="border-top py-2 d-flex flex-wrap align-items-center gap-2">'
    '<div class="form-check flex-grow-1 m-0">'
    '<input class="form-check-input check-large" type="checkbox" name="entry" value="{pk}" id="entry-{pk}"'
    "{checked}>"
    '<label class="form-check-label ms-2" for="entry-{pk}"><strong>{weekday} {date}</strong>, {start}–{end}'
    " ({break_word} {break_minutes} min) · <strong>{work} h</strong>{activity}</label></div>"
    '<div class="d-flex gap-2">'
    '<button class="btn btn-success btn-touch" type="submit" formaction="{confirm_url}">{confirm}'
    '<span class="visually-hidden"> {date}</span></button>'
    # Both are buttons of the same size side by side (a link styled as one sat lower on phones); "Reject"
    # opens the reason form through a small GET form of its own outside the page's form (see _REJECT_FORM),
    # so the ticked boxes and the CSRF token never end up in an address.
    '<button class="btn btn-outline-danger btn-touch" type="submit" form="reject-{pk}">{reject}'
    '<span class="visually-hidden"> {date}</span></button>'
    "</div></li>"
)
_REJECT_FORM = '<form id="reject-{pk}" method="get" action="{reject_url}" hidden>{back}</form>'
_ACTIVITY = '<span class="d-block small text-muted">{}</span>'
_OVERVIEW = (
    '<div class="mb-3"><a href="{url}" class="fw-semibold">{name}</a>'
    ' <span class="small text-muted">{facility} · {start} – {end}</span>{bar}</div>'
)


def entry_words(*, break_word: str, confirm: str, reject: str) -> dict:
    """The translated words of every row, escaped once per page."""
    return {"break_word": escape(break_word), "confirm": escape(confirm), "reject": escape(reject)}


def entry_row(*, checked: bool, weekday: str, activity: str, words: dict, **values) -> str:
    """One pending entry. ``words`` from ``entry_words``; ``values``: ``pk``, ``date``, ``start``, ``end`` (formatted
    by core.dates), ``break_minutes``, ``work`` (hours text) and ``confirm_url`` (digits and ``?page=N``)."""
    activity = _ACTIVITY.format(escape(activity)) if activity else ""
    checked = " checked" if checked else ""
    return _ENTRY.format(checked=checked, weekday=escape(weekday), activity=activity, **words, **values)


def reject_form(*, pk: int, reject_url: str, page: str = "") -> str:
    """The small GET form the row's "Reject" button submits; ``page`` the page number to come back to."""
    back = fill('<input type="hidden" name="page" value="{page}">', page=page) if page else ""
    return _REJECT_FORM.format(pk=pk, reject_url=reject_url, back=back)


def overview_row(*, url: str, name: str, facility: str, start: str, end: str, bar: SafeString) -> SafeString:
    """One placement of the "Placements at your facilities" list, with its (safe) progress bar."""
    return fill(_OVERVIEW, url=url, name=name, facility=facility, start=start, end=end, bar=bar)
