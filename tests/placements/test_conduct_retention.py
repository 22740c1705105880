"""§72a facts are deleted three months after the placement ends, or at once if the person does not start."""

import datetime

import pytest
from django.core.management import call_command

from core.exceptions import DomainError
from placements import services
from placements.models import ConductCertificateCheck, Placement, PlacementStatus
from placements.selectors import placement_summary_of_enrolment

from .conftest import complete_prerequisites, log

pytestmark = pytest.mark.django_db


def test_purge_waits_three_months_after_the_end(active_placement):
    end = active_placement.end_date
    just_before = end + datetime.timedelta(days=88)
    assert services.conduct_checks_purge(today=just_before) == 0
    assert ConductCertificateCheck.objects.filter(placement=active_placement).exists()
    later = end + datetime.timedelta(days=95)
    assert services.conduct_checks_purge(today=later) == 1
    assert not ConductCertificateCheck.objects.filter(placement=active_placement).exists()
    active_placement.refresh_from_db()
    assert active_placement.conduct_check_deleted_at is not None
    # Safe to run again the next day.
    assert services.conduct_checks_purge(today=later + datetime.timedelta(days=1)) == 0


def test_purge_keeps_the_other_facts_and_the_started_placement_stays_complete(active_placement, participant_user):
    log(active_placement, participant_user)
    services.conduct_checks_purge(today=active_placement.end_date + datetime.timedelta(days=120))
    active_placement.refresh_from_db()
    assert active_placement.measles_proof_seen_at is not None
    assert active_placement.infection_instruction_date is not None
    assert active_placement.hour_entries.count() == 1
    assert placement_summary_of_enrolment(active_placement.enrolment).prerequisites_complete is True


def test_not_starting_deletes_the_conduct_facts_at_once(placement, staff):
    complete_prerequisites(placement, staff)
    services.placement_cancel(placement=placement, reason="Hat eine Arbeitsstelle gefunden", by=staff)
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.CANCELLED
    assert not ConductCertificateCheck.objects.filter(placement=placement).exists()
    assert placement.conduct_check_deleted_at is not None
    # It never started, so the deleted facts do not count as a complete check (model and bulk read agree).
    assert not placement.conduct_facts_deleted_after_start
    missing = placement_summary_of_enrolment(placement.enrolment).missing_prerequisites
    assert any("§72a" in sentence for sentence in missing)


def test_cancel_needs_a_reason_and_no_hours(active_placement, staff, participant_user):
    with pytest.raises(DomainError, match="reason"):
        services.placement_cancel(placement=active_placement, reason=" ", by=staff)
    log(active_placement, participant_user)
    with pytest.raises(DomainError, match="has started"):
        services.placement_cancel(placement=active_placement, reason="x", by=staff)
    assert ConductCertificateCheck.objects.filter(placement=active_placement).exists()


def test_purge_command_runs_and_reports(active_placement, capsys):
    Placement.objects.filter(pk=active_placement.pk).update(
        start_date=datetime.date(2020, 1, 6), end_date=datetime.date(2020, 2, 28)
    )
    call_command("purge_conduct_certificates")
    assert "1 certificate-of-conduct record(s) deleted." in capsys.readouterr().out
    call_command("purge_conduct_certificates")
    assert "0 certificate-of-conduct record(s) deleted." in capsys.readouterr().out


def test_purge_setting_is_configurable(active_placement, settings):
    settings.PLACEMENT_CONDUCT_RETENTION_MONTHS = 1
    assert services.conduct_checks_purge(today=active_placement.end_date + datetime.timedelta(days=40)) == 1


def test_withdrawal_starts_the_clock_not_the_planned_end(active_placement, participant_user, staff):
    from courses.services import enrolment_withdraw

    log(active_placement, participant_user)
    left = active_placement.start_date + datetime.timedelta(days=5)
    enrolment_withdraw(enrolment=active_placement.enrolment, on=left, reason="Umzug", by=staff)
    # Three months after leaving, the planned end is still weeks ahead: the facts go anyway.
    day = left + datetime.timedelta(days=95)
    assert day < active_placement.end_date + datetime.timedelta(days=90)
    assert services.conduct_checks_purge(today=left + datetime.timedelta(days=85)) == 0
    assert services.conduct_checks_purge(today=day) == 1
    assert not ConductCertificateCheck.objects.filter(placement=active_placement).exists()
    assert services.conduct_checks_purge(today=day) == 0


def test_withdrawal_before_the_placement_started_deletes_at_the_next_run(placement, staff):
    from courses.services import enrolment_withdraw

    complete_prerequisites(placement, staff)
    enrolment_withdraw(enrolment=placement.enrolment, on=placement.enrolment.enrolled_on, reason="Arbeit", by=staff)
    assert services.conduct_checks_purge() == 1
    placement.refresh_from_db()
    assert placement.conduct_check_deleted_at is not None


def test_an_active_participant_keeps_the_facts_until_three_months_after_the_end(active_placement):
    assert services.conduct_checks_purge(today=active_placement.end_date + datetime.timedelta(days=30)) == 0
    assert ConductCertificateCheck.objects.filter(placement=active_placement).exists()
