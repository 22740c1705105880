"""core.memo: reads are remembered only where a caller asks for it, on that object; a tuple of people."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from core.memo import reads_remembered, remember_reads
from courses import services
from courses.models import Cohort
from courses.selectors import cohort_people

from ..factories import EnrolmentFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def enrol_one_more(cohort, staff):
    person = ParticipantFactory(organisation=cohort.site.organisation, given_name="Zeynep")
    services.enrolment_create(cohort=cohort, participant=person, by=staff)


def test_without_asking_every_read_sees_the_last_write(cohort, staff):
    EnrolmentFactory(cohort=cohort)
    before = cohort_people(cohort)
    enrol_one_more(cohort, staff)
    assert isinstance(before, tuple)
    assert (len(before), len(cohort_people(cohort))) == (1, 2)


def test_a_page_that_only_shows_reads_the_people_once(cohort, staff):
    EnrolmentFactory(cohort=cohort)
    remember_reads(cohort, RequestFactory().get("/"))
    first = cohort_people(cohort)
    enrol_one_more(cohort, staff)
    with CaptureQueriesContext(connection) as queries:
        again = cohort_people(cohort)
    assert again is first and len(queries) == 0
    # Another object of the same cohort remembers nothing.
    assert len(cohort_people(Cohort.objects.get(pk=cohort.pk))) == 2


def test_a_post_that_writes_and_shows_the_page_again_sees_its_write(cohort, staff):
    EnrolmentFactory(cohort=cohort)
    remember_reads(cohort, RequestFactory().post("/"))
    assert len(cohort_people(cohort)) == 1
    enrol_one_more(cohort, staff)
    assert len(cohort_people(cohort)) == 2


def test_a_block_remembers_until_it_ends(cohort, staff):
    EnrolmentFactory(cohort=cohort)
    with reads_remembered(cohort):
        first = cohort_people(cohort)
        enrol_one_more(cohort, staff)
        assert cohort_people(cohort) is first
    assert len(cohort_people(cohort)) == 2


def test_a_block_keeps_what_the_page_remembers(cohort, staff):
    remember_reads(cohort, RequestFactory().head("/"))
    first = cohort_people(cohort)
    with reads_remembered(cohort):
        assert cohort_people(cohort) is first
    enrol_one_more(cohort, staff)
    assert cohort_people(cohort) is first
