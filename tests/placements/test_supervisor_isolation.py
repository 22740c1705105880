"""A facility's supervisor page offers and links only its own organisation's supervisors; creating a login
with a taken user name does not reveal that the name exists."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Role
from core.exceptions import DomainError
from placements import services
from placements.forms import SupervisorLinkForm
from tests.factories import FacilityFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(organisation):
    """A supervisor of another facility of the same organisation."""
    user = UserFactory(username="kollegin", role=Role.SUPERVISOR)
    FacilityFactory(organisation=organisation).supervisors.add(user)
    return user


@pytest.fixture
def foreign(other_organisation):
    user = UserFactory(username="fremde-anleitung", role=Role.SUPERVISOR, last_name="Fremd")
    FacilityFactory(organisation=other_organisation).supervisors.add(user)
    return user


@pytest.fixture
def unlinked():
    return UserFactory(username="niemandes", role=Role.SUPERVISOR, last_name="Unverknüpft")


def test_only_own_organisations_supervisors_are_offered(client, staff, facility, colleague, foreign, unlinked):
    client.force_login(staff)
    page = client.get(reverse("placements:facility_supervisors", args=[facility.pk])).content.decode()
    assert "kollegin" in page
    assert "fremde-anleitung" not in page and "Fremd" not in page
    assert "niemandes" not in page
    form = SupervisorLinkForm(facility=facility, staff_user=staff)
    assert list(form.fields["user"].queryset) == [colleague]


def test_linking_a_foreign_supervisor_is_refused(client, staff, facility, foreign):
    client.force_login(staff)
    url = reverse("placements:facility_supervisor_link", args=[facility.pk])
    response = client.post(url, {"link-user": foreign.pk})
    assert response.status_code == 200
    assert not facility.supervisors.filter(pk=foreign.pk).exists()
    with pytest.raises(DomainError, match="one of the listed supervisors"):
        services.supervisor_link(facility=facility, user=foreign, by=staff)


def test_linking_a_colleague_works(client, staff, facility, colleague):
    client.force_login(staff)
    url = reverse("placements:facility_supervisor_link", args=[facility.pk])
    response = client.post(url, {"link-user": colleague.pk})
    assert response.status_code == 302
    assert facility.supervisors.filter(pk=colleague.pk).exists()


def _create(client, facility, username):
    return client.post(
        reverse("placements:facility_supervisor_create", args=[facility.pk]),
        {"new-first_name": "Petra", "new-last_name": "Hoffmann", "new-email": "p@example.org",
         "new-username": username, "new-delivery": "email"},
    )


def test_taken_user_name_is_not_revealed(client, german_client, staff, facility, foreign):
    client.force_login(staff)
    text = _create(client, facility, "FREMDE-ANLEITUNG").content.decode()
    assert "This user name cannot be used. Please choose another one." in text
    assert "already" not in text and "FREMDE-ANLEITUNG</" not in text
    german_client.force_login(staff)
    german = _create(german_client, facility, "fremde-anleitung").content.decode()
    assert "Dieser Benutzername kann nicht verwendet werden." in german
    assert get_user_model().objects.filter(last_name="Hoffmann").count() == 0


def test_creating_a_supervisor_with_a_free_name_works(client, staff, facility):
    client.force_login(staff)
    assert _create(client, facility, "petra.hoffmann").status_code == 302
    assert facility.supervisors.filter(username="petra.hoffmann").exists()
