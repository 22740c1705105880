"""What partner log-ins opened is not kept for ever: a record about a cohort goes once the cohort ended more
than its organisation's retention period ago and everyone of it is anonymised; a record of an overview
(no cohort, no person) goes with the log-in history."""

import datetime

import pytest
from django.utils import timezone

from courses.models import PartnerAccess
from courses.services import record_partner_access
from placements.models import Placement
from privacy.services import anonymise_expired

pytestmark = pytest.mark.django_db

END = datetime.date(2026, 6, 26)  # the fixture cohort's end; retention 10 years by default


def test_a_cohorts_records_stay_while_its_people_are_kept(enrolment, partner):
    record_partner_access(user=partner, action="cohort figures", cohort=enrolment.cohort)
    assert anonymise_expired(today=datetime.date(2036, 6, 26)) == (0, 0, 0)
    assert PartnerAccess.objects.count() == 1


def test_they_go_when_the_period_is_over_and_everyone_is_anonymised(enrolment, partner):
    record_partner_access(user=partner, action="cohort figures", cohort=enrolment.cohort)
    assert anonymise_expired(today=datetime.date(2036, 6, 27)) == (1, 0, 1)
    assert not PartnerAccess.objects.exists()
    assert anonymise_expired(today=datetime.date(2036, 6, 28)) == (0, 0, 0)


def test_a_person_whose_placement_ended_later_keeps_them(enrolment, partner, facility, supervisor):
    """Her measure ended with the placement, half a year after the cohort: her Art. 15 answer still needs
    the records of who opened her cohort."""
    Placement.objects.create(
        enrolment=enrolment,
        facility=facility,
        supervisor=supervisor,
        start_date=END,
        end_date=END + datetime.timedelta(days=180),
        planned_hours=90,
    )
    record_partner_access(user=partner, action="cohort figures", cohort=enrolment.cohort)
    assert anonymise_expired(today=datetime.date(2036, 6, 27)) == (0, 0, 0)
    assert PartnerAccess.objects.count() == 1
    assert anonymise_expired(today=datetime.date(2037, 1, 1)) == (1, 0, 1)
    assert not PartnerAccess.objects.exists()


def test_the_period_is_the_cohorts_organisations(enrolment, partner, organisation, other_cohort):
    organisation.retention_years = 3
    organisation.save()
    record_partner_access(user=partner, action="cohort figures", cohort=enrolment.cohort)
    record_partner_access(user=partner, action="cohort figures", cohort=other_cohort)  # another provider, 10 years
    anonymise_expired(today=datetime.date(2029, 6, 27))
    assert list(PartnerAccess.objects.values_list("cohort", flat=True)) == [other_cohort.pk]


def test_overviews_go_with_the_log_in_history(partner, settings):
    settings.PRIVACY_LOGIN_RECORD_DAYS = 180
    old = record_partner_access(user=partner, action="dashboard")
    PartnerAccess.objects.filter(pk=old.pk).update(at=timezone.now() - datetime.timedelta(days=181))
    recent = record_partner_access(user=partner, action="quarterly report", detail="Q3")
    assert anonymise_expired() == (0, 0, 1)
    assert list(PartnerAccess.objects.all()) == [recent]
