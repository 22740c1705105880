"""Detail pages load their object once: the permission check and the page share it; refused users still get
no page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _reads_of_the_cohort(queries) -> int:
    return sum(1 for q in queries if q["sql"].startswith('SELECT "courses_cohort"."id"') and "WHERE" in q["sql"])


def test_cohort_page_reads_its_cohort_once(client, staff, cohort):
    client.force_login(staff)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("courses:cohort_detail", args=[cohort.pk]))
    assert response.status_code == 200
    assert response.context["cohort"] == cohort
    assert _reads_of_the_cohort(queries.captured_queries) == 1


@pytest.mark.parametrize("who", ["other_staff", "supervisor", "participant_user"])
def test_other_roles_are_still_refused(client, request, who, cohort):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("courses:cohort_detail", args=[cohort.pk])).status_code in (403, 404)
