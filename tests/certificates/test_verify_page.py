"""The public verification page: valid, revoked with date, superseded, not found, throttled."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from certificates import conf, services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def certificate(eligible, staff):
    return services.certificate_issue(enrolment=eligible, by=staff)


def by_code(client, code):
    return client.get(reverse("certificates:verify_code", kwargs={"code": code}))


def test_valid_by_qr_link_without_login(client, certificate):
    response = by_code(client, certificate.verification_code)
    assert response.status_code == 200
    text = response.content.decode()
    assert "This certificate is valid." in text
    assert certificate.holder_name in text
    assert certificate.programme_title in text
    assert certificate.number in text


def test_shows_nothing_else(client, certificate):
    text = by_code(client, certificate.verification_code).content.decode()
    snapshot = certificate.snapshot
    for private in ["09.03.1988", "17.05.1990", "Bildungsgrundsätze", "Kreisjobcenter", "Anna", "staff"]:
        assert private not in text.split("<main")[1], private
    assert snapshot["participant"]["date_of_birth"] not in text


def test_typed_number_and_code_tolerate_case_and_dashes(client, certificate):
    code = certificate.grouped_code.lower()
    response = client.get(reverse("certificates:verify"), {"number": certificate.number.lower(), "code": code})
    assert response.status_code == 200
    assert "This certificate is valid." in response.content.decode()


def test_wrong_number_with_right_code_is_not_found(client, certificate):
    response = client.get(
        reverse("certificates:verify"), {"number": "IB-2026-9999", "code": certificate.verification_code}
    )
    assert response.status_code == 404
    text = response.content.decode()
    assert "Not found" in text and certificate.holder_name not in text


def test_unknown_code_is_plain_not_found(client, certificate):
    response = by_code(client, "AAAAAAAAAAAAAAAA")
    assert response.status_code == 404
    assert "Not found. Please check the number and the code." in response.content.decode()


def test_revoked_shows_the_date(client, certificate, staff):
    services.certificate_revoke(certificate=certificate, reason="Secret internal reason", by=staff)
    certificate.refresh_from_db()
    text = by_code(client, certificate.verification_code).content.decode()
    # The day in Berlin: between 23:00 and 24:00 UTC it is already the next day there.
    assert f"This certificate was revoked on {timezone.localtime(certificate.revoked_at):%d.%m.%Y}" in text
    assert "Secret internal reason" not in text


def test_superseded(client, certificate, staff):
    services.certificate_reissue(certificate=certificate, reason="Name corrected", by=staff)
    text = by_code(client, certificate.verification_code).content.decode()
    assert "superseded" in text
    assert "Name corrected" not in text


def test_repeated_guessing_is_throttled(client, certificate, settings):
    for i in range(conf.verify_max_failures()):
        assert by_code(client, f"GUESS{i:011d}").status_code == 404
    blocked = by_code(client, certificate.verification_code)  # even the right code is refused now
    assert blocked.status_code == 429
    text = blocked.content.decode()
    assert "Too many attempts. Please try again in 15 minutes." in text
    assert certificate.holder_name not in text


def test_throttle_is_per_address(client, certificate):
    for i in range(conf.verify_max_failures()):
        client.get(reverse("certificates:verify_code", kwargs={"code": f"G{i}"}), REMOTE_ADDR="10.0.0.1")
    assert by_code(client, certificate.verification_code).status_code == 200  # from 127.0.0.1


def test_successful_lookups_are_not_counted(client, certificate):
    for _ in range(conf.verify_max_failures() + 2):
        assert by_code(client, certificate.verification_code).status_code == 200


def test_form_page_without_search(client):
    response = client.get(reverse("certificates:verify"))
    assert response.status_code == 200
    assert "Check a certificate" in response.content.decode()


def test_german_page(client, certificate):
    response = client.get(
        reverse("certificates:verify_code", kwargs={"code": certificate.verification_code}),
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert "Dieses Zertifikat ist gültig." in response.content.decode()


def test_superseded_names_its_successor_and_nothing_else(client, eligible, staff):
    old = services.certificate_issue(enrolment=eligible, by=staff)
    new = services.certificate_reissue(certificate=old, reason="Name korrigiert", by=staff)
    text = client.get(reverse("certificates:verify_code", kwargs={"code": old.verification_code})).content.decode()
    assert "superseded" in text and new.number in text
    assert new.verification_code not in text and new.grouped_code not in text
    valid = client.get(reverse("certificates:verify_code", kwargs={"code": new.verification_code})).content.decode()
    assert "This certificate is valid." in valid and "Certificate" in valid


def test_revoked_then_issued_again_does_not_name_the_new_one(client, eligible, staff):
    old = services.certificate_issue(enrolment=eligible, by=staff)
    services.certificate_revoke(certificate=old, reason="Fehler", by=staff)
    new = services.certificate_issue_again(certificate=old, reason="korrigiert", by=staff)
    text = client.get(reverse("certificates:verify_code", kwargs={"code": old.verification_code})).content.decode()
    assert "was revoked on" in text and new.number not in text
