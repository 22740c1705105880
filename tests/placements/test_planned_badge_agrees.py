"""A planned placement's badge and the sentence under it follow one rule: "waiting for prerequisites" only while
something is missing, "ready to start" next to "All prerequisites are recorded"."""

import pytest
from django.urls import reverse

from .conftest import complete_prerequisites

pytestmark = pytest.mark.django_db


def _pages(client, placement):
    detail = client.get(reverse("placements:placement_detail", args=[placement.pk]))
    cohort = client.get(reverse("courses:cohort_detail", args=[placement.enrolment.cohort_id]))
    return detail, cohort


def test_badge_says_waiting_only_while_something_is_missing(client, staff, placement):
    client.force_login(staff)
    for page in _pages(client, placement):
        text = page.content.decode()
        assert "waiting for prerequisites" in text and "ready to start" not in text

    complete_prerequisites(placement, staff)

    detail, cohort = (page.content.decode() for page in _pages(client, placement))
    assert "All prerequisites are recorded; the placement can start." in detail
    assert "ready to start" in detail and "waiting for prerequisites" not in detail
    assert "ready to start" in cohort and "waiting for prerequisites" not in cohort


def test_another_organisation_sees_no_badge(client, other_staff, placement):
    client.force_login(other_staff)
    response = client.get(reverse("placements:placement_detail", args=[placement.pk]))
    assert response.status_code in (403, 404)
