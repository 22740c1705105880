"""The start page is chosen by rules (courses.view_*_home), not by the role field in the view; each role's
page is checked in tests/accounts/test_login_and_home.py."""

import pytest
from django.urls import NoReverseMatch, reverse

from accounts.models import Role
from tests.factories import UserFactory


@pytest.mark.django_db
def test_no_role_and_superuser(client, django_user_model):
    client.force_login(UserFactory(username="nobody", role=""))
    assert "home/no_role.html" in [t.name for t in client.get(reverse("home")).templates]
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org", "pass-word-123"))
    assert "home/staff.html" in [t.name for t in client.get(reverse("home")).templates]


@pytest.mark.django_db
def test_partner_start_page_names_organisation_and_its_cohorts(client, partner, cohort, other_cohort):
    other_cohort.funding_body = None
    other_cohort.save()
    client.force_login(partner)
    response = client.get(reverse("home"))
    page = response.content.decode()
    assert "Kreisjobcenter Coesfeld" in page
    assert list(response.context["report_cohorts"]) == [cohort]
    assert str(other_cohort) not in page
    # No link into the provider's pages: partners are refused there.
    assert reverse("courses:cohort_detail", args=[cohort.pk]) not in page


@pytest.mark.django_db
def test_partner_start_page_links_the_dashboard_only_when_it_exists(client, partner):
    client.force_login(partner)
    page = client.get(reverse("home")).content.decode()
    try:
        dashboard = reverse("dashboard:index")
    except NoReverseMatch:
        assert "Open the dashboard" not in page
    else:
        assert f'href="{dashboard}"' in page


@pytest.mark.django_db
def test_partner_without_organisation_is_told_so(client):
    client.force_login(UserFactory(username="lonely", role=Role.PARTNER))
    assert "not linked to a funding or partner organisation" in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_partner_start_page_in_german(german_client, partner, cohort):
    german_client.force_login(partner)
    page = german_client.get(reverse("home")).content.decode()
    assert "Die Maßnahmen Ihrer Organisation" in page and "1 Kurs" in page
