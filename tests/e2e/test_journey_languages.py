"""The participant's journey in each of the six languages (docs/languages.md): she chooses her language on the
log-in page, logs in, reads her start page, her attendance, logs a placement day, reads her certificate
checklist (every unmet requirement with what she can still do), her data page, her messages and her
speed-dating schedule.
Every page runs axe-core; Arabic and Dari pages must run right to left with Bootstrap's RTL stylesheet."""

import pytest
from django.urls import reverse
from django.utils import translation

from core.languages import RIGHT_TO_LEFT

from .helpers import PASSWORD, axe_check, expect, screenshot
from .world import active_placement, build_world, enrol, past_weekdays, running_cohort, supervisor_at

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def tr(message: str, language: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


def speed_dating_talk(world, cohort, participant):
    """An accepted invitation to next fortnight's speed dating with one talk in round 1 (written directly:
    the journey is about reading the schedule, docs/outcomes.md covers planning it)."""
    import datetime

    from outcomes.models import Employer, Event, EventEmployer, EventParticipant, Talk

    employer = Employer.objects.create(organisation=world.organisation, name="AWO Kitas Dülmen")
    event = Event.objects.create(
        organisation=world.organisation,
        date=datetime.date.today() + datetime.timedelta(days=14),
        place="Kreishaus Coesfeld",
        start_time=datetime.time(10, 0),
    )
    event.cohorts.add(cohort)
    EventEmployer.objects.create(event=event, employer=employer, status="accepted")
    EventParticipant.objects.create(event=event, participant=participant, status="accepted")
    Talk.objects.create(event=event, round=1, table=3, participant=participant, employer=employer)
    return employer


def check_page(page, language: str):
    html = page.locator("html")
    expect(html).to_have_attribute("lang", language)
    expect(html).to_have_attribute("dir", "rtl" if language in RIGHT_TO_LEFT else "ltr")
    rtl_sheet = page.locator('link[href*="bootstrap.rtl.min.css"]')
    expect(rtl_sheet).to_have_count(1 if language in RIGHT_TO_LEFT else 0)
    axe_check(page)


@pytest.mark.parametrize("language", ["de", "en", "uk", "ar", "tr", "fa"])
def test_participant_journey_in_her_language(new_page, language):
    world = build_world()
    cohort = running_cohort(world)
    olena = enrol(cohort, "Olena", "Kovalenko", cohort.start_date.replace(year=1990), username="olena")
    facility, supervisor = supervisor_at(world)
    placement = active_placement(world, olena, facility=facility, supervisor=supervisor)
    day = past_weekdays(1)[0]
    employer = speed_dating_talk(world, cohort, olena.participant)

    # On the log-in page she chooses her language in the menu (the form sends itself on change).
    page = new_page()
    page.goto(reverse("accounts:login"))
    page.locator("#language-select").select_option(language)
    page.wait_for_function(f"document.documentElement.lang === '{language}'")
    check_page(page, language)
    page.locator("#id_username").fill("olena")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name=tr("Log in", language)).click()
    page.wait_for_url(lambda url: "/konto/anmelden/" not in url)

    # Start page: her course, her attendance, her placement, her certificate, her data.
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name=tr("Your course", language))).to_be_visible()
    expect(main).to_contain_text(tr("Your attendance", language))
    expect(main).to_contain_text(
        tr("Come to every session that is still planned, and bring a doctor's note when you are ill.", language)
    )
    check_page(page, language)
    if language == "ar":
        screenshot(page, "participant-journey-ar-start")

    # Attendance: in words, per module.
    main.get_by_role("link", name=tr("Show every session", language)).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(tr("Attendance", language))
    expect(page.get_by_role("main")).to_contain_text(tr("Progress per module", language))
    check_page(page, language)

    # A placement day, logged on the form and waiting for the supervisor.
    page.goto(reverse("home"))
    page.get_by_role("link", name=tr("Log hours", language)).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("Log hours", language))
    check_page(page, language)
    page.locator("#id_date").fill(f"{day:%d.%m.%Y}")
    page.locator("#id_start_time").fill("08:00")
    page.locator("#id_end_time").fill("12:00")
    page.locator("#id_activity").fill("Morgenkreis")
    page.get_by_role("button", name=tr("Save", language), exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text(
        tr("The hours were recorded and wait for the supervisor's confirmation.", language)
    )
    check_page(page, language)
    assert placement.hour_entries.filter(date=day, status="pending").exists()

    # The certificate checklist: what is still missing, and what she can do about it.
    page.goto(reverse("certificates:enrolment", args=[olena.pk]))
    expect(page.get_by_role("heading", name=tr("Requirements for the certificate", language))).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(
        tr("You do not need to do anything: this is met when the course and your placement are over.", language)
    )
    check_page(page, language)

    # Her data (Art. 15) and her messages.
    page.goto(reverse("privacy:my_data"))
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("Your data", language))
    check_page(page, language)
    # The export is prepared in the background; the page it leads to speaks her language too.
    page.get_by_role("button", name=tr("Prepare my data (ZIP)", language)).click()
    expect(page.get_by_text(tr("Your file is ready.", language))).to_be_visible()
    check_page(page, language)
    page.goto(reverse("notifications:inbox"))
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("Messages", language))
    check_page(page, language)
    if language == "ar":
        screenshot(page, "participant-journey-ar-messages")

    # Her speed-dating schedule: the employer she meets, in which round, at which table.
    page.goto(reverse("outcomes:own_events"))
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("My speed dating", language))
    expect(page.get_by_role("main")).to_contain_text(tr("My talks", language))
    expect(page.get_by_role("main").locator("bdi", has_text=employer.name)).to_be_visible()
    check_page(page, language)

    # Her choice is hers: saved with her login, so e-mails and notifications come in it too.
    olena.participant.user.refresh_from_db()
    assert olena.participant.user.preferred_language == language or language == "de"
