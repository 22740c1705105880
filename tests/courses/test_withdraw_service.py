import datetime

import pytest

from core.exceptions import DomainError
from courses import services
from courses.models import EnrolmentStatus


@pytest.mark.django_db
def test_withdraw_records_date_and_reason(enrolment, staff):
    services.enrolment_withdraw(enrolment=enrolment, on=datetime.date(2026, 3, 2), reason="Arbeitsaufnahme", by=staff)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.WITHDRAWN
    assert enrolment.withdrawn_on == datetime.date(2026, 3, 2)
    assert enrolment.withdrawal_reason == "Arbeitsaufnahme"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("on", "reason", "message"),
    [
        (datetime.date(2026, 3, 2), "   ", "reason"),
        (datetime.date(2025, 1, 1), "Umzug", "before the enrolment date"),
        (datetime.date(2999, 1, 1), "Umzug", "future"),
    ],
)
def test_withdraw_refuses_bad_input(enrolment, staff, on, reason, message):
    with pytest.raises(DomainError, match=message):
        services.enrolment_withdraw(enrolment=enrolment, on=on, reason=reason, by=staff)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE


@pytest.mark.django_db
def test_withdraw_twice_is_refused(enrolment, staff):
    services.enrolment_withdraw(enrolment=enrolment, on=datetime.date(2026, 3, 2), reason="Umzug", by=staff)
    with pytest.raises(DomainError, match="already been withdrawn"):
        services.enrolment_withdraw(enrolment=enrolment, on=datetime.date(2026, 3, 3), reason="Umzug", by=staff)
