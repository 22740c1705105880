"""core.html.progress draws a module's progress bar exactly as its template twin below does (floatformat for
the numbers, the words escaped), in both languages and in every state."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

from courses.attendance_tables import progress_bar_html

TWIN = Template(
    '<div class="d-flex align-items-center gap-2"><div class="progress flex-grow-1 progress-min" role="progressbar"'
    ' aria-label="{{ p.title }}" aria-valuenow="{{ p.rate_percent|floatformat:0 }}" aria-valuemin="0"'
    ' aria-valuemax="100"><div class="progress-bar {{ bar }} pct-{{ width }}"></div></div>'
    '<span class="small text-nowrap">{{ p.rate_percent|floatformat:1 }} %</span></div>'
    '<div class="small {{ state_class }}">{{ state }} · {{ p.attended_units|floatformat:1 }}/{{ p.planned_units }}'
    " {{ units }}{% if p.absences.E or p.absences.K or p.absences.UE %} · E {{ p.absences.E }} K {{ p.absences.K }}"
    " UE {{ p.absences.UE }}{% endif %}{% if p.unrecorded_units %}<br><span class=\"text-muted\">{{ unrecorded }}"
    "</span>{% endif %}</div>"
)
BARS = {"met": "bg-success", "on_track": "bg-success", "at_risk": "bg-warning", "missed": "bg-danger"}
STATE_CLASSES = {"missed": "text-danger fw-semibold", "at_risk": "text-warning-emphasis fw-semibold"}
WORDS = {"met": "minimum met", "on_track": "on track", "at_risk": "at risk", "missed": "minimum no longer reachable"}


def progress(state, rate, unrecorded="0.0", absences=None):
    return SimpleNamespace(
        state=state,
        title="Kinderrechte & <Partizipation>",
        rate_percent=Decimal(rate),
        attended_units=Decimal("17.5"),
        planned_units=24,
        absences=absences or {"E": 0, "K": 0, "UE": 0},
        unrecorded_units=Decimal(unrecorded),
    )


def twin(p):
    from django.utils.translation import gettext

    context = {
        "p": p,
        "bar": BARS[p.state],
        "width": min(100, max(0, round(p.rate_percent))),
        "state_class": STATE_CLASSES.get(p.state, "text-muted"),
        "state": gettext(WORDS[p.state]),
        "units": gettext("units"),
        "unrecorded": gettext("%(units)s units not yet recorded")
        % {"units": Template("{{ u|floatformat:1 }}").render(Context({"u": p.unrecorded_units}))},
    }
    return TWIN.render(Context(context))


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize(
    "p",
    [
        progress("met", "92.5"),
        progress("on_track", "61.04", unrecorded="8.0"),
        progress("at_risk", "70.25", absences={"E": 1, "K": 2, "UE": 0}),
        progress("missed", "104.0", absences={"E": 0, "K": 0, "UE": 3}),
    ],
)
def test_the_bar_is_its_template_twin(language, p):
    with translation.override(language):
        assert progress_bar_html(p) == twin(p)
