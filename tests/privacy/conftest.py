import pytest
from django.urls import reverse

from notifications.models import DownloadStatus, PreparedDownload

from .history import full_history, outcomes_history


@pytest.fixture
def history(enrolment, participant_user, staff, supervisor):
    """The fixture participant (with a log-in) and everything a finished course leaves behind."""
    return full_history(enrolment, staff=staff, supervisor=supervisor)


@pytest.fixture
def outcomes(history, enrolment, staff):
    """The history's speed-dating and Verbleib part (returns the 6-month follow-up answer)."""
    return outcomes_history(enrolment, staff=staff)


@pytest.fixture
def export(client, django_capture_on_commit_callbacks):
    """Ask for the export as the logged-in user, let the worker prepare it, and fetch the file."""

    def fetch(url):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url)
        assert response.status_code == 302, response
        download = PreparedDownload.objects.latest("pk")
        assert response["Location"] == reverse("notifications:download_detail", args=[download.pk])
        assert download.status == DownloadStatus.READY, download.error
        return client.get(reverse("notifications:download_file", args=[download.pk]))

    return fetch
