"""Journey 0: the demo exactly as a new user meets it after `make run` (load_demo on an empty database, dated
around today), by each demo login. Every README screenshot is taken here, from the demo, so the README shows
what a new user will see (tests/e2e/test_readme_screenshots.py checks that none is missing)."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from certificates.models import Certificate, CertificateStatus
from courses.models import AttendanceRecord, Cohort, TeachingSession
from placements.models import HourEntry, HourEntryStatus

from .helpers import (
    DESKTOP,
    PHONE,
    axe_check,
    expect,
    login,
    pdf_pages_as_png,
    read_qr_codes,
    save_screenshot_file,
    screenshot,
    t,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "demo"
# The demo's logins carry real password hashes (the test users' are cheap) and its pages hold a few thousand
# records: on a busy two-core machine a log-in alone took more than the usual ten seconds.
SLOW_MS = 60_000


def _open(new_page, **kwargs):
    page = new_page(**kwargs)
    page.context.set_default_timeout(SLOW_MS)
    page.context.set_default_navigation_timeout(SLOW_MS)
    return page


@pytest.fixture
def demo(live_server, settings):
    settings.SITE_URL = live_server.url  # what `make run` passes: the address it serves
    call_command("load_demo", verbosity=0)
    expect.set_options(timeout=SLOW_MS)
    yield live_server
    expect.set_options(timeout=5_000)  # Playwright's default, for the other journeys


def test_new_user_meets_the_demo_as_staff_supervisor_participant_and_visitor(demo, new_page, tmp_path):
    today = timezone.localdate()
    running = Cohort.objects.get(status="running")

    # Staff: the start page with the running cohort and no register left behind.
    page = _open(new_page)
    login(page, "mitarbeiterin", DEMO_PASSWORD)
    expect(page.get_by_role("main")).to_contain_text(running.number)
    expect(page.get_by_role("main")).not_to_contain_text(t("Registers still to take"))
    axe_check(page)
    screenshot(page, "staff-start")

    page.goto(f"/kohorten/{running.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(running.number)
    axe_check(page)
    screenshot(page, "cohort-detail")

    # The last register taken (yesterday or the last session day before it).
    last = (
        TeachingSession.objects.filter(cohort=running, date__lt=today, attendance__isnull=False)
        .order_by("-date", "-start_time")
        .first()
    )
    assert last is not None and (today - last.date).days <= 7
    page.goto(reverse("courses:register", args=[last.pk]))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe_check(page)
    screenshot(page, "attendance-register")

    # A finished cohort: who met every requirement, and a certificate as PDF with its QR code.
    finished = Cohort.objects.filter(status="finished").order_by("-end_date").first()
    page.goto(f"/kohorten/{finished.pk}/")
    page.get_by_role("link", name=t("Certificates"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(t("Certificates"))
    axe_check(page)
    screenshot(page, "certificates-overview")

    certificate = (
        Certificate.objects.filter(status=CertificateStatus.VALID, enrolment__cohort=finished).order_by("pk").first()
    )
    page.goto(f"/zertifikate/{certificate.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(certificate.number)
    response = page.request.get(page.get_by_role("link", name=t("PDF"), exact=True).get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "zertifikat.pdf"
    pdf.write_bytes(response.body())
    (first_page,) = pdf_pages_as_png(pdf, tmp_path / "pages", dpi=150)
    save_screenshot_file(first_page, "certificate")

    # The QR code leads to the address the demo is served at, and says valid.
    (url,) = read_qr_codes(first_page)
    assert url.startswith(demo.url), url
    visitor = _open(new_page, viewport=DESKTOP)
    visitor.goto(url)
    expect(visitor.get_by_role("status")).to_contain_text(t("This certificate is valid."))
    axe_check(visitor)
    screenshot(visitor, "verification-valid")

    # The participant: her progress, with nothing marked as missed for want of a register.
    participant = _open(new_page)
    login(participant, "teilnehmerin", DEMO_PASSWORD)
    main = participant.get_by_role("main")
    expect(main).to_contain_text(t("Your attendance"))
    expect(main).not_to_contain_text(
        t("You can no longer reach the minimum for this module. Please talk to the programme staff.")
    )
    axe_check(participant)
    screenshot(participant, "participant-start")
    # She reads the same page in Arabic, chosen in the menu: right to left, names and numbers kept readable.
    participant.locator("#language-select").select_option("ar")
    participant.wait_for_function("document.documentElement.dir === 'rtl'")
    with translation.override("ar"):
        expect(main).to_contain_text(translation.gettext("Your attendance"))
    axe_check(participant)
    screenshot(participant, "participant-start-arabic")

    # The supervisor on a phone: hours wait; "Confirm" and "Reject" are buttons side by side.
    waiting = HourEntry.objects.filter(status=HourEntryStatus.PENDING, placement__supervisor__username="anleitung")
    assert waiting.exists()
    phone = _open(new_page, viewport=PHONE, mobile=True)
    login(phone, "anleitung", DEMO_PASSWORD)
    phone.get_by_role("link", name=t("Confirm hours")).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(t("Hours to confirm"))
    axe_check(phone)
    screenshot(phone, "supervisor-confirm-phone", full_page=False)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    first = waiting.order_by("date", "pk").first()
    day = first.date.strftime("%d.%m.%Y")
    confirm = phone.get_by_role("button", name=re.compile(rf"^{t('Confirm')} {re.escape(day)}$")).first
    reject = phone.get_by_role("button", name=re.compile(rf"^{t('Reject')} {re.escape(day)}$")).first
    # Both buttons of a row sit on one line, the same height.
    box_c, box_r = confirm.bounding_box(), reject.bounding_box()
    assert abs(box_c["y"] - box_r["y"]) < 2 and abs(box_c["height"] - box_r["height"]) < 2
    reject.tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text(t("Reject entry"))
    axe_check(phone)
    assert "csrfmiddlewaretoken" not in phone.url


def _texts_of_svg(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


def test_dashboard_as_staff_and_partner_with_the_quarterly_report(demo, new_page):
    from notifications.models import PreparedDownload
    from notifications.prepared import prepare_download

    # Staff: the navigation leads to the dashboard; every chart's numbers are in its table.
    page = _open(new_page)
    login(page, "mitarbeiterin", DEMO_PASSWORD)
    page.get_by_role("link", name=t("Open the dashboard")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Dashboard"))
    expect(page.locator(".key-figures")).to_contain_text(t("Attendance rate"))
    axe_check(page)
    screenshot(page, "dashboard")
    funnel = page.locator("[data-chart-table=funnel] tbody td")
    table_numbers = [funnel.nth(i).inner_text() for i in range(funnel.count())]
    assert table_numbers and any(number != "0" for number in table_numbers)
    svg = page.request.get(page.locator("img[data-chart=funnel]").get_attribute("src"))
    assert svg.ok and svg.headers["content-type"].startswith("image/svg+xml")
    texts = _texts_of_svg(svg.text())
    assert all(number in texts for number in table_numbers), (table_numbers, texts)

    # The quarterly report of the last finished cohort's measure, prepared in the background.
    finished = Cohort.objects.filter(status="finished").order_by("-end_date").first()
    page.get_by_role("link", name=t("Quarterly report")).click()
    page.get_by_label(t("Year")).select_option(str(finished.end_date.year))
    page.get_by_label(t("Quarter")).select_option(str((finished.end_date.month - 1) // 3 + 1))
    page.get_by_role("button", name=t("Prepare the report")).click()
    page.wait_for_url(re.compile(r"/benachrichtigungen/downloads/\d+/$"))
    download = PreparedDownload.objects.get(kind="dashboard_quarterly_report")
    prepare_download.call(download.pk)  # what the worker does (no worker runs beside the live server)
    page.reload()
    link = page.get_by_role("link", name=re.compile(t("Download")))
    response = page.request.get(link.get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")

    # The Jobcenter's partner log-in sees its measures' figures, also on a phone without sideways scrolling.
    partner = _open(new_page, viewport=PHONE, mobile=True)
    login(partner, "jobcenter", DEMO_PASSWORD)
    partner.goto(reverse("dashboard:index"))
    expect(partner.get_by_role("heading", level=1)).to_have_text(t("Dashboard"))
    expect(partner.locator(".key-figures")).to_contain_text(t("Enrolled"))
    axe_check(partner)
    assert partner.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_demo_registers_reach_yesterday_and_today_is_left_to_take(demo):
    today = timezone.localdate()
    running = Cohort.objects.get(status="running")
    past = TeachingSession.objects.filter(cohort=running, date__lt=today)
    assert not past.exclude(pk__in=AttendanceRecord.objects.values("session_id")).exists()
    assert not AttendanceRecord.objects.filter(session__date__gte=today).exists()
    assert TeachingSession.objects.filter(cohort=running, date__gt=today + datetime.timedelta(days=1)).exists()
