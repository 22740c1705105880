"""Participants are told when hours are decided, when a certificate is issued and when the timetable changes;
by inbox if they log in, by e-mail if they have an address and did not opt out; nothing if the organisation
switched the kind off."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from certificates import services as certificate_services
from courses import services as course_services
from notifications.models import KindSwitch, Notification
from notifications.services import email_preference_set
from placements import services
from tests.certificates.factories import make_eligible
from tests.factories import ModuleFactory
from tests.placements.conftest import log

pytestmark = pytest.mark.django_db


def test_confirmation_goes_to_the_inbox_and_by_email(
    active_placement, participant_user, supervisor, django_capture_on_commit_callbacks
):
    participant_user.email = "lan@example.org"
    participant_user.preferred_language = "de"
    participant_user.save()
    entry = log(active_placement, participant_user)
    with django_capture_on_commit_callbacks(execute=True):
        services.hours_confirm(entry=entry, by=supervisor)
    notification = Notification.objects.get(recipient=participant_user)
    assert notification.kind == "hours_confirmed"
    assert notification.subject == f"Praxisstunden vom {entry.date:%d.%m.%Y} wurden bestätigt"
    assert notification.link == f"/praxis/einsaetze/{active_placement.pk}/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lan@example.org"]
    assert message.alternatives and "text/html" in message.alternatives[0][1]
    assert active_placement.facility.organisation.name in message.alternatives[0][0]
    assert f"/praxis/einsaetze/{active_placement.pk}/" in message.body
    assert Notification.objects.get().emailed_at is not None


def test_rejection_carries_the_reason_and_supervisor_gets_nothing(
    active_placement, participant_user, supervisor, django_capture_on_commit_callbacks
):
    entry = log(active_placement, participant_user)
    with django_capture_on_commit_callbacks(execute=True):
        services.hours_reject(entry=entry, reason="Bitte Pause eintragen", by=supervisor)
    notification = Notification.objects.get()
    assert notification.recipient == participant_user
    assert "Bitte Pause eintragen" in notification.body
    assert notification.email_to == ""  # no address: inbox only
    assert mail.outbox == []


def test_opt_out_keeps_the_inbox_but_sends_no_email(
    active_placement, participant_user, supervisor, django_capture_on_commit_callbacks
):
    participant_user.email = "lan@example.org"
    participant_user.save()
    email_preference_set(user=participant_user, emails_enabled=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.hours_confirm(entry=log(active_placement, participant_user), by=supervisor)
    assert Notification.objects.filter(recipient=participant_user).count() == 1
    assert mail.outbox == []


def test_without_login_an_address_still_gets_the_email(
    active_placement, supervisor, staff, django_capture_on_commit_callbacks
):
    participant = active_placement.enrolment.participant
    participant.email = "zeynep@example.org"
    participant.save()
    entry = log(active_placement, staff)
    with django_capture_on_commit_callbacks(execute=True):
        services.hours_reject(entry=entry, reason="Falscher Tag", by=supervisor)
    assert [m.to for m in mail.outbox] == [["zeynep@example.org"]]
    assert Notification.objects.get().recipient is None


def test_organisation_switch_turns_a_kind_off(
    active_placement, participant_user, supervisor, django_capture_on_commit_callbacks
):
    KindSwitch.objects.create(organisation=active_placement.facility.organisation, kind="hours_confirmed")
    with django_capture_on_commit_callbacks(execute=True):
        services.hours_confirm(entry=log(active_placement, participant_user), by=supervisor)
    assert not Notification.objects.exists()


def test_certificate_issued_links_to_the_download(
    enrolment, participant_user, supervisor, staff, django_capture_on_commit_callbacks
):
    make_eligible(enrolment, supervisor=supervisor)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_services.certificate_issue(enrolment=enrolment, by=staff)
    notification = Notification.objects.get(recipient=participant_user, kind="certificate_issued")
    assert certificate.number in notification.subject
    assert notification.link == f"/zertifikate/{certificate.pk}/pdf/"


def test_timetable_change_tells_the_next_session_once(
    cohort, enrolment, participant_user, staff, django_capture_on_commit_callbacks
):
    module = cohort.programme.modules.first() or ModuleFactory(programme=cohort.programme)
    day = max(cohort.start_date, timezone.localdate() + datetime.timedelta(days=1))
    if day > cohort.end_date:
        pytest.skip("the test cohort lies in the past")
    with django_capture_on_commit_callbacks(execute=True):
        session = course_services.session_create(
            cohort=cohort,
            module=module,
            date=day,
            start_time=datetime.time(9),
            end_time=datetime.time(12),
            units=4,
            topic="",
            trainer="",
            by=staff,
        )
    told = Notification.objects.filter(recipient=participant_user, kind="timetable_changed")
    assert told.count() == 1
    assert f"{day:%d.%m.%Y}" in told.get().subject
    with django_capture_on_commit_callbacks(execute=True):
        course_services.session_update(
            session=session, by=staff, start_time=datetime.time(10), end_time=datetime.time(13)
        )
    assert told.count() == 2
    assert "10:00" in told.first().subject
    with django_capture_on_commit_callbacks(execute=True):
        course_services.session_update(session=session, by=staff, topic="Kinderrechte")  # same time: nothing new
    assert told.count() == 2
