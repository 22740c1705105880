"""One module's attendance bar (``attendance_tables.progress_bar_html``), the only drawing of it: the matrix's
cells and the participant's own pages ({% attendance_progress %}) show it, in both languages, for every
state."""

from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from courses.attendance_tables import matrix_table, progress_bar_html
from courses.models import Enrolment, Participant
from courses.selectors import ModuleProgress


def _progress(**changes) -> ModuleProgress:
    values = {
        "module_id": 1,
        "position": 2,
        "title": "Kinderrechte & <Partizipation> „NRW“",
        "planned_units": 40,
        "held_units": Decimal("20.0"),
        "attended_units": Decimal("18.0"),
        "rate_percent": Decimal("45.0"),
        "minimum_percent": 80,
        "met": False,
        "absences": {"E": 0, "K": 0, "UE": 0},
    }
    values.update(changes)
    return ModuleProgress(**values)


CASES = [
    (
        "met",
        {
            "held_units": Decimal("40.0"),
            "attended_units": Decimal("35.0"),
            "rate_percent": Decimal("87.5"),
            "met": True,
        },
    ),
    ("met", {"attended_units": Decimal("41.0"), "rate_percent": Decimal("102.5"), "met": True}),
    ("on_track", {"held_units": Decimal("5.0"), "attended_units": Decimal("5.0"), "rate_percent": Decimal("12.5")}),
    (
        "at_risk",
        {
            "attended_units": Decimal("14.5"),
            "rate_percent": Decimal("36.3"),
            "absences": {"E": 1, "K": 0, "UE": 2},
        },
    ),
    (
        "missed",
        {
            "held_units": Decimal("30.0"),
            "attended_units": Decimal("20.0"),
            "rate_percent": Decimal("50.0"),
            "absences": {"E": 0, "K": 3, "UE": 0},
        },
    ),
    ("on_track", {"held_units": Decimal("0.0"), "attended_units": Decimal("0.0"), "rate_percent": Decimal("0.0")}),
]


WORDS = {
    "de": {
        "met": "Mindestanwesenheit erreicht",
        "on_track": "im Plan",
        "at_risk": "gefährdet",
        "missed": "Mindestanwesenheit nicht mehr erreichbar",
    },
    "en": {"met": "minimum met", "on_track": "on track", "at_risk": "at risk", "missed": "minimum no longer reachable"},
}
BAR = {"met": "bg-success", "on_track": "bg-success", "at_risk": "bg-warning", "missed": "bg-danger"}


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(("state", "changes"), CASES)
def test_bar_shows_the_state_in_colour_and_words(language, state, changes):
    progress = _progress(**changes)
    assert progress.state == state
    with translation.override(language):
        html = progress_bar_html(progress)
    width = min(round(progress.rate_percent), 100)
    assert f'class="progress-bar {BAR[state]} pct-{width}"' in html
    assert WORDS[language][state] in html
    separator = "," if language == "de" else "."
    unit = "UE" if language == "de" else "units"
    assert f"{progress.attended_units:.1f}".replace(".", separator) + f"/40 {unit}" in html
    assert ("E 1 K 0 UE 2" in html) == (progress.absences["UE"] == 2)
    assert "&lt;Partizipation&gt;" in html and "<Partizipation>" not in html


def test_participants_own_page_draws_the_matrix_bar():
    progress = _progress(attended_units=Decimal("14.5"), rate_percent=Decimal("36.3"))
    with translation.override("de"):
        page = render_to_string("courses/attendance/_progress_list.html", {"progress": [progress]})
        assert progress_bar_html(progress) in page


@pytest.mark.parametrize(
    ("withdrawn", "at_risk", "badge"),
    [(False, False, None), (False, True, "at risk"), (True, True, "withdrawn")],
)
def test_name_cell_links_the_persons_attendance_and_says_why_they_stand_out(withdrawn, at_risk, badge):
    enrolment = Enrolment(pk=7, participant=Participant(given_name="Thị Lan", family_name="Nguyễn <Đ>"))
    row = {"enrolment": enrolment, "progress": [], "at_risk": at_risk, "withdrawn": withdrawn}
    with translation.override("en"):
        html = matrix_table([row], modules=[]).render_name(row)
    assert html.startswith(
        f'<a href="{reverse("courses:enrolment_attendance", args=[7])}">Nguyễn &lt;Đ&gt;, Thị Lan</a>'
    )
    assert (f">{badge}</span>" in html) if badge else ("badge" not in html)
