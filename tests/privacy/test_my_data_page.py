"""The participant's "Ihre Daten" page: linked from their start page, explains the rights and the date of
anonymisation, offers the download."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_start_page_links_to_the_page_and_the_page_offers_the_download(client, history, participant_user):
    client.force_login(participant_user)
    home = client.get(reverse("home")).content.decode()
    assert reverse("privacy:my_data") in home
    response = client.get(reverse("privacy:my_data"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert reverse("privacy:my_export") in page
    # The cohort ends 26.06.2026; ten years later the data are anonymised.
    assert "26.06.2036" in page


@pytest.mark.parametrize("who", ["staff", "supervisor"])
def test_other_roles_have_no_such_page(client, history, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("privacy:my_data")).status_code in (403, 404)
