import datetime

import pytest
from django.db import IntegrityError, transaction

from courses.models import Enrolment, EnrolmentStatus

from ..factories import CohortFactory


@pytest.mark.django_db
def test_database_refuses_end_before_start(organisation):
    with pytest.raises(IntegrityError), transaction.atomic():
        CohortFactory(
            programme__organisation=organisation,
            start_date=datetime.date(2026, 5, 1),
            end_date=datetime.date(2026, 4, 1),
        )


@pytest.mark.django_db
def test_database_refuses_zero_capacity(organisation):
    with pytest.raises(IntegrityError), transaction.atomic():
        CohortFactory(programme__organisation=organisation, capacity=0)


@pytest.mark.django_db
def test_database_refuses_withdrawal_without_reason(enrolment):
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.filter(pk=enrolment.pk).update(
            status=EnrolmentStatus.WITHDRAWN, withdrawn_on=datetime.date(2026, 3, 1), withdrawal_reason=""
        )


@pytest.mark.django_db
def test_database_refuses_second_enrolment_in_same_cohort(enrolment):
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(cohort=enrolment.cohort, participant=enrolment.participant)


@pytest.mark.django_db
def test_module_minimum_falls_back_to_programme(cohort):
    module = cohort.programme.modules.first()
    assert module.effective_min_attendance_percent == 80
    module.min_attendance_percent = 90
    assert module.effective_min_attendance_percent == 90
