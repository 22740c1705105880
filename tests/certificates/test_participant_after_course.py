"""After the course the participant keeps their current certificate (download and start page) but no longer
opens the checklist; staff keep the checklist, and a revoked certificate stays out of the holder's reach."""

import pytest
from django.urls import reverse

from certificates import services
from tests.courses.after_course import ENDINGS, end_course

pytestmark = pytest.mark.django_db


def _eligibility_url(enrolment):
    return reverse("certificates:enrolment", kwargs={"pk": enrolment.pk})


def _download_url(certificate):
    return reverse("certificates:download", kwargs={"pk": certificate.pk})


def test_while_the_course_runs_the_participant_sees_the_checklist(client, enrolment, participant_user):
    client.force_login(participant_user)
    assert client.get(_eligibility_url(enrolment)).status_code == 200
    assert "requirements met so far" in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("how", ENDINGS)
def test_after_the_course_the_checklist_is_refused(client, enrolment, participant_user, staff, other_staff, how):
    ended = end_course(enrolment, how, by=staff)
    client.force_login(participant_user)
    assert client.get(_eligibility_url(ended)).status_code == 403
    client.force_login(staff)
    assert client.get(_eligibility_url(ended)).status_code == 200
    client.force_login(other_staff)
    assert client.get(_eligibility_url(ended)).status_code in (403, 404)


@pytest.mark.parametrize("how", ENDINGS)
def test_after_the_course_the_holder_still_downloads_the_certificate(
    client, eligible, participant_user, staff, other_participant_user, how
):
    certificate = services.certificate_issue(enrolment=eligible, by=staff)
    end_course(eligible, how, by=staff)
    client.force_login(participant_user)
    response = client.get(_download_url(certificate))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    client.force_login(other_participant_user)
    assert client.get(_download_url(certificate)).status_code in (403, 404)


@pytest.mark.parametrize("how", ["finished", "completed"])
def test_the_start_page_offers_the_download_after_the_course(client, eligible, participant_user, staff, how):
    certificate = services.certificate_issue(enrolment=eligible, by=staff)
    end_course(eligible, how, by=staff)
    client.force_login(participant_user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    text = response.content.decode()
    assert _download_url(certificate) in text
    assert "This course has ended." in text
    assert "requirements met so far" not in text


def test_a_finished_course_without_certificate_shows_no_checklist(client, enrolment, participant_user, staff):
    end_course(enrolment, "finished", by=staff)
    client.force_login(participant_user)
    text = client.get(reverse("home")).content.decode()
    assert "No certificate was issued for this course." in text
    assert "requirements met so far" not in text


def test_a_revoked_certificate_stays_out_of_reach_after_the_course(client, eligible, participant_user, staff):
    certificate = services.certificate_issue(enrolment=eligible, by=staff)
    services.certificate_revoke(certificate=certificate, reason="Falsche Angaben", by=staff)
    end_course(eligible, "finished", by=staff)
    client.force_login(participant_user)
    assert client.get(_download_url(certificate)).status_code == 403
