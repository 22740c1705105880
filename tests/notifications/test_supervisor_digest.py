"""The daily digest to supervisors with entries waiting for them (a task of enqueue_daily)."""

import pytest
from django.core import mail

from accounts.models import Role
from notifications.tasks import supervisor_digest
from placements import services
from tests.factories import FacilityFactory, UserFactory
from tests.placements.conftest import log


def run_digest(today="2026-03-02"):
    return supervisor_digest.call(today=today)


pytestmark = pytest.mark.django_db


def test_digest_goes_to_supervisors_with_pending_entries_only(
    active_placement, participant_user, supervisor, organisation, django_capture_on_commit_callbacks
):
    supervisor.email = "petra@example.org"
    supervisor.preferred_language = "en"
    supervisor.save()
    idle = UserFactory(username="ohne-eintraege", role=Role.SUPERVISOR, email="idle@example.org")
    FacilityFactory(organisation=organisation).supervisors.add(idle)
    log(active_placement, participant_user, day=-4)
    log(active_placement, participant_user, day=-3)
    with django_capture_on_commit_callbacks(execute=True):
        assert run_digest() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["petra@example.org"]
    assert "2 placement hour entries" in message.subject
    assert active_placement.enrolment.participant.full_name in message.body
    assert "/praxis/bestaetigen/" in message.body


def test_no_digest_when_nothing_is_pending(
    active_placement, participant_user, supervisor, django_capture_on_commit_callbacks
):
    supervisor.email = "petra@example.org"
    supervisor.save()
    services.hours_confirm(entry=log(active_placement, participant_user), by=supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        run_digest()
    assert mail.outbox == []


def test_digest_in_the_supervisors_language(
    active_placement, participant_user, supervisor, django_capture_on_commit_callbacks
):
    supervisor.email = "petra@example.org"
    supervisor.preferred_language = "de"
    supervisor.save()
    log(active_placement, participant_user)
    with django_capture_on_commit_callbacks(execute=True):
        run_digest()
    assert mail.outbox[0].subject == "1 Stundeneintrag wartet auf Ihre Bestätigung"
