"""Every dashboard page makes the same number of queries for 2 cohorts and for 8 (staff and partner), so
a whole Land's 4,000 cohorts cost no more queries than a pilot's (timings: bench/pages.py)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from dashboard.services import figures_rebuild

from ..factories import OrganisationFactory, UserFactory, staff_user
from .conftest import fill, finished_cohort

pytestmark = pytest.mark.django_db


def _world(size: int, tag: str):
    organisation = OrganisationFactory(name=f"Träger {tag}")
    staff = staff_user(organisation, username=f"staff-{tag}")
    cohorts = []
    for n in range(size):
        cohort = finished_cohort(organisation, months_ago=8 + n, measure_number=f"M-{tag}", number=f"{tag}-{n}")
        fill(cohort, staff)
        cohorts.append(cohort)
    partner = UserFactory(username=f"partner-{tag}", role=Role.PARTNER)
    for cohort in cohorts:
        cohort.partners.add(cohorts[0].funding_body)
    cohorts[0].funding_body.members.add(partner)
    figures_rebuild(cohort_ids=[c.pk for c in cohorts])
    return staff, partner, cohorts[0]


def _counts(user, cohort) -> dict[str, int]:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    urls = {
        "overview": reverse("dashboard:index"),
        "overview per cohort": reverse("dashboard:index") + "?by=cohort",
        "chart trend": reverse("dashboard:chart", args=["trend"]),
        "cohort": reverse("dashboard:cohort", args=[cohort.pk]),
        "cohort chart": reverse("dashboard:cohort_chart", args=[cohort.pk, "weeks"]),
        "quarterly report form": reverse("dashboard:quarterly_report"),
    }
    counts = {}
    for name, url in urls.items():
        client.get(url)  # first request warms the session
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[name] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_the_number_of_cohorts():
    small_staff, small_partner, small_cohort = _world(2, "S")
    large_staff, large_partner, large_cohort = _world(8, "L")
    assert _counts(small_staff, small_cohort) == _counts(large_staff, large_cohort)
    assert _counts(small_partner, small_cohort) == _counts(large_partner, large_cohort)
