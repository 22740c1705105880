"""The daily email to supervisors with entries waiting for them."""

import pytest
from django.core import mail
from django.core.management import call_command

from accounts.models import Role
from placements import services
from tests.factories import FacilityFactory, UserFactory

from .conftest import log

pytestmark = pytest.mark.django_db


def test_digest_goes_to_supervisors_with_pending_entries_only(
    active_placement, participant_user, supervisor, organisation, capsys
):
    supervisor.email = "petra@example.org"
    supervisor.preferred_language = "en"
    supervisor.save()
    idle = UserFactory(username="ohne-eintraege", role=Role.SUPERVISOR, email="idle@example.org")
    FacilityFactory(organisation=organisation).supervisors.add(idle)
    log(active_placement, participant_user, day=-4)
    log(active_placement, participant_user, day=-3)
    call_command("send_supervisor_digest")
    assert "1 digest(s) sent." in capsys.readouterr().out
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["petra@example.org"]
    assert "2 placement hour entries" in message.subject
    assert active_placement.enrolment.participant.full_name in message.body
    assert "/praxis/bestaetigen/" in message.body


def test_no_digest_when_nothing_is_pending(active_placement, participant_user, supervisor):
    supervisor.email = "petra@example.org"
    supervisor.save()
    services.hours_confirm(entry=log(active_placement, participant_user), by=supervisor)
    call_command("send_supervisor_digest")
    assert mail.outbox == []


def test_digest_in_the_supervisors_language(active_placement, participant_user, supervisor):
    supervisor.email = "petra@example.org"
    supervisor.preferred_language = "de"
    supervisor.save()
    log(active_placement, participant_user)
    call_command("send_supervisor_digest")
    assert mail.outbox[0].subject == "1 Stundeneintrag wartet auf Ihre Bestätigung"
