"""The dashboard remembers a scope's figure rows per process, and gives a new answer at once when the
figures are counted again or the user's cohorts change (a funder changed without a recount)."""

import pytest
from django.urls import reverse

from courses.models import AttendanceRecord
from dashboard.services import figures_rebuild

pytestmark = pytest.mark.django_db



def totals(client):
    total = client.get(reverse("dashboard:index")).context["total"]
    return total.cohorts, total.enrolled, total.recorded_units


def test_a_recount_is_shown_at_once(client, world, jobcenter):
    client.force_login(jobcenter)
    before = totals(client)
    assert totals(client) == before  # remembered
    AttendanceRecord.objects.filter(session__cohort=world[0]).delete()
    assert totals(client) == before  # the stored figures are as of the last count
    figures_rebuild()
    assert totals(client)[2] == 0 and totals(client)[:2] == before[:2]


def test_a_changed_funder_changes_the_partners_view_without_a_recount(client, world, jobcenter):
    cohort, _people, other = world
    client.force_login(jobcenter)
    assert totals(client)[0] == 1
    other.funding_body = cohort.funding_body
    other.save()
    assert totals(client)[0] == 2
    other.funding_body = None
    other.save()
    assert totals(client)[0] == 1
