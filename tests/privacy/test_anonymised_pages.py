"""Erasure never breaks a page: the URL walk once more, with the world's person, enrolment and certificate
being the anonymised participant's, for staff and for the public."""

import pytest

from tests.test_url_access import ALL_NAMES, NOT_WALKED, access_problems, world  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["staff", "anonymous", "other_staff"])
def test_every_page_works_for_an_anonymised_person(client, world, role):  # noqa: F811
    world.participant = world.anonymised_participant
    world.enrolment = world.anonymised_enrolment
    world.certificate = world.anonymised_certificate
    names = [name for name in ALL_NAMES if name not in NOT_WALKED]
    wrong = access_problems(client, world, role, names)
    assert not wrong, "\n".join(wrong)


def test_the_anonymised_person_shows_without_their_name(client, world, staff):  # noqa: F811
    from django.urls import reverse

    client.force_login(staff)
    pages = [
        reverse("courses:participant_list"),
        reverse("courses:cohort_detail", args=[world.cohort.pk]),
        reverse("courses:participant_detail", args=[world.anonymised_participant.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200
        assert f"#{world.anonymised_participant.pk}" in response.content.decode()
