"""A Teilnahmebescheinigung's Open Badges credential names its kind and, like the paper, judges nothing."""

import pytest

from certificates.credentials import build_credential
from certificates.samples import sample_snapshot

from .test_credentials import schema_errors


@pytest.mark.parametrize(
    ("language", "label", "judgement"),
    [("de", "Teilnahmebescheinigung", "erfolgreich"), ("en", "Certificate of attendance", "successful")],
)
def test_an_attendance_credential_is_a_certificate_of_attendance_without_judgement(language, label, judgement):
    credential = build_credential(
        snapshot=sample_snapshot(language=language), organisation_id=1, status_index=3, kind="attendance"
    )
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "ext:CertificateOfAttendance"
    assert achievement["name"].startswith(label)
    assert judgement not in achievement["description"] and judgement not in credential["description"]
    assert "Anwesenheit" not in achievement["criteria"]["narrative"]
    assert schema_errors(credential) == []


def test_a_certificates_credential_still_says_successful():
    credential = build_credential(snapshot=sample_snapshot(language="de"), organisation_id=1, status_index=3)
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "Certificate"
    assert "erfolgreiche" in achievement["description"]
