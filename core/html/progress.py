"""One module's attendance progress bar with its state in words (twin: the template it replaced,
tests/core/test_html_progress.py). The attendance matrix draws one in every cell (docs/benchmarks.md), the
participant's own pages one per module."""

from django.utils.safestring import SafeString

from core.numbers import decimal_text

from . import escape

_BAR_CLASSES = {"met": "bg-success", "on_track": "bg-success", "at_risk": "bg-warning"}
_STATE_CLASSES = {"missed": "text-danger fw-semibold", "at_risk": "text-warning-emphasis fw-semibold"}
_BAR = (
    '<div class="d-flex align-items-center gap-2">'
    '<div class="progress flex-grow-1 progress-min" role="progressbar" aria-label="{title}"'
    ' aria-valuenow="{rounded}" aria-valuemin="0" aria-valuemax="100">'
    '<div class="progress-bar {bar_class} pct-{width}"></div></div>'
    '<span class="small text-nowrap">{rate} %</span></div>'
    '<div class="small {state_class}">{state} · {attended}/{planned} {units}{counts}</div>'
)


def module_progress_html(progress, *, words: dict) -> SafeString:
    """``progress`` is a ``courses.selectors.ModuleProgress``; ``words`` the translated state words (by state),
    "units" and "unrecorded" (with %(units)s). Only the title and the words need escaping, the rest are
    numbers (``core.numbers.decimal_text``: floatformat's general parsing was most of a cell's time)."""
    state = progress.state
    rate = progress.rate_percent
    absences = progress.absences
    counts = ""
    if absences["E"] or absences["K"] or absences["UE"]:
        counts = f" · E {absences['E']} K {absences['K']} UE {absences['UE']}"
    if progress.unrecorded_units:
        pending = escape(str(words["unrecorded"]) % {"units": decimal_text(progress.unrecorded_units, 1)})
        counts += f'<br><span class="text-muted">{pending}</span>'
    return SafeString(
        _BAR.format(
            title=escape(progress.title),
            rounded=decimal_text(rate, 0),
            bar_class=_BAR_CLASSES.get(state, "bg-danger"),
            width=min(100, max(0, round(rate))),
            rate=decimal_text(rate, 1),
            state_class=_STATE_CLASSES.get(state, "text-muted"),
            state=escape(words[state]),
            attended=decimal_text(progress.attended_units, 1),
            planned=progress.planned_units,
            units=escape(words["units"]),
            counts=counts,
        )
    )
