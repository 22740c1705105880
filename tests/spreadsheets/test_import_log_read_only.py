"""Import records are the evidence of what was imported: the admin shows them, never changes or deletes them."""

import pytest
from django.urls import reverse

from spreadsheets import services
from spreadsheets.models import ImportRecord

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(cohort, staff):
    return services.import_upload(
        cohort=cohort, by=staff, file_name="liste.csv", data=csv_bytes([["Nachname", "Vorname", "Geburtsdatum"]])
    )


def test_superuser_can_view_but_not_change_or_delete(client, superuser, record):
    client.force_login(superuser)
    assert client.get(reverse("admin:spreadsheets_importrecord_changelist")).status_code == 200
    page = client.get(reverse("admin:spreadsheets_importrecord_change", args=[record.pk]))
    assert page.status_code == 200 and b'name="_save"' not in page.content
    assert (
        client.post(reverse("admin:spreadsheets_importrecord_delete", args=[record.pk]), {"post": "yes"}).status_code
        == 403
    )
    client.post(
        reverse("admin:spreadsheets_importrecord_changelist"),
        {"action": "delete_selected", "_selected_action": [record.pk], "post": "yes"},
    )
    client.post(reverse("admin:spreadsheets_importrecord_change", args=[record.pk]), {"file_name": "x.csv"})
    record.refresh_from_db()
    assert record.file_name == "liste.csv"
    assert ImportRecord.objects.count() == 1


def test_staff_without_admin_rights_do_not_see_them(client, staff, record):
    client.force_login(staff)
    response = client.get(reverse("admin:spreadsheets_importrecord_changelist"))
    assert response.status_code == 302
