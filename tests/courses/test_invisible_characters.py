"""Names and other printed fields with direction controls or line breaks are refused, by form, service and import."""

import datetime

import pytest
from django.urls import reverse

from core.exceptions import DomainError
from courses import services
from courses.models import Participant
from spreadsheets import services as spreadsheet_services
from tests.spreadsheets.conftest import HEADER_DE, csv_bytes

pytestmark = pytest.mark.django_db
SPOOFED = "Anna\u202eztirF"  # shows as "AnnaFritz" reversed: a different name on the certificate


def test_participant_with_right_to_left_override_is_refused(organisation, staff):
    with pytest.raises(DomainError, match="writing direction"):
        services.participant_create(
            organisation=organisation, by=staff, given_name=SPOOFED, family_name="Muster",
            date_of_birth=datetime.date(1990, 1, 1),
        )
    assert not Participant.objects.filter(family_name="Muster").exists()


def test_participant_with_a_name_in_arabic_script_is_kept(organisation, staff):
    person = services.participant_create(
        organisation=organisation, by=staff, given_name="محمد", family_name="العلي",
        date_of_birth=datetime.date(1990, 1, 1),
    )
    assert person.full_name == "محمد العلي"


def test_edit_form_shows_the_message(client, staff, enrolment):
    client.force_login(staff)
    url = reverse("courses:participant_update", args=[enrolment.participant.pk])
    data = {"given_name": SPOOFED, "family_name": "Wróbel", "date_of_birth": "02.01.1988", "german_level": "B2",
            "jobcenter_customer_number": ""}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "writing direction" in response.content.decode()
    enrolment.participant.refresh_from_db()
    assert enrolment.participant.given_name != SPOOFED


def test_line_break_in_a_cohort_number_is_refused(cohort, staff):
    with pytest.raises(DomainError, match="one line"):
        services.cohort_update(cohort=cohort, by=staff, number="2026\r\n1")
    cohort.refresh_from_db()
    assert "\n" not in cohort.number
    assert services.cohort_update(cohort=cohort, by=staff, number="2026-7").number == "2026-7"


def test_import_row_with_a_direction_control_is_refused(cohort, staff):
    rows = [
        HEADER_DE,
        ["Muster", SPOOFED, "17.05.1990", "", "", "", ""],
        ["Yılmaz", "Savaş", "17.05.1991", "", "", "", ""],
    ]
    record = spreadsheet_services.import_upload(cohort=cohort, by=staff, file_name="l.csv", data=csv_bytes(rows))
    first, second = record.preview[0], record.preview[1]
    assert any("writing direction" in message for message in first["messages"])
    assert not second["messages"]
