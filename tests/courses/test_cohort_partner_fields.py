"""Staff name the cohort's funder and partners as text; they are kept as organisations that partner log-ins
belong to, and staff decide whether partners see names."""

import pytest
from django.urls import reverse

from courses.models import Cohort, PartnerOrganisation
from courses.partner_names import split_organisation_names

from .test_cohort_views import _cohort_post


def test_partner_text_is_split_on_commas_semicolons_and_und():
    assert split_organisation_names("KI Coesfeld; Caritas und Diakonie, Caritas\n AWO  Bocholt ") == [
        "KI Coesfeld",
        "Caritas",
        "Diakonie",
        "AWO Bocholt",
    ]
    assert split_organisation_names("") == []
    assert split_organisation_names("Kundenzentrum Ludwigshafen") == ["Kundenzentrum Ludwigshafen"]


@pytest.mark.django_db
def test_staff_name_funder_and_partners_and_reuse_known_organisations(client, staff, cohort):
    known = cohort.funding_body  # Kreisjobcenter Coesfeld
    client.force_login(staff)
    response = client.post(
        reverse("courses:cohort_create"),
        _cohort_post(
            cohort,
            funding_body="kreisjobcenter  coesfeld",
            partners="Kommunales Integrationszentrum Kreis Coesfeld, Caritas",
            names_visible_to_partners="on",
        ),
    )
    assert response.status_code == 302
    created = Cohort.objects.get(number="2027-1")
    assert created.funding_body == known
    assert created.partner_names == "Caritas, Kommunales Integrationszentrum Kreis Coesfeld"
    assert created.names_visible_to_partners is True
    assert PartnerOrganisation.objects.count() == 3


@pytest.mark.django_db
def test_edit_form_shows_the_names_and_can_clear_them(client, staff, cohort):
    cohort.partners.add(PartnerOrganisation.objects.create(name="KI Coesfeld"))
    client.force_login(staff)
    page = client.get(reverse("courses:cohort_update", args=[cohort.pk])).content.decode()
    assert 'value="Kreisjobcenter Coesfeld"' in page and 'value="KI Coesfeld"' in page
    assert 'name="names_visible_to_partners"' in page
    response = client.post(
        reverse("courses:cohort_update", args=[cohort.pk]),
        _cohort_post(cohort, number=cohort.number, start_date="02.02.2026", end_date="26.06.2026", funding_body=""),
    )
    assert response.status_code == 302
    cohort.refresh_from_db()
    assert cohort.funding_body is None and not cohort.partners.exists()
    assert cohort.names_visible_to_partners is False


@pytest.mark.django_db
def test_cohort_page_says_what_partners_see(client, staff, cohort):
    client.force_login(staff)
    page = client.get(reverse("courses:cohort_detail", args=[cohort.pk])).content.decode()
    assert "Kreisjobcenter Coesfeld" in page
    assert "customer numbers, not names" in page


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["other_staff", "partner"])
def test_only_the_providers_staff_switch_names_on(client, request, who, cohort):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("courses:cohort_detail", args=[cohort.pk])).status_code in (403, 404)
    response = client.post(
        reverse("courses:cohort_update", args=[cohort.pk]),
        _cohort_post(cohort, number=cohort.number, names_visible_to_partners="on"),
    )
    assert response.status_code in (403, 404)
    cohort.refresh_from_db()
    assert cohort.names_visible_to_partners is False
