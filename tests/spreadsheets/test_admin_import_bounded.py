"""The admin's import (superusers) reads uploads through the same bounded reader as the staff import: a hostile
file is refused with the reader's message before django-import-export parses it, and nothing is imported."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import Participant
from placements.models import Facility
from tests.core.test_bounded_spreadsheet_reader import xlsx_parts, xlsx_row

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db


def _far_right_xlsx() -> bytes:
    rows = "".join(xlsx_row(n, [("A", "Kaya"), ("XFD", "x")]) for n in range(1, 50))
    return xlsx_parts(f"<sheetData>{rows}</sheetData>")


@pytest.mark.parametrize("url", ["admin:courses_participant_import", "admin:placements_facility_import"])
def test_a_hostile_file_is_refused_before_it_is_parsed(client, superuser, organisation, url):
    client.force_login(superuser)
    upload = SimpleUploadedFile("liste.xlsx", _far_right_xlsx())
    response = client.post(reverse(url), {"import_file": upload, "format": "1", "organisation": organisation.pk})
    assert response.status_code == 200
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    assert "XFD" in response.content.decode()
    assert Participant.objects.count() == 0 and Facility.objects.count() == 0


def test_too_many_rows_are_refused_with_the_limit(client, superuser, organisation, settings):
    settings.SPREADSHEET_MAX_ROWS = 3
    client.force_login(superuser)
    rows = [["Nachname", "Vorname", "Geburtsdatum"]] + [["Kaya", f"Zeynep{n}", "02.03.1991"] for n in range(5)]
    upload = SimpleUploadedFile("l.csv", csv_bytes(rows, delimiter=","))
    data = {"import_file": upload, "format": "0", "organisation": organisation.pk}
    response = client.post(reverse("admin:courses_participant_import"), data)
    assert response.status_code == 200 and Participant.objects.count() == 0
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
