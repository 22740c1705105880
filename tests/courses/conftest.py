import datetime

import pytest
from django.utils import timezone

from courses.services import session_create


@pytest.fixture
def todays_session(cohort, staff):
    """A session of module 1 today, in a cohort running around today (the register may be kept)."""
    today = timezone.localdate()
    cohort.start_date, cohort.end_date = today - datetime.timedelta(days=30), today + datetime.timedelta(days=30)
    cohort.save()
    return session_create(
        cohort=cohort,
        module=cohort.programme.modules.get(position=1),
        date=today,
        start_time=datetime.time(9, 0),
        end_time=datetime.time(12, 0),
        units=4,
        by=staff,
    )
