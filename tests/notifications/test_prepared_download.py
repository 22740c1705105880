"""A large cohort's certificate ZIP is prepared in the background: the request queues it, the page shows the
progress, the link appears when it is ready, and only the person who asked may fetch it."""

import io
import zipfile

import pytest

from certificates import services as certificate_services
from notifications.models import DownloadStatus, PreparedDownload
from tests.certificates.factories import make_eligible

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(enrolment, supervisor, staff):
    make_eligible(enrolment, supervisor=supervisor)
    return certificate_services.certificate_issue(enrolment=enrolment, by=staff)


def test_staff_request_the_zip_and_fetch_it_when_ready(
    client, cohort, issued, staff, other_staff, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/benachrichtigungen/downloads/kohorte/{cohort.pk}/zertifikate/")
    download = PreparedDownload.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/benachrichtigungen/downloads/{download.pk}/"
    assert download.status == DownloadStatus.READY and (download.done, download.total) == (1, 1)
    page = client.get(response["Location"]).content.decode()
    assert f"/benachrichtigungen/downloads/{download.pk}/datei/" in page
    file = client.get(f"/benachrichtigungen/downloads/{download.pk}/datei/")
    assert file["Content-Type"] == "application/zip"
    assert "no-store" in file["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(file.content))
    assert archive.namelist() == [f"Certificate-{issued.number}.pdf"]  # in the language of the page that asked
    assert b"/ByteRange" in archive.read(archive.namelist()[0])  # signed like the streamed ZIP's PDFs
    client.force_login(other_staff)
    assert client.get(f"/benachrichtigungen/downloads/{download.pk}/datei/").status_code == 403


def test_progress_is_shown_and_polled_while_waiting(client, cohort, staff):
    download = PreparedDownload.objects.create(
        requested_by=staff, kind="cohort_certificates_zip", params={"cohort": cohort.pk}, title="ZIP", done=3, total=12
    )
    client.force_login(staff)
    page = client.get(f"/benachrichtigungen/downloads/{download.pk}/").content.decode()
    assert 'hx-trigger="every 2s"' in page and 'aria-valuenow="25"' in page
    fragment = client.get(f"/benachrichtigungen/downloads/{download.pk}/", headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode()


def test_other_organisations_staff_and_participants_cannot_request(
    client, cohort, issued, other_staff, participant_user
):
    for user in (other_staff, participant_user):
        client.force_login(user)
        assert client.post(f"/benachrichtigungen/downloads/kohorte/{cohort.pk}/zertifikate/").status_code == 403
    assert not PreparedDownload.objects.exists()


def test_the_button_appears_only_for_large_cohorts(client, cohort, issued, staff, settings):
    client.force_login(staff)
    settings.PREPARED_ZIP_THRESHOLD = 40
    assert "Prepare all certificates as ZIP" not in client.get(f"/kohorten/{cohort.pk}/").content.decode()
    settings.PREPARED_ZIP_THRESHOLD = 0
    assert "Prepare all certificates as ZIP" in client.get(f"/kohorten/{cohort.pk}/").content.decode()
