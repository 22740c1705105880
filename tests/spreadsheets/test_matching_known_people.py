"""Known people are updated, not recorded twice; empty cells keep what is known."""

import datetime

import pytest

from courses.models import Enrolment, Participant
from spreadsheets import services
from tests.factories import CohortFactory, ParticipantFactory

from .conftest import HEADER_DE, csv_bytes

pytestmark = pytest.mark.django_db


def _import(cohort, staff, rows, **kwargs):
    record = services.import_upload(cohort=cohort, by=staff, file_name="liste.csv", data=csv_bytes(rows))
    assert record.status == "previewed", record.message
    preview = record.preview
    return preview, services.import_confirm(record=record, by=staff, **kwargs)


def test_same_customer_number_updates_the_person(cohort, staff):
    known = ParticipantFactory(
        organisation=cohort.site.organisation, jobcenter_customer_number="362D1", phone="0251 1", german_level="A2"
    )
    rows = [HEADER_DE, ["Yılmaz", known.given_name, "17.05.1990", "362D1", "neu@example.org", "", "B1"]]
    preview, record = _import(cohort, staff, rows)
    assert preview[0]["status"] == "updated"
    assert preview[0]["changes"] == ["Email", "German level"]
    assert preview[0]["place"] == "new"
    known.refresh_from_db()
    assert (known.email, known.phone, known.german_level) == ("neu@example.org", "0251 1", "B1")
    assert Participant.objects.count() == 1
    assert Enrolment.objects.get().participant == known
    assert record.rows_updated == 1


def test_same_folded_name_and_date_of_birth_updates_the_person(cohort, staff):
    known = ParticipantFactory(organisation=cohort.site.organisation, given_name="Savaş", family_name="Yılmaz")
    rows = [HEADER_DE, ["YILMAZ", "Savas", "17.05.1990", "362D5", "", "", ""]]
    preview, _record = _import(cohort, staff, rows)
    assert preview[0]["status"] == "updated"
    known.refresh_from_db()
    assert known.jobcenter_customer_number == "362D5"
    assert Participant.objects.count() == 1


def test_people_of_another_organisation_are_never_matched(cohort, staff, other_organisation):
    ParticipantFactory(organisation=other_organisation, jobcenter_customer_number="362D1")
    rows = [HEADER_DE, ["Kaya", "Zeynep", "02.03.1991", "362D1", "", "", ""]]
    preview, _record = _import(cohort, staff, rows)
    assert preview[0]["status"] == "new"
    assert Participant.objects.filter(organisation=cohort.site.organisation).count() == 1


def test_importing_the_same_list_twice_changes_nothing(cohort, staff, german_rows):
    _import(cohort, staff, german_rows)
    preview, record = _import(cohort, staff, german_rows)
    assert {o["status"] for o in preview} == {"unchanged"}
    assert {o["place"] for o in preview} == {"has"}
    assert record.rows_unchanged == 3
    assert Participant.objects.count() == 3
    assert Enrolment.objects.count() == 3


def test_names_are_stored_cleanly_with_their_sort_key(cohort, staff):
    rows = [HEADER_DE, ["  Nguyễn   Thị ", "Lan", "02.03.1988", " 362D2 ", "", "", ""]]
    _import(cohort, staff, rows)
    person = Participant.objects.get()
    assert (person.family_name, person.name_key, person.jobcenter_customer_number) == (
        "Nguyễn Thị",
        "nguyen thi lan",
        "362D2",
    )
    assert person.date_of_birth == datetime.date(1988, 3, 2)


def test_an_import_without_a_cohort_place_conflict_in_another_cohort(organisation, cohort, staff):
    """Known people already active in an overlapping cohort are refused, as enrolment_create refuses them."""
    other = CohortFactory(programme=cohort.programme, site=cohort.site, number="2026-X")
    person = ParticipantFactory(organisation=organisation, jobcenter_customer_number="362D3")
    Enrolment.objects.create(cohort=other, participant=person)
    rows = [HEADER_DE, [person.family_name, person.given_name, "17.05.1990", "362D3", "", "", ""]]
    record = services.import_upload(cohort=cohort, by=staff, file_name="l.csv", data=csv_bytes(rows))
    assert record.preview[0]["status"] == "error"
    assert "overlaps with this cohort" in record.preview[0]["messages"][0]
