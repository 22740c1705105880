"""Numbers are counted per prefix and year: changing CERTIFICATE_NUMBER_PREFIX starts a new series
instead of colliding with the old one (issue 16)."""

import pytest

from certificates import services
from certificates.models import Certificate
from tests.factories import EnrolmentFactory, ParticipantFactory

from .factories import make_eligible

pytestmark = pytest.mark.django_db


def test_a_new_prefix_starts_its_own_series(cohort, staff, supervisor, settings):
    people = [
        make_eligible(
            EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation)),
            supervisor=supervisor,
        )
        for _ in range(3)
    ]
    first = services.certificate_issue(enrolment=people[0], by=staff)
    settings.CERTIFICATE_NUMBER_PREFIX = "AWO"
    second = services.certificate_issue(enrolment=people[1], by=staff)
    year = first.year
    assert first.number == f"IB-{year}-0001" and first.prefix == "IB"
    assert second.number == f"AWO-{year}-0001" and second.prefix == "AWO"
    assert (second.year, second.sequence) == (first.year, first.sequence)  # same year and sequence, no clash
    settings.CERTIFICATE_NUMBER_PREFIX = "IB"
    third = services.certificate_issue(enrolment=people[2], by=staff)
    assert third.number == f"IB-{year}-0002"
    assert Certificate.objects.count() == 3


def test_the_same_prefix_year_and_sequence_twice_is_refused_by_the_database(eligible, staff):
    from django.db import IntegrityError, transaction

    certificate = services.certificate_issue(enrolment=eligible, by=staff)
    twin = Certificate.objects.get(pk=certificate.pk)
    twin.pk = None
    twin.number, twin.verification_code, twin.status = "X-1", "0" * 16, "superseded"
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
