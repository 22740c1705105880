"""Two requests at the same moment: exactly one certificate per person, and numbers without duplicates.
Needs real concurrent transactions, so it runs on PostgreSQL (SQLite serialises writers anyway)."""

import threading

import pytest
from django.db import connection, connections

from certificates import services
from certificates.models import Certificate, CertificateStatus
from core.exceptions import DomainError
from tests.factories import EnrolmentFactory, ParticipantFactory

from .factories import make_eligible

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent transactions (PostgreSQL)"),
]


def run_together(calls):
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def worker(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # noqa: BLE001 - the outcome is what the test checks
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_same_person_twice_at_once_gives_one_certificate(eligible, staff):
    outcomes = run_together([lambda: services.certificate_issue(enrolment=eligible, by=staff)] * 4)
    issued = [o for o in outcomes if isinstance(o, Certificate)]
    refused = [o for o in outcomes if isinstance(o, DomainError)]
    assert len(issued) == 1 and len(refused) == 3, outcomes
    assert Certificate.objects.filter(enrolment=eligible, status=CertificateStatus.VALID).count() == 1


def test_different_people_at_once_get_distinct_sequential_numbers(cohort, staff, supervisor):
    enrolments = [
        make_eligible(
            EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation)),
            supervisor=supervisor,
        )
        for _ in range(5)
    ]
    outcomes = run_together([lambda e=e: services.certificate_issue(enrolment=e, by=staff) for e in enrolments])
    assert all(isinstance(o, Certificate) for o in outcomes), outcomes
    sequences = sorted(o.sequence for o in outcomes)
    assert sequences == [1, 2, 3, 4, 5]
