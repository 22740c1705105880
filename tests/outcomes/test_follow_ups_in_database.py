"""follow_ups_due counts and picks in the database; it must list what walking every enrolment in Python
listed: the same follow-ups in the same order and the same total, also where month ends map several ends
onto one due day and for a small limit that cuts through people due on the same day."""

import datetime
import random

import pytest

from courses.models import CohortStatus, EnrolmentStatus
from outcomes.conf import follow_up_months
from outcomes.models import OutcomeRecord
from outcomes.selectors import add_months, follow_ups_due
from tests.factories import CohortFactory, EnrolmentFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 30)


def _walked(enrolments, limit):
    """The former implementation: every enrolment, every month, sorted in Python."""
    months = follow_up_months()
    oldest = add_months(TODAY, -(max(months) + 12))
    people = sorted(
        (
            e
            for e in enrolments
            if oldest <= e.cohort.end_date <= TODAY
            and e.status != EnrolmentStatus.WITHDRAWN
            and e.cohort.status != CohortStatus.PLANNED
        ),
        key=lambda e: (e.cohort.end_date, e.participant.name_key, e.pk),
    )
    answered = set(OutcomeRecord.objects.values_list("enrolment_id", "follow_up_month"))
    due = [
        (e.pk, month, add_months(e.cohort.end_date, month))
        for e in people
        for month in months
        if add_months(e.cohort.end_date, month) <= TODAY and (e.pk, month) not in answered
    ]
    names = {e.pk: e.participant.name_key for e in people}
    due.sort(key=lambda f: (f[2], names[f[0]]))
    return due[:limit], len(due)


@pytest.mark.parametrize("limit", [1, 3, 10, 100])
def test_the_database_lists_what_walking_every_enrolment_listed(staff, organisation, limit):
    rng = random.Random(limit)
    ends = [datetime.date(2026, 11, 30) - datetime.timedelta(days=d) for d in range(0, 560, 7)]
    ends += [datetime.date(2026, 8, 28), datetime.date(2026, 8, 29), datetime.date(2026, 8, 30)]
    ends += [datetime.date(2026, 8, 31), datetime.date(2026, 5, 31), datetime.date(2026, 5, 30)]
    enrolments = []
    for number, end in enumerate(rng.sample(ends, 40)):
        status = rng.choice([CohortStatus.FINISHED, CohortStatus.FINISHED, CohortStatus.RUNNING, CohortStatus.PLANNED])
        cohort = CohortFactory(
            programme__organisation=organisation, start_date=end - datetime.timedelta(days=100), end_date=end
        )
        cohort.status = status
        cohort.save()
        for person in range(rng.choice([1, 2, 3])):
            enrolment = EnrolmentFactory(
                cohort=cohort,
                participant=ParticipantFactory(organisation=organisation, family_name=rng.choice("ABC") + str(person)),
            )
            if rng.random() < 0.1:
                enrolment.status, enrolment.withdrawn_on, enrolment.withdrawal_reason = "withdrawn", end, "Umzug"
                enrolment.save()
            for month in follow_up_months():
                if rng.random() < 0.3:
                    OutcomeRecord.objects.create(
                        participant=enrolment.participant,
                        enrolment=enrolment,
                        follow_up_month=month,
                        date=add_months(end, month),
                        kind="unknown",
                    )
            enrolments.append(enrolment)
        assert number < 40
    due, total = follow_ups_due(staff, today=TODAY, limit=limit)
    assert ([(f.enrolment.pk, f.month, f.due) for f in due], total) == _walked(enrolments, limit)


def test_a_later_end_due_on_the_same_day_comes_first_by_name(staff, organisation, settings):
    """30.08. and 31.08. + 3 months are both 30.11.: by name, the later end is listed first."""
    settings.OUTCOMES_FOLLOW_UP_MONTHS = (3,)
    people = {}
    for end, name in ((datetime.date(2026, 8, 30), "Bauer"), (datetime.date(2026, 8, 31), "Arslan")):
        cohort = CohortFactory(
            programme__organisation=organisation, start_date=end - datetime.timedelta(days=100), end_date=end
        )
        cohort.status = CohortStatus.FINISHED
        cohort.save()
        people[name] = EnrolmentFactory(
            cohort=cohort, participant=ParticipantFactory(organisation=organisation, family_name=name)
        )
    due, total = follow_ups_due(staff, today=TODAY, limit=1)
    assert [f.enrolment for f in due] == [people["Arslan"]] and total == 2
