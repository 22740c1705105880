"""Many places at once (courses.services.enrolments_create_bulk, BulkEnrolment): the same rules, words and
locks as enrolment_create, one person after another."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.exceptions import DomainError
from courses import services
from courses.models import Enrolment, EnrolmentStatus

from ..factories import CohortFactory, EnrolmentFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def people(organisation, count):
    return [
        ParticipantFactory(organisation=organisation, given_name=f"P{i}", date_of_birth=datetime.date(1980, 1, i + 1))
        for i in range(count)
    ]


def refusal_one_by_one(cohort, person, staff) -> str:
    with pytest.raises(DomainError) as caught:
        services.enrolment_create(cohort=cohort, participant=person, by=staff)
    return str(caught.value)


def test_gives_places_up_to_the_capacity_in_the_given_order(cohort, organisation, staff):
    cohort.capacity = 3
    cohort.save()
    EnrolmentFactory(cohort=cohort)
    first, second, third = people(organisation, 3)
    refusals = services.enrolments_create_bulk(
        cohort=cohort, participants=[first, second, third], by=staff, enrolled_on=datetime.date(2026, 3, 2)
    )
    assert refusals == {third.pk: "The cohort is full: all 3 places are taken."}
    written = Enrolment.objects.filter(cohort=cohort, participant__in=[first, second])
    assert sorted(written.values_list("participant_id", "status", "enrolled_on", "created_by_id")) == [
        (first.pk, EnrolmentStatus.ACTIVE, datetime.date(2026, 3, 2), staff.pk),
        (second.pk, EnrolmentStatus.ACTIVE, datetime.date(2026, 3, 2), staff.pk),
    ]
    assert all(enrolment.created_at is not None for enrolment in written)
    assert refusals[third.pk] == refusal_one_by_one(cohort, third, staff)


def test_refuses_with_the_words_of_enrolment_create(cohort, organisation, other_organisation, staff):
    withdrawn = EnrolmentFactory(cohort=cohort)
    services.enrolment_withdraw(enrolment=withdrawn, on=datetime.date(2026, 2, 1), reason="Umzug", by=staff)
    overlapping = CohortFactory(programme=cohort.programme, site=cohort.site)
    busy = EnrolmentFactory(cohort=overlapping).participant
    stranger = ParticipantFactory(organisation=other_organisation)
    refused = [withdrawn.participant, busy, stranger]
    refusals = services.enrolments_create_bulk(cohort=cohort, participants=refused, by=staff)
    assert refusals == {person.pk: refusal_one_by_one(cohort, person, staff) for person in refused}
    assert "withdrew" in refusals[withdrawn.participant.pk] and "overlaps" in refusals[busy.pk]
    assert not Enrolment.objects.filter(cohort=cohort, status=EnrolmentStatus.ACTIVE).exists()


def test_someone_already_enrolled_keeps_the_place(cohort, staff):
    enrolment = EnrolmentFactory(cohort=cohort)
    assert services.enrolments_create_bulk(cohort=cohort, participants=[enrolment.participant], by=staff) == {}
    assert list(Enrolment.objects.filter(cohort=cohort).values_list("pk", flat=True)) == [enrolment.pk]


def test_an_entry_date_after_the_cohort_writes_nothing(cohort, organisation, staff):
    (person,) = people(organisation, 1)
    with pytest.raises(DomainError, match="cannot be after the end of the cohort"):
        services.enrolments_create_bulk(
            cohort=cohort, participants=[person], by=staff, enrolled_on=cohort.end_date + datetime.timedelta(days=1)
        )
    assert not Enrolment.objects.filter(cohort=cohort).exists()


def test_places_checked_without_locks_cannot_be_written(cohort, organisation, staff):
    (person,) = people(organisation, 1)
    places = services.BulkEnrolment(cohort=cohort, by=staff, lock=False)
    assert places.check(person) == ("new", "")
    with pytest.raises(RuntimeError):
        places.write()
    assert not Enrolment.objects.filter(cohort=cohort).exists()


@pytest.mark.skipif(not connection.features.has_select_for_update, reason="the database has no row locks")
def test_locks_the_cohort_and_then_the_people(cohort, organisation, staff):
    everyone = people(organisation, 2)
    with CaptureQueriesContext(connection) as queries:
        services.enrolments_create_bulk(cohort=cohort, participants=everyone, by=staff)
    locking = [q["sql"] for q in queries if "FOR UPDATE" in q["sql"]]
    assert len(locking) == 2
    assert '"courses_cohort"' in locking[0].split("WHERE")[0]
    assert locking[1].split("FROM")[1].lstrip().startswith('"courses_participant"')
    assert Enrolment.objects.filter(cohort=cohort).count() == 2
