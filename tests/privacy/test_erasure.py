"""Staff erase one person earlier, with a reason, after a page that shows what goes. Attendance and hours
stay as anonymous numbers; the certificate register keeps what verification needs."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from certificates.models import Certificate
from core.exceptions import DomainError
from courses.models import AttendanceCorrection, AttendanceRecord, Participant
from placements.models import ConductCertificateCheck, HourEntry, HourEntryEvent
from privacy import services
from privacy.models import Erasure, LoginRecord
from spreadsheets.models import ImportRecord

pytestmark = pytest.mark.django_db


def _erase_url(enrolment):
    return reverse("privacy:participant_erase", args=[enrolment.participant.pk])


def test_the_confirmation_page_shows_what_goes_and_what_stays(client, history, enrolment, staff):
    client.force_login(staff)
    response = client.get(_erase_url(enrolment))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "Contact data" in page and "Jobcenter customer number" in page
    assert "2 attendance notes" in page and "1 certificate-of-conduct record" in page
    assert "12 attendance records" in page and "10 hour entries" in page
    assert Participant.objects.get(pk=enrolment.participant.pk).family_name == "Yılmaz"


def test_staff_erase_with_a_reason(client, history, enrolment, staff, participant_user):
    participant = enrolment.participant
    units_before = sorted(AttendanceRecord.objects.filter(enrolment=enrolment).values_list("status", "attended_units"))
    client.force_login(staff)
    refused = client.post(_erase_url(enrolment), {"reason": " ", "confirm": "on"})
    assert refused.status_code == 200 and not Erasure.objects.exists()
    response = client.post(
        _erase_url(enrolment), {"reason": "Antrag nach Art. 17, keine Aufbewahrungspflicht", "confirm": "on"}
    )
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.given_name == "Anonymisiert" and participant.family_name == f"#{participant.pk}"
    assert participant.date_of_birth.year == 1900
    assert (participant.email, participant.phone, participant.address, participant.jobcenter_customer_number) == (
        "",
        "",
        "",
        "",
    )
    assert participant.user is None
    # The log-in is locked and nameless (hours point to it), its history gone.
    user = get_user_model().objects.get(pk=participant_user.pk)
    assert not user.is_active and not user.has_usable_password() and user.username.startswith("anonymisiert-")
    assert (user.first_name, user.last_name, user.email) == ("", "", "")
    assert not LoginRecord.objects.filter(user=user).exists()
    # Numbers stay, texts go.
    assert (
        sorted(AttendanceRecord.objects.filter(enrolment=enrolment).values_list("status", "attended_units"))
        == units_before
    )
    assert not AttendanceRecord.objects.filter(enrolment=enrolment).exclude(note="").exists()
    assert not AttendanceCorrection.objects.exclude(new_note="").exists()
    assert HourEntry.objects.filter(placement__enrolment=enrolment, activity="").count() == 10
    assert not HourEntryEvent.objects.exclude(note="").exists()
    assert not any("activity" in e.details for e in HourEntryEvent.objects.all())
    assert not ConductCertificateCheck.objects.exists()
    # The certificate register keeps number, status, programme and date, not the name (request, not retention).
    certificate = Certificate.objects.get(pk=history.pk)
    assert certificate.status == "valid" and certificate.number == history.number
    assert certificate.holder_name == "" and certificate.holder_erased == "request"
    assert certificate.snapshot["participant"]["date_of_birth"] == ""
    assert certificate.programme_title == history.programme_title
    preview = ImportRecord.objects.get().preview
    assert preview[0]["name"] == "" and preview[1]["name"] == "Kowalski, Łukasz"
    erasure = Erasure.objects.get()
    assert erasure.by == staff and not erasure.after_retention and "Art. 17" in erasure.reason
    # The public check page says what happened.
    check = client.get(reverse("certificates:verify_code", args=[certificate.verification_code])).content.decode()
    assert "data were erased." in check and "Yılmaz" not in check
    # A second erasure is refused with a message; the page says it was done.
    with pytest.raises(DomainError, match="already"):
        services.participant_erase(participant=participant, reason="again", by=staff)
    assert "were anonymised on" in client.get(_erase_url(enrolment)).content.decode()


def test_a_login_nothing_points_to_is_deleted(enrolment, participant_user, staff):
    services.participant_erase(participant=enrolment.participant, reason="Widerruf", by=staff)
    assert not get_user_model().objects.filter(pk=participant_user.pk).exists()


@pytest.mark.parametrize("who", ["other_staff", "supervisor", "participant_user", "other_participant_user"])
def test_only_staff_of_the_organisation_may_erase(client, history, enrolment, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(_erase_url(enrolment)).status_code in (403, 404)
    assert client.post(_erase_url(enrolment), {"reason": "x", "confirm": "on"}).status_code in (403, 404)
    assert not Erasure.objects.exists()
    assert Participant.objects.get(pk=enrolment.participant.pk).family_name == "Yılmaz"
