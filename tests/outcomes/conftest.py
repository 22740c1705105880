import datetime

import pytest
from django.utils import timezone

from courses.models import Cohort
from outcomes.models import Employer, Event, EventEmployer, EventParticipant
from outcomes.selectors import add_months
from tests.factories import EnrolmentFactory, ParticipantFactory


@pytest.fixture
def employer(organisation):
    return Employer.objects.create(organisation=organisation, name="AWO Kitas Dülmen", towns="Dülmen")


@pytest.fixture
def other_employer(other_organisation):
    return Employer.objects.create(organisation=other_organisation, name="Caritas Borken Kitas")


@pytest.fixture
def event(organisation, cohort):
    event = Event.objects.create(
        organisation=organisation,
        date=datetime.date.today() + datetime.timedelta(days=10),
        place="Kreishaus Coesfeld",
        start_time=datetime.time(10, 0),
        rounds=3,
        tables=4,
    )
    event.cohorts.add(cohort)
    return event


@pytest.fixture
def accepted_event(event, employer, enrolment, participant_user):
    """An event with three employers and three participants who all accepted."""
    organisation = event.organisation
    employers = [employer] + [
        Employer.objects.create(organisation=organisation, name=name) for name in ("Caritas Kitas", "Stadt Dülmen OGS")
    ]
    for e in employers:
        EventEmployer.objects.create(event=event, employer=e, status="accepted")
    people = [enrolment.participant] + [
        EnrolmentFactory(cohort=enrolment.cohort, participant=ParticipantFactory(organisation=organisation)).participant
        for _ in range(2)
    ]
    for p in people:
        EventParticipant.objects.create(event=event, participant=p, status="accepted")
    event.test_employers, event.test_people = employers, people
    return event


def issue_certificate(enrolment, by, number=1):
    from certificates.models import Certificate
    from certificates.samples import sample_snapshot

    return Certificate.objects.create(
        enrolment=enrolment,
        number=f"IB-2026-{number:04d}",
        year=2026,
        sequence=number,
        verification_code=f"7K3QH9M2XR4T{number:04d}",
        template_version=1,
        snapshot=sample_snapshot(),
        issued_at=timezone.now(),
        issued_by=by,
    )


@pytest.fixture
def finished(cohort, enrolment):
    """The fixture enrolment in a cohort that finished four months ago (its 0- and 3-month follow-ups due)."""
    today = datetime.date.today()
    Cohort.objects.filter(pk=cohort.pk).update(
        status="finished", start_date=add_months(today, -9), end_date=add_months(today, -4)
    )
    enrolment.cohort.refresh_from_db()
    return enrolment
