import datetime

import pytest

from core.exceptions import DomainError
from courses import services
from courses.models import Cohort

from ..factories import CohortFactory, EnrolmentFactory, SiteFactory


@pytest.mark.django_db
def test_create_cohort(cohort, staff):
    created = services.cohort_create(
        programme=cohort.programme,
        site=cohort.site,
        by=staff,
        number="2027-1",
        start_date=datetime.date(2027, 2, 1),
        end_date=datetime.date(2027, 6, 30),
        capacity=15,
        status="planned",
    )
    assert created.pk and str(created).startswith(cohort.programme.title)


@pytest.mark.django_db
def test_create_refuses_end_before_start(cohort, staff):
    with pytest.raises(DomainError, match="end date must not be before"):
        services.cohort_create(
            programme=cohort.programme,
            site=cohort.site,
            by=staff,
            number="2027-1",
            start_date=datetime.date(2027, 6, 1),
            end_date=datetime.date(2027, 2, 1),
            capacity=15,
        )
    assert Cohort.objects.count() == 1


@pytest.mark.django_db
def test_create_refuses_site_of_other_organisation(cohort, other_organisation, staff):
    with pytest.raises(DomainError, match="site must belong"):
        services.cohort_create(
            programme=cohort.programme,
            site=SiteFactory(organisation=other_organisation),
            by=staff,
            number="2027-1",
            start_date=datetime.date(2027, 2, 1),
            end_date=datetime.date(2027, 6, 1),
            capacity=15,
        )


@pytest.mark.django_db
def test_capacity_cannot_drop_below_enrolled(cohort, staff):
    for _ in range(3):
        EnrolmentFactory(cohort=cohort)
    with pytest.raises(DomainError, match="already has 3 participants"):
        services.cohort_update(cohort=cohort, by=staff, capacity=2)
    cohort.refresh_from_db()
    assert cohort.capacity == 15


@pytest.mark.django_db
def test_new_dates_must_not_create_overlaps(organisation, staff):
    first = CohortFactory(
        programme__organisation=organisation,
        start_date=datetime.date(2026, 2, 1),
        end_date=datetime.date(2026, 5, 31),
    )
    second = CohortFactory(
        programme=first.programme,
        site=first.site,
        start_date=datetime.date(2026, 7, 1),
        end_date=datetime.date(2026, 11, 30),
    )
    enrolment = EnrolmentFactory(cohort=first)
    EnrolmentFactory(cohort=second, participant=enrolment.participant)
    with pytest.raises(DomainError, match="overlap"):
        services.cohort_update(cohort=first, by=staff, end_date=datetime.date(2026, 7, 15))
    first.refresh_from_db()
    assert first.end_date == datetime.date(2026, 5, 31)
