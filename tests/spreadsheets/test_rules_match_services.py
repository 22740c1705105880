"""The import (through courses.services.BulkEnrolment) gives the same answers, with the same words, as
enrolment_create person by person: both ask courses.enrolment_rules."""

import datetime

import pytest

from core.exceptions import DomainError
from courses import services as course_services
from courses.models import CohortStatus, Enrolment, EnrolmentStatus
from spreadsheets import services
from tests.factories import CohortFactory, EnrolmentFactory, ParticipantFactory

from .conftest import HEADER_DE, csv_bytes

pytestmark = pytest.mark.django_db


def _row_of(person):
    return [person.family_name, person.given_name, person.date_of_birth.strftime("%d.%m.%Y"), "", "", "", ""]


def _import_message(cohort, staff, person) -> str:
    record = services.import_upload(
        cohort=cohort, by=staff, file_name="l.csv", data=csv_bytes([HEADER_DE, _row_of(person)])
    )
    if record.status == "rejected":
        return record.message
    return " ".join(record.preview[0]["messages"])


def _service_message(cohort, staff, person) -> str:
    with pytest.raises(DomainError) as caught:
        course_services.enrolment_create(cohort=cohort, participant=person, by=staff)
    return str(caught.value)


def test_full_cohort(cohort, staff):
    cohort.capacity = 1
    cohort.save()
    EnrolmentFactory(cohort=cohort)
    person = ParticipantFactory(organisation=cohort.site.organisation, given_name="Zeynep")
    assert _import_message(cohort, staff, person) == _service_message(cohort, staff, person)


def test_withdrawn_from_this_cohort(cohort, staff):
    enrolment = EnrolmentFactory(cohort=cohort)
    course_services.enrolment_withdraw(enrolment=enrolment, on=datetime.date(2026, 2, 1), reason="Umzug", by=staff)
    person = enrolment.participant
    assert _import_message(cohort, staff, person) == _service_message(cohort, staff, person)


def test_active_in_an_overlapping_cohort(cohort, staff):
    other = CohortFactory(programme=cohort.programme, site=cohort.site, start_date=datetime.date(2026, 5, 1))
    enrolment = EnrolmentFactory(cohort=other)
    person = enrolment.participant
    assert "overlaps" in _import_message(cohort, staff, person)
    assert _import_message(cohort, staff, person) == _service_message(cohort, staff, person)


def test_completed_enrolment_in_an_overlapping_cohort_is_no_clash(cohort, staff):
    other = CohortFactory(programme=cohort.programme, site=cohort.site)
    EnrolmentFactory(cohort=other, status=EnrolmentStatus.COMPLETED)
    person = Enrolment.objects.get(cohort=other).participant
    assert _import_message(cohort, staff, person) == ""
    course_services.enrolment_create(cohort=cohort, participant=person, by=staff)  # the service agrees


def test_finished_cohort(cohort, staff):
    cohort.status = CohortStatus.FINISHED
    cohort.save()
    person = ParticipantFactory(organisation=cohort.site.organisation)
    assert _import_message(cohort, staff, person) == _service_message(cohort, staff, person)


def test_turning_one_record_into_another_known_person(cohort, staff):
    organisation = cohort.site.organisation
    first = ParticipantFactory(organisation=organisation, given_name="Ayşe", jobcenter_customer_number="362D1")
    second = ParticipantFactory(organisation=organisation, given_name="Zeynep")
    # The row carries the first person's number but the second person's name and date of birth.
    row = [second.family_name, second.given_name, "17.05.1990", "362D1", "", "", ""]
    record = services.import_upload(cohort=cohort, by=staff, file_name="l.csv", data=csv_bytes([HEADER_DE, row]))
    with pytest.raises(DomainError) as caught:
        course_services.participant_update(participant=first, by=staff, given_name=second.given_name)
    assert record.preview[0]["messages"] == [str(caught.value)]


def test_capacity_gives_the_same_places_as_enrolling_one_by_one(cohort, staff):
    cohort.capacity = 4
    cohort.save()
    EnrolmentFactory(cohort=cohort)
    withdrawn = EnrolmentFactory(cohort=cohort)
    course_services.enrolment_withdraw(enrolment=withdrawn, on=datetime.date(2026, 2, 1), reason="Umzug", by=staff)
    people = [
        ParticipantFactory(
            organisation=cohort.site.organisation, given_name=f"P{i}", date_of_birth=datetime.date(1980, 1, i + 1)
        )
        for i in range(5)
    ]
    rows = [HEADER_DE] + [_row_of(p) for p in people]
    record = services.import_upload(cohort=cohort, by=staff, file_name="l.csv", data=csv_bytes(rows))
    import_accepts = [o["status"] != "error" for o in record.preview]
    service_accepts = []
    for person in people:
        try:
            course_services.enrolment_create(cohort=cohort, participant=person, by=staff)
            service_accepts.append(True)
        except DomainError:
            service_accepts.append(False)
    assert import_accepts == service_accepts == [True, True, True, False, False]


def test_the_confirmed_import_fills_exactly_the_free_places(cohort, staff):
    cohort.capacity = 2
    cohort.save()
    rows = [HEADER_DE] + [[f"N{i}", "T", f"0{i + 1}.01.1990", "", "", "", ""] for i in range(3)]
    record = services.import_upload(cohort=cohort, by=staff, file_name="l.csv", data=csv_bytes(rows))
    services.import_confirm(record=record, by=staff, valid_rows_only=True)
    assert cohort.enrolments.count() == 2


def test_a_place_taken_after_the_preview_refuses_the_whole_import(cohort, staff):
    cohort.capacity = 2
    cohort.save()
    rows = [HEADER_DE] + [[f"N{i}", "T", f"0{i + 1}.01.1990", "", "", "", ""] for i in range(2)]
    record = services.import_upload(cohort=cohort, by=staff, file_name="l.csv", data=csv_bytes(rows))
    EnrolmentFactory(cohort=cohort)  # someone enrols a person by hand meanwhile
    with pytest.raises(DomainError, match="Something changed since the preview"):
        services.import_confirm(record=record, by=staff, valid_rows_only=True)
    assert cohort.enrolments.count() == 1
