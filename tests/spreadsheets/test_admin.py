"""The admin's import/export buttons for participants and facilities use the same resources."""

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import Participant
from placements.models import Facility
from spreadsheets.admin import FacilityImportExportAdmin, ParticipantImportExportAdmin
from spreadsheets.resources import FacilityResource, ParticipantResource

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db


def test_registered_admins_keep_the_original_classes():
    participant_admin = admin.site._registry[Participant]
    assert isinstance(participant_admin, ParticipantImportExportAdmin)
    assert participant_admin.resource_classes == [ParticipantResource]
    assert "jobcenter_customer_number" in participant_admin.list_display  # from courses' ParticipantAdmin
    assert isinstance(admin.site._registry[Facility], FacilityImportExportAdmin)
    assert admin.site._registry[Facility].resource_classes == [FacilityResource]


def test_admin_participant_import_with_german_headers(client, superuser, organisation):
    client.force_login(superuser)
    data = csv_bytes([["Nachname", "Vorname", "Geburtsdatum"], ["Kaya", "Zeynep", "02.03.1991"]], delimiter=",")
    response = client.post(
        reverse("admin:courses_participant_import"),
        {"import_file": SimpleUploadedFile("l.csv", data), "format": "0", "organisation": organisation.pk},
    )
    assert response.status_code == 200
    assert Participant.objects.count() == 0  # only the preview so far
    confirm = response.context["confirm_form"]
    response = client.post(reverse("admin:courses_participant_process_import"), confirm.initial)
    assert response.status_code == 302
    person = Participant.objects.get()
    assert (person.family_name, person.name_key, person.organisation) == ("Kaya", "kaya zeynep", organisation)


def test_admin_facility_export(client, superuser, facility):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:placements_facility_export"),
        {
            "format": "0",
            "export_items": [facility.pk],
            **{f"facilityresource_{f}": "on" for f in FacilityResource._meta.fields},
        },
    )
    assert response.status_code == 200
    assert facility.name in response.content.decode("utf-8-sig")
