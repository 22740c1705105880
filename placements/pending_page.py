"""The supervisor's pending-hours page (``placements:pending_entries``): its rows built in Python.

A supervisor of several facilities can have hundreds of entries waiting (the bench supervisor ~300 at six
facilities). Per entry the template resolved some 25 variables, reversed two URLs and translated three words,
and per placement of the overview it included a progress-bar template with three ``{% blocktranslate %}``: about
three quarters of the page's time. Here the words are translated and the URLs reversed once per page
(``core.links.pk_link``), and each row is one string format.
"""

from django.utils.dates import WEEKDAYS_ABBR
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from core.dates import short_date, short_time
from core.links import pk_link
from core.templatetags.ui import hours

from .progress import progress_bar

# Everything put in unescaped is a number, a date or time formatted here, a URL of digits, or one of the words
# escaped once in entry_groups(); the activity, typed by the participant, is escaped per row.
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


def entry_groups(placement_ids, entries, *, selected=(), back: str = "") -> list[dict]:
    """The entries grouped by placement in the order of ``placement_ids`` (the page's people), each group
    {name, facility, rows (safe HTML)}; a placement whose entries were all decided meanwhile is left out.

    ``entries`` come from ``selectors.pending_entries_of_placements`` (placement, facility and participant
    joined); ``selected`` are entry ids to show ticked again; ``back`` ("?page=N" or "") is added to the
    confirm and reject URLs so that a decision leads back to the page the supervisor was on.
    """
    words = {
        "break_word": escape(gettext("break")),
        "confirm": escape(gettext("Confirm")),
        "reject": escape(gettext("Reject")),
    }
    weekdays = [escape(str(WEEKDAYS_ABBR[day])) for day in range(7)]  # what the date filter's "D" shows
    confirm_url, reject_url = pk_link("placements:hour_entry_confirm"), pk_link("placements:hour_entry_reject")
    selected = set(selected)
    back_field = ""
    if back.startswith("?page="):
        back_field = format_html('<input type="hidden" name="page" value="{}">', back.removeprefix("?page="))
    groups: dict[int, dict | None] = dict.fromkeys(placement_ids)
    for entry in entries:
        group = groups.get(entry.placement_id)
        if group is None:
            placement = entry.placement
            group = groups[entry.placement_id] = {
                "name": placement.enrolment.participant.full_name,
                "facility": placement.facility.name,
                "rows": [],
                "forms": [],
            }
        group["rows"].append(
            _ENTRY.format(
                pk=entry.pk,
                checked=" checked" if entry.pk in selected else "",
                weekday=weekdays[entry.date.weekday()],
                date=short_date(entry.date),
                start=short_time(entry.start_time),
                end=short_time(entry.end_time),
                break_minutes=entry.break_minutes,
                work=hours(entry.work_minutes),
                activity=_ACTIVITY.format(escape(entry.activity)) if entry.activity else "",
                confirm_url=confirm_url(entry.pk) + back,
                reject_url=reject_url(entry.pk) + back,
                **words,
            )
        )
        group["forms"].append(_REJECT_FORM.format(pk=entry.pk, reject_url=reject_url(entry.pk), back=back_field))
    shown = [group for group in groups.values() if group]
    for group in shown:
        group["rows"] = mark_safe("".join(group["rows"]))  # noqa: S308 - built from escaped parts, see _ENTRY
        group["forms"] = mark_safe("".join(group["forms"]))  # noqa: S308 - digits, a URL of digits, format_html
    return shown


def overview_rows(placements) -> SafeString:
    """The "Placements at your facilities" list: placements of ``selectors.supervisor_overview``."""
    detail_url = pk_link("placements:placement_detail")
    return mark_safe(  # noqa: S308 - every part is escaped by format_html
        "".join(
            format_html(
                '<div class="mb-3"><a href="{}" class="fw-semibold">{}</a>'
                ' <span class="small text-muted">{} · {} – {}</span>{}</div>',
                detail_url(placement.pk),
                placement.enrolment.participant.full_name,
                placement.facility.name,
                short_date(placement.start_date),
                short_date(placement.end_date),
                progress_bar(placement.confirmed_minutes, placement.pending_minutes, placement.planned_minutes),
            )
            for placement in placements
        )
    )
