"""Previews nobody confirms do not keep the Jobcenter's list for ever (DSGVO data minimisation): after
IMPORT_PREVIEW_RETENTION_DAYS the daily clean-up discards them with their file; the log keeps the record."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from spreadsheets import services
from spreadsheets.models import ImportRecord, ImportStatus

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def upload(cohort, staff, german_rows):
    def make(days_ago: int) -> ImportRecord:
        record = services.import_upload(cohort=cohort, by=staff, file_name="Liste.csv", data=csv_bytes(german_rows))
        assert record.status == ImportStatus.PREVIEWED
        ImportRecord.objects.filter(pk=record.pk).update(created_at=timezone.now() - datetime.timedelta(days=days_ago))
        return record

    return make


def test_old_previews_lose_their_file_and_rows(upload):
    old, recent = upload(8), upload(6)
    assert services.imports_purge_stale() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.status == ImportStatus.DISCARDED and bytes(old.file_data) == b"" and old.preview == []
    assert old.message == "Automatisch verworfen: nicht innerhalb von 7 Tagen bestätigt."
    assert (old.rows_total, old.file_name) == (3, "Liste.csv")  # the log still says what it was
    assert recent.status == ImportStatus.PREVIEWED and bytes(recent.file_data)


def test_confirmed_and_discarded_imports_are_left_alone(upload, staff):
    confirmed, discarded = upload(30), upload(30)
    services.import_confirm(record=confirmed, by=staff)
    services.import_discard(record=discarded, by=staff)
    assert services.imports_purge_stale() == 0
    confirmed.refresh_from_db()
    assert confirmed.status == ImportStatus.IMPORTED and confirmed.message == ""


@override_settings(IMPORT_PREVIEW_RETENTION_DAYS=2)
def test_the_period_is_a_setting_and_the_command_reports(upload):
    upload(3)
    out = io.StringIO()
    call_command("purge_stale_imports", stdout=out)
    assert "1 unconfirmed import preview(s) older than 2 days discarded." in out.getvalue()
    call_command("purge_stale_imports", stdout=out)  # again: nothing left to do
    assert "0 unconfirmed" in out.getvalue()


def test_the_import_page_tells_the_reason_as_information_not_as_an_error(client, upload, staff):
    old = upload(8)
    services.imports_purge_stale()
    client.force_login(staff)
    page = client.get(reverse("spreadsheets:import_detail", args=[old.pk])).content.decode()
    assert '<div class="alert alert-secondary" role="status">Automatisch verworfen' in page
    assert "alert-danger" not in page
