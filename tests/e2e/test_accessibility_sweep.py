"""Every main page that the journeys do not pass through, opened by the role that uses it and checked
with axe-core (no serious or critical violation: BITV 2.0 / WCAG 2.1 AA)."""

import pytest
from django.urls import reverse

from certificates import services as certificate_services
from placements.models import Placement

from .helpers import axe_check, expect, login
from .world import active_placement, enrol, finished_cohort_with_results, log_hours, past_weekdays, running_cohort

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def visit_all(page, urls, *, status=200):
    for url in urls:
        response = page.goto(url)
        assert response.status == status, f"{url}: HTTP {response.status}"
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        axe_check(page)


def test_main_pages_of_every_role_pass_axe(new_page):
    world, finished, people = finished_cohort_with_results()
    certificate = certificate_services.certificate_issue(enrolment=people["lan"], by=world.staff, language="de")
    placement = Placement.objects.filter(enrolment=people["lan"]).select_related("facility").get()
    cohort = running_cohort(world, number="2026-2")
    olena = enrol(cohort, "Olena", "Kovalenko", finished.start_date.replace(year=1990), username="olena")
    running = active_placement(world, olena, facility=placement.facility, supervisor=placement.supervisor)
    entry = log_hours(running, olena.participant.user, past_weekdays(1)[0], "08:00", "12:00", activity="Morgenkreis")

    staff = new_page()
    login(staff, "mitarbeiterin")
    visit_all(
        staff,
        [
            reverse("courses:cohort_list"),
            reverse("courses:participant_list"),
            reverse("courses:participant_detail", args=[olena.participant_id]),
            reverse("courses:participant_update", args=[olena.participant_id]),
            reverse("courses:enrol", args=[cohort.pk]) + "?q=Kowal",
            reverse("courses:cohort_update", args=[cohort.pk]),
            reverse("courses:enrolment_attendance", args=[people["savas"].pk]),
            reverse("placements:facility_list"),
            reverse("placements:facility_detail", args=[placement.facility_id]),
            reverse("placements:placement_list"),
            reverse("placements:placement_detail", args=[running.pk]),
            reverse("placements:placement_prerequisites", args=[running.pk]),
            reverse("certificates:enrolment", args=[people["amina"].pk]),
            reverse("certificates:detail", args=[certificate.pk]),
            reverse("spreadsheets:import_list"),
            reverse("accounts:password_change"),
        ],
    )

    participant = new_page()
    login(participant, "olena")
    visit_all(
        participant,
        [
            reverse("home"),
            reverse("placements:hour_entry_create", args=[running.pk]),
            reverse("placements:placement_detail", args=[running.pk]),
            reverse("placements:hour_entry_edit", args=[entry.pk]),
            reverse("courses:enrolment_attendance", args=[olena.pk]),
        ],
    )

    visitor = new_page()
    visit_all(visitor, [reverse("certificates:verify")])
    visit_all(visitor, [reverse("certificates:verify_code", args=["XXXX-XXXX-XXXX-XXXX"])], status=404)
