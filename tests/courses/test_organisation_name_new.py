"""A funder or partner name not close to any known organisation is created without asking, and the success
message says a new organisation was created, so that a misspelling is still noticed."""

import pytest
from django.urls import reverse

from courses.models import Cohort, PartnerOrganisation

from .test_cohort_views import _cohort_post


@pytest.mark.django_db
def test_unrelated_new_name_is_created_and_the_message_says_so(client, staff, cohort):
    client.force_login(staff)
    response = client.post(
        reverse("courses:cohort_create"), _cohort_post(cohort, funding_body="Jobcenter Kreis Borken"), follow=True
    )
    created = Cohort.objects.get(number="2027-1")
    assert created.funding_body == PartnerOrganisation.objects.get(name="Jobcenter Kreis Borken")
    page = response.content.decode()
    assert "The cohort was created. New organisation created: Jobcenter Kreis Borken." in page


@pytest.mark.django_db
def test_message_in_german_names_each_new_organisation(german_client, staff, cohort):
    german_client.force_login(staff)
    response = german_client.post(
        reverse("courses:cohort_update", args=[cohort.pk]),
        _cohort_post(
            cohort,
            number=cohort.number,
            start_date="02.02.2026",
            end_date="26.06.2026",
            partners="Diakonie Münster, Kreisjobcenter Coesfeld, Caritas Ahaus",
        ),
        follow=True,
    )
    cohort.refresh_from_db()
    assert cohort.partner_names == "Caritas Ahaus, Diakonie Münster, Kreisjobcenter Coesfeld"
    assert "Neue Organisationen angelegt: Diakonie Münster, Caritas Ahaus." in response.content.decode()
