"""Journeys 3–5: staff see who is eligible and issue the cohort's certificates; a participant downloads
theirs; an anonymous visitor opens the verification URL from the certificate's QR code and sees it valid,
and after staff revoke it, revoked. The PDF is looked at as pages (pdftoppm) and as text (pdftotext)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from certificates import services as certificate_services
from certificates.models import Certificate, CertificateStatus

from .helpers import (
    DESKTOP,
    axe_check,
    download,
    expect,
    login,
    pdf_pages_as_png,
    pdf_text,
    read_qr_codes,
    save_screenshot_file,
    screenshot,
    t,
)
from .world import finished_cohort_with_results

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PUBLIC_URL = "https://zertifikate.integrationsbegleitung.example"


def assert_prints_snapshot(text: str, certificate, world):
    """The PDF's text carries every value frozen at issue time (name, birth date, period, modules, hours)."""
    snapshot = certificate.snapshot
    participant = snapshot["participant"]
    expected = [
        participant["full_name"],
        datetime.date.fromisoformat(participant["date_of_birth"]).strftime("%d.%m.%Y"),
        certificate.number,
        snapshot["programme"]["title"],
        datetime.date.fromisoformat(snapshot["cohort"]["start_date"]).strftime("%d.%m.%Y"),
        datetime.date.fromisoformat(snapshot["cohort"]["end_date"]).strftime("%d.%m.%Y"),
        snapshot["measure_number"],
        world.organisation.name,
        snapshot["funding_body"],
        world.staff.get_full_name(),
        str(snapshot["placement"]["confirmed_minutes"] // 60),
    ]
    for module in snapshot["modules"]:
        attended = format(Decimal(str(module["attended_units"])).normalize(), "f").replace(".", ",")
        expected += [module["title"], f"{attended} von {module['planned_units']}"]
    for value in expected:
        assert value in text, f"{value!r} is not printed on the certificate:\n{text}"
    assert re.sub(r"\W", "", certificate.verification_code) in re.sub(r"\W", "", text)


def test_staff_see_who_is_eligible_and_issue_the_cohorts_certificates(new_page, settings, tmp_path):
    settings.SITE_URL = PUBLIC_URL
    world, cohort, people = finished_cohort_with_results()
    page = new_page()
    login(page, "mitarbeiterin")
    page.goto(f"/kohorten/{cohort.pk}/")
    page.get_by_role("link", name=t("Certificates"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(t("Certificates"))
    axe_check(page)

    # Who is eligible: three with every requirement met, Amina with what is missing.
    table = page.get_by_role("region", name=t("Requirements per participant"))
    for enrolment in people.values():
        expect(table).to_contain_text(enrolment.participant.family_name)
    expect(table.get_by_text(t("all met"))).to_have_count(3)
    amina_row = table.get_by_role("row").filter(has_text="Haddad")
    expect(amina_row.get_by_role("listitem").first).to_be_visible()

    page.get_by_role("link", name=t("Issue certificates")).click()
    axe_check(page)
    page.get_by_role("button", name=t("Issue certificates")).click()
    expect(page.get_by_role("status").first).to_contain_text("3")
    expect(page.get_by_role("main")).to_contain_text("Amina Haddad")  # listed as not issued, with the reason
    axe_check(page)

    issued = Certificate.objects.filter(enrolment__cohort=cohort, status=CertificateStatus.VALID)
    assert sorted(c.enrolment_id for c in issued) == sorted(people[k].pk for k in ("lan", "savas", "agnieszka"))

    # A certificate's page shows what was printed; its PDF prints exactly that.
    certificate = issued.get(enrolment=people["lan"])
    page.get_by_role("link", name=certificate.number).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(certificate.number)
    expect(page.get_by_role("main")).to_contain_text("Thị Lan Nguyễn")
    axe_check(page)
    response = page.request.get(page.get_by_role("link", name=t("PDF"), exact=True).get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "zertifikat.pdf"
    pdf.write_bytes(response.body())
    pdf_pages_as_png(pdf, tmp_path / "pages", dpi=90)
    assert_prints_snapshot(pdf_text(pdf), certificate, world)


def test_participant_downloads_certificate_and_anyone_verifies_it_by_its_qr_code(
    new_page, live_server, settings, tmp_path
):
    settings.SITE_URL = live_server.url  # the address printed in the QR code
    world, cohort, people = finished_cohort_with_results()
    lan = people["lan"]
    certificate = certificate_services.certificate_issue(enrolment=lan, by=world.staff, language="de")
    snapshot = certificate.snapshot

    # Journey 4: the participant logs in and downloads the certificate.
    page = new_page()
    login(page, "teilnehmerin")
    panel = page.get_by_role("region", name=re.compile(t("Your certificate")))
    expect(panel).to_contain_text(certificate.number)
    axe_check(page)
    pdf = download(page, panel.get_by_role("link", name=t("Download (German)")).click, tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")

    pages = pdf_pages_as_png(pdf, tmp_path / "pages", dpi=150)
    assert len(pages) == 1, "the certificate is one page"
    assert_prints_snapshot(pdf_text(pdf), certificate, world)

    # Journey 5: an anonymous visitor scans the QR code and opens the verification page.
    (url,) = read_qr_codes(pages[0])
    assert url == snapshot["verification_url"] and url.startswith(live_server.url)
    visitor = new_page(viewport=DESKTOP)
    visitor.goto(url)
    status = visitor.get_by_role("status")
    expect(status).to_contain_text(t("This certificate is valid."))
    expect(visitor.get_by_role("main")).to_contain_text("Thị Lan Nguyễn")
    expect(visitor.get_by_role("main")).to_contain_text(certificate.number)
    axe_check(visitor)

    # Staff revoke it; the same address now says revoked.
    staff = new_page()
    login(staff, "mitarbeiterin")
    staff.goto(f"/zertifikate/{certificate.pk}/")
    staff.get_by_role("link", name=t("Revoke")).click()
    axe_check(staff)
    staff.get_by_label(t("Reason for the revocation")).fill("Ausgestellt vor Abschluss der Praxisphase.")
    staff.get_by_role("button", name=t("Revoke certificate")).click()
    expect(staff.get_by_role("status").first).to_contain_text(certificate.number)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED

    visitor.goto(url)
    revoked_on = timezone.localdate().strftime("%d.%m.%Y")
    revoked = t("This certificate was revoked on %(date)s. It is no longer valid.", date=revoked_on)
    expect(visitor.get_by_role("status")).to_contain_text(revoked)
    expect(visitor.get_by_role("status")).not_to_contain_text(t("This certificate is valid."))
    axe_check(visitor)


def test_staff_issue_a_teilnahmebescheinigung_to_a_participant_who_withdrew_and_anyone_checks_it(
    new_page, live_server, settings, tmp_path
):
    """Journey 6: Amina Haddad left early. Staff see on the cohort's certificate page why she cannot get
    the Zertifikat, issue her a Teilnahmebescheinigung, and its PDF says what she attended, when she left,
    and that it is no Zertifikat. An anonymous visitor opens the address from its QR code and sees it valid
    and which kind of document it is."""
    from courses import services as course_services

    settings.SITE_URL = live_server.url
    world, cohort, people = finished_cohort_with_results()
    amina = course_services.enrolment_withdraw(
        enrolment=people["amina"], on=datetime.date(2026, 4, 10), reason="Umzug nach Hamm", by=world.staff
    )

    page = new_page()
    login(page, "mitarbeiterin")
    page.goto(f"/zertifikate/kohorte/{cohort.pk}/")
    table = page.get_by_role("region", name=t("Requirements per participant"))
    amina_row = table.get_by_role("row").filter(has_text="Haddad")
    expect(amina_row).to_contain_text(t("Withdrew on %(date)s.", date="10.04.2026"))
    axe_check(page)
    amina_row.get_by_role("link", name=re.compile(t("Certificate of attendance"))).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(t("Issue a certificate of attendance"))
    axe_check(page)
    page.get_by_role("button", name=t("Issue certificate of attendance")).click()

    document = Certificate.objects.get(enrolment=amina, kind="attendance")
    expect(page.get_by_role("heading", level=1)).to_contain_text(document.number)
    expect(page.get_by_role("heading", level=1)).to_contain_text(t("Certificate of attendance"))
    axe_check(page)
    response = page.request.get(page.get_by_role("link", name=t("PDF"), exact=True).get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "teilnahmebescheinigung.pdf"
    pdf.write_bytes(response.body())
    pages = pdf_pages_as_png(pdf, tmp_path / "pages", dpi=150)
    assert len(pages) == 1
    save_screenshot_file(pages[0], "certificate-of-attendance")
    text = pdf_text(pdf)
    for expected in [
        "Teilnahmebescheinigung",
        "Amina Haddad",
        "kein Zertifikat",
        "vom 02.02.2026 bis 10.04.2026",
        "10.04.2026",
        document.number,
    ]:
        assert expected in text, f"{expected!r} is not printed:\n{text}"
    assert "erfolgreich" not in text

    # Anyone with the paper scans its QR code: valid, and it says it is a Teilnahmebescheinigung.
    (url,) = read_qr_codes(pages[0])
    assert url == document.snapshot["verification_url"]
    visitor = new_page(viewport=DESKTOP)
    visitor.goto(url)
    expect(visitor.get_by_role("status")).to_contain_text(t("This certificate of attendance is valid."))
    main = visitor.get_by_role("main")
    expect(main).to_contain_text("Amina Haddad")
    expect(main).to_contain_text(document.number)
    expect(main).to_contain_text(t("Certificate of attendance"))
    axe_check(visitor)
    screenshot(visitor, "verification-attendance")
