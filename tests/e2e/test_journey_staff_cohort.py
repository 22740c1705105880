"""Journey 1: programme staff log in, create a cohort, import its participants from a spreadsheet,
plan the sessions and take today's register with the keyboard only."""

import datetime
import re

import openpyxl
import pytest

from courses.models import AttendanceRecord, AttendanceStatus, Cohort, CohortStatus, Enrolment, TeachingSession

from .helpers import axe_check, download, expect, login, pdf_pages_as_png, pdf_text, t
from .world import TODAY, build_world, days, enrol, german_date, running_cohort

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EARLIER_RUN = [
    ("Fatma", "Demir"),
    ("Oksana", "Melnyk"),
    ("Rahel", "Tesfaye"),
    ("Małgorzata", "Wiśniewska"),
    ("Huda", "Al-Khatib"),
    ("Ana Maria", "Popescu"),
]

PEOPLE = [
    # family name, given name, date of birth, customer number, email, German level
    ("Nguyễn", "Thị Lan", "14.03.1988", "962D123456", "lan.nguyen@example.org", "B1"),
    ("Yılmaz", "Savaş", "02.11.1991", "962D234567", "", "B2"),
    ("Kowalska", "Agnieszka", "27.06.1985", "962D345678", "a.kowalska@example.org", "B1"),
    ("Haddad", "Amina", "09.01.1994", "962D456789", "", "B1"),
    ("Kovalenko", "Olena", "30.08.1990", "962D567890", "olena.k@example.org", "B2"),
]


def write_spreadsheet(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Teilnehmende"
    sheet.append(["Nachname", "Vorname", "Geburtsdatum", "Kundennummer", "E-Mail", "Deutschniveau"])
    for row in PEOPLE:
        sheet.append(list(row))
    book.save(path)
    return path


def tab_until(page, predicate_js: str, *, limit: int = 60):
    """Press Tab until the focused element matches; fails if keyboard focus never gets there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!({predicate_js}); }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate_js}")


def test_staff_create_cohort_import_plan_and_take_register(new_page, tmp_path):
    world = build_world()
    earlier = running_cohort(world, number="2026-1")
    for given, family in EARLIER_RUN:
        enrol(earlier, given, family, datetime.date(1989, 4, 1))
    running_cohort(world, number="2027-1", start_date=days(70), end_date=days(220), status=CohortStatus.PLANNED)
    page = new_page()

    # Log in and land on the staff start page.
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/konto/anmelden/"))
    axe_check(page)
    login(page, "mitarbeiterin")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Miriam")
    axe_check(page)

    # Create a cohort.
    page.get_by_role("link", name=t("New cohort")).click()
    axe_check(page)
    page.locator("#id_programme").select_option(label=world.programme.title)
    page.locator("#id_site").select_option(label=world.site.name)
    page.locator("#id_number").fill("2026-2")
    page.locator("#id_start_date").fill(german_date(days(-21)))
    page.locator("#id_end_date").fill(german_date(days(126)))
    page.locator("#id_capacity").fill("15")
    page.locator("#id_status").select_option("running")
    page.locator("#id_funding_body").fill("Kreisjobcenter Coesfeld")
    page.locator("#id_measure_number").fill("962/0057/26")
    page.get_by_role("button", name=t("Save")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2026-2")
    cohort = Cohort.objects.get(number="2026-2")
    assert cohort.start_date == days(-21)
    axe_check(page)

    # Import the participants from a spreadsheet: preview first, then confirm.
    page.get_by_role("link", name=t("Import participants")).click()
    axe_check(page)
    page.locator("#id_file").set_input_files(write_spreadsheet(tmp_path / "Teilnehmende 2026-2.xlsx"))
    page.get_by_role("button", name=t("Show preview")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Teilnehmende 2026-2.xlsx")
    expect(page.get_by_role("table")).to_contain_text("Nguyễn")
    axe_check(page)
    page.get_by_role("button", name=t("Import now")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2026-2")
    roster = page.get_by_role("region", name=t("Roster"))
    for family, given, *_ in PEOPLE:
        expect(roster).to_contain_text(given)
        expect(roster).to_contain_text(family)
    assert Enrolment.objects.filter(cohort=cohort).count() == len(PEOPLE)
    axe_check(page)

    # Plan module 1 from a weekly pattern (Mondays and Wednesdays) and one session today for module 2.
    page.get_by_role("link", name=t("Teaching sessions"), exact=True).click()
    axe_check(page)
    page.get_by_role("link", name=t("Plan from a weekly pattern")).click()
    axe_check(page)
    page.locator("#id_module").select_option(label=f"{world.modules[0].title}")
    page.locator("#id_weekdays_0").check()
    page.locator("#id_weekdays_2").check()
    page.locator("#id_start_time").fill("08:30")
    page.locator("#id_end_time").fill("11:45")
    page.locator("#id_units").fill("4")
    page.locator("#id_first_date").fill(german_date(days(-21)))
    page.locator("#id_weeks").fill("18")
    page.locator("#id_trainer").fill("Dr. Ursula Brinkmann")
    page.get_by_role("button", name=t("Plan sessions")).click()
    expect(page.get_by_role("status").first).to_be_visible()
    series = TeachingSession.objects.filter(cohort=cohort, module=world.modules[0])
    assert series.exists()
    assert sum(s.units for s in series) == world.modules[0].planned_units

    page.get_by_role("link", name=t("Plan a session")).click()
    axe_check(page)
    page.locator("#id_module").select_option(label=world.modules[1].title)
    page.locator("#id_date").fill(german_date(TODAY))
    page.locator("#id_start_time").fill("12:30")
    page.locator("#id_end_time").fill("15:45")
    page.locator("#id_units").fill("4")
    page.locator("#id_topic").fill("Kinderrechte im Kita-Alltag")
    page.locator("#id_trainer").fill("Dr. Ursula Brinkmann")
    page.get_by_role("button", name=t("Save")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(t("Teaching sessions"))
    today_session = TeachingSession.objects.get(cohort=cohort, date=TODAY, module=world.modules[1])
    axe_check(page)

    # Take today's register with the keyboard only.
    page.goto(f"/termine/{today_session.pk}/anwesenheit/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(german_date(TODAY))
    axe_check(page)
    enrolments = {e.participant.family_name: e for e in Enrolment.objects.filter(cohort=cohort)}
    lan, savas, agnieszka = enrolments["Nguyễn"], enrolments["Yılmaz"], enrolments["Kowalska"]
    radio_of = "el.type === 'radio' && el.name === 'status-{}'"

    # Nguyễn Thị Lan: present (the preselected code), 20 minutes late.
    tab_until(page, radio_of.format(lan.pk))
    assert page.evaluate("document.activeElement.value") == AttendanceStatus.PRESENT
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == f"late-{lan.pk}"
    page.keyboard.type("20")
    # Savaş Yılmaz: sick with doctor's note (K), chosen with the arrow keys as in every radio group.
    tab_until(page, radio_of.format(savas.pk))
    page.keyboard.press("ArrowRight")  # E
    page.keyboard.press("ArrowRight")  # K
    assert page.evaluate("document.activeElement.value") == AttendanceStatus.SICK
    page.keyboard.press("Space")
    # Agnieszka Kowalska: excused (E), with a note.
    tab_until(page, radio_of.format(agnieszka.pk))
    page.keyboard.press("ArrowRight")
    tab_until(page, f"el.name === 'note-{agnieszka.pk}'")
    page.keyboard.type("Termin beim Jobcenter")
    # Save with Enter on the button.
    tab_until(page, "el.type === 'submit' && el.closest('main')")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").first).to_be_visible()
    axe_check(page)

    records = {r.enrolment_id: r for r in AttendanceRecord.objects.filter(session=today_session)}
    assert len(records) == len(PEOPLE)
    assert records[lan.pk].status == AttendanceStatus.PRESENT and records[lan.pk].late_minutes == 20
    assert records[savas.pk].status == AttendanceStatus.SICK
    assert records[agnieszka.pk].status == AttendanceStatus.EXCUSED
    assert records[agnieszka.pk].note == "Termin beim Jobcenter"
    assert records[enrolments["Haddad"].pk].status == AttendanceStatus.PRESENT

    # The register's signature list is a printable PDF with everyone on the roster.
    sheet_url = page.get_by_role("link", name=t("Signature list (PDF)")).get_attribute("href")
    response = page.request.get(sheet_url)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    sheet = tmp_path / "unterschriftenliste.pdf"
    sheet.write_bytes(response.body())
    pdf_pages_as_png(sheet, tmp_path / "sheet")
    sheet_text = pdf_text(sheet)
    for family, given, *_ in PEOPLE:
        assert family in sheet_text and given in sheet_text, f"{given} {family} missing from the signature list"
    assert german_date(TODAY) in sheet_text and "Kinderrechte im Kita-Alltag" in sheet_text

    # The matrix shows the register just taken.
    page.goto(f"/kohorten/{cohort.pk}/anwesenheit/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe_check(page)

    # The month's absence report for the Jobcenter, as PDF: Savaş's sick day and Agnieszka's excused one.
    page.goto(f"/kohorten/{cohort.pk}/fehlzeiten/?month={TODAY:%Y-%m}")
    axe_check(page)
    report = download(page, page.get_by_role("link", name=t("Download PDF")).click, tmp_path)
    pdf_pages_as_png(report, tmp_path / "report")
    report_text = pdf_text(report)
    for value in ("Kreisjobcenter Coesfeld", "962/0057/26", "Yılmaz", "Kowalska", "962D234567"):
        assert value in report_text, f"{value!r} missing from the absence report:\n{report_text}"

    # Back on the start page: both running cohorts, the planned one and today's session with its register.
    page.get_by_role("link", name=t("Start"), exact=True).click()
    expect(page.get_by_role("main")).to_contain_text("2027-1")
    axe_check(page)
