"""A name close to a known organisation's that the user confirms as new is created as a new organisation."""

import pytest
from django.urls import reverse

from courses.models import Cohort, PartnerOrganisation

from .test_cohort_views import _cohort_post


@pytest.mark.django_db
def test_confirmed_close_name_creates_the_organisation(client, staff, cohort):
    client.force_login(staff)
    response = client.post(
        reverse("courses:cohort_create"),
        _cohort_post(cohort, funding_body="Kreisjobcenter Coesfeld-Nord", new_organisation_confirmed="on"),
        follow=True,
    )
    created = Cohort.objects.get(number="2027-1")
    assert created.funding_body.name == "Kreisjobcenter Coesfeld-Nord"
    assert PartnerOrganisation.objects.count() == 2
    assert "New organisation created: Kreisjobcenter Coesfeld-Nord." in response.content.decode()


@pytest.mark.django_db
def test_confirmation_as_the_refused_form_sends_it_back(client, staff, cohort):
    client.force_login(staff)
    url = reverse("courses:cohort_create")
    refused = client.post(url, _cohort_post(cohort, funding_body="Kreisjobcenter Coesfeld-Nord"))
    assert refused.status_code == 200 and not Cohort.objects.filter(number="2027-1").exists()
    # The browser sends the ticked checkbox as "on", the unticked hidden one as "False".
    still_refused = client.post(
        url, _cohort_post(cohort, funding_body="Kreisjobcenter Coesfeld-Nord", new_organisation_confirmed="False")
    )
    assert still_refused.status_code == 200 and not Cohort.objects.filter(number="2027-1").exists()
    confirmed = client.post(
        url, _cohort_post(cohort, funding_body="Kreisjobcenter Coesfeld-Nord", new_organisation_confirmed="on")
    )
    assert confirmed.status_code == 302
    assert Cohort.objects.get(number="2027-1").funding_body.name == "Kreisjobcenter Coesfeld-Nord"
