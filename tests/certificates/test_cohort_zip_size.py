"""A cohort's ZIP is streamed in the request only up to PREPARED_ZIP_THRESHOLD documents; above it, the
direct link gives way to "prepare" buttons and the streamed URL sends staff to them, for certificates and
Teilnahmebescheinigungen alike."""

import io
import zipfile

import pytest

from certificates import services as certificate_services
from certificates.models import DocumentKind
from notifications.models import DownloadStatus, PreparedDownload
from tests.certificates.factories import make_eligible

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(enrolment, supervisor, staff):
    make_eligible(enrolment, supervisor=supervisor)
    return certificate_services.certificate_issue(enrolment=enrolment, by=staff)


def test_small_cohorts_stream_their_zip(client, cohort, issued, staff, settings):
    settings.PREPARED_ZIP_THRESHOLD = 1
    client.force_login(staff)
    page = client.get(f"/kohorten/{cohort.pk}/").content.decode()
    assert f"/zertifikate/kohorte/{cohort.pk}/zip/" in page and "Prepare all certificates as ZIP" not in page
    response = client.get(f"/zertifikate/kohorte/{cohort.pk}/zip/")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"


def test_large_cohorts_get_the_prepared_zip_only(client, cohort, issued, staff, settings):
    settings.PREPARED_ZIP_THRESHOLD = 0
    client.force_login(staff)
    page = client.get(f"/kohorten/{cohort.pk}/").content.decode()
    assert f"/zertifikate/kohorte/{cohort.pk}/zip/" not in page and "Prepare all certificates as ZIP" in page
    overview = client.get(f"/zertifikate/kohorte/{cohort.pk}/").content.decode()
    assert f"/zertifikate/kohorte/{cohort.pk}/zip/" not in overview and "Prepare them on the cohort page." in overview
    response = client.get(f"/zertifikate/kohorte/{cohort.pk}/zip/", follow=True)
    assert response.redirect_chain == [(f"/kohorten/{cohort.pk}/", 302)]
    assert "the ZIP is prepared for you in the background" in response.content.decode()
    assert not PreparedDownload.objects.exists()


def test_large_cohorts_prepare_their_certificates_of_attendance(
    client, cohort, enrolment, staff, other_staff, settings, django_capture_on_commit_callbacks
):
    document = certificate_services.attendance_issue(enrolment=enrolment, by=staff)
    assert document.kind == DocumentKind.ATTENDANCE
    settings.PREPARED_ZIP_THRESHOLD = 0
    client.force_login(staff)
    page = client.get(f"/kohorten/{cohort.pk}/").content.decode()
    assert "Prepare all certificates of attendance as ZIP" in page
    assert f"/zertifikate/kohorte/{cohort.pk}/bescheinigungen/zip/" not in page
    url = f"/benachrichtigungen/downloads/kohorte/{cohort.pk}/teilnahmebescheinigungen/"
    client.force_login(other_staff)
    assert client.post(url).status_code == 403
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    download = PreparedDownload.objects.get()
    assert download.status == DownloadStatus.READY and download.params["kind"] == "attendance"
    assert download.file_name.startswith("Teilnahmebescheinigungen")
    archive = zipfile.ZipFile(io.BytesIO(bytes(download.data)))
    assert len(archive.namelist()) == 1 and document.number in archive.namelist()[0]
