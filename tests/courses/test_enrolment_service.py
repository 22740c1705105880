import datetime

import pytest

from core.exceptions import DomainError
from courses import services
from courses.models import CohortStatus, Enrolment, EnrolmentStatus, Participant

from ..factories import CohortFactory, EnrolmentFactory, ParticipantFactory


@pytest.fixture
def person(organisation):
    return ParticipantFactory(organisation=organisation, given_name="Savaş", family_name="Yılmaz")


@pytest.mark.django_db
def test_enrol_gives_a_place(cohort, person, staff):
    enrolment = services.enrolment_create(cohort=cohort, participant=person, by=staff)
    assert enrolment.status == EnrolmentStatus.ACTIVE
    assert enrolment.created_by == staff


@pytest.mark.django_db
def test_duplicate_enrolment_is_refused(cohort, person, staff):
    services.enrolment_create(cohort=cohort, participant=person, by=staff)
    with pytest.raises(DomainError, match="already enrolled"):
        services.enrolment_create(cohort=cohort, participant=person, by=staff)
    assert Enrolment.objects.count() == 1


@pytest.mark.django_db
def test_full_cohort_refuses_more(organisation, staff):
    cohort = CohortFactory(programme__organisation=organisation, capacity=2)
    for _ in range(2):
        EnrolmentFactory(cohort=cohort)
    newcomer = ParticipantFactory(organisation=organisation)
    with pytest.raises(DomainError, match="full: all 2 places"):
        services.enrolment_create(cohort=cohort, participant=newcomer, by=staff)
    assert cohort.enrolments.count() == 2


@pytest.mark.django_db
def test_withdrawn_enrolments_free_their_place(organisation, staff):
    cohort = CohortFactory(programme__organisation=organisation, capacity=1)
    first = EnrolmentFactory(cohort=cohort)
    services.enrolment_withdraw(enrolment=first, on=datetime.date(2026, 2, 10), reason="Umzug", by=staff)
    services.enrolment_create(cohort=cohort, participant=ParticipantFactory(organisation=organisation), by=staff)
    assert cohort.enrolments.filter(status=EnrolmentStatus.ACTIVE).count() == 1


@pytest.mark.django_db
def test_active_in_overlapping_cohort_is_refused(organisation, person, staff):
    first = CohortFactory(
        programme__organisation=organisation,
        start_date=datetime.date(2026, 2, 1),
        end_date=datetime.date(2026, 6, 30),
    )
    second = CohortFactory(
        programme=first.programme,
        site=first.site,
        start_date=datetime.date(2026, 6, 1),
        end_date=datetime.date(2026, 10, 30),
    )
    services.enrolment_create(cohort=first, participant=person, by=staff)
    with pytest.raises(DomainError, match="overlaps"):
        services.enrolment_create(cohort=second, participant=person, by=staff)


@pytest.mark.django_db
def test_after_withdrawal_an_overlapping_cohort_is_allowed(organisation, person, staff):
    first = CohortFactory(programme__organisation=organisation)
    second = CohortFactory(programme=first.programme, site=first.site)
    enrolment = services.enrolment_create(
        cohort=first, participant=person, by=staff, enrolled_on=datetime.date(2026, 1, 20)
    )
    services.enrolment_withdraw(enrolment=enrolment, on=datetime.date(2026, 2, 3), reason="Krankheit", by=staff)
    services.enrolment_create(cohort=second, participant=person, by=staff)
    assert dict(Enrolment.objects.filter(participant=person).values_list("cohort_id", "status")) == {
        first.pk: EnrolmentStatus.WITHDRAWN,
        second.pk: EnrolmentStatus.ACTIVE,
    }


@pytest.mark.django_db
def test_finished_cohort_refuses_enrolment(organisation, person, staff):
    cohort = CohortFactory(programme__organisation=organisation, status=CohortStatus.FINISHED)
    with pytest.raises(DomainError, match="finished"):
        services.enrolment_create(cohort=cohort, participant=person, by=staff)


@pytest.mark.django_db
def test_participant_of_other_organisation_is_refused(cohort, other_organisation, staff):
    stranger = ParticipantFactory(organisation=other_organisation)
    with pytest.raises(DomainError, match="another organisation"):
        services.enrolment_create(cohort=cohort, participant=stranger, by=staff)


@pytest.mark.django_db
def test_create_and_enrol_saves_nobody_when_cohort_is_full(organisation, staff):
    cohort = CohortFactory(programme__organisation=organisation, capacity=1)
    EnrolmentFactory(cohort=cohort)
    before = Participant.objects.count()
    with pytest.raises(DomainError, match="full"):
        services.participant_create_and_enrol(
            cohort=cohort,
            by=staff,
            given_name="Olena",
            family_name="Kovalenko",
            date_of_birth=datetime.date(1985, 3, 2),
        )
    assert Participant.objects.count() == before


@pytest.mark.django_db
def test_same_name_and_birthday_is_the_same_person(organisation, staff):
    ParticipantFactory(
        organisation=organisation, given_name="Łukasz", family_name="Wróbel", date_of_birth=datetime.date(1988, 1, 2)
    )
    with pytest.raises(DomainError, match="already recorded"):
        services.participant_create(
            organisation=organisation,
            by=staff,
            given_name="Lukasz",
            family_name="Wrobel",
            date_of_birth=datetime.date(1988, 1, 2),
        )


@pytest.mark.django_db
def test_duplicate_customer_number_gets_a_message(organisation, staff):
    ParticipantFactory(organisation=organisation, jobcenter_customer_number="362D111111")
    with pytest.raises(DomainError, match="already has this Jobcenter customer number"):
        services.participant_create(
            organisation=organisation,
            by=staff,
            given_name="Amal",
            family_name="Al-Hassan",
            date_of_birth=datetime.date(1991, 4, 4),
            jobcenter_customer_number=" 362D111111 ",
        )
