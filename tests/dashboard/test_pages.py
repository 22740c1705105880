"""The dashboard pages: staff see their organisation's sums (never another's), filtered and grouped;
each chart's SVG carries the numbers of the table under it."""

import re

import pytest
from django.urls import reverse

from dashboard.services import figures_rebuild

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted(world):
    figures_rebuild()
    return world


def _key_figures(response) -> dict[str, str]:
    return dict(response.context["figures"]) if "figures" in response.context else {}


def test_staff_see_their_organisations_sums_only(client, staff, counted):
    client.force_login(staff)
    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 200
    total = response.context["total"]
    # Six people of the own cohort; the other organisation's six are not added.
    assert (total.cohorts, total.enrolled, total.withdrawn, total.certificates) == (1, 6, 2, 2)
    assert total.outcome_rate == 50  # 2 in work or training of 4 due
    assert "Umzug" in response.content.decode()


def test_other_staff_see_nothing_of_it(client, other_staff, counted):
    client.force_login(other_staff)
    cohort, _people, other = counted
    total = client.get(reverse("dashboard:index")).context["total"]
    assert total.cohorts == 1 and total.enrolled == 6  # their own cohort only
    assert client.get(reverse("dashboard:cohort", args=[cohort.pk])).status_code == 403
    assert client.get(reverse("dashboard:cohort_chart", args=[cohort.pk, "weeks"])).status_code == 403


@pytest.mark.parametrize("role", ["supervisor", "participant_user"])
def test_supervisors_and_participants_are_refused(client, request, role, counted):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("dashboard:index")).status_code == 403
    assert client.get(reverse("dashboard:chart", args=["funnel"])).status_code == 403


def test_a_filter_outside_the_own_cohorts_is_refused(client, staff, counted):
    client.force_login(staff)
    _cohort, _people, other = counted
    response = client.get(reverse("dashboard:index"), {"site": other.site_id})
    assert "site" in response.context["filter"].errors
    assert response.context["total"].enrolled == 6  # still only the own cohort
    assert client.get(reverse("dashboard:index"), {"year": "1999"}).context["total"].cohorts == 1


def test_grouped_per_cohort_links_each_cohort(client, staff, counted):
    client.force_login(staff)
    cohort = counted[0]
    response = client.get(reverse("dashboard:index"), {"by": "cohort"})
    assert reverse("dashboard:cohort", args=[cohort.pk]) in response.content.decode()


def _svg_numbers(svg: str) -> list[str]:
    return [t for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


@pytest.mark.parametrize("key", ["funnel", "reasons", "outcomes", "modules"])
def test_each_chart_shows_the_numbers_of_its_table(client, staff, counted, key):
    client.force_login(staff)
    page = client.get(reverse("dashboard:index"))
    chart = next(chart for chart, _url in page.context["charts"] if chart.key == key)
    response = client.get(reverse("dashboard:chart", args=[key]))
    assert response["Content-Type"].startswith("image/svg+xml")
    texts = _svg_numbers(response.content.decode())
    for _label, values in chart.rows:
        assert values[0] in texts
    assert f"<title>{chart.title}</title>" in response.content.decode()


def test_the_cohort_page_shows_attendance_by_week(client, staff, counted):
    client.force_login(staff)
    cohort = counted[0]
    response = client.get(reverse("dashboard:cohort", args=[cohort.pk]))
    weeks = next(chart for chart, _url in response.context["charts"] if chart.key == "weeks")
    assert weeks.labels == ["1", "2", "3"]
    svg = client.get(reverse("dashboard:cohort_chart", args=[cohort.pk, "weeks"])).content.decode()
    for _label, values in weeks.rows:
        assert values[0] in _svg_numbers(svg)


def test_the_page_has_no_inline_style_or_script(client, staff, counted):
    client.force_login(staff)
    html = client.get(reverse("dashboard:index")).content.decode()
    assert 'style="' not in html and "<script>" not in html and "<svg" not in html
