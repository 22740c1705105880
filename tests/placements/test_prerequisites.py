"""Before a placement starts: §72a certificate of conduct, measles proof (born after 1970), §34 IfSG instruction."""

import datetime

import pytest
from django.test import override_settings

from core.exceptions import DomainError
from placements import services
from placements.models import ConductCertificateCheck, PlacementStatus

from .conftest import complete_prerequisites, days

pytestmark = pytest.mark.django_db


def test_activation_refused_and_every_missing_prerequisite_named(placement, staff):
    with pytest.raises(DomainError) as error:
        services.placement_activate(placement=placement, by=staff)
    message = str(error.value)
    assert "certificate of conduct" in message
    assert "measles" in message
    assert "infection-protection instruction" in message
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.PLANNED


def test_complete_prerequisites_allow_the_start_with_who_and_when(placement, staff):
    complete_prerequisites(placement, staff)
    placement = services.placement_activate(placement=placement, by=staff)
    assert placement.status == PlacementStatus.ACTIVE
    assert placement.activated_by == staff and placement.activated_at
    check = ConductCertificateCheck.objects.get(placement=placement)
    assert check.checked_by == staff and check.checked_at
    assert placement.measles_proof_seen_by == staff and placement.measles_proof_seen_at
    assert placement.infection_instruction_recorded_by == staff


def test_only_the_missing_one_is_named(placement, staff):
    services.conduct_check_record(
        placement=placement, inspected_on=days(-40), issue_date=days(-60), has_relevant_entry=False, by=staff
    )
    services.infection_instruction_record(placement=placement, instruction_date=days(-35), by=staff)
    with pytest.raises(DomainError) as error:
        services.placement_activate(placement=placement, by=staff)
    assert "measles" in str(error.value)
    assert "conduct" not in str(error.value)


def test_conduct_certificate_older_than_three_months_at_inspection_is_refused(placement, staff):
    inspected = days(-40)
    too_old = inspected - datetime.timedelta(days=100)
    with pytest.raises(DomainError, match="more than 3 months old"):
        services.conduct_check_record(
            placement=placement, inspected_on=inspected, issue_date=too_old, has_relevant_entry=False, by=staff
        )
    assert not ConductCertificateCheck.objects.exists()


@override_settings(PLACEMENT_CONDUCT_CERTIFICATE_MAX_AGE_MONTHS=6)
def test_maximum_age_of_the_certificate_is_configurable(placement, staff):
    inspected = days(-40)
    services.conduct_check_record(
        placement=placement,
        inspected_on=inspected,
        issue_date=inspected - datetime.timedelta(days=100),
        has_relevant_entry=False,
        by=staff,
    )
    assert ConductCertificateCheck.objects.filter(placement=placement).exists()


def test_certificate_issued_after_inspection_or_inspected_in_the_future_is_refused(placement, staff):
    with pytest.raises(DomainError, match="issued after"):
        services.conduct_check_record(
            placement=placement, inspected_on=days(-40), issue_date=days(-30), has_relevant_entry=False, by=staff
        )
    with pytest.raises(DomainError, match="future"):
        services.conduct_check_record(
            placement=placement, inspected_on=days(1), issue_date=days(-30), has_relevant_entry=False, by=staff
        )


def test_relevant_entry_blocks_the_start(placement, staff):
    complete_prerequisites(placement, staff)
    services.conduct_check_record(
        placement=placement, inspected_on=days(-40), issue_date=days(-60), has_relevant_entry=True, by=staff
    )
    with pytest.raises(DomainError, match="relevant entry"):
        services.placement_activate(placement=placement, by=staff)


def test_measles_proof_not_needed_for_people_born_in_1970(placement, staff):
    participant = placement.enrolment.participant
    participant.date_of_birth = datetime.date(1970, 12, 31)
    participant.save()
    services.conduct_check_record(
        placement=placement, inspected_on=days(-40), issue_date=days(-60), has_relevant_entry=False, by=staff
    )
    services.infection_instruction_record(placement=placement, instruction_date=days(-35), by=staff)
    with pytest.raises(DomainError, match="born after 1970"):
        services.measles_proof_record(placement=placement, by=staff)
    assert services.placement_activate(placement=placement, by=staff).status == PlacementStatus.ACTIVE


def test_measles_proof_needed_for_people_born_in_1971(placement, staff):
    participant = placement.enrolment.participant
    participant.date_of_birth = datetime.date(1971, 1, 1)
    participant.save()
    services.conduct_check_record(
        placement=placement, inspected_on=days(-40), issue_date=days(-60), has_relevant_entry=False, by=staff
    )
    services.infection_instruction_record(placement=placement, instruction_date=days(-35), by=staff)
    with pytest.raises(DomainError, match="measles"):
        services.placement_activate(placement=placement, by=staff)


def test_infection_instruction_older_than_two_years_at_start_is_refused(placement, staff):
    old = placement.start_date.replace(year=placement.start_date.year - 2) - datetime.timedelta(days=1)
    with pytest.raises(DomainError, match="must be renewed"):
        services.infection_instruction_record(placement=placement, instruction_date=old, by=staff)
    exactly_two_years = placement.start_date.replace(year=placement.start_date.year - 2)
    services.infection_instruction_record(placement=placement, instruction_date=exactly_two_years, by=staff)


def test_infection_instruction_in_the_future_is_refused(placement, staff):
    with pytest.raises(DomainError, match="future"):
        services.infection_instruction_record(placement=placement, instruction_date=days(1), by=staff)


def test_prerequisites_page_lists_exactly_what_is_missing(client, placement, staff):
    client.force_login(staff)
    services.measles_proof_record(placement=placement, by=staff)
    response = client.get(f"/praxis/einsaetze/{placement.pk}/")
    text = response.content.decode()
    assert "The extended certificate of conduct (§72a SGB VIII) has not been inspected." in text
    assert "The infection-protection instruction (§34 IfSG) has not been recorded." in text
    assert "Proof of measles protection has not been recorded." not in text


def test_start_through_the_page(client, placement, staff):
    client.force_login(staff)
    url = f"/praxis/einsaetze/{placement.pk}/voraussetzungen/"
    response = client.post(
        url + "fuehrungszeugnis/",
        {
            "conduct-inspected_on": days(-40).strftime("%d.%m.%Y"),
            "conduct-issue_date": days(-60).strftime("%d.%m.%Y"),
            "conduct-has_relevant_entry": "no",
        },
    )
    assert response.status_code == 302
    client.post(url + "masern/", {"measles-seen": "on"})
    client.post(url + "belehrung/", {"infection-instruction_date": days(-35).strftime("%d.%m.%Y")})
    response = client.post(f"/praxis/einsaetze/{placement.pk}/starten/")
    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ACTIVE


def test_old_certificate_shows_a_clear_message_on_the_page(client, placement, staff):
    client.force_login(staff)
    response = client.post(
        f"/praxis/einsaetze/{placement.pk}/voraussetzungen/fuehrungszeugnis/",
        {
            "conduct-inspected_on": days(-10).strftime("%d.%m.%Y"),
            "conduct-issue_date": days(-200).strftime("%d.%m.%Y"),
            "conduct-has_relevant_entry": "no",
        },
    )
    assert response.status_code == 200
    assert "Please ask for a new one." in response.content.decode()


def test_participant_and_supervisor_cannot_record_prerequisites(client, placement, participant_user, supervisor):
    for user in (participant_user, supervisor):
        client.force_login(user)
        response = client.post(f"/praxis/einsaetze/{placement.pk}/voraussetzungen/masern/", {"measles-seen": "on"})
        assert response.status_code == 403
        response = client.post(f"/praxis/einsaetze/{placement.pk}/starten/")
        assert response.status_code == 403
    placement.refresh_from_db()
    assert placement.measles_proof_seen_at is None
