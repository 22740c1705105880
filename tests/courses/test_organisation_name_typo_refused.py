"""A funder typed close to a known organisation's name ("Kreisjobcentr Coesfeld") is refused with the name
it most likely means, in the user's language, and nothing is saved: a second, misspelt organisation would
hide the cohort from the real Jobcenter's log-ins."""

import pytest
from django.urls import reverse

from courses.models import Cohort, PartnerOrganisation

from .test_cohort_views import _cohort_post


@pytest.mark.django_db
def test_close_typo_is_refused_with_the_suggestion_and_nothing_saved(german_client, staff, cohort):
    german_client.force_login(staff)
    response = german_client.post(
        reverse("courses:cohort_create"), _cohort_post(cohort, funding_body="Kreisjobcentr Coesfeld")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["funding_body"] == [
        "Meinten Sie „Kreisjobcenter Coesfeld“ statt „Kreisjobcentr Coesfeld“? "
        "Wenn es wirklich eine neue Organisation ist, bestätigen Sie das unten."
    ]
    page = response.content.decode()
    assert 'type="checkbox" name="new_organisation_confirmed"' in page
    assert "Neue Organisation anlegen" in page
    assert not Cohort.objects.filter(number="2027-1").exists()
    assert list(PartnerOrganisation.objects.values_list("name", flat=True)) == ["Kreisjobcenter Coesfeld"]


@pytest.mark.django_db
def test_umlaut_written_out_is_refused_on_editing_too(client, staff, cohort):
    PartnerOrganisation.objects.create(name="Stadt Dülmen")
    client.force_login(staff)
    response = client.post(
        reverse("courses:cohort_update", args=[cohort.pk]),
        _cohort_post(
            cohort, number=cohort.number, start_date="02.02.2026", end_date="26.06.2026", funding_body="Stadt Duelmen"
        ),
    )
    assert response.status_code == 200
    assert "Did you mean “Stadt Dülmen” rather than “Stadt Duelmen”?" in response.content.decode()
    cohort.refresh_from_db()
    assert cohort.funding_body.name == "Kreisjobcenter Coesfeld"
    assert not PartnerOrganisation.objects.filter(name="Stadt Duelmen").exists()


@pytest.mark.django_db
def test_without_a_close_name_the_confirmation_is_not_offered(client, staff, cohort):
    client.force_login(staff)
    page = client.get(reverse("courses:cohort_create")).content.decode()
    assert 'type="hidden" name="new_organisation_confirmed"' in page
    assert 'type="checkbox" name="new_organisation_confirmed"' not in page
