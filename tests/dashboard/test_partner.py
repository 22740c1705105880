"""A partner (the Jobcenter funding a cohort) sees the figures of the cohorts it funds, across providers,
and nothing else; every page and export it opens is recorded. Staff are not recorded."""

import pytest
from django.urls import reverse

from courses.models import PartnerAccess

pytestmark = pytest.mark.django_db



def test_the_partner_sees_the_cohorts_it_funds_only(client, world, jobcenter):
    cohort, _people, other = world
    client.force_login(jobcenter)
    total = client.get(reverse("dashboard:index")).context["total"]
    assert (total.cohorts, total.enrolled) == (1, 6)
    assert client.get(reverse("dashboard:cohort", args=[cohort.pk])).status_code == 200
    assert client.get(reverse("dashboard:cohort", args=[other.pk])).status_code == 403


def test_what_the_partner_opens_is_recorded(client, world, jobcenter, staff):
    cohort = world[0]
    client.force_login(jobcenter)
    client.get(reverse("dashboard:index"))
    client.get(reverse("dashboard:cohort", args=[cohort.pk]))
    recorded = list(PartnerAccess.objects.order_by("pk").values_list("user__username", "action", "cohort_id"))
    assert recorded == [("jobcenter", "dashboard", None), ("jobcenter", "cohort figures", cohort.pk)]
    client.force_login(staff)
    client.get(reverse("dashboard:index"))
    assert PartnerAccess.objects.count() == 2


def test_the_partner_pages_hold_no_names(client, world, jobcenter):
    cohort, people, _other = world
    client.force_login(jobcenter)
    for url in (reverse("dashboard:index") + "?by=cohort", reverse("dashboard:cohort", args=[cohort.pk])):
        html = client.get(url).content.decode()
        assert all(e.participant.family_name not in html for e in people)
