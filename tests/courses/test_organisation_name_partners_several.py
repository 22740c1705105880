"""In the partners field several names are checked each: a close one refuses the form (on that field, naming
it), the known and unrelated ones alongside it wait; once confirmed all are saved."""

import pytest
from django.urls import reverse

from courses.models import Cohort, PartnerOrganisation

from .test_cohort_views import _cohort_post


@pytest.mark.django_db
def test_one_close_name_among_several_partners_refuses_the_form(client, staff, cohort):
    PartnerOrganisation.objects.create(name="Kommunales Integrationszentrum Kreis Coesfeld")
    client.force_login(staff)
    partners = "Caritas Ahaus, Kommunales Integrationzentrum Kreis Coesfeld, kreisjobcenter coesfeld"
    url = reverse("courses:cohort_create")
    response = client.post(url, _cohort_post(cohort, partners=partners))
    assert response.status_code == 200
    assert response.context["form"].errors["partners"] == [
        "Did you mean “Kommunales Integrationszentrum Kreis Coesfeld” rather than "
        "“Kommunales Integrationzentrum Kreis Coesfeld”? If it really is a new organisation, confirm that below."
    ]
    assert "funding_body" not in response.context["form"].errors
    assert not Cohort.objects.filter(number="2027-1").exists()
    assert PartnerOrganisation.objects.count() == 2  # neither Caritas Ahaus nor the typo

    response = client.post(url, _cohort_post(cohort, partners=partners, new_organisation_confirmed="on"), follow=True)
    created = Cohort.objects.get(number="2027-1")
    assert created.partner_names == (
        "Caritas Ahaus, Kommunales Integrationzentrum Kreis Coesfeld, Kreisjobcenter Coesfeld"
    )
    assert (
        "New organisations created: Caritas Ahaus, Kommunales Integrationzentrum Kreis Coesfeld."
        in response.content.decode()
    )


@pytest.mark.django_db
def test_two_close_partners_are_both_named_in_one_message(client, staff, cohort):
    PartnerOrganisation.objects.create(name="Caritasverband Coesfeld")
    client.force_login(staff)
    response = client.post(
        reverse("courses:cohort_create"),
        _cohort_post(cohort, partners="Caritasverband Coesfld; Kreisjobcentr Coesfeld"),
    )
    assert response.context["form"].errors["partners"] == [
        "Did you mean “Caritasverband Coesfeld” rather than “Caritasverband Coesfld”? "
        "Did you mean “Kreisjobcenter Coesfeld” rather than “Kreisjobcentr Coesfeld”? "
        "If they really are new organisations, confirm that below."
    ]
    assert not Cohort.objects.filter(number="2027-1").exists()
