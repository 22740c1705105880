"""The matrix builds its progress cells in Python (``attendance_tables.progress_bar_html``) while a
participant's own pages draw the same bar with courses/attendance/_progress_bar.html: both must show the
same thing, in both languages, for every state."""

import re
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


def _normalised(html: str) -> str:
    # The template is indented over several lines; whitespace next to a tag does not show.
    return re.sub(r"\s*(<[^>]+>)\s*", r"\1", re.sub(r"\s+", " ", html)).strip()


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(("state", "changes"), CASES)
def test_matrix_cell_draws_what_the_progress_bar_template_draws(language, state, changes):
    progress = _progress(**changes)
    assert progress.state == state
    with translation.override(language):
        from_template = render_to_string("courses/attendance/_progress_bar.html", {"progress": progress})
        assert _normalised(progress_bar_html(progress)) == _normalised(from_template)


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
