"""A revocation stands: cohort issuing leaves the person out and says why; the overview and the
participant's page show it; issuing again is its own action with a reason, in the history (issue 17.1)."""

import pytest
from django.urls import reverse

from certificates import services
from certificates.models import Certificate, CertificateStatus
from certificates.selectors import cohort_certificate_counts

pytestmark = pytest.mark.django_db

REASON = "Stundennachweis fehlerhaft"


@pytest.fixture
def revoked(eligible, staff):
    certificate = services.certificate_issue(enrolment=eligible, by=staff)
    return services.certificate_revoke(certificate=certificate, reason=REASON, by=staff)


def test_cohort_issuing_leaves_a_revoked_person_out_with_the_reason(revoked, cohort, staff):
    result = services.certificates_issue_for_cohort(cohort=cohort, by=staff)
    assert result.issued == []
    ((enrolment, reason),) = result.not_issued
    assert enrolment.pk == revoked.enrolment_id
    assert revoked.number in reason and REASON in reason
    assert Certificate.objects.count() == 1
    counts = cohort_certificate_counts(cohort)
    assert counts["eligible"] == 0 and counts["revoked"] == 1 and counts["issued"] == 0


def test_overview_shows_revoked_with_reason_and_no_issue_button(client, staff, revoked, cohort):
    client.force_login(staff)
    text = client.get(reverse("certificates:cohort_overview", kwargs={"pk": cohort.pk})).content.decode()
    assert REASON in text and revoked.number in text
    assert reverse("certificates:issue", kwargs={"pk": revoked.enrolment_id}) not in text
    assert reverse("certificates:issue_again", kwargs={"pk": revoked.pk}) in text
    assert reverse("certificates:cohort_issue", kwargs={"pk": cohort.pk}) not in text  # nobody to issue to


def test_participant_page_says_revoked_not_that_staff_will_issue(client, participant_user, revoked):
    client.force_login(participant_user)
    text = client.get(reverse("home")).content.decode()
    assert f"Your certificate {revoked.number} was revoked" in text
    assert "will issue your certificate" not in text
    assert REASON not in text  # the reason is for staff


def test_staff_issue_again_with_a_reason_recorded_in_the_history(client, staff, revoked):
    client.force_login(staff)
    url = reverse("certificates:issue_again", kwargs={"pk": revoked.pk})
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "", "language": "de"})
    assert response.status_code == 200 and Certificate.objects.count() == 1
    response = client.post(url, {"reason": "Stunden jetzt bestätigt", "language": "de"})
    new = Certificate.objects.get(status=CertificateStatus.VALID)
    assert response.url == reverse("certificates:detail", kwargs={"pk": new.pk})
    assert new.supersedes_id == revoked.pk and new.correction_reason == "Stunden jetzt bestätigt"
    revoked.refresh_from_db()
    assert revoked.status == CertificateStatus.REVOKED
    history = client.get(reverse("certificates:enrolment", kwargs={"pk": new.enrolment_id})).content.decode()
    assert "Issued again after the revocation of" in history and "Stunden jetzt bestätigt" in history
    # A valid document cannot be "issued again".
    assert client.get(reverse("certificates:issue_again", kwargs={"pk": new.pk})).status_code == 403


@pytest.mark.parametrize("role", ["supervisor", "participant_user", "other_staff"])
def test_issue_again_refused(client, request, revoked, role):
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        reverse("certificates:issue_again", kwargs={"pk": revoked.pk}), {"reason": "x", "language": "de"}
    )
    assert response.status_code == 403
    assert Certificate.objects.count() == 1
