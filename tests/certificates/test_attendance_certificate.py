"""The Teilnahmebescheinigung: for everyone of a funded measure, confirming what was attended without
judging; it shares numbering, snapshot, verification and revocation with the Zertifikat but never looks
like it (issue 17.6)."""

import datetime
import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from certificates import services
from certificates.models import Certificate, CertificateStatus, DocumentKind
from certificates.pdf import AttendanceRendererV2, renderer_for
from certificates.selectors import documents_of_participant
from core.exceptions import DomainError
from courses import services as course_services
from courses.models import EnrolmentStatus
from tests.factories import EnrolmentFactory, ParticipantFactory

from .factories import attend, make_eligible

pytestmark = pytest.mark.django_db

LEFT_ON = datetime.date(2026, 4, 10)


def text_of(content: bytes) -> str:
    pages = PdfReader(io.BytesIO(content)).pages
    assert len(pages) == 1
    return pages[0].extract_text()


@pytest.fixture
def withdrawn(enrolment, staff, supervisor):
    attend(enrolment, "0.5")
    enrolment = course_services.enrolment_withdraw(enrolment=enrolment, on=LEFT_ON, reason="Umzug", by=staff)
    return enrolment


def test_issued_for_someone_who_withdrew(withdrawn, staff):
    document = services.attendance_issue(enrolment=withdrawn, by=staff)
    assert document.kind == DocumentKind.ATTENDANCE and document.status == CertificateStatus.VALID
    assert document.number == f"IB-{document.year}-0001"
    snapshot = document.snapshot
    assert snapshot["kind"] == "attendance" and snapshot["template_version"] == 2
    assert snapshot["attendance"] == {"from": "2026-02-02", "until": "2026-04-10", "left_on": "2026-04-10"}
    assert [m["attended_units"] for m in snapshot["modules"]] == ["20.0", "10.0"]
    withdrawn.refresh_from_db()
    assert withdrawn.status == EnrolmentStatus.WITHDRAWN  # judges nothing, changes nothing
    assert type(renderer_for(snapshot)) is AttendanceRendererV2
    with pytest.raises(DomainError, match="already has the Teilnahmebescheinigung"):
        services.attendance_issue(enrolment=withdrawn, by=staff)


def test_the_pdf_never_looks_like_the_zertifikat(withdrawn, staff):
    snapshot = services.attendance_issue(enrolment=withdrawn, by=staff).snapshot
    german = text_of(renderer_for(snapshot).render())
    for expected in [
        "Teilnahmebescheinigung",
        "Sie ist kein Zertifikat und enthält keine Bewertung.",
        "vom 02.02.2026 bis 10.04.2026",
        "Die Teilnahme endete vorzeitig am 10.04.2026.",
        "1. Bildungsgrundsätze",
        "20 von 40",
        "Teilnahmebescheinigung Nr. " + snapshot["number"],
    ]:
        assert expected in german, expected
    assert "erfolgreich" not in german and "Zertifikat Nr." not in german
    english = text_of(renderer_for(snapshot, "en").render())
    assert "Certificate of Attendance" in english and "Participation ended early on 10.04.2026." in english
    assert "successfully" not in english


def test_shares_the_number_series_and_is_revoked_like_a_certificate(withdrawn, staff, cohort, supervisor):
    other = make_eligible(
        EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation)),
        supervisor=supervisor,
    )
    certificate = services.certificate_issue(enrolment=other, by=staff)
    attendance = services.attendance_issue(enrolment=withdrawn, by=staff)
    assert attendance.sequence == certificate.sequence + 1
    services.certificate_revoke(certificate=attendance, reason="Falsches Austrittsdatum", by=staff)
    with pytest.raises(DomainError, match="was revoked"):
        services.attendance_issue(enrolment=withdrawn, by=staff)
    again = services.certificate_issue_again(certificate=attendance, reason="Datum korrigiert", by=staff)
    assert again.kind == DocumentKind.ATTENDANCE and again.supersedes == attendance


def test_on_request_also_for_a_certificate_holder(eligible, staff):
    certificate = services.certificate_issue(enrolment=eligible, by=staff)
    attendance = services.attendance_issue(enrolment=eligible, by=staff)
    assert {certificate.kind, attendance.kind} == {"certificate", "attendance"}  # one valid of each kind
    assert list(documents_of_participant(eligible.participant)) == [certificate, attendance]


def test_cohort_wide_at_its_end_for_everyone_without_the_zertifikat(cohort, eligible, staff, supervisor):
    withdrawn = EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation))
    course_services.enrolment_withdraw(enrolment=withdrawn, on=LEFT_ON, reason="Umzug", by=staff)
    behind = EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation))
    attend(behind, "0.5")
    holder = services.certificate_issue(enrolment=eligible, by=staff)
    result = services.attendance_issue_for_cohort(cohort=cohort, by=staff)
    assert sorted(d.enrolment_id for d in result.issued) == sorted([withdrawn.pk, behind.pk])
    reasons = {e.pk: reason for e, reason in result.not_issued}
    assert reasons == {eligible.pk: f"Has the certificate {holder.number}."}
    again = services.attendance_issue_for_cohort(cohort=cohort, by=staff)
    assert again.issued == [] and len(again.not_issued) == 3


def test_cohort_wide_refused_before_the_end(cohort, withdrawn, staff):
    cohort.end_date = timezone.localdate() + datetime.timedelta(days=3)
    cohort.save(update_fields=["end_date"])
    with pytest.raises(DomainError, match="can be issued together from"):
        services.attendance_issue_for_cohort(cohort=cohort, by=staff)
    assert not Certificate.objects.exists()
    services.attendance_issue(enrolment=withdrawn, by=staff)  # one person, on request: any time


def test_staff_pages_issue_and_zip(client, staff, cohort, withdrawn):
    client.force_login(staff)
    page = client.get(reverse("certificates:enrolment", kwargs={"pk": withdrawn.pk})).content.decode()
    assert reverse("certificates:issue_attendance", kwargs={"pk": withdrawn.pk}) in page
    response = client.post(reverse("certificates:issue_attendance", kwargs={"pk": withdrawn.pk}), {"language": "de"})
    document = Certificate.objects.get()
    assert response.url == reverse("certificates:detail", kwargs={"pk": document.pk})
    detail = client.get(response.url).content.decode()
    assert "Certificate of attendance" in detail
    response = client.post(
        reverse("certificates:cohort_issue_attendance", kwargs={"pk": cohort.pk}), {"language": "de"}
    )
    assert "Already has the Teilnahmebescheinigung" in response.content.decode()
    zipped = client.get(reverse("certificates:cohort_attendance_zip", kwargs={"pk": cohort.pk}))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(zipped.streaming_content)))
    assert archive.namelist() == [f"Teilnahmebescheinigung-{document.number}.pdf"]
    # The certificates' ZIP holds only certificates.
    assert client.get(reverse("certificates:cohort_zip", kwargs={"pk": cohort.pk})).status_code == 302


def test_verification_page_says_which_kind(client, withdrawn, staff):
    document = services.attendance_issue(enrolment=withdrawn, by=staff)
    text = client.get(
        reverse("certificates:verify_code", kwargs={"code": document.verification_code}), HTTP_ACCEPT_LANGUAGE="de"
    ).content.decode()
    assert "Teilnahmebescheinigung" in text and "Diese Teilnahmebescheinigung ist gültig." in text


def test_participant_downloads_own_but_cannot_issue(client, participant_user, withdrawn, staff):
    document = services.attendance_issue(enrolment=withdrawn, by=staff)
    client.force_login(participant_user)
    home = client.get(reverse("home")).content.decode()
    assert document.number in home
    response = client.get(reverse("certificates:download", kwargs={"pk": document.pk}) + "?download=1")
    assert response.status_code == 200
    assert "Teilnahmebescheinigung" in response["Content-Disposition"]
    services.certificate_revoke(certificate=document, reason="Fehler", by=staff)
    assert client.get(reverse("certificates:download", kwargs={"pk": document.pk})).status_code == 403


@pytest.mark.parametrize("role", ["supervisor", "participant_user", "other_staff"])
def test_issuing_refused(client, request, cohort, withdrawn, role):
    client.force_login(request.getfixturevalue(role))
    for url in (
        reverse("certificates:issue_attendance", kwargs={"pk": withdrawn.pk}),
        reverse("certificates:cohort_issue_attendance", kwargs={"pk": cohort.pk}),
    ):
        assert client.post(url, {"language": "de"}).status_code == 403
    assert client.get(reverse("certificates:cohort_attendance_zip", kwargs={"pk": cohort.pk})).status_code == 403
    assert not Certificate.objects.exists()
