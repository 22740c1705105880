"""The supervisor's pending-hours page (``placements:pending_entries``): its rows, written by
core.html.pending."""

from django.utils.dates import WEEKDAYS_ABBR
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from core.dates import short_date, short_time
from core.html import join
from core.html.pending import entry_row, entry_words, overview_row, reject_form
from core.links import pk_link
from core.templatetags.ui import hours

from .progress import progress_bar


def entry_groups(placement_ids, entries, *, selected=(), back: str = "") -> list[dict]:
    """The entries grouped by placement in the order of ``placement_ids`` (the page's people), each group
    {name, facility, rows (safe HTML)}; a placement whose entries were all decided meanwhile is left out.

    ``entries`` come from ``selectors.pending_entries_of_placements`` (placement, facility and participant
    joined); ``selected`` are entry ids to show ticked again; ``back`` ("?page=N" or "") is added to the
    confirm and reject URLs so that a decision leads back to the page the supervisor was on.
    """
    words = entry_words(break_word=gettext("break"), confirm=gettext("Confirm"), reject=gettext("Reject"))
    weekdays = [str(WEEKDAYS_ABBR[day]) for day in range(7)]  # what the date filter's "D" shows
    confirm_url, reject_url = pk_link("placements:hour_entry_confirm"), pk_link("placements:hour_entry_reject")
    selected = set(selected)
    page = back.removeprefix("?page=") if back.startswith("?page=") else ""
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
            entry_row(
                pk=entry.pk,
                checked=entry.pk in selected,
                weekday=weekdays[entry.date.weekday()],
                date=short_date(entry.date),
                start=short_time(entry.start_time),
                end=short_time(entry.end_time),
                break_minutes=entry.break_minutes,
                work=hours(entry.work_minutes),
                activity=entry.activity,
                confirm_url=confirm_url(entry.pk) + back,
                words=words,
            )
        )
        group["forms"].append(reject_form(pk=entry.pk, reject_url=reject_url(entry.pk), page=page))
    shown = [group for group in groups.values() if group]
    for group in shown:
        group["rows"] = join(group["rows"])
        group["forms"] = join(group["forms"])
    return shown


def overview_rows(placements) -> SafeString:
    """The "Placements at your facilities" list: placements of ``selectors.supervisor_overview``."""
    detail_url = pk_link("placements:placement_detail")
    return join(
        overview_row(
            url=detail_url(placement.pk),
            name=placement.enrolment.participant.full_name,
            facility=placement.facility.name,
            start=short_date(placement.start_date),
            end=short_date(placement.end_date),
            bar=progress_bar(placement.confirmed_minutes, placement.pending_minutes, placement.planned_minutes),
        )
        for placement in placements
    )
