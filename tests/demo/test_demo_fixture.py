"""The demo that `make run` loads must load into an empty database and contain what the README promises."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from certificates.models import Certificate
from courses.models import Cohort, Participant
from courses.selectors import cohorts_in_reports_visible_to
from placements.models import HourEntry


@pytest.mark.django_db(transaction=True)
def test_demo_fixture_loads_with_every_promised_login_and_record():
    call_command("load_demo", verbosity=0)
    for username in ("admin", "mitarbeiterin", "anleitung", "teilnehmerin", "jobcenter"):
        assert authenticate(username=username, password="demo") is not None, username
    assert Cohort.objects.filter(status="finished").count() == 3
    assert Cohort.objects.filter(status="running").count() == 1
    # The funder's log-in sees every demo cohort: funded by its Jobcenter, partnered by the Integrationszentrum.
    partner = authenticate(username="jobcenter", password="demo")
    assert partner.is_partner
    assert cohorts_in_reports_visible_to(partner).count() == 4
    assert set(Cohort.objects.values_list("funding_body__name", "partners__name")) == {
        ("Kreisjobcenter Coesfeld", "Kommunales Integrationszentrum Kreis Coesfeld")
    }
    assert Participant.objects.count() >= 40
    assert Participant.objects.filter(given_name="Nguyễn Thị", family_name="Lan").exists()
    assert HourEntry.objects.filter(status="pending").exists()
    statuses = set(Certificate.objects.values_list("status", flat=True))
    assert {"valid", "revoked", "superseded"} <= statuses
    # Loading again leaves the data alone.
    call_command("load_demo", verbosity=0)
    assert Cohort.objects.count() == 4
