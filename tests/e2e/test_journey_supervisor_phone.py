"""Journey 2: a placement supervisor (Praxisanleitung), on a phone, confirms and rejects the hours
participants logged; the bulk confirmation also works with the keyboard only."""

import pytest

from placements.models import HourEntryStatus

from .helpers import PHONE, axe_check, expect, login, t
from .world import active_placement, build_world, enrol, log_hours, past_weekdays, running_cohort, supervisor_at

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def short(day):
    return day.strftime("%d.%m.%Y")


def focus_by_tab(page, selector: str, *, limit: int = 80):
    """Press Tab until the element matching ``selector`` has the keyboard focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement === document.querySelector(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_supervisor_confirms_and_rejects_hours_on_a_phone(new_page):
    world = build_world()
    cohort = running_cohort(world)
    facility, supervisor = supervisor_at(world, facility_name="Kita Regenbogen, Dülmen")
    lan = enrol(cohort, "Thị Lan", "Nguyễn", cohort.start_date.replace(year=1988), username="teilnehmerin")
    savas = enrol(cohort, "Savaş", "Yılmaz", cohort.start_date.replace(year=1991), username="savas")
    lan_placement = active_placement(world, lan, facility=facility, supervisor=supervisor)
    savas_placement = active_placement(world, savas, facility=facility, supervisor=supervisor)
    d1, d2, d3 = past_weekdays(3)
    lan_user, savas_user = lan.participant.user, savas.participant.user
    lan_1 = log_hours(lan_placement, lan_user, d1, "07:30", "12:30", activity="Begleitung im Morgenkreis")
    lan_2 = log_hours(lan_placement, lan_user, d2, "08:00", "14:30", pause=30, activity="Sprachförderung am Mittag")
    lan_3 = log_hours(lan_placement, lan_user, d3, "08:00", "13:00", activity="Elterngespräch mit Dolmetschen")
    savas_1 = log_hours(savas_placement, savas_user, d1, "11:00", "16:00", activity="Hausaufgabenbetreuung OGS")
    savas_2 = log_hours(savas_placement, savas_user, d2, "11:30", "16:30", activity="Spielangebot auf dem Schulhof")

    page = new_page(viewport=PHONE, mobile=True)
    login(page, "anleitung")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sabine")
    axe_check(page)
    page.get_by_role("link", name=t("Confirm hours")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Hours to confirm"))
    axe_check(page)

    # The page fits the phone: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # Tap "Confirm" on one of Lan's days.
    # (Located by text: the legend sits inside .card-body, so the fieldset has no accessible name yet.)
    lan_group = page.locator("fieldset", has_text="Nguyễn")
    savas_group = page.locator("fieldset", has_text="Yılmaz")
    lan_group.get_by_role("button", name=f"{t('Confirm')} {short(d1)}").tap()
    expect(page.get_by_role("status").first).to_contain_text(t("The entry was confirmed."))
    lan_1.refresh_from_db()
    assert lan_1.status == HourEntryStatus.CONFIRMED and lan_1.decided_by == supervisor

    # Reject one of Savaş's days with a reason.
    savas_group.get_by_role("button", name=f"{t('Reject')} {short(d1)}").tap()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Reject entry"))
    axe_check(page)
    page.get_by_label(t("Reason for the rejection")).fill("Laut Dienstplan bis 15:00 – bitte korrigieren.")
    page.get_by_role("button", name=t("Reject"), exact=True).tap()
    # Savaş has no e-mail address: the page must not claim one was sent (issue 21).
    rejected = t("The entry was rejected. No e-mail reaches the participant: please tell them the reason yourself.")
    expect(page.get_by_role("status").first).to_contain_text(rejected)
    savas_1.refresh_from_db()
    assert savas_1.status == HourEntryStatus.REJECTED
    axe_check(page)

    # Keyboard only: tick two entries with Space and confirm them with Enter on the bulk button.
    focus_by_tab(page, f"#entry-{lan_2.pk}")
    page.keyboard.press("Space")
    focus_by_tab(page, f"#entry-{savas_2.pk}")
    page.keyboard.press("Space")
    focus_by_tab(page, "button[name=decision][value=confirm]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").first).to_be_visible()
    for entry in (lan_2, savas_2, lan_3):
        entry.refresh_from_db()
    assert lan_2.status == HourEntryStatus.CONFIRMED
    assert savas_2.status == HourEntryStatus.CONFIRMED
    assert lan_3.status == HourEntryStatus.PENDING  # not ticked, still waiting
    expect(page.locator("fieldset", has_text="Nguyễn")).to_contain_text("Elterngespräch")
    axe_check(page)
