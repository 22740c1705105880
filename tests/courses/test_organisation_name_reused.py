"""A funder or partner typed as a known organisation's name, in any case and spacing, is that organisation:
nothing new is created and nothing is asked."""

import pytest
from django.urls import reverse

from courses.models import Cohort, PartnerOrganisation

from .test_cohort_views import _cohort_post


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["Kreisjobcenter Coesfeld", "  KREISJOBCENTER   coesfeld "])
def test_known_name_in_any_case_reuses_the_organisation(client, staff, cohort, typed):
    jobcenter = cohort.funding_body  # Kreisjobcenter Coesfeld
    caritas = PartnerOrganisation.objects.create(name="Caritas")
    client.force_login(staff)
    response = client.post(
        reverse("courses:cohort_create"), _cohort_post(cohort, funding_body=typed, partners="caritas"), follow=True
    )
    created = Cohort.objects.get(number="2027-1")
    assert created.funding_body == jobcenter
    assert list(created.partners.all()) == [caritas]
    assert PartnerOrganisation.objects.count() == 2
    page = response.content.decode()
    assert "The cohort was created." in page and "New organisation" not in page
